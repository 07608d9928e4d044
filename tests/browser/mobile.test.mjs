// The workbench on a phone (390 x 844, touch, device pixel ratio 3), a tablet
// (768 x 1024, touch) and a desktop: the layout each gets, the seed's CRUD
// flow by taps only (the tap on a text field focuses the page's hidden text
// field within the tap, and the typed text arrives through it), a share link
// opened on the phone, a rotation that keeps everything, drag scrolling with
// momentum, a pinch that changes the app's text instead of zooming the page,
// nothing past the right edge and touch targets of at least 44 px, all read
// from the widget map. Screenshots: test-results/mobile-*.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, useAppSession } from './harness.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
// A phone as sharp as the ones people hold (drawing it is slow in a software GPU: used once).
const PHONE_3X = { ...PHONE, deviceScaleFactor: 3 };
const TABLET = { viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const session = useAppSession({ viewport: { width: 1280, height: 800 } });

// What a finger presses: buttons, fields, boxes, tabs, options and rows.
const TARGET_ROLES = new Set(['button', 'checkbox', 'radio', 'textbox', 'combobox', 'option', 'tab', 'row']);

async function visibleWidgets(app) {
  const { widgets } = await app.state();
  return Object.entries(widgets).filter(([, w]) => w.visible);
}

// Nothing reaches past the right edge: every widget on screen ends inside
// the viewport. The result table's rows and column headers are the
// exception: wide columns scroll sideways inside the table (by a drag), whose
// own box is checked like any widget.
async function assertNothingPastRightEdge(app, width, where) {
  const past = [];
  for (const [key, w] of await visibleWidgets(app)) {
    if (key.startsWith('Row ') || key.startsWith('Column ')) continue;
    const right = w.x + w.w;
    if (right > width + 0.5) past.push(`${key} ends at ${right}`);
  }
  assert.deepEqual(past, [], `${where}: widgets past the right edge (${width} px)`);
}

// Every target on screen, fully shown, is at least 44 x 44 CSS px.
async function assertTouchTargets(app, where) {
  const small = [];
  let checked = 0;
  for (const [key, w] of await visibleWidgets(app)) {
    if (!TARGET_ROLES.has(w.role)) continue;
    if (w.shown.w < w.w - 0.5 || w.shown.h < w.h - 0.5) continue;  // cut off by a scrolled window
    ++checked;
    if (w.h < 43.5 || w.w < 43.5) small.push(`${key} (${w.role}) ${w.w.toFixed(1)} x ${w.h.toFixed(1)}`);
  }
  assert.ok(checked >= 5, `${where}: targets to check (${checked})`);
  assert.deepEqual(small, [], `${where}: touch targets under 44 px`);
}

async function pickTab(app, name) {
  await app.tap(`Tab ${name}`);
  await app.waitFor((s) => s.layout.tab === name, `the ${name} tab`);
}

// Taps a text field, checks the tap itself focused the hidden text field (a
// phone shows its keyboard only then), erases `erase` characters and types.
async function typeInto(app, label, erase, text) {
  await app.tap(label);
  const focused = await app.page.evaluate(() => ({
    id: document.activeElement && document.activeElement.id,
    inputmode: document.getElementById('text-input').getAttribute('inputmode'),
  }));
  assert.deepEqual(focused, { id: 'text-input', inputmode: 'text' }, `the tap on ${label} focuses the hidden text field`);
  await app.page.waitForFunction(() => window.__app.snapshot.request && window.__app.inputPending === 0);
  for (let i = 0; i < erase; ++i) await app.page.keyboard.press('Backspace');
  await app.page.keyboard.type(text);
  await app.settle();
}

async function sendByTap(app) {
  const before = (await app.snapshot()).history.count;
  await app.tap('Send');
  return app.waitFor((s) => s.history.count === before + 1 && s.response && !s.request.in_flight, 'the answer');
}

// A finger on the touch screen through the browser's own touch input (CDP):
// `points` per step, 16 ms apart (a phone's 60 Hz), sent without waiting for
// the page, which may be busy drawing.
async function touchPath(app, steps) {
  const cdp = await app.page.context().newCDPSession(app.page);
  const start = Date.now() / 1000;
  await Promise.all(steps.map(([type, points], i) => cdp.send('Input.dispatchTouchEvent', {
    type, timestamp: start + i * 0.016, touchPoints: points.map(([x, y], id) => ({ x, y, id })),
  })));
  await cdp.detach();
}

test('the seed CRUD flow by taps only on a phone: preset, edit, send, the Answer tab, a row', async () => {
  const { context, app } = await session.openApp(PHONE);
  let s = await app.snapshot();
  assert.equal(s.layout.kind, 'narrow');
  assert.equal(s.layout.tab, 'Request');
  assert.equal(s.layout.touch, true);
  assert.ok(s.layout.font_px >= 16, 'text of at least 16 px on a touch screen');
  assert.equal((await app.state()).pixelRatio, 2);
  await assertNothingPastRightEdge(app, 390, 'phone, Request');
  await assertTouchTargets(app, 'phone, Request');

  await pickTab(app, 'Presets');
  await assertNothingPastRightEdge(app, 390, 'phone, Presets');
  await assertTouchTargets(app, 'phone, Presets');
  await app.tap('Preset 0');
  s = await app.waitFor((x) => x.request.origin === 'Preset: Seed: create 2377ab' && x.layout.tab === 'Request',
                        'the create preset in the Request tab');

  await typeInto(app, 'Item 1 value', '2377ab'.length, 'phone1');
  s = await app.waitFor((x) => JSON.parse(x.request.text).payload.Item.id === 'phone1', 'the typed id in the event');
  await app.screenshot('mobile-phone-request');
  s = await sendByTap(app);
  assert.equal(s.response.ok, true, s.response.summary);
  assert.equal(s.layout.tab, 'Answer', 'the Answer tab opens when the answer arrives');
  assert.notEqual(await app.page.evaluate(() => document.activeElement && document.activeElement.id), 'text-input',
                  'the keyboard goes away when editing ends (a tap on a button)');

  await pickTab(app, 'Presets');
  await app.tap('Preset 1');
  await app.waitFor((x) => x.request.origin === 'Preset: Seed: read 127748AB' && x.layout.tab === 'Request', 'the read preset');
  await typeInto(app, 'Key 1 value', '127748AB'.length, 'phone1');
  await app.waitFor((x) => JSON.parse(x.request.text).payload.Key.id === 'phone1', 'the typed key');
  s = await sendByTap(app);
  assert.equal(s.layout.tab, 'Answer');
  assert.equal(s.response.kind, 'item');
  assert.ok(s.response.rows.some((row) => row.includes('phone1')), JSON.stringify(s.response.rows));
  await assertNothingPastRightEdge(app, 390, 'phone, Answer');
  await assertTouchTargets(app, 'phone, Answer');
  await app.tap('Row 0');
  s = await app.waitFor((x) => x.response.table.selected_row === 0, 'the tapped row selected');
  await app.screenshot('mobile-phone-answer');
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('a share link opened on a phone shows the request, the banner and a Send within reach', async () => {
  const link = readFileSync(path.join(ROOT, 'tests/fixtures/links/v1_seed_update_first_name.txt'), 'utf8').trim();
  const fragment = link.slice(link.indexOf('#'));
  const { context, app } = await session.openApp({ ...PHONE_3X, url: session.stack.site + fragment });
  const s = await app.waitFor((x) => x.request.origin === 'Loaded from a shared link — not sent yet', 'the shared request');
  assert.equal(s.layout.tab, 'Request');
  assert.equal(JSON.parse(s.request.text).operation, 'update');
  for (const label of ['Banner', 'Dismiss', 'Send']) {
    const w = await app.widget(label);
    assert.ok(w.shown.h >= w.h - 0.5 && w.y >= 0 && w.y + w.h <= 844 && w.x + w.w <= 390, `${label} fully on screen`);
  }
  await assertNothingPastRightEdge(app, 390, 'phone, share link');
  await app.screenshot('mobile-phone-share-link');
  const sent = await sendByTap(app);
  assert.equal(sent.layout.tab, 'Answer');
  await context.close();
});

test('turning the phone and a keyboard taking the bottom re-lay the app out at once and keep everything', async () => {
  const { context, app } = await session.openApp(PHONE);
  await pickTab(app, 'Presets');
  await app.tap('Preset 1');
  await app.waitFor((x) => x.layout.tab === 'Request', 'the read preset');
  const before = await sendByTap(app);
  assert.equal(before.layout.tab, 'Answer');

  await app.page.setViewportSize({ width: 844, height: 390 });
  let s = await app.waitFor((x) => x.layout.kind === 'medium', 'the landscape layout');
  assert.equal(s.request.text, before.request.text);
  assert.equal(s.response.summary, before.response.summary);
  await app.widget('Send');
  await assertNothingPastRightEdge(app, 844, 'phone, landscape');
  await app.screenshot('mobile-phone-landscape');

  await app.page.setViewportSize({ width: 390, height: 844 });
  s = await app.waitFor((x) => x.layout.kind === 'narrow', 'the portrait layout again');
  assert.equal(s.layout.tab, 'Answer', 'the tab shown before turning');
  assert.equal(s.request.text, before.request.text);
  assert.equal(s.response.summary, before.response.summary);

  // The keyboard: the field being edited stays in view when the bottom half goes.
  await pickTab(app, 'Request');
  await typeInto(app, 'Key 1 value', 0, '');
  await app.page.setViewportSize({ width: 390, height: 480 });
  await app.waitFor((x) => x.layout.kind === 'narrow', 'the short layout');
  await app.frames(6);
  const field = await app.widget('Key 1 value');
  assert.ok(field.shown.h >= field.h - 0.5 && field.y + field.h <= 480,
            `the edited field stays above the keyboard: ${JSON.stringify(field)}`);
  await app.page.keyboard.type('X');
  await app.waitFor((x) => JSON.parse(x.request.text).payload.Key.id === '127748ABX', 'typing still reaches the field');
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('a drag scrolls the result table under its header with momentum, and a pinch sizes the text, not the page', async () => {
  // Items to list, straight through the local API.
  for (let i = 0; i < 40; ++i) {
    const response = await fetch(session.stack.api, {
      method: 'POST', body: JSON.stringify({ operation: 'create', tableName: 'lambda-apigateway',
                                             payload: { Item: { id: `row-${String(i).padStart(2, '0')}`, n: i } } }),
    });
    assert.equal(response.status, 200);
  }
  const { context, app } = await session.openApp(PHONE);
  await app.tap('Operation list');
  await app.waitFor((x) => x.request.operation === 'list', 'the list operation');
  let s = await sendByTap(app);
  assert.ok(s.response.table.total >= 40, `${s.response.table.total} rows`);
  assert.equal(s.response.table.first_visible, 0);
  const row = await app.widget('Row 2');
  const x = row.shown.x + 40;
  const y = row.shown.y + row.shown.h / 2;
  // A flick upwards: ~80 px in 5 moves, released while moving.
  const steps = [['touchStart', [[x, y]]]];
  for (let i = 1; i <= 5; ++i) steps.push(['touchMove', [[x, y - i * 16]]]);
  steps.push(['touchEnd', []]);
  await touchPath(app, steps);
  s = await app.waitFor((v) => v.response.table.first_visible > 0, 'the table scrolled by the drag');
  const afterDrag = s.response.table.first_visible;
  s = await app.waitFor((v) => v.response.table.first_visible > afterDrag, 'the table gliding on after the finger lifted');
  const header = await app.state().then((st) => Object.entries(st.widgets).find(([k, w]) => k.startsWith('Column ') && w.visible));
  assert.ok(header, 'a column header still on screen');
  assert.ok(!s.request.in_flight && s.response.table.selected_row === null, 'a drag is no tap');
  await app.screenshot('mobile-phone-scrolled');

  const before = (await app.snapshot()).layout;
  await touchPath(app, [['touchStart', [[150, 400], [240, 400]]], ['touchMove', [[120, 400], [270, 400]]],
                        ['touchMove', [[90, 400], [300, 400]]], ['touchEnd', []]]);
  s = await app.waitFor((v) => v.layout.text_scale > 1, 'a larger text after the pinch');
  assert.ok(s.layout.font_px > before.font_px);
  const page = await app.page.evaluate(() => ({ scale: window.visualViewport.scale, canvas: document.getElementById('canvas').width }));
  assert.equal(page.scale, 1, 'the page did not zoom (the canvas stays sharp)');
  assert.equal(page.canvas, 390 * 2, 'the canvas keeps its device resolution');
  await assertNothingPastRightEdge(app, 390, 'phone, larger text');
  // "1 page · 4x items · no more pages" is wider than the phone at this text
  // size: it wraps onto a second line (its item is as wide as the screen either way).
  const paging = await app.widget('Paging progress');
  const { font_px: fontPx } = (await app.snapshot()).layout;
  assert.ok(paging.h > 1.5 * fontPx, `the paging line wraps within the screen: ${JSON.stringify(paging)} at ${fontPx} px`);

  // The export controls fold behind one button on a phone, so the table keeps the room; a tap opens them.
  assert.equal((await app.snapshot()).export.folded, true);
  assert.equal((await app.state()).widgets['Export download'], undefined, 'no export controls until asked for');
  await app.tap('Export options');
  s = await app.waitFor((v) => v.export.folded === false, 'the export controls unfolded');
  assert.ok((await app.widget('Export download')).visible);
  await app.screenshot('mobile-phone-export');
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('a tablet gets a sidebar that folds away; a desktop keeps the side-by-side layout', async () => {
  const { context, app } = await session.openApp(TABLET);
  let s = await app.snapshot();
  assert.equal(s.layout.kind, 'medium');
  assert.equal(s.layout.sidebar, true);
  await assertNothingPastRightEdge(app, 768, 'tablet');
  await assertTouchTargets(app, 'tablet');
  await app.screenshot('mobile-tablet');
  await app.tap('Sidebar');
  s = await app.waitFor((x) => x.layout.sidebar === false, 'the sidebar folded');
  await app.screenshot('mobile-tablet-folded');
  await app.tap('Sidebar');
  await app.waitFor((x) => x.layout.sidebar === true, 'the sidebar back');
  await context.close();

  const desktop = await session.openApp();
  s = await desktop.app.snapshot();
  assert.deepEqual([s.layout.kind, s.layout.sidebar, s.layout.touch, s.layout.tab], ['wide', true, false, null]);
  assert.equal((await desktop.app.state()).widgets['Tab Request'], undefined, 'no tab bar on a desktop');
  await assertNothingPastRightEdge(desktop.app, 1280, 'desktop');
  await desktop.app.screenshot('mobile-desktop');
  await desktop.context.close();
});
