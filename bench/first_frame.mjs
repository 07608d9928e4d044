// The app's first frame against a bare Dear ImGui page built from the same
// sources with the same flags and page template (bench/bare_imgui.cpp), in
// alternating fresh loads (a new browser context each) from one local static
// server; then how long adding CJK glyphs takes: Japanese text typed into the
// editor fetches its font pages, and the atlas is rebuilt and uploaded.
//   node bench/first_frame.mjs [--runs 7] [--json]
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { launchBrowser, ROOT } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const ROOTS = { app: path.join(ROOT, 'web'), bare: path.join(ROOT, 'build', 'web', 'bench-bare') };
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.ttf': 'font/ttf',
                '.svg': 'image/svg+xml' };

// /app/... serves web/, /bare/... the bare page; 127.0.0.1 only, a free port.
function startSite() {
  const server = http.createServer(async (request, response) => {
    const [, site, ...rest] = decodeURIComponent(new URL(request.url, 'http://x').pathname).split('/');
    const file = rest.join('/') || 'index.html';
    if (!ROOTS[site] || file.includes('..')) { response.writeHead(404); response.end(); return; }
    try {
      const data = await readFile(path.join(ROOTS[site], file));
      response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
                                'Content-Length': data.length });
      response.end(data);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  })));
}

async function firstFrame(chrome, url) {
  const context = await chrome.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('app-first-frame').length > 0, null, { timeout: 30000 });
  const sample = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0].startTime;
    return { main: at('app-main'), firstFrame: at('app-first-frame') };
  });
  await context.close();
  return { ...sample, mainToFirstFrame: sample.firstFrame - sample.main };
}

// Japanese text (about 120 different kanji and kana) typed into the editor at once.
const JAPANESE = '東京都の天気は晴れです。明日は雨が降るでしょう。日本語の文字を表示するために、フォントを読み込みます。' +
                 '国際化された名前と住所、電話番号、会社名、部署名、役職、生年月日、性別、趣味、特技、自己紹介文を保存します。';

async function cjkAdd(chrome, url) {
  const context = await chrome.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__app && window.__app.ready, null, { timeout: 30000 });
  // The raw JSON editor takes the text (the request panel opens on the form).
  const widgets = await page.evaluate(() => window.__app.widgets);
  const target = widgets['Event JSON'] || widgets['View JSON'];
  if (target === widgets['View JSON']) {
    await page.mouse.click(target.shown.x + target.shown.w / 2, target.shown.y + target.shown.h / 2);
    await page.waitForFunction(() => window.__app.widgets['Event JSON'], null, { timeout: 10000 });
  }
  const editor = await page.evaluate(() => window.__app.widgets['Event JSON'].shown);
  await page.mouse.click(editor.x + 20, editor.y + 10);
  const before = await page.evaluate(() => window.__app.snapshot.fonts);
  const started = await page.evaluate(() => performance.now());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.insertText', { text: JAPANESE });
  await page.waitForFunction((builds) => {
    const f = window.__app.snapshot.fonts;
    return f.builds > builds && f.loading === 0 && f.waiting === 0;
  }, before.builds, { timeout: 60000 });
  const result = await page.evaluate((t0) => {
    const f = window.__app.snapshot.fonts;
    const fonts = performance.getEntriesByType('resource').filter((e) => e.name.includes('/fonts/'));
    return { ...f, settledMs: performance.now() - t0, fontFiles: fonts.length,
             fontBytes: fonts.reduce((n, e) => n + (e.encodedBodySize || 0), 0), missing: window.__app.snapshot.missing_glyphs };
  }, started);
  await context.close();
  return { ...result, glyphsAdded: result.glyphs - before.glyphs, builds: result.builds - before.builds };
}

const site = await startSite();
const chrome = await launchBrowser();
const samples = { app: [], bare: [] };
const cjk = [];
try {
  for (let i = 0; i < runs; i++) {
    for (const which of i % 2 ? ['bare', 'app'] : ['app', 'bare']) samples[which].push(await firstFrame(chrome, `${site.url}/${which}/`));
  }
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) cjk.push(await cjkAdd(chrome, `${site.url}/app/`));
} finally {
  await chrome.close();
  await site.stop();
}
const summary = (list) => ({ firstFrameMs: median(list.map((s) => s.firstFrame)),
                             mainToFirstFrameMs: median(list.map((s) => s.mainToFirstFrame)) });
const app = summary(samples.app);
const bare = summary(samples.bare);
const cjkMedian = (key) => median(cjk.map((c) => c[key]));
const result = {
  runs, app, bare,
  ratio: { firstFrame: app.firstFrameMs / bare.firstFrameMs, mainToFirstFrame: app.mainToFirstFrameMs / bare.mainToFirstFrameMs },
  cjk: { runs: cjk.length, glyphsAdded: cjkMedian('glyphsAdded'), fontFiles: cjkMedian('fontFiles'),
         fontKB: cjkMedian('fontBytes') / 1024, lastRebuildMs: cjkMedian('atlas_ms'), lastRasterizeMs: cjkMedian('build_ms'),
         rebuilds: cjkMedian('builds'), settledMs: cjkMedian('settledMs'), texture: cjk[0].texture,
         missing: Math.max(...cjk.map((c) => c.missing)) },
  samples,
};
if (args.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  console.log(`first frame over ${runs} alternating loads: app ${app.firstFrameMs.toFixed(0)} ms ` +
              `(main → frame ${app.mainToFirstFrameMs.toFixed(1)} ms), bare ImGui ${bare.firstFrameMs.toFixed(0)} ms ` +
              `(main → frame ${bare.mainToFirstFrameMs.toFixed(1)} ms); ratio ${result.ratio.firstFrame.toFixed(2)} ` +
              `(main → frame ${result.ratio.mainToFirstFrame.toFixed(2)})`);
  console.log('CJK glyphs added:', JSON.stringify(result.cjk));
}
