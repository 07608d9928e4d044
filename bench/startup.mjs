// Start-up in headless Chromium against the local stack: navigation start ->
// first ImGui frame drawn and -> app ready (second frame), from the app's
// timeline marks, with the steps before them. Medians over N fresh page
// loads, each in a new browser context (cold cache).
//   node bench/startup.mjs [--runs 7] [--json]
import { launchBrowser, startStack } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const stack = await startStack();
const chrome = await launchBrowser();
const samples = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await chrome.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(stack.site);
    await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 30000 });
    samples.push(await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0];
      const fetched = (file) => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/' + file));
      return {
        firstFrame: at('app-first-frame').startTime,
        ready: at('app-ready').startTime,
        html: performance.getEntriesByType('navigation')[0].responseEnd,
        js: fetched('index.js')?.responseEnd,
        context: at('page-webgl-context')?.startTime,
        wasm: fetched('index.wasm')?.responseEnd,
        main: at('app-main')?.startTime,
      };
    }));
    await context.close();
  }
} finally {
  await chrome.close();
  await stack.stop();
}
const phase = (name) => median(samples.map((s) => s[name]).filter((v) => v !== undefined));
const result = {
  runs,
  firstFrameMs: median(samples.map((s) => s.firstFrame)),
  readyMs: median(samples.map((s) => s.ready)),
  // Medians of when each step ended, from navigation start.
  phases: { html: phase('html'), js: phase('js'), context: phase('context'), wasm: phase('wasm'), main: phase('main'),
            firstFrame: phase('firstFrame') },
  samples,
};
if (args.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  console.log(`start-up over ${runs} loads: first frame ${result.firstFrameMs.toFixed(0)} ms, ready ${result.readyMs.toFixed(0)} ms (medians)`);
  console.log('steps (median ms from navigation start):', JSON.stringify(result.phases, (k, v) => (typeof v === 'number' ? Math.round(v) : v)));
}
