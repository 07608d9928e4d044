"""The local API with a Lambda proxy integration (as backend/template.yaml
deploys it), over HTTP and a real dynalite: the handler answers with HTTP
statuses and its own CORS headers, numbers are exact to 38 digits, and a
crash or a malformed answer is API Gateway's 502."""
import json
import threading
import unittest

from support import TABLE, StackTestCase, request, seed_bodies, start_api

BIG_FRACTION = '1.2345678901234567890123456789012345678'  # 38 digits: no float holds it


class ProxyAnswers(StackTestCase):

    integration = 'proxy'
    allowed_tables = [TABLE, 'configured-but-missing']

    def test_the_seed_bodies_answer_200_with_dynamodb_shapes(self):
        for name, body in seed_bodies():
            status, _, text = self.request(body)
            self.assertEqual(status, 200, name)
            self.assertEqual(json.loads(text)['ResponseMetadata']['HTTPStatusCode'], 200, name)

    def test_a_success_carries_the_functions_cors_header_and_json_type(self):
        status, headers, text = self.request({'operation': 'ping'})
        self.assertEqual((status, json.loads(text)), (200, 'pong'))
        self.assertEqual(headers['Access-Control-Allow-Origin'], '*')
        self.assertEqual(headers['Content-Type'], 'application/json')

    def test_a_38_digit_fraction_is_exact_both_ways(self):
        body = '{"operation": "create", "payload": {"Item": {"id": "fraction", "f": %s, "t": 0.1}}}' % BIG_FRACTION
        self.assertEqual(self.request(body)[0], 200)
        _, _, text = self.request({'operation': 'read', 'payload': {'Key': {'id': 'fraction'}}})
        self.assertIn('"f": %s' % BIG_FRACTION, text)
        self.assertIn('"t": 0.1', text)

    def test_echo_keeps_the_exponent_as_written(self):
        self.assertEqual(self.request('{"operation": "echo", "payload": [1E+2, 0.10]}')[2], '[1E+2, 0.10]')

    def test_a_callers_mistake_is_400_with_the_error_type_and_message(self):
        status, headers, text = self.request({'operation': 'create', 'payload': {'Items': {}}})
        answer = json.loads(text)
        self.assertEqual(status, 400)
        self.assertEqual(answer['errorType'], 'ValidationError')
        self.assertIn('did you mean Item?', answer['errorMessage'])
        self.assertEqual(headers['Access-Control-Allow-Origin'], '*')

    def test_a_table_outside_the_allow_list_is_400(self):
        status, _, text = self.request({'operation': 'list', 'tableName': 'payroll'})
        self.assertEqual((status, json.loads(text)['errorType']), (400, 'TableNotAllowedError'))

    def test_dynamodbs_validation_exception_is_400(self):
        status, _, text = self.request({'operation': 'update', 'payload': {
            'Key': {'id': 'x'}, 'UpdateExpression': 'SET number = :n', 'ExpressionAttributeValues': {':n': 1}}})
        self.assertEqual((status, json.loads(text)['errorType']), (400, 'ValidationException'))

    def test_a_failed_condition_is_409(self):
        self.request({'operation': 'create', 'payload': {'Item': {'id': 'exists'}}})
        status, _, text = self.request({'operation': 'create', 'payload': {
            'Item': {'id': 'exists'}, 'ConditionExpression': 'attribute_not_exists(id)'}})
        self.assertEqual((status, json.loads(text)['errorType']), (409, 'ConditionalCheckFailedException'))

    def test_a_missing_table_is_500(self):
        status, _, text = self.request({'operation': 'list', 'tableName': 'configured-but-missing'})
        self.assertEqual((status, json.loads(text)['errorType']), (500, 'ResourceNotFoundException'))

    def test_a_body_that_is_not_json_is_400_from_the_function(self):
        status, _, text = self.request('{"operation": ')
        self.assertEqual(status, 400)
        self.assertIn('the request body is not JSON', json.loads(text)['errorMessage'])

    def test_nan_is_not_a_json_number(self):
        status, _, text = self.request('{"operation": "echo", "payload": NaN}')
        self.assertEqual(status, 400)
        self.assertIn('NaN', json.loads(text)['errorMessage'])

    def test_the_preflight_is_answered_by_the_gateway(self):
        status, headers, _ = self.request(None, method='OPTIONS', headers={'Origin': 'http://127.0.0.1:8080'})
        self.assertEqual(status, 200)
        self.assertEqual(headers['Access-Control-Allow-Methods'], 'OPTIONS,POST')

    def test_other_path_is_still_missing_authentication_token(self):
        status, headers, _ = self.request({'operation': 'ping'}, url=self.url + 's')
        self.assertEqual(status, 403)
        self.assertNotIn('Access-Control-Allow-Origin', headers)


class ProxyWithoutCors(StackTestCase):

    integration = 'proxy'
    cors = False

    def test_the_function_sends_no_cors_header(self):
        status, headers, _ = self.request({'operation': 'ping'})
        self.assertEqual(status, 200)
        self.assertNotIn('Access-Control-Allow-Origin', headers)


class ProxyEvent(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.events = []

        def record(event, context):
            cls.events.append(event)
            return {'statusCode': 201, 'headers': {'X-Seen': 'yes'}, 'multiValueHeaders': {'X-Many': ['a', 'b']},
                    'body': 'aGVsbG8=', 'isBase64Encoded': True}

        _, cls.url, _ = start_api(cls, record, integration='proxy')

    def test_the_handler_gets_api_gateways_rest_proxy_event(self):
        request(self.url + '?q=1&q=2', '{"operation": "ping"}', headers={'X-Custom': 'c'})
        event = self.events[-1]
        self.assertEqual((event['httpMethod'], event['resource'], event['path']),
                         ('POST', '/DynamoDBManager', '/DynamoDBManager'))
        self.assertEqual(event['body'], '{"operation": "ping"}')
        self.assertFalse(event['isBase64Encoded'])
        self.assertEqual(event['headers']['X-Custom'], 'c')
        self.assertEqual(event['multiValueQueryStringParameters'], {'q': ['1', '2']})
        self.assertEqual(event['requestContext']['stage'], 'prod')
        self.assertEqual(event['requestContext']['path'], '/prod/DynamoDBManager')

    def test_the_answers_status_headers_and_base64_body_are_sent(self):
        status, headers, text = request(self.url, '{}')
        self.assertEqual((status, text), (201, 'hello'))
        self.assertEqual(headers['X-Seen'], 'yes')
        self.assertEqual(headers.get_all('X-Many'), ['a', 'b'])


class BadProxyAnswers(unittest.TestCase):
    """Each answer API Gateway cannot use is its 502 Internal server error."""

    ANSWERS = {
        'crash': None,
        'body-not-a-string': {'statusCode': 200, 'body': {'a': 1}},
        'unknown-field': {'statusCode': 200, 'body': '', 'cookies': ['a=1']},
        'no-status': {'body': 'x'},
        'not-an-object': 'just text',
        'status-out-of-range': {'statusCode': 700, 'body': ''},
    }

    @classmethod
    def setUpClass(cls):
        def answer(event, context):
            name = json.loads(event['body'])['answer']
            if cls.ANSWERS[name] is None:
                raise RuntimeError('the handler crashed')
            return cls.ANSWERS[name]

        _, cls.url, _ = start_api(cls, answer, integration='proxy')

    def test_each_unusable_answer_is_502_internal_server_error(self):
        for name in self.ANSWERS:
            status, _, text = request(self.url, {'answer': name})
            self.assertEqual((status, json.loads(text)), (502, {'message': 'Internal server error'}), name)


class ProxyTimeout(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.release = threading.Event()
        cls.addClassCleanup(cls.release.set)
        _, cls.url, _ = start_api(cls, lambda event, context: cls.release.wait(30), integration='proxy',
                                  timeout=0.2)

    def test_an_invocation_still_running_at_the_timeout_is_504(self):
        status, _, text = request(self.url, {'operation': 'ping'})
        self.assertEqual((status, json.loads(text)), (504, {'message': 'Endpoint request timed out'}))


if __name__ == '__main__':
    unittest.main()
