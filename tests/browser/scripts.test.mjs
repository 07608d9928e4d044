// Data in every script, driven like a person: items named in Latin-1, Greek
// and Cyrillic (DejaVu's fetched pages), Chinese,
// Japanese, Korean, Arabic, Hebrew, Devanagari, Thai and emoji are created by
// typing their events, read one by one and listed; the fonts for them are
// fetched from the site and the app draws every character with a glyph
// (snapshot.missing_glyphs == 0). Japanese typed through an input method's
// composition shows too. A font file the site lacks (404) is named once in
// the banner, and the app keeps working.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, startTestServer, useAppSession } from './harness.mjs';

const session = useAppSession();

const TEXTS = {
  latin: 'Café Größe Ωmega Жук',
  zh: '中文名称 数据库表',
  ja: '名前 テスト ひらがな',
  ko: '한국어 이름',
  ar: 'مرحبا بالعالم',
  he: 'שלום עולם',
  hi: 'नमस्ते दुनिया',
  th: 'สวัสดีชาวโลก',
  emoji: '😀 🎉 👍',
  mixed: '名前 テスト 😀 مرحبا Ωmega',
};

const createEvent = (id, name) =>
  `{"operation": "create", "tableName": "lambda-apigateway", "payload": {"Item": {"id": "script-${id}", "name": "${name}"}}}`;
const readEvent = (id) =>
  `{"operation": "read", "tableName": "lambda-apigateway", "payload": {"Key": {"id": "script-${id}"}}}`;

// Sends `event` pasted into the JSON editor (as a person pastes an event
// they have; typing is the input-method test's); resolves with the answer.
async function send(app, event) {
  const sent = (await app.snapshot()).history.count;
  await app.page.evaluate((text) => navigator.clipboard.writeText(text), event);
  await app.click('Event JSON');
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Control+V');
  await app.waitFor((s) => s.request.text === event, 'the pasted event');
  await app.click('Send');
  const shown = await app.waitFor((s) => s.history.count === sent + 1 && s.request.in_flight === null, 'the answer');
  assert.equal(shown.response.ok, true, shown.response.summary);
  return shown;
}

// A cell of the shown table holds `text` (a read shows attribute rows; a list, item rows).
const inTable = (s, text) => s.response.rows.some((row) => row.some((cell) => cell === text));

// Fonts fetched and added: nothing loading, nothing waiting for a file.
const fontsSettled = (s) => s.fonts.loading === 0 && s.fonts.waiting === 0;

test('items in every script are created, read and listed, and every character is drawn with a glyph', async () => {
  const { context, app } = await session.openApp({ json: true, clipboard: true });
  const first = await app.snapshot();
  assert.equal(first.fonts.loaded, 0, 'the first frame fetches no fallback font');
  for (const [id, name] of Object.entries(TEXTS)) await send(app, createEvent(id, name));
  for (const [id, name] of Object.entries(TEXTS)) {
    await send(app, readEvent(id));
    const read = await app.waitFor(fontsSettled, `the fonts for ${id}`);
    assert.ok(read.response.text.includes(name), `${id} reads back exactly`);
    assert.ok(inTable(read, name), `${id} is in the table: ${JSON.stringify(read.response.rows)}`);
    await app.frames(3);
    assert.equal((await app.snapshot()).missing_glyphs, 0, `every character of ${id} has a glyph`);
  }
  await send(app, '{"operation": "list", "tableName": "lambda-apigateway", "payload": {}}');
  const listed = await app.waitFor(fontsSettled, 'the fonts for the list');
  for (const name of Object.values(TEXTS)) assert.ok(inTable(listed, name), `${name} is listed`);
  await app.frames(3);
  const drawn = await app.snapshot();
  assert.equal(drawn.missing_glyphs, 0);
  assert.deepEqual(drawn.fonts.failed, []);
  assert.ok(drawn.fonts.files.some((f) => f.startsWith('fonts/cjk-')), 'a CJK page was fetched');
  assert.ok(drawn.fonts.files.some((f) => f.startsWith('fonts/symbols-1f')), 'an emoji page was fetched');
  assert.ok(drawn.fonts.files.length <= 24, `only the pages the text is on: ${drawn.fonts.files}`);
  assert.equal(drawn.banner, '');
  await app.screenshot('scripts-table');
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('the first frame rasterizes the app\'s own characters only; others are added when data or a file name shows them, from DejaVu\'s pages', async () => {
  const { context, app } = await session.openApp({ json: true, clipboard: true });
  await app.frames(3);
  const first = await app.snapshot();
  assert.equal(first.missing_glyphs, 0, 'the first screen draws every character of its own text');
  // ASCII, U+FFFD and the UI's punctuation and arrows (cmake/ui_characters.py), not all of Latin-1 and the symbols.
  assert.ok(first.fonts.glyphs < 150, `the first frame rasterized ${first.fonts.glyphs} characters`);
  const folder = await mkdtemp(path.join(tmpdir(), 'workbench-'));
  const file = path.join(folder, 'données-façade.json');
  await writeFile(file, JSON.stringify({ operation: 'echo', payload: { name: 'Größe ñandú Ærø' } }));
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('Open file')]);
  await chooser.setFiles(file);
  const opened = await app.waitFor((s) => s.request.operation === 'echo' && fontsSettled(s), 'the opened event');
  assert.ok(opened.fonts.glyphs > first.fonts.glyphs, 'the characters of the file and its name were added');
  // Latin-1 (ö ß ñ ú Æ ø ç é): DejaVu's page 0, its sans and mono files, nothing else.
  assert.deepEqual(opened.fonts.files, ['fonts/latin-0.ttf'], 'from DejaVu\'s Latin-1 page');
  assert.deepEqual(opened.fonts.failed, []);
  await app.frames(3);
  assert.equal((await app.snapshot()).missing_glyphs, 0, 'the event and the file name are drawn with glyphs');
  await rm(folder, { recursive: true });
  await context.close();
});

test('an unassigned character, with no glyph in any font, is counted as missing', async () => {
  const { context, app } = await session.openApp({ json: true, clipboard: true });
  // U+0378 is unassigned (inside the Greek block, whose DejaVu page has no glyph for it).
  await send(app, createEvent('unassigned', 'x\\u0378y'));
  await send(app, readEvent('unassigned'));
  await app.waitFor(fontsSettled, 'the fonts');
  const s = await app.waitFor((x) => x.missing_glyphs > 0, 'the missing glyph to be counted');
  assert.ok(s.missing_glyphs >= 1);
  await context.close();
});

test('Japanese typed through an input method composition is drawn with its glyphs', async () => {
  const { context, app } = await session.openApp({ json: true, clipboard: true });
  const start = '{"operation": "create", "tableName": "lambda-apigateway", "payload": {"Item": {"id": "ime", "name": "';
  await app.page.evaluate((text) => navigator.clipboard.writeText(text), start);
  await app.click('Event JSON');
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Control+V');
  await app.waitFor((s) => s.request.text === start, 'the start of the event');
  const cdp = await context.newCDPSession(app.page);
  // An input method: a composition shown while typing, then committed.
  await cdp.send('Input.imeSetComposition', { text: 'にほんご', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.imeSetComposition', { text: '日本語', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: '日本語' });
  await app.page.keyboard.type('"}}}');
  await app.settle();
  const typed = await app.waitFor((s) => s.request.text === `${start}日本語"}}}`, 'the composed text in the editor');
  assert.equal(typed.request.sendable, true);
  const drawn = await app.waitFor(fontsSettled, 'the fonts for the typed text');
  assert.ok(drawn.fonts.files.some((f) => f.startsWith('fonts/cjk-')), 'the CJK pages were fetched');
  await app.frames(3);
  await app.screenshot('scripts-typed-japanese');
  await app.click('Send');
  const shown = await app.waitFor((s) => s.response !== null && s.request.in_flight === null, 'the answer');
  assert.equal(shown.response.ok, true);
  await app.frames(3);
  assert.equal((await app.snapshot()).missing_glyphs, 0);
  await context.close();
});

// The site as a static host serves it, except one font file that is missing.
async function startSiteWithout(missing) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.ttf': 'font/ttf',
                  '.svg': 'image/svg+xml' };
  return startTestServer(async (request, body, response) => {
    const file = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (file === '/config.json') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ endpoint: session.stack.api }));
      return;
    }
    const relative = file === '/' ? 'index.html' : file.slice(1);
    if (relative === missing || relative.includes('..')) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not Found');
      return;
    }
    try {
      const data = await readFile(path.join(ROOT, 'web', relative));
      response.writeHead(200, { 'Content-Type': types[path.extname(relative)] || 'application/octet-stream' });
      response.end(data);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
}

test('a font file that cannot be loaded (404) is named once, and the app keeps working', async () => {
  const site = await startSiteWithout('fonts/thai-e.ttf');
  try {
    const { context, app } = await session.openApp({ url: `${site.origin}/`, json: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await send(app, createEvent('th404', TEXTS.th));
    const failed = await app.waitFor((s) => s.fonts.failed.length > 0, 'the font failure');
    assert.deepEqual(failed.fonts.failed, ['Thai']);
    assert.match(failed.banner, /Text in Thai cannot be shown: its font \(fonts\/thai-e\.ttf\) could not be loaded \(HTTP 404\)/);
    assert.match(failed.banner, /copying gives the exact text/);
    assert.ok(site.requests.some((r) => r.url === '/fonts/thai-e.ttf'), 'the font was asked for');
    // Thai again, and other scripts: no second message, no second fetch of the missing file; the rest loads.
    const shown = await send(app, readEvent('th404'));
    assert.ok(shown.response.text.includes(TEXTS.th), 'the data is intact');
    await send(app, createEvent('ja404', TEXTS.ja));
    const later = await app.waitFor(fontsSettled, 'the other fonts');
    assert.equal(later.banner.match(/cannot be shown/g).length, 1, 'said once');
    assert.equal(site.requests.filter((r) => r.url === '/fonts/thai-e.ttf').length, 1, 'asked for once');
    assert.ok(later.fonts.files.some((f) => f.startsWith('fonts/cjk-')));
    await app.screenshot('scripts-font-404');
    await context.close();
  } finally {
    await site.stop();
  }
});
