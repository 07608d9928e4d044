// Saved work that is never lost: two tabs of one browser saving, renaming and
// deleting presets and sending requests in turn (everything survives a reload
// of both); typing written once it pauses, not on every key, and at once when
// the page goes away; storage filled up before the app saves (a clear
// message, nothing already saved dropped, export still works); stored data
// that cannot be read (the app starts, keeps it aside for export and says so).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AppPage, RESULTS_DIR, useAppSession } from './harness.mjs';

const session = useAppSession({ viewport: { width: 1280, height: 900 } });
const SEEDS = 6;  // built-in presets listed before the saved ones

async function reload(app) {
  await app.page.reload();
  await app.page.waitForFunction(() => window.__app && window.__app.ready, null, { timeout: 30000 });
}

// Opens `event` from a file into the editor (quicker than typing it), in the tab in front.
async function typeEvent(app, event) {
  await app.page.bringToFront();
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('Open file')]);
  await chooser.setFiles({ name: 'event.json', mimeType: 'application/json', buffer: Buffer.from(event) });
  await app.waitFor((s) => s.request.text === event, 'the opened event');
}

async function savePreset(app, event, name) {
  await typeEvent(app, event);
  await app.click('Save as preset');
  await app.waitFor((s) => s.presets.names.includes(name), `the preset "${name}"`);
}

async function send(app, event) {
  const before = (await app.snapshot()).history.count;
  await typeEvent(app, event);
  await app.click('Send');
  await app.waitFor((s) => s.history.count > before && s.request.in_flight === null, 'the answer');
}

const savedNames = (s) => s.presets.names.slice(SEEDS);

// Brings the tab to the front, then waits there.
async function inFront(app, predicate, what) {
  await app.page.bringToFront();
  return app.waitFor(predicate, what);
}

test('two tabs save, rename and delete presets and send requests in turn; both keep everything after a reload', async () => {
  const context = await session.newContext();
  const a = await AppPage.open(context, session.stack.site);
  const b = await AppPage.open(context, session.stack.site);

  await savePreset(a, '{"operation": "echo", "payload": {"from": "a"}}', 'echo');
  // The other tab hears of it (storage event) and shows it without a reload.
  await inFront(b, (s) => savedNames(s).includes('echo'), 'tab A\'s preset in tab B');
  await savePreset(b, '{"operation": "read", "tableName": "lambda-apigateway", "payload": {"Key": {"id": "b"}}}',
                   'read lambda-apigateway');
  await inFront(a, (s) => savedNames(s).length === 2, 'tab B\'s preset in tab A');
  await savePreset(a, '{"operation": "ping"}', 'ping');

  // Tab B renames tab A's echo; tab A deletes the ping it made.
  await inFront(b, (s) => savedNames(s).length === 3, 'three presets in tab B');
  await b.click(`Preset ${SEEDS}`);
  await b.click('Rename preset');
  await b.fill('Preset name', 'Echo A');
  await b.click('Apply rename');
  await b.waitFor((s) => savedNames(s).includes('Echo A'), 'the rename in tab B');
  await inFront(a, (s) => savedNames(s).includes('Echo A'), 'the rename in tab A');
  await a.click(`Preset ${SEEDS + 2}`);
  await a.waitFor((s) => s.presets.selected === SEEDS + 2, 'the ping preset selected');
  await a.click('Delete preset');
  const expected = ['Echo A', 'read lambda-apigateway'];
  await inFront(b, (s) => JSON.stringify(savedNames(s)) === JSON.stringify(expected), 'the deletion in tab B');

  await send(a, '{"operation": "ping"}');
  await send(b, '{"operation": "echo", "payload": {"n": 1}}');
  await send(a, '{"operation": "echo", "payload": {"n": 2}}');
  await inFront(a, (s) => s.history.count === 3, 'all three requests in tab A\'s history');
  await inFront(b, (s) => s.history.count === 3, 'all three requests in tab B\'s history');
  await a.screenshot('saved-work-two-tabs');

  await reload(a);
  await reload(b);
  for (const [tab, app] of [['A', a], ['B', b]]) {
    await app.page.bringToFront();
    const s = await app.snapshot();
    assert.deepEqual(savedNames(s), expected, `tab ${tab}'s presets after the reload`);
    assert.deepEqual(s.history.entries.map((e) => e.operation), ['echo', 'echo', 'ping'], `tab ${tab}'s history`);
    assert.equal(s.storage.problem, '');
    assert.deepEqual(app.consoleErrors, []);
  }
  await context.close();
});

// Records every write of the draft the page makes, in sessionStorage so the
// record survives a reload: {text, hidden}, hidden when written while the page
// was being hidden or unloaded (after pagehide, or visibilitychange to hidden).
async function recordDraftWrites(context) {
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    let hidden = false;
    window.addEventListener('pagehide', () => { hidden = true; }, { capture: true });
    document.addEventListener('visibilitychange', () => { hidden = document.visibilityState === 'hidden'; },
                              { capture: true });
    Storage.prototype.setItem = function (key, value) {
      if (this === window.localStorage && key === 'crud-workbench/draft') {
        const writes = JSON.parse(window.sessionStorage.getItem('test-draft-writes') || '[]');
        writes.push({ text: String(value), hidden });
        setItem.call(window.sessionStorage, 'test-draft-writes', JSON.stringify(writes));
      }
      return setItem.call(this, key, value);
    };
  });
}

const draftWrites = (app) => app.page.evaluate(() => JSON.parse(sessionStorage.getItem('test-draft-writes') || '[]'));

test('typing is written once it pauses, not on every key, and a reload right after typing keeps the exact text', async () => {
  const context = await session.newContext();
  await recordDraftWrites(context);
  const app = await AppPage.open(context, session.stack.site);
  await app.showJsonEditor();

  const event = '{"operation": "echo", "payload": {"typed": "quickly", "n": 42}}';
  const before = (await draftWrites(app)).length;
  await app.fill('Event JSON', event);  // select all, Backspace, then every character as a key
  await app.waitFor((s) => s.request.text === event, 'the typed event');
  const keystrokes = 1 + [...event].length;
  const typed = (await draftWrites(app)).slice(before);
  assert.ok(typed.length < keystrokes / 4, `${typed.length} writes of the draft for ${keystrokes} keystrokes`);
  // Once typing pauses the draft is written, as the editor shows it.
  await app.page.waitForFunction((text) => localStorage.getItem('crud-workbench/draft') === text, event,
                                 { timeout: 5000 });

  // One more key (a space after the JSON), and the page is reloaded as soon as the editor shows it.
  const final = event + ' ';
  await app.page.keyboard.type(' ');
  await app.waitFor((s) => s.request.text === final, 'the space typed');
  const beforeReload = (await draftWrites(app)).length;
  await reload(app);
  assert.equal((await app.snapshot()).request.text, final, 'the exact text after the reload');
  const [flushed] = (await draftWrites(app)).slice(beforeReload);
  assert.deepEqual(flushed, { text: final, hidden: true }, 'written as the page went away, not before');
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

// Fills this origin's storage to the last character with a value of the test's own.
async function fillStorage(page) {
  return page.evaluate(() => {
    let size = 1 << 22;
    let index = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`test-filler-${index}`, 'x'.repeat(size));
        ++index;
      } catch (e) {
        size = Math.floor(size / 2);
      }
    }
    return index;
  });
}

test('storage filled up: the save that does not fit says so, nothing saved before is lost and export still works', async () => {
  const { context, app } = await session.openApp();
  await savePreset(app, '{"operation": "echo", "payload": {"kept": "before"}}', 'echo');
  await send(app, '{"operation": "ping"}');
  // A preset larger than the history entry that can be given up for it, typed before storage fills up.
  await typeEvent(app, `{"operation": "echo", "payload": {"note": "${'n'.repeat(2000)}"}}`);
  // The person pauses: the draft is written (once typing pauses) before storage fills up.
  await app.page.waitForFunction(() => (localStorage.getItem('crud-workbench/draft') || '').includes('n'.repeat(2000)),
                                 null, { timeout: 10000 });
  const fillers = await fillStorage(app.page);
  assert.ok(fillers > 0);
  await app.click('Save as preset');
  const full = await app.waitFor((s) => s.storage.problem !== '', 'the storage problem');
  assert.match(full.storage.problem, /full: your presets could not be saved\. Everything saved before is kept/);
  assert.equal(full.banner, full.storage.problem, 'the message is shown');
  assert.equal(full.presets.saved, 2, 'the preset stays in this tab');
  assert.match(full.presets.notice, /^Kept in this tab only/);
  assert.equal(full.history.count, 0, 'the history gave up its oldest entries first');
  await app.screenshot('saved-work-storage-full');

  const [download] = await Promise.all([app.page.waitForEvent('download'), app.click('Export presets')]);
  const file = path.join(RESULTS_DIR, 'saved-work-full-export.json');
  await download.saveAs(file);
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).presets.length, 2, 'both presets exported');

  // The person frees space (here: the test's own filler) and reloads: the preset saved before is there.
  await app.page.evaluate((n) => { for (let i = 0; i < n; ++i) localStorage.removeItem(`test-filler-${i}`); }, fillers);
  await reload(app);
  const after = await app.snapshot();
  assert.deepEqual(savedNames(after), ['echo']);
  assert.equal(after.storage.problem, '');
  await context.close();
});

test('stored data that cannot be read: the app starts, keeps it aside for export and says so', async () => {
  const { context, app } = await session.openApp();
  const cutShort = '{"format":"crud-workbench-saved","version":1,"kind":"presets","entries":[{"id":"x","v":1,"value":{"na';
  const future = '{"version":9,"nextId":4,"entries":[{"id":3,"sentAt":1,"shape":"new"}]}';
  await app.page.evaluate(([p, h]) => {
    localStorage.setItem('crud-workbench/presets', p);
    localStorage.setItem('crud-workbench/history', h);
  }, [cutShort, future]);
  await reload(app);
  let s = await app.snapshot();
  assert.deepEqual(s.storage.kept_aside.map((k) => k.from).sort(), ['crud-workbench/history', 'crud-workbench/presets']);
  assert.match(s.banner, /cannot read was found: .*the history \(it was saved by a newer version/);
  assert.match(s.banner, /your presets \(it is not valid JSON/);
  assert.match(s.banner, /Export unreadable data/);
  assert.equal(s.presets.saved, 0);
  await app.screenshot('saved-work-unreadable');

  const [download] = await Promise.all([app.page.waitForEvent('download'), app.click('Export unreadable data')]);
  const file = path.join(RESULTS_DIR, 'saved-work-unreadable.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  assert.deepEqual(exported.values.map((v) => v.text).sort(), [cutShort, future].sort(), 'the exact stored texts');

  // Saving works again, and the unreadable data stays kept across a reload until discarded.
  await savePreset(app, '{"operation": "ping"}', 'ping');
  await reload(app);
  s = await app.snapshot();
  assert.deepEqual(savedNames(s), ['ping']);
  assert.equal(s.storage.kept_aside.length, 2);
  await app.click('Discard unreadable data');
  await app.waitFor((x) => x.storage.kept_aside.length === 0, 'the kept data discarded');
  await reload(app);
  assert.equal((await app.snapshot()).storage.kept_aside.length, 0);
  await context.close();
});
