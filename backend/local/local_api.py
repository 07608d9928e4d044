"""A local stand-in for API Gateway (REST API, Lambda custom integration) in
front of the deployed handler, run as the Lambda Python runtime would run it.

    POST /{stage}/DynamoDBManager   the body is the event; the handler's result is the body
    OPTIONS on that path            the CORS preflight, as the console's "Enable CORS" sets it
    anything else                   403 {"message":"Missing Authentication Token"}, no CORS header

Usage: python3 backend/local/local_api.py --port 3000 --dynamodb-endpoint http://127.0.0.1:4567
"""
import argparse
import importlib
import json
import os
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
LAMBDA_DIR = os.path.join(os.path.dirname(HERE), 'lambda')
sys.path.insert(0, HERE)

import lambda_runtime  # noqa: E402

RESOURCE = 'DynamoDBManager'
CORS_ALLOW_HEADERS = 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'


def configure_aws_environment(dynamodb_endpoint, region):
    """Points boto3 at the local DynamoDB; the handler itself is unchanged."""
    os.environ['AWS_ENDPOINT_URL_DYNAMODB'] = dynamodb_endpoint
    os.environ.setdefault('AWS_DEFAULT_REGION', region)
    os.environ.setdefault('AWS_REGION', region)
    os.environ.setdefault('AWS_ACCESS_KEY_ID', 'local')
    os.environ.setdefault('AWS_SECRET_ACCESS_KEY', 'local')


def load_handler():
    sys.path.insert(0, LAMBDA_DIR)
    module = importlib.import_module('lambda_function')
    return module.lambda_handler


class ApiHandler(BaseHTTPRequestHandler):
    server_version = 'LocalApiGateway'
    protocol_version = 'HTTP/1.1'
    disable_nagle_algorithm = True  # headers and body leave at once, no 40 ms delayed-ACK stall

    def log_message(self, fmt, *args):  # one line per request, written by _log
        pass

    def _path_matches(self):
        return self.path.split('?', 1)[0].rstrip('/') == '/{}/{}'.format(self.server.stage, RESOURCE)

    def _send(self, status, body, cors=True, extra=None):
        data = body.encode('utf-8')
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.send_header('x-amzn-RequestId', str(uuid.uuid4()))
        if cors:
            self.send_header('Access-Control-Allow-Origin', self.server.allow_origin)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _log(self, status, operation, started):
        if not self.server.log_requests:
            return
        sys.stdout.write('{} {} {} {} {:.1f}ms\n'.format(
            self.command, self.path, operation or '-', status, (time.perf_counter() - started) * 1000))
        sys.stdout.flush()

    def _missing_token(self, started):
        self._send(403, '{"message":"Missing Authentication Token"}', cors=False)
        self._log(403, None, started)

    def do_OPTIONS(self):
        started = time.perf_counter()
        if not self._path_matches():
            return self._missing_token(started)
        self._send(200, '{}', extra={
            'Access-Control-Allow-Methods': 'OPTIONS,POST',
            'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
        })
        self._log(200, None, started)

    def do_POST(self):
        started = time.perf_counter()
        length = int(self.headers.get('Content-Length') or 0)
        raw = self.rfile.read(length) if length else b''
        if not self._path_matches():
            return self._missing_token(started)
        try:
            event = json.loads(raw.decode('utf-8') or 'null')
        except (ValueError, UnicodeDecodeError) as error:
            message = json.dumps({'message': 'Could not parse request body into json: {}'.format(error)})
            self._send(400, message)
            return self._log(400, None, started)
        _, body = lambda_runtime.invoke(self.server.handler, event)
        operation = event.get('operation') if isinstance(event, dict) else None
        self._send(200, body)
        self._log(200, operation, started)

    def _other(self):
        started = time.perf_counter()
        length = int(self.headers.get('Content-Length') or 0)
        if length:
            self.rfile.read(length)
        self._missing_token(started)

    do_GET = do_PUT = do_DELETE = do_PATCH = do_HEAD = _other


def make_server(host, port, handler, stage='prod', allow_origin='*', log_requests=True):
    server = ThreadingHTTPServer((host, port), ApiHandler)
    server.daemon_threads = True
    server.handler = handler
    server.stage = stage
    server.allow_origin = allow_origin
    server.log_requests = log_requests
    return server


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=3000)
    parser.add_argument('--stage', default='prod')
    parser.add_argument('--dynamodb-endpoint', default='http://127.0.0.1:4567')
    parser.add_argument('--region', default='us-east-1')
    parser.add_argument('--allow-origin', default='*')
    args = parser.parse_args(argv)
    configure_aws_environment(args.dynamodb_endpoint, args.region)
    try:
        server = make_server(args.host, args.port, load_handler(), args.stage, args.allow_origin)
    except OSError as error:
        sys.exit('local API: cannot listen on {}:{}: {}'.format(args.host, args.port, error.strerror))
    print('local API on http://{}:{}/{}/{} (DynamoDB at {})'.format(
        args.host, args.port, args.stage, RESOURCE, args.dynamodb_endpoint), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == '__main__':
    main()
