"""The relay (backend/local/relay.py) in front of the local API started without
CORS, as the seed's tutorial deploys its API: what the API withholds from a
browser (a preflight, the CORS header) the relay adds and says so in its log;
it passes the x-api-key header; it forwards to its one target URL and nowhere
else; and it listens on this machine only."""
import io
import json
import socket
import threading
import unittest

from support import StackTestCase, request
from dynalite import free_port
import relay

PAGE = 'http://127.0.0.1:8080'
PREFLIGHT = {'Origin': PAGE, 'Access-Control-Request-Method': 'POST',
             'Access-Control-Request-Headers': 'content-type,x-api-key'}


def start_relay(cls, target, allow_origin=PAGE):
    log = io.StringIO()
    server = relay.make_relay(target, allow_origin=allow_origin, log=log, timeout=10)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    cls.addClassCleanup(server.server_close)
    cls.addClassCleanup(server.shutdown)
    return server, relay.relay_url(server), log


class RelayToAnApiWithoutCors(StackTestCase):

    cors = False
    api_key = 'tutorial-key'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.relay, cls.relay_url, cls.relay_log = start_relay(cls, cls.url)

    def via_relay(self, body, method='POST', path=None, headers=None):
        url = self.relay_url if path is None else self.relay_url.replace('/prod/DynamoDBManager', path)
        return request(url, body, method, dict({'Origin': PAGE}, **(headers or {})))

    def test_the_api_alone_gives_a_browser_nothing_to_read(self):
        status, headers, _ = request(self.url, None, 'OPTIONS', PREFLIGHT)
        self.assertEqual(status, 403)
        self.assertNotIn('Access-Control-Allow-Origin', headers)

    def test_the_relay_answers_the_preflight_itself(self):
        status, headers, _ = self.via_relay(None, 'OPTIONS', headers=PREFLIGHT)
        self.assertEqual(status, 200)
        self.assertEqual(headers['Access-Control-Allow-Origin'], PAGE)
        self.assertEqual(headers['Access-Control-Allow-Methods'], 'OPTIONS,POST')
        self.assertIn('X-Api-Key', headers['Access-Control-Allow-Headers'])

    def test_a_request_with_the_key_is_forwarded_and_answered_with_cors_headers(self):
        status, headers, text = self.via_relay({'operation': 'ping'}, headers={'x-api-key': self.api_key,
                                                                               'Content-Type': 'application/json'})
        self.assertEqual((status, json.loads(text)), (200, 'pong'))
        self.assertEqual(headers['Access-Control-Allow-Origin'], PAGE)
        self.assertIn('CORS headers added', self.relay_log.getvalue())

    def test_the_apis_own_errors_come_through_with_cors_headers(self):
        status, headers, text = self.via_relay({'operation': 'ping'})  # no key
        self.assertEqual((status, json.loads(text)), (403, {'message': 'Forbidden'}))
        self.assertEqual(headers['Access-Control-Allow-Origin'], PAGE)
        status, _, text = self.via_relay({'operation': 'create', 'tableName': 'lambda-apigateway',
                                          'payload': {'Item': {'id': 'relayed', 'n': 12345678901234567890}}},
                                         headers={'x-api-key': self.api_key})
        self.assertEqual(status, 200, text)
        status, _, text = self.via_relay({'operation': 'read', 'payload': {'Key': {'id': 'relayed'}}},
                                         headers={'x-api-key': self.api_key})
        self.assertIn('12345678901234567890', text)  # the body passes byte for byte

    def test_another_path_or_method_is_refused_and_never_forwarded(self):
        before = self.log.getvalue()
        status, headers, text = self.via_relay({'operation': 'ping'}, path='/prod/Other')
        self.assertEqual(status, 404)
        self.assertIn('forwards only POST /prod/DynamoDBManager', json.loads(text)['message'])
        self.assertEqual(headers['Access-Control-Allow-Origin'], PAGE)  # readable by the app
        self.assertEqual(self.via_relay(None, 'GET')[0], 405)
        self.assertEqual(self.log.getvalue(), before, 'the API saw a request the relay should have refused')

    def test_an_absolute_url_in_the_request_line_is_not_followed(self):
        before = self.log.getvalue()
        host, port = self.relay.server_address[:2]
        body = b'{"operation": "ping"}'
        with socket.create_connection((host, port), timeout=10) as connection:
            connection.sendall(b'POST http://example.org/ HTTP/1.1\r\nHost: example.org\r\nContent-Length: '
                               + str(len(body)).encode() + b'\r\nConnection: close\r\n\r\n' + body)
            answer = b''
            while chunk := connection.recv(65536):
                answer += chunk
        self.assertTrue(answer.startswith(b'HTTP/1.1 404'), answer[:80])
        self.assertEqual(self.log.getvalue(), before)

    def test_a_page_from_another_origin_is_refused(self):
        before = self.log.getvalue()
        status, _, text = request(self.relay_url, {'operation': 'ping'}, 'POST',
                                  {'Origin': 'https://elsewhere.example', 'x-api-key': self.api_key})
        self.assertEqual(status, 403)
        self.assertIn('serves only pages from http://127.0.0.1:8080', text)
        self.assertEqual(self.log.getvalue(), before)


class RelayLimits(unittest.TestCase):

    def test_it_listens_on_this_machine_only(self):
        with self.assertRaisesRegex(ValueError, 'this machine only'):
            relay.make_relay('https://example.org/prod/DynamoDBManager', host='0.0.0.0')

    def test_the_target_must_be_an_http_url(self):
        for bad in ('example.org/prod', 'ftp://example.org/x', 'https://example.org/x?y=1'):
            with self.assertRaises(ValueError):
                relay.check_target(bad)

    def test_an_unreachable_target_is_a_502_that_names_it(self):
        target = 'http://127.0.0.1:{}/prod/DynamoDBManager'.format(free_port())
        server, url, _ = start_relay(self, target, allow_origin='*')
        status, headers, text = request(url, {'operation': 'ping'})
        self.assertEqual(status, 502)
        self.assertIn('could not reach ' + target, json.loads(text)['message'])
        self.assertEqual(headers['Access-Control-Allow-Origin'], '*')

    def test_it_says_what_it_does(self):
        server, url, _ = start_relay(self, 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/DynamoDBManager')
        line = relay.describe(server)
        self.assertIn(url + ' -> https://abc.execute-api.eu-west-1.amazonaws.com/prod/DynamoDBManager', line)
        self.assertIn('that URL only', line)
        self.assertIn('CORS headers added to every answer', line)


if __name__ == '__main__':
    unittest.main()
