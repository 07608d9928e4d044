"""A local stand-in for API Gateway (REST API) in front of the deployed handler,
run as the Lambda Python runtime would run it (lambda_runtime.py).

    POST /{stage}/DynamoDBManager
        --integration custom (default, as in the seed): the body is the event; the
            handler's result, or the runtime's error object, is a 200 body
        --integration proxy (as backend/template.yaml deploys it): the handler gets
            a proxy event and answers {statusCode, headers, body}; a crash or a
            malformed answer is 502 {"message": "Internal server error"}
    OPTIONS on that path   the CORS preflight, as the console's "Enable CORS" sets it
                           (--no-cors: no such method, so 403 as below)
    anything else          403 {"message":"Missing Authentication Token"}, no CORS header

Limits as API Gateway's: a request over 10 MB is 413 (plain text, from the edge,
no CORS header), an event over Lambda's 6 MB is 413 {"message": "Request Too
Long"}, an invocation still running after 29 s is 504 {"message": "Endpoint
request timed out"}. With --api-key, a request without that x-api-key is 403
{"message":"Forbidden"}. These gateway errors carry the CORS origin header, as
the template's gateway responses set it; --no-cors leaves every CORS header
out and has no preflight (an API on which CORS was never enabled).

One log line per request: method, path, operation, status, milliseconds.

Usage: python3 backend/local/local_api.py [--port 3000] [--integration custom|proxy]
       [--dynamodb-endpoint http://127.0.0.1:4567] [--table lambda-apigateway] ...
"""
import argparse
import base64
import importlib
import json
import os
import sys
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
LAMBDA_DIR = os.path.join(os.path.dirname(HERE), 'lambda')
sys.path.insert(0, HERE)

import lambda_runtime  # noqa: E402

RESOURCE = 'DynamoDBManager'
TABLE = 'lambda-apigateway'
CORS_ALLOW_HEADERS = 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'
MAX_REQUEST_BYTES = 10 * 1024 * 1024      # API Gateway's payload limit
MAX_EVENT_BYTES = 6 * 1024 * 1024         # Lambda's synchronous invocation limit
INTEGRATION_TIMEOUT_S = 29.0
PROXY_RESULT_FIELDS = {'statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'}


def configure_aws_environment(dynamodb_endpoint, region):
    """Points boto3 at the local DynamoDB; the handler itself is unchanged."""
    os.environ['AWS_ENDPOINT_URL_DYNAMODB'] = dynamodb_endpoint
    os.environ.setdefault('AWS_DEFAULT_REGION', region)
    os.environ.setdefault('AWS_REGION', region)
    os.environ.setdefault('AWS_ACCESS_KEY_ID', 'local')
    os.environ.setdefault('AWS_SECRET_ACCESS_KEY', 'local')


def handler_environment(table=TABLE, allowed_tables=None, allow_origin='*', cors=True):
    """The handler's configuration, as backend/template.yaml sets it on the function."""
    return {'TABLE_NAME': table, 'ALLOWED_TABLES': ','.join(allowed_tables or [table]),
            'ALLOWED_ORIGIN': allow_origin if cors else ''}


def load_handler():
    sys.path.insert(0, LAMBDA_DIR)
    module = importlib.import_module('lambda_function')
    return module.lambda_handler


def operation_of(event):
    return event.get('operation') if isinstance(event, dict) else None


def parse_proxy_result(text):
    """(status, headers, body bytes) from a handler's proxy answer, or None where API
    Gateway would find it malformed (not an object, unknown fields, a body that is not
    a string, a status that is not an HTTP status)."""
    try:
        result = json.loads(text)
    except ValueError:
        return None
    if not isinstance(result, dict) or set(result) - PROXY_RESULT_FIELDS:
        return None
    try:
        status = int(result.get('statusCode'))
    except (TypeError, ValueError):
        return None
    body = result.get('body')
    if not 100 <= status <= 599 or not isinstance(body, (str, type(None))):
        return None
    headers = _proxy_headers(result.get('headers'), result.get('multiValueHeaders'))
    if headers is None:
        return None
    try:
        data = base64.b64decode(body or '') if result.get('isBase64Encoded') else (body or '').encode('utf-8')
    except ValueError:
        return None
    return status, headers, data


def _proxy_headers(single, multi):
    headers = []
    for name, value in (single or {}).items():
        headers.append((name, value))
    for name, values in (multi or {}).items():
        if not isinstance(values, list):
            return None
        headers.extend((name, value) for value in values)
    if any(isinstance(value, (dict, list)) or value is None for _, value in headers):
        return None
    return [(name, value if isinstance(value, str) else json.dumps(value)) for name, value in headers]


class ApiHandler(BaseHTTPRequestHandler):
    server_version = 'LocalApiGateway'
    protocol_version = 'HTTP/1.1'
    disable_nagle_algorithm = True  # headers and body leave at once, no 40 ms delayed-ACK stall

    def log_message(self, fmt, *args):  # one line per request, written by _log
        pass

    def _path_matches(self):
        return self.path.split('?', 1)[0].rstrip('/') == '/{}/{}'.format(self.server.stage, RESOURCE)

    def _send(self, status, body, headers=(), cors=None, content_type='application/json'):
        """Sends one answer; `cors` adds the origin header (default: when CORS is on). Returns status."""
        data = body if isinstance(body, bytes) else body.encode('utf-8')
        self.send_response(status)
        names = {name.lower() for name, _ in headers}
        if 'content-type' not in names:
            self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(data)))
        self.send_header('x-amzn-RequestId', str(uuid.uuid4()))
        if self.server.cors if cors is None else cors:
            self.send_header('Access-Control-Allow-Origin', self.server.allow_origin)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(data)
        return status

    def _gateway_error(self, status, message):
        return self._send(status, json.dumps({'message': message}))

    def _missing_token(self):
        return self._send(403, '{"message":"Missing Authentication Token"}', cors=False)

    def _log(self, status, operation, started):
        if self.server.log is None:
            return
        line = '{} {} {} {} {:.1f}ms\n'.format(self.command, self.path, operation or '-', status,
                                               (time.perf_counter() - started) * 1000)
        with self.server.log_lock:
            self.server.log.write(line)
            self.server.log.flush()

    def _read_body(self):
        """The request body, or None when it is over API Gateway's limit (left unread)."""
        try:
            length = max(0, int(self.headers.get('Content-Length') or 0))
        except ValueError:
            length = 0
        if length > MAX_REQUEST_BYTES:
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b''

    def _answer(self, route):
        started = time.perf_counter()
        status, operation = route()
        self._log(status, operation, started)

    def do_OPTIONS(self):
        self._answer(self._preflight)

    def do_POST(self):
        self._answer(self._post)

    def _other(self):
        self._answer(self._not_a_route)

    do_GET = do_PUT = do_DELETE = do_PATCH = do_HEAD = _other

    def _not_a_route(self):
        if self._read_body() is None:
            return self._too_large(), None
        return self._missing_token(), None

    def _too_large(self):
        return self._send(413, 'HTTP content length exceeded {} bytes.'.format(MAX_REQUEST_BYTES),
                          cors=False, content_type='text; charset=utf-8')

    def _preflight(self):
        if self._read_body() is None:
            return self._too_large(), None
        # Without CORS the API has no OPTIONS method at all: API Gateway answers a
        # preflight as any other missing method, with no CORS header.
        if not self._path_matches() or not self.server.cors:
            return self._missing_token(), None
        headers = [('Access-Control-Allow-Methods', 'OPTIONS,POST'),
                   ('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS)]
        return self._send(200, '{}', headers), None

    def _post(self):
        body = self._read_body()
        if body is None:
            return self._too_large(), None
        if not self._path_matches():
            return self._missing_token(), None
        if self.server.api_key is not None and self.headers.get('x-api-key') != self.server.api_key:
            return self._gateway_error(403, 'Forbidden'), None
        if self.server.integration == 'proxy':
            return self._proxy(body)
        return self._custom(body)

    def _invoke(self, event):
        """Runs the handler in a warm environment: (ok, body text) or TIMED_OUT."""
        return self.server.environments.run(
            lambda: lambda_runtime.invoke(self.server.handler, event), self.server.integration_timeout)

    def _custom(self, body):
        try:
            event = lambda_runtime.parse_event(body.decode('utf-8') if body.strip() else '{}')
        except (ValueError, UnicodeDecodeError) as error:
            return self._gateway_error(400, 'Could not parse request body into json: {}'.format(error)), None
        operation = operation_of(event)
        if len(body) > MAX_EVENT_BYTES:
            return self._gateway_error(413, 'Request Too Long'), operation
        outcome = self._invoke(event)
        if outcome is lambda_runtime.TIMED_OUT:
            return self._gateway_error(504, 'Endpoint request timed out'), operation
        return self._send(200, outcome[1]), operation

    def _proxy(self, body):
        event_text = json.dumps(self._proxy_event(body))
        try:
            operation = operation_of(json.loads(body or b'null'))
        except (ValueError, UnicodeDecodeError):
            operation = None
        if len(event_text) > MAX_EVENT_BYTES:
            return self._gateway_error(413, 'Request Too Long'), operation
        outcome = self._invoke(lambda_runtime.parse_event(event_text))
        if outcome is lambda_runtime.TIMED_OUT:
            return self._gateway_error(504, 'Endpoint request timed out'), operation
        ok, text = outcome
        result = parse_proxy_result(text) if ok else None
        if result is None:
            return self._gateway_error(502, 'Internal server error'), operation
        status, headers, data = result
        return self._send(status, data, headers, cors=False), operation  # the function sets its own CORS headers

    def _proxy_event(self, body):
        """The event API Gateway's Lambda proxy integration (REST API) builds for this request."""
        path, _, query = self.path.partition('?')
        parameters = urllib.parse.parse_qs(query, keep_blank_values=True)
        multi_headers = {}
        for name, value in self.headers.items():
            multi_headers.setdefault(name, []).append(value)
        try:
            text, encoded = body.decode('utf-8'), False
        except UnicodeDecodeError:
            text, encoded = base64.b64encode(body).decode('ascii'), True
        return {
            'resource': '/' + RESOURCE,
            'path': '/' + RESOURCE,
            'httpMethod': self.command,
            'headers': {name: values[-1] for name, values in multi_headers.items()} or None,
            'multiValueHeaders': multi_headers or None,
            'queryStringParameters': {name: values[-1] for name, values in parameters.items()} or None,
            'multiValueQueryStringParameters': parameters or None,
            'pathParameters': None,
            'stageVariables': None,
            'requestContext': {
                'resourceId': 'local', 'resourcePath': '/' + RESOURCE, 'httpMethod': self.command,
                'path': path, 'stage': self.server.stage, 'protocol': self.request_version,
                'requestId': str(uuid.uuid4()), 'requestTimeEpoch': int(time.time() * 1000),
                'accountId': '000000000000', 'apiId': 'local', 'domainName': self.headers.get('Host', ''),
                'identity': {'sourceIp': self.client_address[0], 'userAgent': self.headers.get('User-Agent'),
                             'apiKey': self.headers.get('x-api-key') if self.server.api_key else None},
            },
            'body': text if body else None,
            'isBase64Encoded': encoded,
        }


def make_server(host, port, handler, stage='prod', integration='custom', cors=True, allow_origin='*',
                api_key=None, timeout=INTEGRATION_TIMEOUT_S, log=sys.stdout):
    """An API on (host, port) in front of `handler`; serve it with serve_forever().
    `log` receives one line per request (None: no log)."""
    if integration not in ('custom', 'proxy'):
        raise ValueError('integration must be custom or proxy, not ' + integration)
    server = ThreadingHTTPServer((host, port), ApiHandler)
    server.daemon_threads = True
    server.handler = handler
    server.environments = lambda_runtime.Environments()
    server.stage = stage
    server.integration = integration
    server.cors = cors
    server.allow_origin = allow_origin
    server.api_key = api_key
    server.integration_timeout = timeout
    server.log = log
    server.log_lock = threading.Lock()
    return server


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=3000)
    parser.add_argument('--stage', default='prod')
    parser.add_argument('--integration', choices=('custom', 'proxy'), default='custom',
                        help='how API Gateway calls the function (custom: as in the seed; proxy: as the SAM template)')
    parser.add_argument('--no-cors', action='store_true', help='send no CORS header (an API without CORS enabled)')
    parser.add_argument('--allow-origin', default='*', help='the Access-Control-Allow-Origin value')
    parser.add_argument('--api-key', help='require this x-api-key header (403 Forbidden without it)')
    parser.add_argument('--timeout', type=float, default=INTEGRATION_TIMEOUT_S,
                        help='seconds before 504 Endpoint request timed out (API Gateway: 29)')
    parser.add_argument('--dynamodb-endpoint', default='http://127.0.0.1:4567',
                        help='the DynamoDB the handler talks to (default: dynalite as scripts/demo starts it)')
    parser.add_argument('--region', default='us-east-1')
    parser.add_argument('--table', default=TABLE, help='the default table (TABLE_NAME)')
    parser.add_argument('--allowed-tables', help='comma-separated tables events may name (default: --table)')
    parser.add_argument('--quiet', action='store_true', help='no request log lines')
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    configure_aws_environment(args.dynamodb_endpoint, args.region)
    allowed = [t for t in (args.allowed_tables or '').split(',') if t.strip()]
    os.environ.update(handler_environment(args.table, allowed, args.allow_origin, not args.no_cors))
    try:
        server = make_server(args.host, args.port, load_handler(), args.stage, args.integration,
                             not args.no_cors, args.allow_origin, args.api_key, args.timeout,
                             None if args.quiet else sys.stdout)
    except OSError as error:
        sys.exit('local API: cannot listen on {}:{}: {}'.format(args.host, args.port, error.strerror))
    print('local API on http://{}:{}/{}/{} ({} integration, DynamoDB at {})'.format(
        args.host, args.port, args.stage, RESOURCE, args.integration, args.dynamodb_endpoint), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == '__main__':
    main()
