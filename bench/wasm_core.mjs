// The core benchmark (bench/bench_core.cpp) compiled to wasm and run in
// headless Chromium: parse + classify + table model of a 10 MB list answer,
// as the app does it in the browser. Also the wasm heap it needed, and (each
// in a fresh page: the heap only grows) the heap holding a 10 MB and a 100 MB
// list read as the app reads it (bench_core --memory).
//   node bench/wasm_core.mjs [RUNS] [--json] [--memory-only]
//   (build: cmake --build --preset web --target bench_core_wasm)
import { createReadStream, existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT, launchBrowser } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a))) || 5;
const dir = path.join(ROOT, 'build', 'web', 'bench');
if (!existsSync(path.join(dir, 'bench_core.html'))) {
  console.error('bench_core.html missing: cmake --build --preset web --target bench_core_wasm');
  process.exit(1);
}
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const file = path.join(dir, path.basename(new URL(req.url, 'http://x').pathname));
  if (!existsSync(file)) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const chrome = await launchBrowser();
const port = server.address().port;

// Runs bench_core.html with `argv` in a fresh page until a line matches `done`; returns the page's lines and heap.
async function runPage(argv, done) {
  const lines = [];
  const page = await chrome.browser.newPage();
  try {
    page.on('console', (m) => lines.push(m.text()));
    page.on('crash', () => lines.push('page crashed'));
    if (process.env.BENCH_DEBUG) page.on('console', (m) => console.error('>', m.text()));
    // The page's own script sets `var Module = {...}`: the arguments go into whatever object it sets.
    await page.addInitScript((a) => {
      let module;
      Object.defineProperty(window, 'Module', {
        configurable: true,
        get: () => module,
        set: (value) => { module = value; if (module) module.arguments = a; },
      });
    }, argv);
    await page.goto(`http://127.0.0.1:${port}/bench_core.html`);
    const deadline = Date.now() + 300000;
    while (!lines.some((l) => done.test(l)) && Date.now() < deadline) await page.waitForTimeout(200);
    const heapBytes = await page.evaluate(() => (window.Module && window.Module.HEAP8 ? window.Module.HEAP8.length : 0));
    return { lines, heapBytes };
  } finally {
    await page.close();
  }
}

let lines = [];
let heapBytes = 0;
const memory = {};
try {
  for (const megabytes of [10, 100]) {
    const run = await runPage(['--memory', String(megabytes)], /wasm heap:/);
    const table = run.lines.join('\n').match(/list of ([\d.]+) MB in (\d+) pages[\s\S]*table holds: ([\d.]+) MB \(([\d.]+) bytes[\s\S]*wasm heap: ([\d.]+) MB \(([\d.]+) bytes per JSON byte; ([\d.]+) MB before/);
    if (table) {
      memory[megabytes] = { listMB: Number(table[1]), pages: Number(table[2]), tableMB: Number(table[3]),
                            tablePerByte: Number(table[4]), heapMB: Number(table[5]), heapPerByte: Number(table[6]),
                            heapBeforeMB: Number(table[7]) };
    }
    if (!args.includes('--json')) console.log(run.lines.join('\n'));
  }
  if (!args.includes('--memory-only')) {
    const run = await runPage([String(runs)], /filter \(per keystroke\)/);
    lines = run.lines;
    heapBytes = run.heapBytes;
  }
} finally {
  await chrome.close();
  server.close();
}
const figures = {};
for (const line of lines) {
  const m = line.match(/^\s+(.+?)\s+([\d.]+)$/);
  if (m) figures[m[1]] = Number(m[2]);
}
const result = { runs, header: lines.find((l) => l.startsWith('list answer')), figures, heapMB: heapBytes / 1048576, memory };
if (args.includes('--json')) console.log(JSON.stringify(result));
else console.log(lines.join('\n') + `\nwasm heap after the run: ${result.heapMB.toFixed(0)} MB`);
