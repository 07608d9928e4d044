"""The boto3 snippet the app copies for an event (core::make_snippet, printed by
the native snippet_tool) does what the workbench's own request does: for each
operation, the event goes through the deployed handler to one table and its
boto3 snippet runs, as a separate Python program, against another; both tables
then hold the same items, exactly (38-digit numbers, sets, binary, non-ASCII)."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

from support import ROOT, TABLE, DynaliteTestCase, seed_bodies

SNIPPET_TABLE = 'snippet-table'
SNIPPET_TOOL = os.path.join(ROOT, 'build', 'native', 'snippet_tool')

KEY = 'it\'s "quoted", with a comma\nand a line, ünïcödé ✓ مرحبا 日本'
BIG = '12345678901234567890123456789012345678'
HOSTILE_EVENTS = [
    '{"operation": "create", "payload": {"Item": {"id": %s, "big": %s, "tiny": -1.5E-130,'
    ' "tags": {"$SS": ["a,b", "c\\"d", "e\'f\\ng"]}, "nums": {"$NS": [1, 99999999999999999999999999999999999999, 0.5]},'
    ' "bin": {"$B": "AAEC/w=="}, "bins": {"$BS": ["AA==", "/w=="]},'
    ' "nested": {"m": {"l": [1, "x\\ty", null, true, {"$SS": ["z"]}]}}, "nothing": null, "flag": false, "empty": ""}}}'
    % (json.dumps(KEY), BIG),
    '{"operation": "update", "payload": {"Key": {"id": %s},'
    ' "UpdateExpression": "SET #n = :n, tags = :t, nested.m.l[0] = :b ADD nums :ns",'
    ' "ExpressionAttributeNames": {"#n": "name\'\\"x"},'
    ' "ExpressionAttributeValues": {":n": "new\\nname ✓", ":t": {"$SS": ["x", "y\'z"]},'
    ' ":b": 99999999999999999999999999999999999999, ":ns": {"$NS": [%s]}}, "ReturnValues": "ALL_NEW"}}'
    % (json.dumps(KEY), BIG),
    '{"operation": "create", "payload": {"Item": {"id": "second", "n": 4}}}',
    '{"operation": "update", "payload": {"Key": {"id": "second"}, "UpdateExpression": "REMOVE n SET m = :m",'
    ' "ConditionExpression": "attribute_exists(id)", "ExpressionAttributeValues": {":m": {"$B": "/w=="}}}}',
    '{"operation": "delete", "payload": {"Key": {"id": "second"}, "ReturnValues": "ALL_OLD"}}',
    '{"operation": "read", "payload": {"Key": {"id": %s}, "ConsistentRead": true}}' % json.dumps(KEY),
    '{"operation": "list", "payload": {"Limit": 25, "FilterExpression": "attribute_exists(big)"}}',
]


def snippet(kind, event_text):
    """The snippet of `kind` the app copies for `event_text`."""
    done = subprocess.run([SNIPPET_TOOL, kind], input=event_text.encode(), capture_output=True, timeout=30)
    if done.returncode != 0:
        raise AssertionError('snippet_tool {} failed: {}'.format(kind, done.stderr.decode()))
    return done.stdout.decode()


def normalized(value):
    """A typed value with its sets' members sorted."""
    if isinstance(value, dict):
        return {key: sorted(member) if key in ('SS', 'NS', 'BS') else normalized(member)
                for key, member in value.items()}
    if isinstance(value, list):
        return [normalized(member) for member in value]
    return value


def with_table(event_text, table):
    event = json.loads(event_text)
    event['tableName'] = table
    return json.dumps(event, ensure_ascii=False)


class Boto3Snippets(DynaliteTestCase):
    allowed_tables = [TABLE]

    @classmethod
    def setUpClass(cls):
        if not os.path.exists(SNIPPET_TOOL):
            raise AssertionError('{} is missing: build the native preset first '
                                 '(cmake --preset native && cmake --build --preset native)'.format(SNIPPET_TOOL))
        super().setUpClass()
        cls.dynalite.ensure_table(SNIPPET_TABLE)
        cls.folder = tempfile.TemporaryDirectory()
        cls.addClassCleanup(cls.folder.cleanup)

    def run_snippet(self, code, name):
        path = os.path.join(self.folder.name, name + '.py')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(code)
        done = subprocess.run([sys.executable, path], capture_output=True, timeout=60, env=dict(os.environ))
        self.assertEqual(done.returncode, 0, 'the boto3 snippet failed:\n{}\n{}'.format(code, done.stderr.decode()))
        return done.stdout.decode()

    def items(self, table):
        """Every item of `table` in DynamoDB JSON, set members sorted (a set has no order)."""
        client = self.dynalite.client()
        items = [normalized(item) for item in client.scan(TableName=table, ConsistentRead=True)['Items']]
        return sorted(items, key=lambda item: json.dumps(item['id'], ensure_ascii=False))

    def check_events(self, events):
        for i, event_text in enumerate(events):
            with self.subTest(event=event_text):
                ok, answer = self.invoke(event_text)
                self.assertTrue(ok, answer)
                self.run_snippet(snippet('boto3', with_table(event_text, SNIPPET_TABLE)), 'event{}'.format(i))
                self.assertEqual(self.items(SNIPPET_TABLE), self.items(TABLE))

    def test_the_seed_events_snippets_leave_the_same_items(self):
        self.check_events([body for _, body in seed_bodies()])

    def test_hostile_values_snippets_leave_the_same_items_exactly(self):
        self.check_events(HOSTILE_EVENTS)
        stored = {item['id']['S']: item for item in self.items(SNIPPET_TABLE)}
        self.assertEqual(stored[KEY]['big'], {'N': BIG})
        self.assertEqual(stored[KEY]['nested']['M']['m']['M']['l']['L'][0], {'N': '9' * 38})
        self.assertEqual(stored[KEY]['bin'], {'B': b'\x00\x01\x02\xff'})

    def test_a_read_and_a_list_snippet_print_what_the_handler_answers(self):
        self.check_events(HOSTILE_EVENTS[:1])
        read = HOSTILE_EVENTS[5]
        printed = self.run_snippet(snippet('boto3', with_table(read, SNIPPET_TABLE)), 'read')
        self.assertIn(BIG, printed)
        self.assertIn("'tags': {", printed)

    def test_echo_and_ping_have_no_boto3_snippet(self):
        for event in ('{"operation": "ping"}', '{"operation": "echo", "payload": {"a": 1}}'):
            done = subprocess.run([SNIPPET_TOOL, 'boto3'], input=event.encode(), capture_output=True, timeout=30)
            self.assertEqual(done.returncode, 2)
            self.assertIn('answered by the Lambda itself', done.stderr.decode())


if __name__ == '__main__':
    unittest.main()
