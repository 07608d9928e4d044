// The core benchmark (bench/bench_core.cpp) compiled to wasm and run in
// headless Chromium: parse + classify + table model of a 10 MB list answer,
// as the app does it in the browser. Also the wasm heap it needed.
//   node bench/wasm_core.mjs [RUNS] [--json]   (build: cmake --build --preset web --target bench_core_wasm)
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
const lines = [];
let heapBytes = 0;
try {
  const page = await chrome.browser.newPage();
  page.on('console', (m) => lines.push(m.text()));
  await page.addInitScript((n) => { window.Module = { arguments: [String(n)] }; }, runs);
  await page.goto(`http://127.0.0.1:${server.address().port}/bench_core.html`);
  await page.waitForFunction(() => window.Module && window.Module.HEAP8 && typeof EXITSTATUS !== 'undefined' && window.ABORT !== undefined, null, { timeout: 300000 }).catch(() => {});
  const deadline = Date.now() + 300000;
  while (!lines.some((l) => l.includes('filter (per keystroke)')) && Date.now() < deadline) await page.waitForTimeout(200);
  heapBytes = await page.evaluate(() => (window.Module && window.Module.HEAP8 ? window.Module.HEAP8.length : 0));
} finally {
  await chrome.close();
  server.close();
}
const figures = {};
for (const line of lines) {
  const m = line.match(/^\s+(.+?)\s+([\d.]+)$/);
  if (m) figures[m[1]] = Number(m[2]);
}
const result = { runs, header: lines.find((l) => l.startsWith('list answer')), figures, heapMB: heapBytes / 1048576 };
if (args.includes('--json')) console.log(JSON.stringify(result));
else console.log(lines.join('\n') + `\nwasm heap after the run: ${result.heapMB.toFixed(0)} MB`);
