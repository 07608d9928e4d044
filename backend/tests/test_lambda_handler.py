"""The deployed handler, run as the Lambda runtime runs it (events parsed
without Decimal, results serialised with exact Decimal text), against a real
dynalite: operations, exact numbers, sets and binary, and every input error."""
import json
import os
import unittest
import uuid

from support import TABLE, DynaliteTestCase, seed_bodies, tutorial_bodies

BIG = '12345678901234567890123456789012345678'  # 38 significant digits


def new_id():
    return 'item-' + uuid.uuid4().hex[:8]


class Operations(DynaliteTestCase):

    def test_the_seed_bodies_run_unchanged(self):
        answers = {name: self.result(body) for name, body in seed_bodies()}
        self.assertNotIn('Item', answers['2_read.json'])  # read before anything created it
        item = self.result({'operation': 'read', 'tableName': TABLE, 'payload': {'Key': {'id': '127748AB'}}})
        self.assertEqual(item['Item'], {'id': '127748AB', 'attributeName': '674899B',
                                        'FirstName': 'Sarvesh', 'LastName': 'Kaushik'})

    def test_the_tutorial_events_use_the_default_table(self):
        answers = {name: self.result(body) for name, body in tutorial_bodies()}
        self.assertEqual(answers['2_read.json']['Item'], {'id': '1234ABCD', 'number': 5})
        self.assertEqual(answers['4_echo.json'], {'somekey1': 'somevalue1', 'somekey2': 'somevalue2'})
        gone = self.result({'operation': 'read', 'payload': {'Key': {'id': '1234ABCD'}}})
        self.assertNotIn('Item', gone)

    def test_update_with_an_attribute_name_placeholder_sets_a_reserved_word_attribute(self):
        key = new_id()
        self.result({'operation': 'create', 'payload': {'Item': {'id': key, 'number': 5}}})
        answer = self.result({'operation': 'update', 'payload': {
            'Key': {'id': key}, 'UpdateExpression': 'SET #num = :newNum',
            'ExpressionAttributeNames': {'#num': 'number'}, 'ExpressionAttributeValues': {':newNum': 10},
            'ReturnValues': 'ALL_NEW'}})
        self.assertEqual(answer['Attributes'], {'id': key, 'number': 10})

    def test_list_without_a_payload_scans_the_table(self):
        key = new_id()
        self.result({'operation': 'create', 'payload': {'Item': {'id': key}}})
        answer = self.result({'operation': 'list'})
        self.assertIn({'id': key}, answer['Items'])
        self.assertEqual(answer['Count'], len(answer['Items']))

    def test_list_takes_scan_parameters(self):
        key = new_id()
        self.result({'operation': 'create', 'payload': {'Item': {'id': key, 'kind': 'scan-filter'}}})
        answer = self.result({'operation': 'list', 'payload': {
            'FilterExpression': '#k = :k', 'ExpressionAttributeNames': {'#k': 'kind'},
            'ExpressionAttributeValues': {':k': 'scan-filter'}, 'ProjectionExpression': 'id'}})
        self.assertEqual(answer['Items'], [{'id': key}])

    def test_delete_returns_the_old_item_when_asked(self):
        key = new_id()
        self.result({'operation': 'create', 'payload': {'Item': {'id': key, 'n': 1}}})
        answer = self.result({'operation': 'delete', 'payload': {'Key': {'id': key}, 'ReturnValues': 'ALL_OLD'}})
        self.assertEqual(answer['Attributes'], {'id': key, 'n': 1})

    def test_ping_answers_pong_and_echo_returns_the_payload(self):
        self.assertEqual(self.result({'operation': 'ping'}), 'pong')
        self.assertEqual(self.result({'operation': 'echo', 'payload': [1, {'a': None}, 'x']}), [1, {'a': None}, 'x'])


class ExactValues(DynaliteTestCase):

    def stored_number(self, value):
        """The runtime's exact text of the number `value` after a write and a read through the handler.

        Read from the answer's JSON, not by its place in the text: DynamoDB promises no attribute order."""
        key = new_id()
        self.result('{"operation": "create", "payload": {"Item": {"id": "%s", "v": %s}}}' % (key, value))
        ok, text = self.invoke({'operation': 'read', 'payload': {'Key': {'id': key}}})
        self.assertTrue(ok, text)
        return json.loads(text, parse_int=str, parse_float=str)['Item']['v']

    def test_a_38_digit_integer_is_stored_and_returned_exactly(self):
        self.assertEqual(self.stored_number(BIG), BIG)

    def test_a_decimal_fraction_is_stored_exactly(self):
        self.assertEqual(self.stored_number('0.1'), '0.1')
        self.assertEqual(self.stored_number('4.5'), '4.5')  # the seed's code failed: "Float types are not supported"

    def test_an_exponent_is_stored_as_its_value(self):
        self.assertEqual(self.stored_number('1E+2'), '100')
        self.assertEqual(self.stored_number('1e-5'), '0.00001')

    def test_a_negative_number_and_zero_keep_their_value(self):
        self.assertEqual(self.stored_number('-273.15'), '-273.15')
        self.assertEqual(self.stored_number('-0.0'), '0')

    def test_trailing_zeros_beyond_38_digits_are_accepted(self):
        self.assertEqual(self.stored_number('1.' + '0' * 45), '1')

    def test_nested_maps_and_lists_round_trip(self):
        item = {'id': new_id(), 'profile': {'name': 'Ada', 'tags': ['x', {'deep': [1, [2, [3]]]}], 'empty': {}},
                'flags': [True, False, None], 'list': []}
        self.result({'operation': 'create', 'payload': {'Item': item}})
        self.assertEqual(self.result({'operation': 'read', 'payload': {'Key': {'id': item['id']}}})['Item'], item)

    def test_unicode_text_round_trips(self):
        item = {'id': 'ключ-' + new_id(), 'text': 'héllo wörld ✓ 日本語 🎉', 'quote': 'a "b" \\ c\n\t'}
        self.result({'operation': 'create', 'payload': {'Item': item}})
        ok, text = self.invoke({'operation': 'read', 'payload': {'Key': {'id': item['id']}}})
        self.assertEqual(json.loads(text)['Item'], item)
        self.assertIn('日本語 🎉', text)  # written as itself, as the python3.12+ runtimes do


class SetsAndBinary(DynaliteTestCase):

    def round_trip(self, **attributes):
        key = new_id()
        self.result({'operation': 'create', 'payload': {'Item': {'id': key, **attributes}}})
        return self.result({'operation': 'read', 'payload': {'Key': {'id': key}}})['Item']

    def test_a_string_set_is_written_and_returned_sorted_in_its_marker_form(self):
        self.assertEqual(self.round_trip(tags={'$SS': ['b', 'a', 'c']})['tags'], {'$SS': ['a', 'b', 'c']})

    def test_a_number_set_keeps_exact_numbers(self):
        key = new_id()
        self.result('{"operation": "create", "payload": {"Item": {"id": "%s", "n": {"$NS": [2.5, %s, 1]}}}}'
                    % (key, BIG))
        ok, text = self.invoke({'operation': 'read', 'payload': {'Key': {'id': key}}})
        self.assertIn('"n": {"$NS": [1, 2.5, %s]}' % BIG, text)

    def test_binary_and_binary_sets_round_trip_as_base64(self):
        item = self.round_trip(blob={'$B': 'AAEC/w=='}, blobs={'$BS': ['AQ==', 'AA==']})
        self.assertEqual(item['blob'], {'$B': 'AAEC/w=='})
        self.assertEqual(item['blobs'], {'$BS': ['AA==', 'AQ==']})

    def test_add_to_a_set_takes_a_marker_value(self):
        key = new_id()
        self.result({'operation': 'create', 'payload': {'Item': {'id': key, 'tags': {'$SS': ['a']}}}})
        answer = self.result({'operation': 'update', 'payload': {
            'Key': {'id': key}, 'UpdateExpression': 'ADD tags :t', 'ExpressionAttributeValues': {':t': {'$SS': ['z']}},
            'ReturnValues': 'UPDATED_NEW'}})
        self.assertEqual(answer['Attributes'], {'tags': {'$SS': ['a', 'z']}})

    def test_echo_reads_and_writes_the_marker_form(self):
        value = {'s': {'$SS': ['y', 'x']}, 'b': {'$B': 'aGk='}}
        self.assertEqual(self.result({'operation': 'echo', 'payload': value}),
                         {'s': {'$SS': ['x', 'y']}, 'b': {'$B': 'aGk='}})


class InputErrors(DynaliteTestCase):

    def assertRefused(self, event, error_type, *phrases):
        error = self.error(event)
        self.assertEqual(error['errorType'], error_type, error['errorMessage'])
        for phrase in phrases:
            self.assertIn(phrase, error['errorMessage'])
        return error

    def test_an_unknown_operation_is_named_with_the_choices(self):
        self.assertRefused({'operation': 'explode'}, 'ValidationError',
                           'Unrecognized operation "explode"', 'create, read, update, delete, list, echo, ping')

    def test_a_misspelt_operation_gets_a_suggestion(self):
        self.assertRefused({'operation': 'craete'}, 'ValidationError', 'did you mean create?')

    def test_a_missing_operation_is_named(self):
        self.assertRefused({'payload': {}}, 'ValidationError', 'operation is missing')

    def test_an_event_that_is_not_an_object_is_refused(self):
        self.assertRefused('[1, 2]', 'ValidationError', 'the event must be a JSON object', 'got a list')

    def test_an_unknown_event_field_is_named_with_a_suggestion(self):
        self.assertRefused({'operation': 'list', 'tablename': TABLE}, 'ValidationError',
                           '"tablename" is not an event field', 'did you mean tableName?')

    def test_a_missing_payload_is_named_with_an_example(self):
        self.assertRefused({'operation': 'create'}, 'ValidationError', 'payload is missing', '"Item"')

    def test_a_payload_that_is_not_an_object_is_refused(self):
        self.assertRefused({'operation': 'list', 'payload': ['Limit', 1]}, 'ValidationError',
                           'payload must be an object', 'got a list')

    def test_a_payload_key_the_operation_does_not_take_is_named(self):
        error = self.assertRefused({'operation': 'create', 'payload': {'Items': {'id': 'x'}}}, 'ValidationError',
                                   'payload.Items is not a parameter of create (put_item)', 'did you mean Item?')
        self.assertIn('ConditionExpression', error['errorMessage'])  # the parameters it does take

    def test_a_read_refuses_a_write_parameter(self):
        self.assertRefused({'operation': 'read', 'payload': {'Key': {'id': 'x'}, 'UpdateExpression': 'SET a = :a'}},
                           'ValidationError', 'payload.UpdateExpression is not a parameter of read (get_item)')

    def test_a_table_name_in_the_payload_points_to_the_event_field(self):
        self.assertRefused({'operation': 'read', 'payload': {'Key': {'id': 'x'}, 'TableName': TABLE}},
                           'ValidationError', 'payload.TableName', "event's tableName")

    def test_a_missing_key_is_named(self):
        self.assertRefused({'operation': 'delete', 'payload': {'ReturnValues': 'ALL_OLD'}}, 'ValidationError',
                           'payload.Key is missing')

    def test_an_item_that_is_not_an_object_is_refused(self):
        self.assertRefused({'operation': 'create', 'payload': {'Item': 'id=1'}}, 'ValidationError',
                           'payload.Item must be an object')

    def test_a_parameter_of_the_wrong_type_is_named(self):
        self.assertRefused({'operation': 'list', 'payload': {'Limit': 'ten'}}, 'ValidationError', 'Limit')

    def test_a_number_with_more_than_38_digits_is_refused_with_its_path(self):
        self.assertRefused('{"operation": "create", "payload": {"Item": {"id": "x", "a": [1, %s9]}}}' % BIG,
                           'ValidationError', 'payload.Item.a[1]', '39 significant digits')

    def test_a_number_out_of_range_is_refused(self):
        self.assertRefused({'operation': 'create', 'payload': {'Item': {'id': 'x', 'big': 10 ** 126}}},
                           'ValidationError', 'payload.Item.big', 'outside the range')

    def test_an_empty_set_is_refused(self):
        self.assertRefused({'operation': 'create', 'payload': {'Item': {'id': 'x', 's': {'$SS': []}}}},
                           'ValidationError', 'payload.Item.s.$SS', 'no empty sets')

    def test_a_duplicate_set_member_is_refused(self):
        self.assertRefused({'operation': 'create', 'payload': {'Item': {'id': 'x', 's': {'$NS': [1, 1.0]}}}},
                           'ValidationError', 'payload.Item.s.$NS[1]', 'twice')

    def test_a_marker_with_other_members_is_refused(self):
        self.assertRefused({'operation': 'create', 'payload': {'Item': {'id': 'x', 's': {'$SS': ['a'], 'b': 1}}}},
                           'ValidationError', '"$SS" marks a set or binary value')

    def test_binary_that_is_not_base64_is_refused(self):
        self.assertRefused({'operation': 'create', 'payload': {'Item': {'id': 'x', 'b': {'$B': 'not base64!'}}}},
                           'ValidationError', 'payload.Item.b.$B', 'not base64')

    def test_a_set_member_of_the_wrong_type_is_refused(self):
        self.assertRefused({'operation': 'create', 'payload': {'Item': {'id': 'x', 's': {'$SS': ['a', 2]}}}},
                           'ValidationError', 'payload.Item.s.$SS[1]', 'expected a string')


class Tables(DynaliteTestCase):

    allowed_tables = [TABLE, 'configured-but-missing']

    def test_a_table_outside_the_allow_list_is_refused(self):
        self.assertEqual(self.error({'operation': 'list', 'tableName': 'payroll'})['errorMessage'],
                         'table "payroll" is not allowed: this function serves lambda-apigateway, configured-but-missing'
                         '; leave tableName out to use lambda-apigateway')

    def test_the_refusal_has_its_own_error_type(self):
        self.assertEqual(self.error({'operation': 'list', 'tableName': 'payroll'})['errorType'], 'TableNotAllowedError')

    def test_an_allowed_table_that_does_not_exist_is_dynamodbs_resource_not_found(self):
        error = self.error({'operation': 'list', 'tableName': 'configured-but-missing'})
        self.assertEqual(error['errorType'], 'ResourceNotFoundException')

    def test_a_table_name_that_is_not_a_string_is_refused(self):
        self.assertIn('tableName must be a non-empty string', self.error({'operation': 'list', 'tableName': 7})['errorMessage'])


class NoTableConfigured(DynaliteTestCase):

    def setUp(self):
        # The class's environment patch restores both after the class.
        os.environ['TABLE_NAME'] = ''
        os.environ['ALLOWED_TABLES'] = ''

    def test_an_event_without_table_name_says_no_default_is_configured(self):
        self.assertIn('no default table (TABLE_NAME)', self.error({'operation': 'list'})['errorMessage'])

    def test_every_named_table_is_refused(self):
        self.assertIn('serves no table', self.error({'operation': 'list', 'tableName': TABLE})['errorMessage'])


class DynamoDBErrors(DynaliteTestCase):

    def test_a_reserved_word_is_dynamodbs_validation_exception(self):
        error = self.error({'operation': 'update', 'payload': {
            'Key': {'id': 'x'}, 'UpdateExpression': 'SET number = :n', 'ExpressionAttributeValues': {':n': 1}}})
        self.assertEqual(error['errorType'], 'ValidationException')
        self.assertIn('reserved keyword: number', error['errorMessage'])

    def test_a_failed_condition_is_dynamodbs_conditional_check_failed(self):
        key = new_id()
        self.result({'operation': 'create', 'payload': {'Item': {'id': key}}})
        error = self.error({'operation': 'create', 'payload': {
            'Item': {'id': key}, 'ConditionExpression': 'attribute_not_exists(id)'}})
        self.assertEqual(error['errorType'], 'ConditionalCheckFailedException')
        self.assertEqual(error['errorMessage'], 'The conditional request failed')

    def test_an_error_is_the_runtimes_error_object(self):
        error = self.error({'operation': 'explode'})
        self.assertEqual(sorted(error), ['errorMessage', 'errorType', 'requestId', 'stackTrace'])
        self.assertTrue(error['stackTrace'][0].startswith('  File "'), error['stackTrace'])


if __name__ == '__main__':
    unittest.main()
