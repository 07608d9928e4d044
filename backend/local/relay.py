"""A relay for an API without CORS (the seed's tutorial deploys its API by console
clicks, without CORS, so a browser page cannot read its answers).

It listens on 127.0.0.1 only and forwards each POST on the target's own path to
that one target URL, given at start, and nowhere else: it is not an open proxy
(another path, another method or an absolute URL in the request line is refused
without being forwarded). It passes the caller's body, Content-Type and
x-api-key header, answers the CORS preflight itself, and adds the CORS headers
to every answer, which its log says. With `allow_origin` set to the page's
origin (as scripts/demo --relay sets it), a request from any other page is
refused, so other sites cannot use the relay while it runs.

Usage: python3 backend/local/relay.py https://{id}.execute-api.{region}.amazonaws.com/prod/DynamoDBManager
       [--port 3000] [--allow-origin http://127.0.0.1:8080]
"""
import argparse
import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOOPBACK = ('127.0.0.1', '::1', 'localhost')
CORS_ALLOW_HEADERS = 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'
MAX_REQUEST_BYTES = 10 * 1024 * 1024  # API Gateway's own limit: no larger request can succeed there
FORWARDED_ANSWER_HEADERS = ('Content-Type', 'x-amzn-RequestId', 'x-amzn-ErrorType', 'x-amz-apigw-id')
TIMEOUT_S = 35  # a little over API Gateway's 29 s, so its own 504 comes through


def check_target(url):
    """The target URL, or ValueError saying why it cannot be one."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ('http', 'https') or not parts.hostname:
        raise ValueError('the relay target must be an http(s) URL such as '
                         'https://{id}.execute-api.{region}.amazonaws.com/prod/DynamoDBManager, not ' + repr(url))
    if parts.query or parts.fragment:
        raise ValueError('the relay target must have no query or fragment: ' + url)
    return url


class RelayHandler(BaseHTTPRequestHandler):
    server_version = 'WorkbenchRelay'
    protocol_version = 'HTTP/1.1'

    def log_message(self, fmt, *args):  # one line per request, written by _log
        pass

    def _log(self, status, note, started):
        if self.server.log is None:
            return
        line = 'relay {} {} -> {} {:.1f}ms ({})\n'.format(self.command, self.path, status,
                                                          (time.perf_counter() - started) * 1000, note)
        with self.server.log_lock:
            self.server.log.write(line)
            self.server.log.flush()

    def _send(self, status, body, headers=()):
        data = body if isinstance(body, bytes) else body.encode('utf-8')
        self.send_response(status)
        names = {name.lower() for name, _ in headers}
        if 'content-type' not in names:
            self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.send_header('Access-Control-Allow-Origin', self.server.allow_origin)
        if self.server.allow_origin != '*':
            self.send_header('Vary', 'Origin')
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        return status

    def _refuse(self, status, message):
        return self._send(status, json.dumps({'message': message}))

    def _read_body(self):
        try:
            length = max(0, int(self.headers.get('Content-Length') or 0))
        except ValueError:
            length = 0
        if length > MAX_REQUEST_BYTES:
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b''

    def _refusal(self):
        """Why this request is not forwarded, as (status, message), or None."""
        if self.path != self.server.path:
            return 404, 'this relay forwards only POST {} to {}'.format(self.server.path, self.server.target)
        origin = self.headers.get('Origin')
        if origin and self.server.allow_origin != '*' and origin != self.server.allow_origin:
            return 403, 'this relay serves only pages from {}, not {}'.format(self.server.allow_origin, origin)
        return None

    def do_OPTIONS(self):
        started = time.perf_counter()
        self._read_body()
        refusal = self._refusal()
        if refusal:
            self._log(refusal[0], 'refused, not forwarded', started)
            self._refuse(*refusal)
            return
        self._log(200, 'preflight answered by the relay', started)
        self._send(200, '{}', [('Access-Control-Allow-Methods', 'OPTIONS,POST'),
                               ('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS),
                               ('Access-Control-Max-Age', '600')])

    def do_POST(self):
        started = time.perf_counter()
        body = self._read_body()
        if body is None:
            self._log(413, 'refused', started)
            self._refuse(413, 'request over {} bytes'.format(MAX_REQUEST_BYTES))
            return
        refusal = self._refusal()
        if refusal:
            self._log(refusal[0], 'refused, not forwarded', started)
            self._refuse(*refusal)
            return
        status, headers, data = self._forward(body)
        # Logged before the answer leaves, so the line is there once the caller has it.
        self._log(status, '{} answered; CORS headers added'.format(self.server.target), started)
        self._send(status, data, headers)

    def _forward(self, body):
        headers = {'Content-Type': self.headers.get('Content-Type') or 'application/json'}
        if self.headers.get('x-api-key') is not None:
            headers['x-api-key'] = self.headers.get('x-api-key')
        request = urllib.request.Request(self.server.target, data=body, method='POST', headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.server.forward_timeout) as answer:
                return answer.status, self._answer_headers(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            with error:
                return error.code, self._answer_headers(error.headers), error.read()
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, 'reason', error)
            return 502, [], json.dumps({'message': 'relay: could not reach {}: {}'.format(
                self.server.target, reason)}).encode()

    @staticmethod
    def _answer_headers(headers):
        return [(name, headers[name]) for name in FORWARDED_ANSWER_HEADERS if headers.get(name) is not None]

    def _other(self):
        started = time.perf_counter()
        self._read_body()
        status = 405 if self.path == self.server.path else 404
        self._log(status, 'refused, not forwarded', started)
        self._refuse(status, 'this relay forwards only POST {} to {}'.format(self.server.path, self.server.target))

    do_GET = do_PUT = do_DELETE = do_PATCH = _other


def make_relay(target, host='127.0.0.1', port=0, allow_origin='*', log=sys.stdout, timeout=TIMEOUT_S):
    """A relay on (host, port) to `target`; serve it with serve_forever(). `host` must be
    a loopback address. Its URL for the page: relay_url(server)."""
    if host not in LOOPBACK:
        raise ValueError('the relay listens on this machine only (127.0.0.1), not ' + host)
    target = check_target(target)
    server = ThreadingHTTPServer((host, port), RelayHandler)
    server.daemon_threads = True
    server.target = target
    server.path = urllib.parse.urlsplit(target).path or '/'
    server.allow_origin = allow_origin
    server.forward_timeout = timeout
    server.log = log
    server.log_lock = threading.Lock()
    return server


def relay_url(server):
    host, port = server.server_address[:2]
    return 'http://{}:{}{}'.format(host, port, server.path)


def describe(server):
    """The line that says what the relay does."""
    return ('relay on {} -> {} (that URL only; x-api-key passed on; CORS headers added to every answer, '
            'Access-Control-Allow-Origin: {})'.format(relay_url(server), server.target, server.allow_origin))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('target', help='the API to relay to (its InvokeUrl)')
    parser.add_argument('--port', type=int, default=3000)
    parser.add_argument('--allow-origin', default='*', help='the only page origin served (default: any)')
    parser.add_argument('--quiet', action='store_true', help='no request log lines')
    args = parser.parse_args(argv)
    try:
        server = make_relay(args.target, port=args.port, allow_origin=args.allow_origin,
                            log=None if args.quiet else sys.stdout)
    except ValueError as error:
        sys.exit('relay: ' + str(error))
    except OSError as error:
        sys.exit('relay: cannot listen on 127.0.0.1:{}: {}'.format(args.port, error.strerror))
    print(describe(server), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == '__main__':
    main()
