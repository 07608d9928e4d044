"""Runs every benchmark, prints one table per measure and writes them, with
the machine and date they came from, to BENCHMARKS.md. Called by scripts/bench
after the builds. Each figure is a median over repeated runs; targets are
goals to compare against, not assertions.

Usage: python3 bench/report.py [--quick] [--out BENCHMARKS.md]
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_json(args, timeout=900):
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError('{} failed:\n{}{}'.format(' '.join(args), out.stdout[-2000:], out.stderr[-2000:]))
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_text(args, timeout=900):
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError('{} failed:\n{}'.format(' '.join(args), out.stderr[-2000:]))
    return out.stdout


def machine():
    cpu = 'unknown CPU'
    try:
        with open('/proc/cpuinfo') as f:
            cpu = next(line.split(':', 1)[1].strip() for line in f if line.startswith('model name'))
    except (OSError, StopIteration):
        pass
    chromium = run_text(['/usr/bin/chromium', '--version']).strip() if os.path.exists('/usr/bin/chromium') else '-'
    return '{}, {} cores, {}, {} (Python {}, Node {})'.format(
        cpu, os.cpu_count(), platform.platform(), chromium, platform.python_version(),
        run_text(['node', '--version']).strip())


def verdict(value, target, lower_is_better=True):
    if value is None:
        return '-'
    ok = value <= target if lower_is_better else value >= target
    return 'meets' if ok else 'misses'


def section_size(lines, quick):
    rows = run_json([sys.executable, 'bench/site_size.py', '--json'])
    lines.append('## Static site size (files loaded before the first frame)\n')
    lines.append('| file | raw KB | gzip KB | brotli KB |')
    lines.append('|---|---|---|---|')
    for r in rows:
        brotli = '{:.1f}'.format(r['brotli'] / 1024) if r['brotli'] else '-'
        lines.append('| {} | {:.1f} | {:.1f} | {} |'.format(r['file'], r['raw'] / 1024, r['gzip'] / 1024, brotli))
    total = rows[-1]['gzip'] / 1024
    lines.append('\nTarget ≤ 350 KB gzip in total: {:.1f} KB, {}.\n'.format(total, verdict(total, 350)))


def section_startup(lines, quick):
    r = run_json(['node', 'bench/startup.mjs', '--runs', '3' if quick else '9', '--json'])
    lines.append('## Start-up (headless Chromium, SwiftShader WebGL, local server)\n')
    lines.append('| measure | median ms | target |')
    lines.append('|---|---|---|')
    lines.append('| navigation start → first ImGui frame | {:.0f} | ≤ 300 ({}) |'.format(
        r['firstFrameMs'], verdict(r['firstFrameMs'], 300)))
    lines.append('| navigation start → app ready | {:.0f} | - |'.format(r['readyMs']))
    p = r.get('phases', {})
    steps = [('page (HTML) received', 'html'), ('index.js received', 'js'),
             ('WebGL2 context created (blocks the page)', 'context'), ('index.wasm received', 'wasm'),
             ('main() entered (code compiled, instantiated)', 'main'), ('first frame drawn', 'firstFrame')]
    lines.append('\nWhere the time goes (median ms from navigation start): ' + ', '.join(
        '{} {:.0f}'.format(label, p[key]) for label, key in steps if p.get(key) is not None) + '.')
    lines.append('\n{} fresh page loads, each in a new browser context.\n'.format(r['runs']))


def section_fonts(lines, quick):
    r = run_json(['node', 'bench/first_frame.mjs', '--runs', '3' if quick else '9', '--json'], timeout=1200)
    app, bare, cjk = r['app'], r['bare'], r['cjk']
    lines.append('## First frame against a bare Dear ImGui page; adding CJK glyphs\n')
    lines.append('| page | navigation → first frame ms | main() → first frame ms |')
    lines.append('|---|---|---|')
    lines.append('| the app | {:.0f} | {:.1f} |'.format(app['firstFrameMs'], app['mainToFirstFrameMs']))
    lines.append('| bare Dear ImGui (bench/bare_imgui.cpp, same sources and flags) | {:.0f} | {:.1f} |'.format(
        bare['firstFrameMs'], bare['mainToFirstFrameMs']))
    lines.append('| ratio app / bare | {:.2f} | {:.2f} |'.format(r['ratio']['firstFrame'], r['ratio']['mainToFirstFrame']))
    lines.append('\n{} alternating fresh loads of each (medians). Goal: the app no later than the bare page '
                 '(ratio ≤ 1): navigation → first frame {}.\n'.format(r['runs'], verdict(r['ratio']['firstFrame'], 1)))
    lines.append('Japanese text typed into the editor at once (medians of {} runs): {} CJK glyphs added from {} '
                 'font page files ({:.0f} KB uncompressed); the last atlas rebuild (rasterize + upload) {:.1f} ms, '
                 'of which rasterizing {:.1f} ms; {} rebuilds; typed → every glyph drawn {:.0f} ms (fetches '
                 'included); texture {}×{}; characters drawn without a glyph afterwards: {}.\n'.format(
                     cjk['runs'], cjk['glyphsAdded'], cjk['fontFiles'], cjk['fontKB'], cjk['lastRebuildMs'],
                     cjk['lastRasterizeMs'], cjk['rebuilds'], cjk['settledMs'], cjk['texture']['width'],
                     cjk['texture']['height'], cjk['missing']))


def parse_core_bench(text):
    figures = {}
    for line in text.splitlines():
        m = re.match(r'^\s+(.+?)\s+([\d.]+)$', line)
        if m:
            figures[m.group(1)] = float(m.group(2))
    header = next((line for line in text.splitlines() if line.startswith('list answer')), '')
    return header, figures


def section_engines(lines, quick):
    r = run_json(['scripts/with-xvfb', 'node', 'bench/engines_startup.mjs', '--runs', '3' if quick else '7', '--json'])
    lines.append('## First frame per browser engine (local server, {} fresh windows each, own Xvfb)\n'.format(r['runs']))
    lines.append('| engine | WebGL renderer | first ImGui frame, median ms | app ready, median ms |')
    lines.append('|---|---|---|---|')
    for name, e in r['engines'].items():
        lines.append('| {} | {} | {:.0f} | {:.0f} |'.format(name, e['renderer'], e['firstFrameMs'], e['readyMs']))
    lines.append('\nFrom navigation start; Chromium draws WebGL with SwiftShader, Firefox ESR and WebKit '
                 '(MiniBrowser) with Mesa\'s llvmpipe.\n')


def section_parse(lines, quick):
    runs = '3' if quick else '7'
    header, native = parse_core_bench(run_text([os.path.join(ROOT, 'build', 'bench', 'bench_core'), runs]))
    wasm = run_json(['node', 'bench/wasm_core.mjs', runs, '--json'])
    lines.append('## Big result: parse, classify, table model\n')
    lines.append(header + ' — median of {} runs each.\n'.format(runs))
    lines.append('| step | native ms | wasm in Chromium ms | wasm / native |')
    lines.append('|---|---|---|---|')
    for name, value in native.items():
        w = wasm['figures'].get(name)
        wasm_ms = '{:.1f}'.format(w) if w is not None else '-'
        ratio = '{:.1f}x'.format(w / value) if w and value else '-'
        lines.append('| {} | {:.1f} | {} | {} |'.format(name, value, wasm_ms, ratio))
    total = wasm['figures'].get('classify + table build')
    lines.append('\nTarget ≤ 200 ms in wasm for parse + classify + table model: {} ms, {}. '
                 'Wasm heap after the timing runs (they also build JSON trees of the whole answer for comparison): '
                 '{:.0f} MB.\n'.format(
                     '{:.0f}'.format(total) if total is not None else '-', verdict(total, 200), wasm['heapMB']))
    section_memory(lines, wasm.get('memory', {}))


def section_memory(lines, memory):
    """The wasm heap holding a list read as the app reads it (bench_core --memory, a fresh page each)."""
    lines.append('## Big result: memory per JSON byte\n')
    lines.append('A list read as the app reads it: pages of at most 10 MB (API Gateway\'s limit), each read item by '
                 'item into one table (no JSON tree of the items), earlier pages not copied, the last page\'s text '
                 'kept; each size in a fresh page, as the wasm heap never shrinks.\n')
    lines.append('| list | pages | table holds MB | table per JSON byte | wasm heap MB | heap per JSON byte | target |')
    lines.append('|---|---|---|---|---|---|---|')
    for size in ('10', '100'):
        m = memory.get(size) or memory.get(int(size))
        if not m:
            lines.append('| {} MB | - | - | - | - | - | ≤ 4 |'.format(size))
            continue
        lines.append('| {:.1f} MB | {} | {:.1f} | {:.2f} | {:.1f} | {:.2f} | ≤ 4 ({}) |'.format(
            m['listMB'], m['pages'], m['tableMB'], m['tablePerByte'], m['heapMB'], m['heapPerByte'],
            verdict(m['heapPerByte'], 4)))
    lines.append('\nThe heap figure is the whole wasm memory (code data, stack and the {:.0f} MB it starts with '
                 'included). Before this change a 10 MB list took a 138 MB heap (about 13 bytes per JSON byte).\n'
                 .format(next(iter(memory.values()))['heapBeforeMB']) if memory else '')


def section_frames(lines, quick):
    if not os.path.exists(os.path.join(ROOT, 'bench', 'frames.mjs')):
        return
    r = run_json(['node', 'bench/frames.mjs', '--json'] + (['--quick'] if quick else []), timeout=1200)
    lines.append('## Big result: drawing 10,000 rows × 10 columns\n')
    lines.append('| phase | frames | median frame CPU ms | p95 ms | target | accessibility layer median ms | p95 ms | target |')
    lines.append('|---|---|---|---|---|---|---|---|')
    for phase in r['phases']:
        lines.append('| {} | {} | {:.2f} | {:.2f} | ≤ 4 median ({}) | {:.2f} | {:.2f} | < 0.5 median ({}) |'.format(
            phase['name'], phase['frames'], phase['medianMs'], phase['p95Ms'], verdict(phase['medianMs'], 4),
            phase['a11yMedianMs'], phase['a11yP95Ms'], verdict(phase['a11yMedianMs'], 0.5)))
    lines.append('\nThe accessibility layer\'s part is included in the frame time: building the frame\'s nodes from '
                 'ImGui\'s item hooks, diffing them with the last frame\'s (core/accessibility) and applying the '
                 'changes to the page\'s DOM (the hooks\' own recording is in the frame time only).')
    if r.get('heapMB'):
        lines.append('\nApp wasm heap with the 10,000 rows loaded: {:.0f} MB.'.format(r['heapMB']))
    lines.append('')


def section_api(lines, quick):
    r = run_json([sys.executable, 'bench/api_load.py', '--json', '--seconds', '1' if quick else '3',
                  '--max-requests', '1000' if quick else '4000'])
    lines.append('## Local API under load (127.0.0.1, kept-alive connections)\n')
    lines.append('| operation | clients | local API req/s | p50 ms | p99 ms | dynalite direct req/s | direct p50 ms | '
                 'p50 ratio API / direct |')
    lines.append('|---|---|---|---|---|---|---|---|')
    for row in r['rows']:
        a, d = row['api'], row.get('direct')
        lines.append('| {} | {} | {:.0f} | {:.2f} | {:.2f} | {} | {} | {} |'.format(
            row['operation'], row['clients'], a['rps'], a['p50_ms'], a['p99_ms'],
            '{:.0f}'.format(d['rps']) if d else '-', '{:.2f}'.format(d['p50_ms']) if d else '-',
            '{:.1f}x'.format(a['p50_ms'] / d['p50_ms']) if d and d['p50_ms'] else '-'))
    read1 = next(x['api']['p50_ms'] for x in r['rows'] if x['operation'] == 'read' and x['clients'] == 1)
    m = r['memory']
    summary = ('\nTarget p50 ≤ 10 ms for read (1 client): {:.2f} ms, {}. Peak RSS under this load: local API '
               '{:.0f} MB, dynalite {:.0f} MB.\n')
    lines.append(summary.format(read1, verdict(read1, 10), m['local_api_rss_mb'], m['dynalite_rss_mb']))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--quick', action='store_true', help='fewer runs, for a smoke check')
    parser.add_argument('--out', default=os.path.join(ROOT, 'BENCHMARKS.md'))
    args = parser.parse_args()
    lines = ['# Benchmarks', '',
             'Written by `scripts/bench` on {} UTC.'.format(datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M')),
             '', 'Machine: {}.'.format(machine()), '']
    for section in (section_size, section_startup, section_engines, section_fonts, section_parse, section_frames, section_api):
        before = len(lines)
        try:
            section(lines, args.quick)
        except Exception as error:  # noqa: BLE001 - one failing measure must not hide the others
            lines.append('## {}\n\nFailed: {}\n'.format(section.__name__, str(error).splitlines()[0]))
        print('\n'.join(lines[before:]), flush=True)
    notes = os.path.join(ROOT, 'bench', 'NOTES.md')
    if os.path.exists(notes):
        with open(notes) as f:
            lines.append(f.read())
    with open(args.out, 'w') as f:
        f.write('\n'.join(lines).rstrip() + '\n')
    print('\nwrote ' + os.path.relpath(args.out, ROOT))


if __name__ == '__main__':
    main()
