"""Starts and stops dynalite (a DynamoDB implementation, from npm) and creates
the tables the stack uses. Shared by the local stack and the backend tests."""
import os
import socket
import subprocess
import time

import boto3
from botocore.config import Config

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(ROOT, 'node_modules', 'dynalite', 'cli.js')


def port_in_use(host, port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.2)
        return s.connect_ex((host, port)) == 0


def free_port(host='127.0.0.1'):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def wait_for_port(host, port, process, timeout=15.0, name='server'):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError('{} exited with code {} before it listened on port {}'.format(
                name, process.returncode, port))
        if port_in_use(host, port):
            return
        time.sleep(0.05)
    raise RuntimeError('{} did not listen on {}:{} within {:.0f} s'.format(name, host, port, timeout))


def stop_process(process, timeout=5.0):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Dynalite:
    """One dynalite process on 127.0.0.1; in memory unless `path` is given."""

    def __init__(self, port=None, path=None, host='127.0.0.1', quiet=True):
        self.host = host
        self.port = port or free_port(host)
        self.path = path
        self.quiet = quiet
        self.process = None

    @property
    def endpoint(self):
        return 'http://{}:{}'.format(self.host, self.port)

    def start(self):
        if not os.path.exists(CLI):
            raise RuntimeError('dynalite is not installed: run scripts/setup')
        if port_in_use(self.host, self.port):
            raise RuntimeError('port {} is already in use (pick another with a flag)'.format(self.port))
        args = ['node', CLI, '--host', self.host, '--port', str(self.port), '--createTableMs', '0',
                '--deleteTableMs', '0', '--updateTableMs', '0']
        if self.path:
            os.makedirs(self.path, exist_ok=True)
            args += ['--path', self.path]
        out = subprocess.DEVNULL if self.quiet else None
        self.process = subprocess.Popen(args, stdout=out, stderr=out)
        wait_for_port(self.host, self.port, self.process, name='dynalite')
        return self

    def stop(self):
        stop_process(self.process)

    def client(self):
        return boto3.client('dynamodb', endpoint_url=self.endpoint, region_name='us-east-1',
                            aws_access_key_id='local', aws_secret_access_key='local',
                            config=Config(retries={'max_attempts': 2}))

    def ensure_table(self, name, hash_key='id'):
        """Creates `name` (hash key `hash_key`, string, on demand) unless it exists."""
        client = self.client()
        if name in client.list_tables()['TableNames']:
            return False
        client.create_table(TableName=name, BillingMode='PAY_PER_REQUEST',
                            AttributeDefinitions=[{'AttributeName': hash_key, 'AttributeType': 'S'}],
                            KeySchema=[{'AttributeName': hash_key, 'KeyType': 'HASH'}])
        client.get_waiter('table_exists').wait(TableName=name, WaiterConfig={'Delay': 0.1, 'MaxAttempts': 50})
        return True

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
