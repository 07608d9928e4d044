"""The CRUD Lambda: runs one DynamoDB operation per event.

Event: {"operation": ..., "tableName": ..., "payload": {...}}, as in the seed
(API Gateway custom integration passes the request body as the event).
"""
from __future__ import print_function

import boto3

print('Loading function')

_tables = {}


def _table(name):
    # One resource per table for the life of the container (creating one per
    # call costs tens of milliseconds).
    if name not in _tables:
        _tables[name] = boto3.resource('dynamodb').Table(name)
    return _tables[name]


def lambda_handler(event, context):
    '''Provide an event that contains the following keys:

      - operation: one of the operations in the operations dict below
      - tableName: required for operations that interact with DynamoDB
      - payload: a parameter to pass to the operation being performed
    '''
    operation = event['operation']

    if 'tableName' in event:
        dynamo = _table(event['tableName'])

    operations = {
        'create': lambda x: dynamo.put_item(**x),
        'read': lambda x: dynamo.get_item(**x),
        'update': lambda x: dynamo.update_item(**x),
        'delete': lambda x: dynamo.delete_item(**x),
        'list': lambda x: dynamo.scan(**x),
        'echo': lambda x: x,
        'ping': lambda x: 'pong'
    }

    if operation in operations:
        return operations[operation](event.get('payload'))
    else:
        raise ValueError('Unrecognized operation "{}"'.format(operation))
