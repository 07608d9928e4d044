"""Test support: a real dynalite and the local API in front of the deployed
handler, both on 127.0.0.1, started once per test class and stopped after."""
import json
import os
import sys
import threading
import unittest
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
BACKEND = os.path.dirname(HERE)
ROOT = os.path.dirname(BACKEND)
SEED_DIR = os.path.join(ROOT, 'tests', 'fixtures', 'seed')
sys.path.insert(0, os.path.join(BACKEND, 'local'))

import local_api  # noqa: E402
from dynalite import Dynalite, free_port  # noqa: E402

TABLE = 'lambda-apigateway'


def seed_bodies():
    """The seed's six Postman bodies, in the order the seed sends them."""
    names = sorted(n for n in os.listdir(SEED_DIR) if n.endswith('.json'))
    return [(n, open(os.path.join(SEED_DIR, n)).read()) for n in names]


class StackTestCase(unittest.TestCase):
    """Starts dynalite (in memory) and the local API for the class."""

    @classmethod
    def setUpClass(cls):
        cls.dynalite = Dynalite().start()
        cls.addClassCleanup(cls.dynalite.stop)
        cls.dynalite.ensure_table(TABLE)
        local_api.configure_aws_environment(cls.dynalite.endpoint, 'us-east-1')
        os.environ['AWS_ENDPOINT_URL_DYNAMODB'] = cls.dynalite.endpoint
        cls.server = local_api.make_server('127.0.0.1', free_port(), local_api.load_handler(),
                                          log_requests=False)
        thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        thread.start()
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)
        cls.url = 'http://127.0.0.1:{}/prod/DynamoDBManager'.format(cls.server.server_address[1])

    def request(self, body, method='POST', url=None, headers=None):
        """Returns (status, headers, body text)."""
        data = body if isinstance(body, (bytes, type(None))) else (
            body.encode() if isinstance(body, str) else json.dumps(body).encode())
        req = urllib.request.Request(url or self.url, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def call(self, event):
        status, _, text = self.request(event)
        self.assertEqual(status, 200, text)
        return json.loads(text)
