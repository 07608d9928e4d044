"""Size of every file the page loads before its first frame: raw, gzip -9 and
brotli -q 11 (what a static host would serve compressed).

Usage: python3 bench/site_size.py [--json] [SITE_DIR]
"""
import gzip
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIRST_FRAME_FILES = ['index.html', 'index.js', 'index.wasm', 'favicon.svg']


def brotli_size(data):
    try:
        out = subprocess.run(['brotli', '-q', '11', '-c'], input=data, capture_output=True, check=True).stdout
        return len(out)
    except (OSError, subprocess.CalledProcessError):
        return None


def measure(site_dir):
    rows = []
    for name in FIRST_FRAME_FILES:
        path = os.path.join(site_dir, name)
        if not os.path.exists(path):
            continue
        with open(path, 'rb') as f:
            data = f.read()
        rows.append({'file': name, 'raw': len(data), 'gzip': len(gzip.compress(data, 9)), 'brotli': brotli_size(data)})
    total = {'file': 'total', 'raw': sum(r['raw'] for r in rows), 'gzip': sum(r['gzip'] for r in rows),
             'brotli': sum(r['brotli'] or 0 for r in rows)}
    return rows + [total]


def main():
    args = [a for a in sys.argv[1:] if a != '--json']
    rows = measure(args[0] if args else os.path.join(ROOT, 'web'))
    if '--json' in sys.argv:
        print(json.dumps(rows))
        return
    print('| file | raw KB | gzip KB | brotli KB |')
    print('|---|---|---|---|')
    for r in rows:
        brotli = '{:.1f}'.format(r['brotli'] / 1024) if r['brotli'] else '-'
        print('| {} | {:.1f} | {:.1f} | {} |'.format(r['file'], r['raw'] / 1024, r['gzip'] / 1024, brotli))


if __name__ == '__main__':
    main()
