"""The CRUD Lambda: runs one DynamoDB operation per event.

Event, as in the seed (API Gateway custom integration passes the request body
as the event):

    {"operation": "create|read|update|delete|list|echo|ping",
     "tableName": "...",            optional: TABLE_NAME when absent
     "payload": {...}}              the keyword arguments of put_item, get_item,
                                    update_item, delete_item or scan

Under an API Gateway proxy integration the same event is the request body and
the answer is {statusCode, headers, body}: 400 for the caller's mistakes, 409
for a failed condition, 500 for the rest. Under a custom integration errors
are raised, so that the runtime reports them (errorType, errorMessage) and
integration responses can map them.

Configuration (environment):
    TABLE_NAME       the table an event without tableName uses
    ALLOWED_TABLES   comma-separated tables an event may name (default: TABLE_NAME)
    ALLOWED_ORIGIN   Access-Control-Allow-Origin of proxy answers ("*" by
                     default; empty: no CORS header)

Numbers become Decimal exactly. Values JSON has no type for are written, and
read, as single-member objects: {"$SS": [...]} string set, {"$NS": [...]}
number set, {"$B": "<base64>"} binary, {"$BS": ["<base64>", ...]} binary set.
"""
import base64
import binascii
import decimal
import difflib
import json
import os
import threading
import traceback

import boto3
from boto3.dynamodb.types import Binary
from botocore.exceptions import ClientError, ParamValidationError

print('Loading function')

TABLE_ACTIONS = {'create': 'put_item', 'read': 'get_item', 'update': 'update_item',
                 'delete': 'delete_item', 'list': 'scan'}
OPERATIONS = tuple(TABLE_ACTIONS) + ('echo', 'ping')
EVENT_KEYS = ('operation', 'tableName', 'payload')
REQUIRED_KEYS = {'create': 'Item', 'read': 'Key', 'update': 'Key', 'delete': 'Key'}
EXAMPLES = {'Item': '{"Item": {"id": "1", "name": "Bob"}}', 'Key': '{"Key": {"id": "1"}}'}

MAX_DIGITS = 38                # DynamoDB keeps 38 significant digits,
MIN_EXPONENT, MAX_EXPONENT = -130, 125   # magnitudes 1E-130 to 9.99...E+125
STATUS_BY_DYNAMODB_ERROR = {'ConditionalCheckFailedException': 409, 'ValidationException': 400}


class RequestError(Exception):
    """A failure reported to the caller; `status` is its HTTP status under a proxy integration."""
    status = 500


class ValidationError(RequestError):
    """The event is not one this function can run; the message names the field."""
    status = 400


class TableNotAllowedError(RequestError):
    """The event names a table this function is not configured to serve."""
    status = 400


class DynamoDBError(RequestError):
    """DynamoDB refused the call; subclasses are named after DynamoDB's error code."""


_error_classes = {}


def dynamodb_error(error):
    """The RequestError for a botocore ClientError: its class is named after DynamoDB's code
    (so the runtime's errorType is e.g. ConditionalCheckFailedException), its message is DynamoDB's."""
    code = error.response.get('Error', {}).get('Code') or 'DynamoDBError'
    message = error.response.get('Error', {}).get('Message') or str(error)
    if not code.isidentifier():
        code = 'DynamoDBError'
    if code not in _error_classes:
        _error_classes[code] = type(code, (DynamoDBError,), {
            '__module__': __name__, 'status': STATUS_BY_DYNAMODB_ERROR.get(code, 500)})
    return _error_classes[code](message)


# ---------------------------------------------------------------- JSON wire form

MARKERS = ('$SS', '$NS', '$B', '$BS')


def from_wire(value, path, numbers):
    """`value` as parsed from JSON, with numbers made Decimal by `numbers(value, path)` and the
    set and binary markers made sets and Binary. Errors name `path` (e.g. payload.Item.tags)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float, decimal.Decimal)):
        return numbers(value, path)
    if isinstance(value, list):
        return [from_wire(item, '{}[{}]'.format(path, i), numbers) for i, item in enumerate(value)]
    if isinstance(value, dict):
        marker = _marker(value, path)
        if marker:
            return _read_marked(marker, value[marker], '{}.{}'.format(path, marker), numbers)
        return {key: from_wire(item, '{}.{}'.format(path, key), numbers) for key, item in value.items()}
    raise ValidationError('{}: a {} is not a JSON value'.format(path, type(value).__name__))


def _marker(value, path):
    markers = [key for key in value if key in MARKERS]
    if not markers:
        return None
    if len(value) > 1:
        raise ValidationError('{}: "{}" marks a set or binary value and must be the only member of its object'
                              .format(path, markers[0]))
    return markers[0]


def _read_marked(marker, members, path, numbers):
    if marker == '$B':
        return _read_binary(members, path)
    if not isinstance(members, list) or not members:
        raise ValidationError('{}: a set is a non-empty list (DynamoDB has no empty sets)'.format(path))
    read = {'$SS': _read_string, '$NS': _number_reader(numbers), '$BS': _read_binary}[marker]
    result = set()
    for i, member in enumerate(members):
        item = read(member, '{}[{}]'.format(path, i))
        if item in result:
            raise ValidationError('{}[{}]: {} is in the set twice (DynamoDB refuses duplicates)'
                                  .format(path, i, json.dumps(member, default=str)))
        result.add(item)
    return result


def _is_number(value):
    return isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool)


def _number_reader(numbers):
    def read(value, path):
        return numbers(value, path) if _is_number(value) else _not_a(value, path, 'number')
    return read


def _not_a(value, path, kind):
    raise ValidationError('{}: expected a {}, got {}'.format(path, kind, json.dumps(value, default=str)))


def _read_string(value, path):
    return value if isinstance(value, str) else _not_a(value, path, 'string')


def _read_binary(value, path):
    if not isinstance(value, str):
        _not_a(value, path, 'base64 string')
    try:
        return Binary(base64.b64decode(value, validate=True))
    except (binascii.Error, ValueError):
        raise ValidationError('{}: "{}" is not base64'.format(path, value[:40])) from None


def exact_number(number, path):
    """A JSON number, exact: an int stays int, a Decimal stays itself, and a float (the runtime
    parses events without Decimal) becomes the Decimal of its shortest text, so 4.5 and 0.1
    stay 4.5 and 0.1."""
    value = decimal.Decimal(repr(number)) if isinstance(number, float) else decimal.Decimal(number)
    if not value.is_finite():
        raise ValidationError('{}: {} is not a finite number'.format(path, number))
    return number if isinstance(number, int) else value


def dynamodb_number(number, path):
    """A JSON number as a value DynamoDB stores exactly, or a ValidationError naming `path`.
    Integers stay int (so Limit and Segment keep their type)."""
    value = decimal.Decimal(exact_number(number, path))
    if value.is_zero():
        return 0 if isinstance(number, int) else decimal.Decimal(0)
    sign, digits, exponent = value.as_tuple()
    significant = ''.join(map(str, digits)).rstrip('0')
    if len(significant) > MAX_DIGITS:
        raise ValidationError('{}: {} has {} significant digits; DynamoDB keeps at most {}'
                              .format(path, number, len(significant), MAX_DIGITS))
    trimmed = decimal.Decimal((sign, tuple(map(int, significant)), exponent + len(digits) - len(significant)))
    if not MIN_EXPONENT <= trimmed.adjusted() <= MAX_EXPONENT:
        raise ValidationError('{}: {} is outside the range DynamoDB stores (magnitude 1E-130 to 9.99E+125)'
                              .format(path, number))
    if len(digits) > MAX_DIGITS:  # trailing zeros only: boto3 would refuse the long form
        return trimmed
    return number if isinstance(number, int) else value


def to_wire(value):
    """A result as JSON-ready values: sets and binary become their marker objects."""
    if isinstance(value, dict):
        return {key: to_wire(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_wire(item) for item in value]
    if isinstance(value, (Binary, bytes, bytearray)):
        return {'$B': _base64(value)}
    if isinstance(value, (set, frozenset)):
        return _set_to_wire(value)
    return value


def _base64(value):
    return base64.b64encode(bytes(value.value if isinstance(value, Binary) else value)).decode('ascii')


def _set_to_wire(members):
    # Sorted, so that the same set is always written the same way.
    if all(isinstance(m, str) for m in members):
        return {'$SS': sorted(members)}
    if all(_is_number(m) for m in members):
        return {'$NS': sorted(members)}
    ordered = sorted(members, key=lambda m: bytes(m.value if isinstance(m, Binary) else m))
    return {'$BS': [_base64(m) for m in ordered]}


def to_json(value):
    """JSON text as the Lambda runtime writes a result: a Decimal as its exact text."""
    out = []
    _write_json(value, out)
    return ''.join(out)


def _write_json(value, out):
    if isinstance(value, decimal.Decimal):
        out.append(str(value))
    elif isinstance(value, dict):
        out.append('{')
        for i, (key, item) in enumerate(value.items()):
            out.append(', ' if i else '')
            out.append(json.dumps(str(key), ensure_ascii=False) + ': ')
            _write_json(item, out)
        out.append('}')
    elif isinstance(value, (list, tuple)):
        out.append('[')
        for i, item in enumerate(value):
            out.append(', ' if i else '')
            _write_json(item, out)
        out.append(']')
    else:
        out.append(json.dumps(value, ensure_ascii=False))


# ---------------------------------------------------------------- running an event

_environment = threading.local()  # Lambda runs one event at a time per environment; the local API one per thread
_session_lock = threading.Lock()
_session = None


def _dynamodb():
    """This environment's DynamoDB resource (boto3 resources must not be shared between threads),
    made again when the configured endpoint changes. All come from one boto3 session, one at a
    time, so that the service model is loaded once."""
    global _session
    endpoint = os.environ.get('AWS_ENDPOINT_URL_DYNAMODB', '')
    if getattr(_environment, 'endpoint', None) != endpoint:
        with _session_lock:
            _session = _session or boto3.session.Session()
            _environment.resource = _session.resource('dynamodb')
        _environment.endpoint = endpoint
    return _environment.resource


def _parameters(action):
    """The payload keys `action` takes: boto3's own parameters, less TableName."""
    client = _dynamodb().meta.client
    model = client.meta.service_model.operation_model(client.meta.method_to_api_mapping[action])
    return sorted(set(model.input_shape.members) - {'TableName'})


def _did_you_mean(word, choices):
    close = difflib.get_close_matches(word, choices, n=1)
    return ' (did you mean {}?)'.format(close[0]) if close else ''


def _json_type(value):
    names = {dict: 'an object', list: 'a list', str: 'a string', bool: 'a boolean', type(None): 'null'}
    return names.get(type(value), 'a number')


def allowed_tables():
    """(default table or '', tables an event may name) from the environment."""
    default = os.environ.get('TABLE_NAME', '').strip()
    allowed = [name.strip() for name in os.environ.get('ALLOWED_TABLES', '').split(',') if name.strip()]
    return default, allowed or ([default] if default else [])


def _table_name(event):
    default, allowed = allowed_tables()
    name = event.get('tableName')
    if name is None:
        if not default:
            raise ValidationError('tableName is missing and this function has no default table (TABLE_NAME)')
        return default
    if not isinstance(name, str) or not name:
        raise ValidationError('tableName must be a non-empty string, got {}'.format(json.dumps(name, default=str)))
    if name not in allowed:
        serves = ', '.join(allowed) if allowed else 'no table (set TABLE_NAME or ALLOWED_TABLES)'
        hint = '; leave tableName out to use {}'.format(default) if default else ''
        raise TableNotAllowedError('table "{}" is not allowed: this function serves {}{}'.format(name, serves, hint))
    return name


def _check_event(event):
    if not isinstance(event, dict):
        raise ValidationError('the event must be a JSON object like {{"operation": "ping"}}, got {}'
                              .format(_json_type(event)))
    for key in event:
        if key not in EVENT_KEYS:
            raise ValidationError('"{}" is not an event field; an event has {}{}'.format(
                key, ', '.join(EVENT_KEYS), _did_you_mean(key, EVENT_KEYS)))
    operation = event.get('operation')
    if operation is None:
        raise ValidationError('operation is missing: use one of ' + ', '.join(OPERATIONS))
    if operation not in OPERATIONS:
        raise ValidationError('Unrecognized operation "{}": use one of {}{}'.format(
            operation, ', '.join(OPERATIONS), _did_you_mean(str(operation), OPERATIONS)))
    return operation


def _check_payload(operation, payload):
    action = TABLE_ACTIONS[operation]
    if payload is None and operation == 'list':
        return {}
    required = REQUIRED_KEYS.get(operation)
    if payload is None:
        raise ValidationError('payload is missing: {} needs a payload like {}'.format(operation, EXAMPLES[required]))
    if not isinstance(payload, dict):
        raise ValidationError('payload must be an object (the arguments of {}), got {}'
                              .format(action, _json_type(payload)))
    parameters = _parameters(action)
    for key in payload:
        if key == 'TableName':
            raise ValidationError('payload.TableName: name the table with the event\'s tableName')
        if key not in parameters:
            raise ValidationError('payload.{} is not a parameter of {} ({}){}; it takes {}'.format(
                key, operation, action, _did_you_mean(key, parameters), ', '.join(parameters)))
    if required and required not in payload:
        raise ValidationError('payload.{} is missing: {} needs it, e.g. {}'.format(required, operation, EXAMPLES[required]))
    if required and not isinstance(payload[required], dict):
        raise ValidationError('payload.{} must be an object of attributes, e.g. {}'.format(required, EXAMPLES[required]))
    return payload


def run(event):
    """Runs one operation event and returns its result (DynamoDB's response for table
    operations); raises a RequestError that says what went wrong."""
    operation = _check_event(event)
    if operation == 'ping':
        return 'pong'
    if operation == 'echo':
        return from_wire(event.get('payload'), 'payload', exact_number)
    payload = _check_payload(operation, event.get('payload'))
    table = _dynamodb().Table(_table_name(event))
    arguments = from_wire(payload, 'payload', dynamodb_number)
    try:
        return getattr(table, TABLE_ACTIONS[operation])(**arguments)
    except ClientError as error:
        raise dynamodb_error(error) from None
    except ParamValidationError as error:
        raise ValidationError(str(error)) from None


# ---------------------------------------------------------------- the two integrations

def is_proxy_event(event):
    """True for an API Gateway proxy event (REST: httpMethod; HTTP API and function URLs: routeKey)."""
    return isinstance(event, dict) and 'requestContext' in event and ('httpMethod' in event or 'routeKey' in event)


PREFLIGHT_HEADERS = {'Access-Control-Allow-Methods': 'OPTIONS,POST',
                     'Access-Control-Allow-Headers': 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'}


def _cors_headers():
    origin = os.environ.get('ALLOWED_ORIGIN', '*').strip()
    if not origin:
        return {}
    return {'Access-Control-Allow-Origin': origin, **({} if origin == '*' else {'Vary': 'Origin'})}


def _proxy_response(status, value, headers=None):
    return {'statusCode': status, 'headers': {'Content-Type': 'application/json', **_cors_headers(), **(headers or {})},
            'body': to_json(value)}


def _reject_constant(name):
    raise ValidationError('the request body holds {}, which is not a JSON number'.format(name))


def _body_event(event):
    """The operation event in a proxy event's body, with every number an exact Decimal."""
    body = event.get('body') or ''
    if event.get('isBase64Encoded'):
        try:
            body = base64.b64decode(body).decode('utf-8')
        except (binascii.Error, UnicodeDecodeError):
            raise ValidationError('the request body is not UTF-8 text') from None
    try:
        return json.loads(body or '{}', parse_float=decimal.Decimal, parse_constant=_reject_constant)
    except ValueError as error:
        raise ValidationError('the request body is not JSON: {}'.format(error)) from None


def _error_body(error, context):
    return {'errorType': type(error).__name__, 'errorMessage': str(error),
            'requestId': getattr(context, 'aws_request_id', '')}


def _proxy_answer(event, context):
    method = event.get('httpMethod') or event.get('requestContext', {}).get('http', {}).get('method')
    if method == 'OPTIONS':  # a preflight routed to the function (API Gateway usually answers it)
        return _proxy_response(200, {}, PREFLIGHT_HEADERS if _cors_headers() else {})
    try:
        return _proxy_response(200, to_wire(run(_body_event(event))))
    except RequestError as error:
        return _proxy_response(error.status, _error_body(error, context))
    except Exception as error:  # a fault the caller cannot fix: log it, answer 500
        traceback.print_exc()
        return _proxy_response(500, _error_body(error, context))


def lambda_handler(event, context):
    '''Provide an event that contains the following keys:

      - operation: one of create, read, update, delete, list, echo, ping
      - tableName: the table (optional: TABLE_NAME; only ALLOWED_TABLES)
      - payload: the parameters of the operation
    '''
    if is_proxy_event(event):
        return _proxy_answer(event, context)
    return to_wire(run(event))
