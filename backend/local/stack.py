"""The whole stack on this machine: dynalite, the local API and the static
site, started together and stopped together (Ctrl-C, SIGTERM, or when any of
them dies). Prints one line `READY {json}` when everything answers.

The site's /config.json tells the page which API to use and its table
({"endpoint", "tableName"}, as scripts/deploy writes it for a deployed site),
and with --api-key also the key ({"apiKey"}: this is a local page on this
machine; a deployed site never carries a key).

With --relay URL there is no local API or dynalite: the site's endpoint is a
relay on --api-port (backend/local/relay.py) that forwards to that one URL
and adds the CORS headers an API without CORS lacks ({"relay": URL} in
config.json lets the app name it).

Usage: python3 backend/local/stack.py [--api-port 3000] [--site-port 8080]
       [--dynamodb-port 4567] [--data-dir .data/dynalite | --in-memory]
       [--integration custom|proxy] [--no-cors] [--api-key KEY]
       python3 backend/local/stack.py --relay https://{id}.execute-api.{region}.amazonaws.com/prod/DynamoDBManager
       [--api-port 3000] [--site-port 8080] [--api-key KEY]
"""
import argparse
import json
import os
import signal
import functools
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from dynalite import ROOT, Dynalite, port_in_use, stop_process, wait_for_port  # noqa: E402
import relay  # noqa: E402

TABLE = 'lambda-apigateway'


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--host', default='127.0.0.1')
    p.add_argument('--api-port', type=int, default=3000)
    p.add_argument('--site-port', type=int, default=8080)
    p.add_argument('--dynamodb-port', type=int, default=4567)
    p.add_argument('--data-dir', default=os.path.join(ROOT, '.data', 'dynalite'),
                   help='where dynalite keeps its data (kept across restarts)')
    p.add_argument('--in-memory', action='store_true', help='keep no data on disk')
    p.add_argument('--site-dir', default=os.path.join(ROOT, 'web'))
    p.add_argument('--table', default=TABLE)
    p.add_argument('--quiet', action='store_true', help='no request log lines')
    p.add_argument('--integration', choices=('custom', 'proxy'), default='custom',
                   help='how the local API calls the Lambda (custom: as in the seed; proxy: as the SAM template)')
    p.add_argument('--no-cors', action='store_true', help='the local API sends no CORS headers')
    p.add_argument('--api-key', help='the local API requires this x-api-key, and the page gets it in config.json')
    p.add_argument('--relay', metavar='INVOKE_URL',
                   help='no local API: the page uses a relay on --api-port that forwards to this URL only, '
                        'adding CORS headers (for an API deployed without CORS)')
    args = p.parse_args(argv)
    if args.relay:
        if args.integration != 'custom' or args.no_cors:
            p.error('--relay runs no local API: --integration and --no-cors do not apply')
        try:
            relay.check_target(args.relay)
        except ValueError as error:
            p.error(str(error))
    return args


def api_command(args, dynamodb_endpoint):
    """The local API's command line: the stack's ports and table, and the flags passed through."""
    command = [sys.executable, os.path.join(HERE, 'local_api.py'), '--host', args.host,
               '--port', str(args.api_port), '--dynamodb-endpoint', dynamodb_endpoint,
               '--table', args.table, '--integration', args.integration]
    if args.no_cors:
        command.append('--no-cors')
    if args.api_key:
        command += ['--api-key', args.api_key]
    if args.quiet:
        command.append('--quiet')
    return command


def site_config(endpoint, args):
    """What /config.json tells the page: the endpoint and the function's table (as
    scripts/deploy writes it), and the key (local pages only) and the relay's target
    when there are."""
    config = {'endpoint': endpoint} if args.relay else {'endpoint': endpoint, 'tableName': args.table}
    if args.api_key:
        config['apiKey'] = args.api_key
    if args.relay:
        config['relay'] = args.relay
    return config


def check_ports(args):
    ports = (('--api-port', args.api_port), ('--site-port', args.site_port))
    if not args.relay:
        ports = (('--dynamodb-port', args.dynamodb_port),) + ports
    for flag, port in ports:
        if port_in_use(args.host, port):
            sys.exit('stack: port {} is already in use; stop what uses it or choose another with {} PORT'
                     .format(port, flag))


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the static site; /config.json tells the page which API to use."""

    def log_message(self, fmt, *args):
        pass

    def end_headers(self):
        self.send_header('Cache-Control', 'no-cache')
        super().end_headers()

    def do_GET(self):
        if self.path.split('?', 1)[0] == '/config.json':
            data = json.dumps(self.server.site_config).encode()
            self.send_response(200)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        super().do_GET()


def start_site(host, port, site_dir, config):
    server = ThreadingHTTPServer((host, port), functools.partial(SiteHandler, directory=site_dir))
    server.daemon_threads = True
    server.site_config = config
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv=None):
    args = parse_args(argv)
    check_ports(args)
    if not os.path.exists(os.path.join(args.site_dir, 'index.html')):
        sys.exit('stack: {} has no index.html; build the web app first (scripts/demo does)'.format(args.site_dir))
    # Explicit handlers: a shell that starts us in the background ignores SIGINT.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    return run_relay(args) if args.relay else run_stack(args)


def site_url(args):
    return 'http://{}:{}/'.format(args.host, args.site_port)


def run_stack(args):
    endpoint = 'http://{}:{}/prod/DynamoDBManager'.format(args.host, args.api_port)
    dynalite = Dynalite(args.dynamodb_port, None if args.in_memory else args.data_dir, args.host)
    children = []
    site = None
    try:
        dynalite.start()
        dynalite.ensure_table(args.table)
        log = subprocess.DEVNULL if args.quiet else None
        api = subprocess.Popen(api_command(args, dynalite.endpoint), stdout=log)
        children.append(api)
        wait_for_port(args.host, args.api_port, api, name='local API')
        site = start_site(args.host, args.site_port, args.site_dir, site_config(endpoint, args))
        print('READY ' + json.dumps({'site': site_url(args), 'api': endpoint, 'dynamodb': dynalite.endpoint,
                                     'table': args.table, 'integration': args.integration}), flush=True)
        print('\n  Open {}  (API {}, DynamoDB {}). Ctrl-C stops everything.\n'.format(
            site_url(args), endpoint, dynalite.endpoint), flush=True)
        while True:
            for child in children + [dynalite.process]:
                if child.poll() is not None:
                    print('stack: a process exited (code {}); stopping the rest'.format(child.returncode),
                          file=sys.stderr)
                    return 1
            time.sleep(0.2)
    except KeyboardInterrupt:
        return 0
    except RuntimeError as error:
        print('stack: ' + str(error), file=sys.stderr)
        return 1
    finally:
        if site:
            site.shutdown()
        for child in children:
            stop_process(child)
        dynalite.stop()


def run_relay(args):
    """The site and a relay to --relay's URL: no local API, no dynalite."""
    origin = site_url(args).rstrip('/')
    server = relay.make_relay(args.relay, args.host, args.api_port, allow_origin=origin,
                              log=None if args.quiet else sys.stdout)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = relay.relay_url(server)
    site = start_site(args.host, args.site_port, args.site_dir, site_config(endpoint, args))
    try:
        print('READY ' + json.dumps({'site': site_url(args), 'api': endpoint, 'relay': args.relay}), flush=True)
        print(relay.describe(server), flush=True)
        print('\n  Open {}  (API {} through the relay). Ctrl-C stops everything.\n'.format(
            site_url(args), args.relay), flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        return 0
    finally:
        site.shutdown()
        server.shutdown()
        server.server_close()


if __name__ == '__main__':
    sys.exit(main())
