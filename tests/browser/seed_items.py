"""Writes COUNT numbered items straight into a local DynamoDB (dynalite) with
batch writes, for browser tests of large answers.

Usage: python3 tests/browser/seed_items.py ENDPOINT TABLE COUNT [--wide] [--dated]

Item i: id "item-00042", n = (i * 7919) mod 10007 (a number column that sorts
differently from the ids), name "name 42", every tenth item a nested map
"tags", every seventh item without "name" (a missing attribute). With --wide, six
more attributes make ten columns: balance (38 digits), price, active, city,
zip and a short description (for the frame-time benchmark). With --dated, one
more item, id "dated", holds epoch times: createdAt 1700000000123 (ms) and ttl
1700000000 (s)."""
import sys
from decimal import Decimal

import boto3
from botocore.config import Config


def item(i):
    value = {'id': 'item-{:05d}'.format(i), 'n': Decimal((i * 7919) % 10007)}
    if i % 7:
        value['name'] = 'name {}'.format(i)
    if i % 10 == 0:
        value['tags'] = {'group': 'g{}'.format(i // 10), 'rank': Decimal(i)}
    return value


def wide_item(i):
    value = item(i)
    value['balance'] = Decimal('{:038d}'.format(i * 9973 % 10 ** 38 + 10 ** 37))
    value['price'] = Decimal('{}.{:02d}'.format(i % 997, i % 100))
    value['active'] = i % 3 != 0
    value['city'] = ('Lisbon', 'Oslo', 'Quito', 'Perth', 'Accra')[i % 5]
    value['zip'] = '{:05d}'.format(i * 31 % 100000)
    value['description'] = 'item {} of the frame benchmark, group {}'.format(i, i % 12)
    return value


DATED = {'id': 'dated', 'createdAt': Decimal(1700000000123), 'ttl': Decimal(1700000000)}


def main(endpoint, table, count, make=item, dated=False):
    resource = boto3.resource('dynamodb', endpoint_url=endpoint, region_name='us-east-1',
                              aws_access_key_id='local', aws_secret_access_key='local',
                              config=Config(retries={'max_attempts': 3}))
    with resource.Table(table).batch_writer() as batch:
        for i in range(count):
            batch.put_item(Item=make(i))
        if dated:
            batch.put_item(Item=DATED)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), wide_item if '--wide' in sys.argv[4:] else item,
         '--dated' in sys.argv[4:])
