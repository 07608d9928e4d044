"""Test support: a real dynalite and the local API in front of the deployed
handler, both on 127.0.0.1, started once per test class and stopped after."""
import io
import json
import os
import sys
import threading
import unittest
import unittest.mock
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
BACKEND = os.path.dirname(HERE)
ROOT = os.path.dirname(BACKEND)
SEED_DIR = os.path.join(ROOT, 'tests', 'fixtures', 'seed')
TUTORIAL_DIR = os.path.join(HERE, 'fixtures', 'aws_tutorial')
sys.path.insert(0, os.path.join(BACKEND, 'local'))

import lambda_runtime  # noqa: E402
import local_api  # noqa: E402
from dynalite import Dynalite, free_port  # noqa: E402

TABLE = 'lambda-apigateway'


def _bodies(folder):
    names = sorted(n for n in os.listdir(folder) if n.endswith('.json'))
    result = []
    for name in names:
        with open(os.path.join(folder, name), encoding='utf-8') as f:
            result.append((name, f.read()))
    return result


def seed_bodies():
    """The seed's six Postman bodies, in the order the seed sends them."""
    return _bodies(SEED_DIR)


def tutorial_bodies():
    """The AWS tutorial's events (no tableName: the function's own table), in order."""
    return _bodies(TUTORIAL_DIR)


def request(url, body=None, method='POST', headers=None):
    """Sends one request; returns (status, headers, body text)."""
    data = body if isinstance(body, (bytes, type(None))) else (
        body.encode() if isinstance(body, str) else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode()


def handler():
    return local_api.load_handler()


class DynaliteTestCase(unittest.TestCase):
    """Starts dynalite (in memory) with the stack's table and gives the handler the
    environment the template gives it, for the class."""

    allowed_tables = None
    cors = True

    @classmethod
    def setUpClass(cls):
        cls.dynalite = Dynalite().start()
        cls.addClassCleanup(cls.dynalite.stop)
        cls.dynalite.ensure_table(TABLE)
        environment = unittest.mock.patch.dict(os.environ)
        environment.start()
        cls.addClassCleanup(environment.stop)
        local_api.configure_aws_environment(cls.dynalite.endpoint, 'us-east-1')
        os.environ.update(local_api.handler_environment(TABLE, cls.allowed_tables, cors=cls.cors))

    def invoke(self, event):
        """Runs the deployed handler as the Lambda runtime would on `event` (JSON text or a
        value). Returns (ok, result text)."""
        text = event if isinstance(event, str) else json.dumps(event)
        return lambda_runtime.invoke(handler(), lambda_runtime.parse_event(text))

    def result(self, event):
        """The handler's result for `event`, parsed; fails the test when the handler raised."""
        ok, text = self.invoke(event)
        self.assertTrue(ok, text)
        return json.loads(text)

    def error(self, event):
        """The runtime's error object for `event`; fails the test when the handler succeeded."""
        ok, text = self.invoke(event)
        self.assertFalse(ok, text)
        return json.loads(text)


def start_api(cls, handler_function=None, **options):
    """Starts the local API for test class `cls` (stopped after the class) in front of
    `handler_function` (default: the deployed handler). Returns (server, url, log)."""
    log = io.StringIO()
    server = local_api.make_server('127.0.0.1', free_port(), handler_function or handler(), log=log, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    cls.addClassCleanup(server.server_close)
    cls.addClassCleanup(server.shutdown)
    url = 'http://127.0.0.1:{}/{}/DynamoDBManager'.format(server.server_address[1], options.get('stage', 'prod'))
    return server, url, log


class StackTestCase(DynaliteTestCase):
    """dynalite and the local API in front of the deployed handler, for the class."""

    integration = 'custom'
    api_key = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server, cls.url, cls.log = start_api(cls, integration=cls.integration, cors=cls.cors,
                                                 api_key=cls.api_key)

    def request(self, body, method='POST', url=None, headers=None):
        """Returns (status, headers, body text)."""
        return request(url or self.url, body, method, headers)

    def call(self, event):
        status, _, text = self.request(event)
        self.assertEqual(status, 200, text)
        return json.loads(text)
