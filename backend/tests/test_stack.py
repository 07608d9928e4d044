"""The local stack (backend/local/stack.py) as scripts/demo runs it: it comes
up on the given ports, serves the site and its config (with the key of
--api-key), refuses a busy port clearly, stops every child on Ctrl-C or when
one of them dies, and with --relay serves the site in front of a relay."""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.request

from support import ROOT, request
from dynalite import free_port, port_in_use
import local_api

STACK = os.path.join(ROOT, 'backend', 'local', 'stack.py')


SITE_DIR = tempfile.TemporaryDirectory()  # a stand-in site: the web build may not exist yet
with open(os.path.join(SITE_DIR.name, 'index.html'), 'w') as page:
    page.write('<!doctype html><title>site</title>')


def start_stack(*extra):
    ports = {'api': free_port(), 'site': free_port(), 'dynamodb': free_port()}
    process = subprocess.Popen(
        [sys.executable, STACK, '--in-memory', '--quiet', '--api-port', str(ports['api']),
         '--site-port', str(ports['site']), '--dynamodb-port', str(ports['dynamodb']),
         '--site-dir', SITE_DIR.name] + list(extra),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return process, ports


def wait_ready(process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith('READY '):
            return json.loads(line[6:])
        if not line and process.poll() is not None:
            raise AssertionError('stack exited: ' + process.stderr.read())
    raise AssertionError('stack not ready in time')


def children_of(pid):
    out = subprocess.run(['ps', '-o', 'pid=', '--ppid', str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def wait_gone(pids, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(os.path.exists('/proc/{}'.format(p)) for p in pids):
            return True
        time.sleep(0.1)
    return False


class LocalStack(unittest.TestCase):

    def test_stack_serves_site_config_and_api_then_stops_on_interrupt(self):
        process, ports = start_stack()
        try:
            ready = wait_ready(process)
            children = children_of(process.pid)
            self.assertEqual(len(children), 2)  # dynalite and the local API
            with urllib.request.urlopen(ready['site'] + 'config.json', timeout=5) as r:
                self.assertEqual(json.load(r), {'endpoint': ready['api'], 'tableName': 'lambda-apigateway'})
            with urllib.request.urlopen(ready['site'], timeout=5) as r:
                self.assertIn(b'<title>site</title>', r.read())
            request = urllib.request.Request(ready['api'], data=b'{"operation": "ping"}', method='POST')
            with urllib.request.urlopen(request, timeout=5) as r:
                self.assertEqual(json.load(r), 'pong')
            process.send_signal(signal.SIGINT)
            self.assertEqual(process.wait(15), 0)
            self.assertTrue(wait_gone(children), 'children still running after Ctrl-C')
            for port in ports.values():
                self.assertFalse(port_in_use('127.0.0.1', port))
        finally:
            if process.poll() is None:
                process.kill()
            process.wait()
            process.stdout.close()
            process.stderr.close()

    def test_stack_stops_everything_when_a_child_dies(self):
        process, _ = start_stack()
        try:
            wait_ready(process)
            children = children_of(process.pid)
            os.kill(children[-1], signal.SIGKILL)
            self.assertEqual(process.wait(15), 1)
            self.assertTrue(wait_gone(children), 'children still running after one died')
        finally:
            if process.poll() is None:
                process.kill()
            process.wait()
            process.stdout.close()
            process.stderr.close()

    def test_integration_cors_and_api_key_flags_reach_the_local_api(self):
        process, _ = start_stack('--integration', 'proxy', '--no-cors', '--api-key', 'stack-key')
        try:
            ready = wait_ready(process)
            self.assertEqual(ready['integration'], 'proxy')
            with urllib.request.urlopen(ready['site'] + 'config.json', timeout=5) as r:
                # A local page gets the key it needs; scripts/deploy never writes one.
                self.assertEqual(json.load(r), {'endpoint': ready['api'], 'tableName': 'lambda-apigateway',
                                                'apiKey': 'stack-key'})
            status, headers, _ = request(ready['api'], {'operation': 'ping'})
            self.assertEqual(status, 403)  # no x-api-key
            status, headers, text = request(ready['api'], {'operation': 'explode'}, headers={'x-api-key': 'stack-key'})
            self.assertEqual((status, json.loads(text)['errorType']), (400, 'ValidationError'))  # a proxy status
            self.assertNotIn('Access-Control-Allow-Origin', headers)
        finally:
            process.terminate()
            process.wait(15)
            process.stdout.close()
            process.stderr.close()

    def test_relay_serves_the_site_with_its_endpoint_set_to_a_relay_to_the_given_url(self):
        api = local_api.make_server('127.0.0.1', free_port(), lambda event, context: 'pong', cors=False, log=None)
        threading.Thread(target=api.serve_forever, daemon=True).start()
        self.addCleanup(api.server_close)
        self.addCleanup(api.shutdown)
        target = 'http://127.0.0.1:{}/prod/DynamoDBManager'.format(api.server_address[1])
        process, ports = start_stack('--relay', target)
        try:
            ready = wait_ready(process)
            relay_endpoint = 'http://127.0.0.1:{}/prod/DynamoDBManager'.format(ports['api'])
            self.assertEqual(ready['api'], relay_endpoint)
            self.assertEqual(children_of(process.pid), [])  # no dynalite, no local API
            with urllib.request.urlopen(ready['site'] + 'config.json', timeout=5) as r:
                self.assertEqual(json.load(r), {'endpoint': relay_endpoint, 'relay': target})
            origin = ready['site'].rstrip('/')
            status, headers, text = request(relay_endpoint, {'operation': 'ping'}, headers={'Origin': origin})
            self.assertEqual((status, json.loads(text)), (200, 'pong'))
            self.assertEqual(headers['Access-Control-Allow-Origin'], origin)
            process.send_signal(signal.SIGINT)
            self.assertEqual(process.wait(15), 0)
        finally:
            if process.poll() is None:
                process.kill()
            process.wait()
            process.stdout.close()
            process.stderr.close()

    def test_relay_refuses_a_target_that_is_not_a_url(self):
        result = subprocess.run([sys.executable, STACK, '--relay', 'not a url', '--site-dir', SITE_DIR.name],
                                capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 2)
        self.assertIn('the relay target must be an http(s) URL', result.stderr)

    def test_busy_port_is_refused_with_the_flag_to_change_it(self):
        with socket.socket() as busy:
            busy.bind(('127.0.0.1', 0))
            busy.listen()
            port = busy.getsockname()[1]
            result = subprocess.run([sys.executable, STACK, '--in-memory', '--site-dir', SITE_DIR.name,
                                     '--api-port', str(port),
                                     '--site-port', str(free_port()), '--dynamodb-port', str(free_port())],
                                    capture_output=True, text=True, timeout=30)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn('port {} is already in use'.format(port), result.stderr)
        self.assertIn('--api-port', result.stderr)


if __name__ == '__main__':
    unittest.main()
