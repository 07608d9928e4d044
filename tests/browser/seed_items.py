"""Writes COUNT numbered items straight into a local DynamoDB (dynalite) with
batch writes, for browser tests of large answers.

Usage: python3 tests/browser/seed_items.py ENDPOINT TABLE COUNT

Item i: id "item-00042", n = (i * 7919) mod 10007 (a number column that sorts
differently from the ids), name "name 42", every tenth item a nested map
"tags", every seventh item without "name" (a missing attribute)."""
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


def main(endpoint, table, count):
    resource = boto3.resource('dynamodb', endpoint_url=endpoint, region_name='us-east-1',
                              aws_access_key_id='local', aws_secret_access_key='local',
                              config=Config(retries={'max_attempts': 3}))
    with resource.Table(table).batch_writer() as batch:
        for i in range(count):
            batch.put_item(Item=item(i))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
