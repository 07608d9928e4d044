// Frame CPU time (the app's own per-frame timing, window.__app.frameTimes)
// and the part of it the accessibility layer takes (window.__app.a11yTimes:
// building the frame's nodes, diffing them, applying the changes to the DOM)
// while a 10,000-row × 10-column answer is shown, sorted and scrolled, in
// headless Chromium against the local stack. Bounded: 10,000 items seeded,
// a fixed number of interactions per phase.
//   node bench/frames.mjs [--json] [--quick]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { AppPage, ROOT, launchBrowser, startStack } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const steps = args.includes('--quick') ? 10 : 30;
const ITEMS = 10000;

function seed(stack) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [path.join(ROOT, 'tests', 'browser', 'seed_items.py'), stack.dynamodb, stack.table,
                                    String(ITEMS), '--wide'], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120000);
    child.once('exit', (code) => { clearTimeout(timer); code === 0 ? resolve() : reject(new Error('seeding failed')); });
  });
}

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

async function measure(app, name, action) {
  await app.page.evaluate(() => {
    if (window.__app.frameTimes) window.__app.frameTimes.length = 0;
    if (window.__app.a11yTimes) window.__app.a11yTimes.length = 0;
  });
  for (let i = 0; i < steps; i++) await action(i);
  await app.frames(3);
  const [times, a11y] = await app.page.evaluate(() => [[...(window.__app.frameTimes || [])],
                                                       [...(window.__app.a11yTimes || [])]]);
  return { name, frames: times.length, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95),
           a11yMedianMs: quantile(a11y, 0.5), a11yP95Ms: quantile(a11y, 0.95) };
}

const stack = await startStack();
const chrome = await launchBrowser();
let result;
try {
  await seed(stack);
  const context = await chrome.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const app = await AppPage.open(context, stack.site);
  const event = `{"operation": "list", "tableName": "${stack.table}", "payload": {}}`;
  await app.showJsonEditor();
  await app.enter('Event JSON', event);
  await app.waitFor((s) => s.request.text === event, 'the list event');
  await app.click('Send');
  await app.waitFor((s) => s.response && s.response.paging, 'the first page', 60000);
  await app.click('Load all');
  await app.waitFor((s) => s.response.paging.items === ITEMS && !s.response.paging.load_all, 'all rows', 180000);
  const table = await app.widget('Results table');
  const cx = table.x + table.w / 2;
  const cy = table.y + Math.min(table.h / 2, 200);
  const phases = [];
  phases.push(await measure(app, 'showing (mouse moving over rows)', async (i) => {
    await app.page.mouse.move(cx + (i % 2 ? 40 : -40), cy + (i % 5) * 10);
    await app.frames(1);
  }));
  phases.push(await measure(app, 'sorting (header clicks)', async () => { await app.click('Column balance'); await app.frames(1); }));
  phases.push(await measure(app, 'scrolling (mouse wheel)', async () => {
    await app.page.mouse.move(cx, cy);
    await app.page.mouse.wheel(0, 400);
    await app.frames(1);
  }));
  const heapMB = await app.page.evaluate(() => (window.Module && window.Module.HEAP8 ? window.Module.HEAP8.length / 1048576 : 0));
  result = { items: ITEMS, phases, heapMB };
  await context.close();
} finally {
  await chrome.close();
  await stack.stop();
}
if (args.includes('--json')) console.log(JSON.stringify(result));
else {
  for (const p of result.phases) {
    console.log(`${p.name}: ${p.frames} frames, median ${p.medianMs.toFixed(2)} ms, p95 ${p.p95Ms.toFixed(2)} ms; ` +
                `accessibility layer median ${p.a11yMedianMs.toFixed(2)} ms, p95 ${p.a11yP95Ms.toFixed(2)} ms`);
  }
}
