"""The local API over a real dynalite: the seed's six Postman bodies answer
as the seed's deployed system would, with API Gateway's CORS behaviour."""
import json
import unittest

from support import TABLE, StackTestCase, seed_bodies


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

    def test_list_scans_the_table(self):
        self.call({'operation': 'create', 'tableName': TABLE, 'payload': {'Item': {'id': 'scan-me'}}})
        answer = self.call({'operation': 'list', 'tableName': TABLE, 'payload': {}})
        self.assertIn({'id': 'scan-me'}, answer['Items'])
        self.assertEqual(answer['Count'], len(answer['Items']))

    def test_unknown_operation_is_a_lambda_error_in_a_200_body(self):
        answer = self.call({'operation': 'explode'})
        self.assertEqual(answer['errorType'], 'ValueError')
        self.assertEqual(answer['errorMessage'], 'Unrecognized operation "explode"')
        self.assertIn('requestId', answer)
        self.assertIsInstance(answer['stackTrace'], list)


class GatewayBehaviour(StackTestCase):

    def test_post_carries_the_cors_header(self):
        _, headers, _ = self.request({'operation': 'ping'})
        self.assertEqual(headers['Access-Control-Allow-Origin'], '*')

    def test_preflight_allows_post_and_the_console_headers(self):
        status, headers, _ = self.request(None, method='OPTIONS', headers={
            'Origin': 'http://127.0.0.1:8080', 'Access-Control-Request-Method': 'POST'})
        self.assertEqual(status, 200)
        self.assertEqual(headers['Access-Control-Allow-Origin'], '*')
        self.assertEqual(headers['Access-Control-Allow-Methods'], 'OPTIONS,POST')
        self.assertIn('Content-Type', headers['Access-Control-Allow-Headers'].split(','))

    def test_other_path_is_missing_authentication_token_without_cors(self):
        status, headers, text = self.request({'operation': 'ping'}, url=self.url.replace('DynamoDBManager', 'nope'))
        self.assertEqual(status, 403)
        self.assertEqual(json.loads(text), {'message': 'Missing Authentication Token'})
        self.assertNotIn('Access-Control-Allow-Origin', headers)

    def test_get_on_the_resource_is_missing_authentication_token(self):
        status, _, text = self.request(None, method='GET')
        self.assertEqual(status, 403)
        self.assertEqual(json.loads(text), {'message': 'Missing Authentication Token'})

    def test_body_that_is_not_json_is_refused(self):
        status, _, text = self.request('{"operation": ')
        self.assertEqual(status, 400)
        self.assertIn('Could not parse request body into json', json.loads(text)['message'])


if __name__ == '__main__':
    unittest.main()
