"""What the AWS Lambda Python runtime does around a handler, for local runs.

- the event is parsed from JSON without Decimal (1.5 arrives as a float);
- the result is serialised with a Decimal written as its exact text;
- an exception becomes {"errorMessage", "errorType", "requestId", "stackTrace"};
- a result that JSON cannot hold (a set, bytes) is a Runtime.MarshalError.
"""
import decimal
import json
import math
import traceback
import uuid


class MarshalError(Exception):
    pass


class Context:
    """The parts of the Lambda context object a handler may read."""

    def __init__(self, function_name='DynamoDBManager', timeout_ms=29000):
        self.aws_request_id = str(uuid.uuid4())
        self.function_name = function_name
        self.function_version = '$LATEST'
        self.memory_limit_in_mb = 128
        self.invoked_function_arn = 'arn:aws:lambda:local:000000000000:function:' + function_name
        self._timeout_ms = timeout_ms

    def get_remaining_time_in_millis(self):
        return self._timeout_ms


def to_json(value):
    """Serialise like the runtime: exact Decimal text, compact separators."""
    out = []
    _write(value, out)
    return ''.join(out)


def _write(value, out):
    if value is None or isinstance(value, (bool, str)):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, decimal.Decimal):
        out.append(str(value))
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise MarshalError('Unable to marshal response: Out of range float values are not JSON compliant')
        out.append(repr(value))
    elif isinstance(value, dict):
        out.append('{')
        for i, (key, item) in enumerate(value.items()):
            if i:
                out.append(', ')
            out.append(json.dumps(str(key), ensure_ascii=False))
            out.append(': ')
            _write(item, out)
        out.append('}')
    elif isinstance(value, (list, tuple)):
        out.append('[')
        for i, item in enumerate(value):
            if i:
                out.append(', ')
            _write(item, out)
        out.append(']')
    else:
        raise MarshalError('Unable to marshal response: Object of type {} is not JSON serializable'
                           .format(type(value).__name__))


def error_body(error, request_id):
    """The runtime's body for an exception raised by the handler."""
    if isinstance(error, MarshalError):
        return {'errorMessage': str(error), 'errorType': 'Runtime.MarshalError',
                'requestId': request_id, 'stackTrace': []}
    frames = traceback.extract_tb(error.__traceback__)
    return {
        'errorMessage': str(error),
        'errorType': type(error).__name__,
        'requestId': request_id,
        'stackTrace': ['  File "{}", line {}, in {}\n    {}\n'.format(f.filename, f.lineno, f.name, f.line or '')
                       for f in frames],
    }


def invoke(handler, event, context=None):
    """Runs `handler` as the runtime would. Returns (ok, body_text)."""
    context = context or Context()
    try:
        return True, to_json(handler(event, context))
    except Exception as error:  # the runtime reports every handler failure
        return False, to_json(error_body(error, context.aws_request_id))
