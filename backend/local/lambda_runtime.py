"""What the AWS Lambda Python runtime does around a handler, for local runs.

- the event is parsed from JSON without Decimal (1.5 arrives as a float);
- the result is serialised with a Decimal written as its exact text, non-ASCII
  text as itself (the python3.12+ runtimes), bytes passed through unchanged;
- an exception becomes {"errorMessage", "errorType", "requestId", "stackTrace"};
- a result that JSON cannot hold (a set, a Binary) is a Runtime.MarshalError;
- each warm execution environment runs one invocation at a time and keeps the
  handler's state between invocations; the caller stops waiting at its timeout
  while the invocation runs on (Environments).
"""
import decimal
import json
import queue
import threading
import time
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
        self._deadline = time.monotonic() + timeout_ms / 1000.0

    def get_remaining_time_in_millis(self):
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def parse_event(text):
    """The event as the runtime hands it to the handler: numbers with a fraction or an
    exponent are floats."""
    return json.loads(text)


def to_json(value):
    """Serialise like the runtime: exact Decimal text, ', ' and ': ' separators."""
    out = []
    _write(value, out)
    return ''.join(out)


def _write(value, out):
    if isinstance(value, decimal.Decimal):
        out.append('NaN' if value.is_nan() else str(value))
    elif value is None or isinstance(value, (bool, str, int, float)):
        out.append(json.dumps(value, ensure_ascii=False))  # NaN and Infinity as the runtime writes them
    elif isinstance(value, dict):
        out.append('{')
        for i, (key, item) in enumerate(value.items()):
            out.append(', ' if i else '')
            out.append(json.dumps(str(key), ensure_ascii=False) + ': ')
            _write(item, out)
        out.append('}')
    elif isinstance(value, (list, tuple)):
        out.append('[')
        for i, item in enumerate(value):
            out.append(', ' if i else '')
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
    frames = list(traceback.extract_tb(error.__traceback__))
    while frames and frames[0].filename == __file__:  # the runtime leaves out its own frames
        frames.pop(0)
    return {
        'errorMessage': str(error),
        'errorType': type(error).__name__,
        'requestId': request_id,
        'stackTrace': traceback.format_list(frames),
    }


def invoke(handler, event, context=None):
    """Runs `handler` as the runtime would. Returns (ok, body_text)."""
    context = context or Context()
    try:
        result = handler(event, context)
        if isinstance(result, bytes):
            return True, result.decode('utf-8', 'replace')
        return True, to_json(result)
    except Exception as error:  # the runtime reports every handler failure
        return False, to_json(error_body(error, context.aws_request_id))


TIMED_OUT = object()


class Environments:
    """Warm execution environments: one daemon thread each, running one invocation at a
    time (so a handler's per-environment state, like its boto3 resource, is reused) and
    started when every environment is busy, as Lambda scales out. A stuck invocation
    never blocks the process from exiting."""

    def __init__(self):
        self._idle = []
        self._lock = threading.Lock()

    def run(self, function, timeout):
        """Returns function() or TIMED_OUT when it has not returned within `timeout` s."""
        with self._lock:
            jobs = self._idle.pop() if self._idle else self._start()
        finished = threading.Event()
        outcome = []

        def job():
            outcome.append(function())
            finished.set()

        jobs.put(job)
        return outcome[0] if finished.wait(timeout) else TIMED_OUT

    def _start(self):
        jobs = queue.SimpleQueue()
        threading.Thread(target=self._serve, args=(jobs,), daemon=True, name='lambda-environment').start()
        return jobs

    def _serve(self, jobs):
        while True:
            jobs.get()()
            with self._lock:
                self._idle.append(jobs)
