"""Load on the local API and, for comparison, straight on dynalite: requests/s
and p50/p99 latency for ping, read and create at 1 and 8 concurrent clients.
Every run is bounded by a request count and a time limit, on 127.0.0.1 only.

Usage: python3 bench/api_load.py [--seconds 3] [--max-requests 3000] [--json]
Starts its own dynalite and local API (in memory) and stops them by PID.
"""
import argparse
import http.client
import json
import os
import resource
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'backend', 'local'))

from dynalite import Dynalite, free_port, stop_process, wait_for_port  # noqa: E402

TABLE = 'bench-table'


def api_events():
    item = {'id': 'bench-1', 'number': 4, 'name': 'Zoë', 'tags': ['a', 'b'], 'nested': {'x': 1.5}}
    return {
        'ping': {'operation': 'ping'},
        'read': {'operation': 'read', 'tableName': TABLE, 'payload': {'Key': {'id': 'bench-1'}}},
        'create': {'operation': 'create', 'tableName': TABLE, 'payload': {'Item': item}},
    }


def dynamodb_requests():
    item = {'id': {'S': 'bench-1'}, 'number': {'N': '4'}, 'name': {'S': 'Zoë'},
            'tags': {'L': [{'S': 'a'}, {'S': 'b'}]}, 'nested': {'M': {'x': {'N': '1.5'}}}}
    return {
        'read': ('GetItem', {'TableName': TABLE, 'Key': {'id': {'S': 'bench-1'}}}),
        'create': ('PutItem', {'TableName': TABLE, 'Item': item}),
    }


class Target:
    """How to send one operation to one server over a kept-alive connection."""

    def __init__(self, port, path, body, headers):
        self.port, self.path, self.body, self.headers = port, path, body, headers

    def connect(self):
        return http.client.HTTPConnection('127.0.0.1', self.port, timeout=10)

    def send(self, conn):
        conn.request('POST', self.path, body=self.body, headers=self.headers)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError('HTTP {}'.format(response.status))


def api_target(port, event):
    return Target(port, '/prod/DynamoDBManager', json.dumps(event).encode(), {'Content-Type': 'application/json'})


def dynamodb_target(port, action, body):
    return Target(port, '/', json.dumps(body).encode(), {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': 'DynamoDB_20120810.' + action,
        'Authorization': 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, '
                         'SignedHeaders=host, Signature=0',
        'X-Amz-Date': '20260101T000000Z',
    })


def run_load(target, clients, seconds, max_requests):
    """Returns {rps, p50_ms, p99_ms, count, errors}; stops at the time or count limit."""
    latencies = []
    errors = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    budget = [max_requests]

    def take():
        with lock:
            if budget[0] <= 0:
                return False
            budget[0] -= 1
            return True

    def client():
        conn = target.connect()
        local = []
        try:
            while time.monotonic() < deadline and take():
                started = time.perf_counter()
                try:
                    target.send(conn)
                except Exception as error:  # noqa: BLE001 - counted, the run goes on
                    errors.append(str(error))
                    conn.close()
                    conn = target.connect()
                    continue
                local.append((time.perf_counter() - started) * 1000)
        finally:
            conn.close()
            with lock:
                latencies.extend(local)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    pick = (lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]) if latencies else (lambda q: 0)
    return {'rps': len(latencies) / elapsed if elapsed else 0, 'p50_ms': pick(0.5), 'p99_ms': pick(0.99),
            'count': len(latencies), 'errors': len(errors)}


def rss_mb(pid):
    try:
        with open('/proc/{}/status'.format(pid)) as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--seconds', type=float, default=3.0)
    parser.add_argument('--max-requests', type=int, default=3000)
    parser.add_argument('--json', action='store_true')
    args = parser.parse_args()

    dynalite = Dynalite().start()
    api = None
    try:
        dynalite.ensure_table(TABLE)
        api_port = free_port()
        api = subprocess.Popen([sys.executable, os.path.join(ROOT, 'backend', 'local', 'local_api.py'),
                                '--port', str(api_port), '--dynamodb-endpoint', dynalite.endpoint],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port('127.0.0.1', api_port, api, name='local API')
        rows = []
        events = api_events()
        direct = dynamodb_requests()
        api_target(api_port, events['create']).send(api_target(api_port, events['create']).connect())
        for operation in ('ping', 'read', 'create'):
            for clients in (1, 8):
                via_api = run_load(api_target(api_port, events[operation]), clients, args.seconds, args.max_requests)
                row = {'operation': operation, 'clients': clients, 'api': via_api}
                if operation in direct:
                    action, body = direct[operation]
                    row['direct'] = run_load(dynamodb_target(dynalite.port, action, body), clients, args.seconds,
                                             args.max_requests)
                rows.append(row)
        memory = {'local_api_rss_mb': rss_mb(api.pid), 'dynalite_rss_mb': rss_mb(dynalite.process.pid),
                  'bench_client_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    finally:
        stop_process(api)
        dynalite.stop()

    if args.json:
        print(json.dumps({'rows': rows, 'memory': memory}))
        return
    print('| operation | clients | local API req/s | p50 ms | p99 ms | dynalite direct req/s | p50 ms | p50 ratio API/direct |')
    print('|---|---|---|---|---|---|---|---|')
    for r in rows:
        a, d = r['api'], r.get('direct')
        ratio = '{:.1f}x'.format(a['p50_ms'] / d['p50_ms']) if d and d['p50_ms'] else '-'
        print('| {} | {} | {:.0f} | {:.2f} | {:.2f} | {} | {} | {} |'.format(
            r['operation'], r['clients'], a['rps'], a['p50_ms'], a['p99_ms'],
            '{:.0f}'.format(d['rps']) if d else '-', '{:.2f}'.format(d['p50_ms']) if d else '-', ratio))
    print('\nPeak RSS: local API {local_api_rss_mb:.0f} MB, dynalite {dynalite_rss_mb:.0f} MB'.format(**memory))


if __name__ == '__main__':
    main()
