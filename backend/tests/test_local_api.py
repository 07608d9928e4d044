"""The local API with the seed's custom integration, over HTTP and a real
dynalite: the seed's six Postman bodies answer as the seed's deployed system
would, and the gateway behaves as API Gateway does (CORS, unknown routes,
limits, timeout, API key, concurrency, one log line per request)."""
import http.client
import json
import re
import threading
import time
import unittest
import urllib.parse

from support import TABLE, StackTestCase, request, seed_bodies, start_api, tutorial_bodies

PREFLIGHT = {'Origin': 'http://127.0.0.1:8080', 'Access-Control-Request-Method': 'POST',
             'Access-Control-Request-Headers': 'content-type'}


class SeedRequests(StackTestCase):

    def test_ping_answers_pong(self):
        self.assertEqual(self.call({'operation': 'ping'}), 'pong')

    def test_echo_returns_the_payload(self):
        self.assertEqual(self.call({'operation': 'echo', 'payload': {'a': [1, 'x']}}), {'a': [1, 'x']})

    def test_seed_bodies_answer_with_dynamodb_shapes(self):
        answers = {}
        for name, body in seed_bodies():
            status, _, text = self.request(body)
            self.assertEqual(status, 200, name)
            answers[name] = json.loads(text)
            self.assertNotIn('errorMessage', answers[name], name)
            self.assertEqual(answers[name]['ResponseMetadata']['HTTPStatusCode'], 200, name)
        # the seed reads 127748AB before anything created it: DynamoDB answers without an Item
        self.assertNotIn('Item', answers['2_read.json'])
        stored = self.call({'operation': 'read', 'tableName': TABLE, 'payload': {'Key': {'id': '127748AB'}}})
        self.assertEqual(stored['Item'], {'id': '127748AB', 'attributeName': '674899B',
                                          'FirstName': 'Sarvesh', 'LastName': 'Kaushik'})
        created = self.call({'operation': 'read', 'tableName': TABLE, 'payload': {'Key': {'id': '2377ab'}}})
        self.assertEqual(created['Item'], {'id': '2377ab', 'number': 4})

    def test_tutorial_events_answer_over_http(self):
        answers = {name: self.call(body) for name, body in tutorial_bodies()}
        self.assertEqual(answers['2_read.json']['Item'], {'id': '1234ABCD', 'number': 5})
        self.assertEqual(answers['3_update.json']['ResponseMetadata']['HTTPStatusCode'], 200)

    def test_a_38_digit_number_reaches_the_table_and_comes_back_exactly(self):
        body = '{"operation": "create", "payload": {"Item": {"id": "big-http", "n": 12345678901234567890123456789012345678}}}'
        self.assertEqual(self.request(body)[0], 200)
        _, _, text = self.request({'operation': 'read', 'payload': {'Key': {'id': 'big-http'}}})
        self.assertIn('"n": 12345678901234567890123456789012345678', text)

    def test_a_lambda_error_is_the_runtimes_error_object_in_a_200_body(self):
        status, headers, text = self.request({'operation': 'explode'})
        answer = json.loads(text)
        self.assertEqual(status, 200)
        self.assertEqual(answer['errorType'], 'ValidationError')
        self.assertTrue(answer['errorMessage'].startswith('Unrecognized operation "explode"'))
        self.assertRegex(answer['requestId'], r'^[0-9a-f-]{36}$')
        self.assertIsInstance(answer['stackTrace'], list)
        self.assertEqual(headers['Access-Control-Allow-Origin'], '*')

    def test_a_dynamodb_error_keeps_its_type_and_message(self):
        answer = self.call({'operation': 'update', 'payload': {
            'Key': {'id': 'x'}, 'UpdateExpression': 'SET number = :n', 'ExpressionAttributeValues': {':n': 1}}})
        self.assertEqual(answer['errorType'], 'ValidationException')
        self.assertIn('reserved keyword: number', answer['errorMessage'])


class GatewayBehaviour(StackTestCase):

    def test_post_carries_the_cors_header(self):
        _, headers, _ = self.request({'operation': 'ping'})
        self.assertEqual(headers['Access-Control-Allow-Origin'], '*')

    def test_preflight_allows_post_and_the_console_headers(self):
        status, headers, _ = self.request(None, method='OPTIONS', headers=PREFLIGHT)
        self.assertEqual(status, 200)
        self.assertEqual(headers['Access-Control-Allow-Origin'], '*')
        self.assertEqual(headers['Access-Control-Allow-Methods'], 'OPTIONS,POST')
        self.assertEqual(headers['Access-Control-Allow-Headers'].split(','),
                         ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token'])

    def test_other_path_is_missing_authentication_token_without_cors(self):
        status, headers, text = self.request({'operation': 'ping'}, url=self.url.replace('DynamoDBManager', 'nope'))
        self.assertEqual(status, 403)
        self.assertEqual(json.loads(text), {'message': 'Missing Authentication Token'})
        self.assertNotIn('Access-Control-Allow-Origin', headers)

    def test_another_stage_is_missing_authentication_token(self):
        status, _, text = self.request({'operation': 'ping'}, url=self.url.replace('/prod/', '/dev/'))
        self.assertEqual((status, json.loads(text)), (403, {'message': 'Missing Authentication Token'}))

    def test_preflight_on_another_path_is_missing_authentication_token(self):
        status, headers, _ = self.request(None, method='OPTIONS', url=self.url + '/x', headers=PREFLIGHT)
        self.assertEqual(status, 403)
        self.assertNotIn('Access-Control-Allow-Origin', headers)

    def test_every_other_method_on_the_resource_is_missing_authentication_token(self):
        for method in ('GET', 'PUT', 'DELETE', 'PATCH'):
            status, headers, text = self.request(None, method=method)
            self.assertEqual((status, json.loads(text)), (403, {'message': 'Missing Authentication Token'}), method)
            self.assertNotIn('Access-Control-Allow-Origin', headers)

    def test_body_that_is_not_json_is_refused(self):
        status, _, text = self.request('{"operation": ')
        self.assertEqual(status, 400)
        self.assertIn('Could not parse request body into json', json.loads(text)['message'])

    def test_an_empty_body_is_an_empty_event(self):
        self.assertIn('operation is missing', self.call(b'')['errorMessage'])

    def test_a_request_over_10_mb_is_413_from_the_edge_without_cors(self):
        address = urllib.parse.urlsplit(self.url)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        try:
            connection.putrequest('POST', address.path)
            connection.putheader('Content-Length', str(10 * 1024 * 1024 + 1))
            connection.endheaders()  # the body is never sent: the gateway answers from the length
            response = connection.getresponse()
            self.assertEqual(response.status, 413)
            self.assertEqual(response.read().decode(), 'HTTP content length exceeded 10485760 bytes.')
            self.assertIsNone(response.getheader('Access-Control-Allow-Origin'))
        finally:
            connection.close()

    def test_an_event_over_lambdas_6_mb_is_413_request_too_long(self):
        body = json.dumps({'operation': 'echo', 'payload': 'x' * (6 * 1024 * 1024)})
        status, headers, text = self.request(body)
        self.assertEqual((status, json.loads(text)), (413, {'message': 'Request Too Long'}))
        self.assertEqual(headers['Access-Control-Allow-Origin'], '*')

    def test_each_request_writes_one_log_line_with_method_path_operation_status_and_milliseconds(self):
        self.request({'operation': 'ping', 'payload': 'log-line'})
        self.request(None, method='GET', url=self.url.replace('DynamoDBManager', 'logged'))
        expected = [r'POST /prod/DynamoDBManager ping 200 \d+\.\dms', r'GET /prod/logged - 403 \d+\.\dms']
        # The server writes its line after the answer has left, so give it a moment.
        deadline = time.monotonic() + 5
        while True:
            lines = self.log.getvalue().splitlines()
            found = [any(re.fullmatch(p, line) for line in lines) for p in expected]
            if all(found) or time.monotonic() > deadline:
                break
            time.sleep(0.02)
        self.assertEqual(found, [True, True], lines)


class ApiKey(StackTestCase):

    api_key = 'local-key-123'

    def test_a_request_without_the_key_is_forbidden_with_cors(self):
        status, headers, text = self.request({'operation': 'ping'})
        self.assertEqual((status, json.loads(text)), (403, {'message': 'Forbidden'}))
        self.assertEqual(headers['Access-Control-Allow-Origin'], '*')

    def test_a_wrong_key_is_forbidden(self):
        self.assertEqual(self.request({'operation': 'ping'}, headers={'x-api-key': 'nope'})[0], 403)

    def test_the_right_key_is_let_through(self):
        status, _, text = self.request({'operation': 'ping'}, headers={'x-api-key': self.api_key})
        self.assertEqual((status, json.loads(text)), (200, 'pong'))

    def test_the_preflight_needs_no_key(self):
        self.assertEqual(self.request(None, method='OPTIONS', headers=PREFLIGHT)[0], 200)


class WithoutCors(StackTestCase):

    cors = False

    def test_post_has_no_cors_header(self):
        status, headers, _ = self.request({'operation': 'ping'})
        self.assertEqual(status, 200)
        self.assertNotIn('Access-Control-Allow-Origin', headers)

    def test_the_preflight_is_missing_authentication_token_without_cors_headers(self):
        # A real API without CORS has no OPTIONS method: 403, as for any missing method.
        status, headers, text = self.request(None, method='OPTIONS', headers=PREFLIGHT)
        self.assertEqual((status, text), (403, '{"message":"Missing Authentication Token"}'))
        self.assertFalse([name for name in headers if name.lower().startswith('access-control-')])


class OtherStage(StackTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _, cls.dev_url, _ = start_api(cls, stage='dev')

    def test_the_stage_flag_moves_the_resource(self):
        self.assertEqual(json.loads(request(self.dev_url, {'operation': 'ping'})[2]), 'pong')
        self.assertEqual(request(self.dev_url.replace('/dev/', '/prod/'), {'operation': 'ping'})[0], 403)


class Timeout(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.release = threading.Event()
        cls.addClassCleanup(cls.release.set)

        def stuck(event, context):
            cls.release.wait(30)
            return 'finally'

        _, cls.url, _ = start_api(cls, stuck, timeout=0.2)

    def test_an_invocation_still_running_at_the_timeout_is_504(self):
        status, headers, text = request(self.url, {'operation': 'ping'})
        self.assertEqual((status, json.loads(text)), (504, {'message': 'Endpoint request timed out'}))
        self.assertEqual(headers['Access-Control-Allow-Origin'], '*')


class Concurrency(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        together = threading.Barrier(2, timeout=10)

        def meet(event, context):
            together.wait()  # returns only when a second request is being served at the same time
            return 'met'

        _, cls.url, _ = start_api(cls, meet)

    def test_requests_are_served_concurrently(self):
        answers = []
        threads = [threading.Thread(target=lambda: answers.append(request(self.url, {'operation': 'ping'})))
                   for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        self.assertEqual([json.loads(text) for _, _, text in answers], ['met', 'met'])


if __name__ == '__main__':
    unittest.main()
