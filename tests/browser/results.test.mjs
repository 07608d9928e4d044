// Large answers driven like a person: a list of 10,000 items read page by page
// (Next page, Load all with Stop) into one table that sorts by a number
// column, scrolls with the mouse wheel, filters as you type and copies a row
// as JSON to the system clipboard; the JSON tab folds.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, useAppSession } from './harness.mjs';

const ITEMS = 10000;
const session = useAppSession({ prepare: () => seedItems(ITEMS) });

// The seed script's items (tests/browser/seed_items.py), to check what the table shows.
const numberOf = (i) => (i * 7919) % 10007;

function seedItems(count) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [path.join(ROOT, 'tests', 'browser', 'seed_items.py'), session.stack.dynamodb, session.stack.table,
                                    String(count)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => { errors += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(); else reject(new Error(`seeding failed (${code}): ${errors}`));
    });
  });
}

async function sendList(app, limit) {
  const event = `{"operation": "list", "tableName": "${session.stack.table}", "payload": {"Limit": ${limit}}}`;
  await app.showJsonEditor();
  await app.fill('Event JSON', event);
  await app.waitFor((s) => s.request.text === event, 'the typed list event');
  await app.click('Send');
  return app.waitFor((s) => s.response && s.response.paging, 'the first page');
}

const column = (s, name) => s.response.columns.indexOf(name);

test('a list read page by page with Next page and Load all (stopped, then finished) fills one table', async () => {
  const { context, app } = await session.openApp();
  const first = await sendList(app, 100);
  assert.equal(first.response.table.total, 100);
  assert.deepEqual([first.response.paging.pages, first.response.paging.has_next], [1, true]);

  await app.click('Next page');
  const second = await app.waitFor((s) => s.response.paging.pages === 2, 'the second page');
  assert.equal(second.response.table.total, 200);
  assert.equal(second.history.count, 1, 'further pages are not new requests in the history');

  await app.click('Load all');
  await app.waitFor((s) => s.response.paging.pages >= 5, 'a few pages loading');
  await app.click('Stop');
  const stopped = await app.waitFor((s) => !s.response.paging.load_all && s.request.in_flight === null, 'stopped');
  assert.equal(stopped.response.paging.stopped, true);
  assert.ok(stopped.response.paging.items < ITEMS, 'Stop stopped before the end');
  assert.equal(stopped.response.table.total, stopped.response.paging.items);
  await app.screenshot('results-load-all-stopped');
  await app.frames(10);
  assert.equal((await app.snapshot()).response.paging.items, stopped.response.paging.items, 'nothing more arrives');

  await app.click('Load all');
  const all = await app.waitFor((s) => s.response.paging.items === ITEMS && !s.response.paging.load_all,
                                'every page', 120000);
  assert.equal(all.response.paging.has_next, false);
  assert.equal(all.response.table.row_count_label, '10,000 rows');
  const ids = new Set(all.response.rows.map((r) => r[0]));
  assert.equal(ids.size, all.response.rows.length, 'no item twice');
  await context.close();
});

test('10,000 rows sort by a number column, scroll with the wheel, filter as typed and copy a row as JSON', async () => {
  const { context, app } = await session.openApp({ clipboard: true });
  await sendList(app, 20000);
  let s = await app.waitFor((x) => x.response.table.total === ITEMS, 'all 10,000 items in one answer', 60000);
  const n = column(s, 'n');
  assert.ok(n > 0, 'the number column is shown');

  await app.click('Column n');
  s = await app.waitFor((x) => x.response.table.sort_column === 'n', 'sorted by n');
  assert.equal(s.response.table.sort_direction, 'ascending');
  const numbers = Array.from({ length: ITEMS }, (_, i) => numberOf(i)).sort((a, b) => a - b);
  assert.deepEqual(s.response.table.visible_rows.map((r) => Number(r[n])), numbers.slice(0, 5));
  await app.click('Column n');
  s = await app.waitFor((x) => x.response.table.sort_direction === 'descending', 'sorted by n, descending');
  assert.equal(Number(s.response.table.visible_rows[0][n]), numbers[ITEMS - 1]);
  await app.click('Column n');
  await app.waitFor((x) => x.response.table.sort_column === 'n' && x.response.table.sort_direction === 'ascending' ||
                           x.response.table.sort_column === null, 'a third click');
  if ((await app.snapshot()).response.table.sort_column === null) await app.click('Column n');
  await app.waitFor((x) => x.response.table.sort_column === 'n' && x.response.table.sort_direction === 'ascending',
                    'ascending again');

  const table = await app.widget('Results table');
  await app.page.mouse.move(table.x + table.w / 2, table.y + table.h / 2);
  for (let i = 0; i < 10; ++i) await app.page.mouse.wheel(0, 400);
  s = await app.waitFor((x) => x.response.table.first_visible > 50, 'scrolled down');
  const at = s.response.table.first_visible;
  assert.deepEqual(s.response.table.visible_rows.map((r) => Number(r[n])), numbers.slice(at, at + 5),
                   'the rows shown after scrolling are the sorted ones at that position');
  await app.screenshot('results-10000-sorted-scrolled');
  const frameTimes = await app.page.evaluate(() => window.__app.frameTimes);
  assert.ok(frameTimes.length > 0 && frameTimes.every((t) => typeof t === 'number' && t >= 0));

  await app.fill('Table filter', 'NAME 123');
  const expected = Array.from({ length: ITEMS }, (_, i) => i).filter((i) => i % 7 && `name ${i}`.includes('name 123'));
  s = await app.waitFor((x) => x.response.table.filter === 'NAME 123' && x.response.table.shown === expected.length,
                        'the filtered rows');
  assert.equal(s.response.table.row_count_label, `${expected.length} of 10,000 rows`);

  await app.click('Row 0');
  s = await app.waitFor((x) => x.response.table.selected_row !== null, 'a selected row');
  const shownId = s.response.table.visible_rows[0][0];
  await app.click('Copy as JSON');
  await app.click('Copy row');
  const i = Number(shownId.slice(5));
  const expectedRow = { id: shownId, n: numberOf(i), name: `name ${i}` };
  const copied = JSON.parse(await app.clipboardText((t) => t.startsWith('{'), 'the copied row'));
  assert.deepEqual(copied, i % 10 === 0 ? { ...expectedRow, tags: { group: `g${i / 10}`, rank: i } } : expectedRow);
  await app.screenshot('results-filtered-copied');

  // A nested map opens as a tree when its cell is clicked.
  const tags = column(s, 'tags');
  const nestedAt = s.response.table.visible_rows.findIndex((r) => r[tags].startsWith('{'));
  assert.ok(nestedAt >= 0, 'a row with tags is on screen');
  const header = await app.widget('Column tags');
  const row = await app.widget(`Row ${nestedAt}`);
  await app.page.mouse.move(header.x + header.w / 2, row.y + row.h / 2);
  await app.frames(2);
  await app.page.mouse.down();
  await app.page.mouse.up();
  await app.waitFor((x) => x.response.table.nested_open, 'the nested value open');
  await app.screenshot('results-nested-open');
  await app.click('Row count');  // a click anywhere else closes it
  await app.waitFor((x) => !x.response.table.nested_open, 'the nested value closed');
  // Chromium reports each wheel event that Emscripten's GLFW handler tries to
  // cancel on the page (a passive target); the canvas fills the page, so nothing else scrolls.
  assert.deepEqual(app.consoleErrors.filter((e) => !e.includes('passive event listener')), []);
  await context.close();
});

test('the JSON tab folds an object and unfolds it again', async () => {
  const { context, app } = await session.openApp();
  await sendList(app, 3);
  await app.click('Tab JSON');
  await app.waitFor((s) => s.response.tab === 'JSON', 'the JSON tab');
  const before = (await app.snapshot()).response.json_lines;
  await app.click('Collapse all');
  const folded = await app.waitFor((s) => s.response.json_lines < before, 'folded lines');
  assert.ok(folded.response.json_lines <= 8, `a collapsed answer is a few lines (${folded.response.json_lines})`);
  await app.screenshot('results-json-collapsed');
  await app.click('Expand all');
  await app.waitFor((s) => s.response.json_lines === before, 'every line again');
  await context.close();
});

test('Load all of a list bigger than the results budget stops with the reason; what was loaded stays usable', async () => {
  // The page's address sets a small budget (256 KiB), as tests may; the list holds 10,000 items.
  const { context, app } = await session.openApp({ url: `${session.stack.site}?result-budget-kb=256` });
  const event = `{"operation": "list", "tableName": "${session.stack.table}", "payload": {"Limit": 500}}`;
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('Open file')]);
  await chooser.setFiles({ name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(event) });
  await app.waitFor((s) => s.request.text === event, 'the opened list event');
  await app.click('Send');
  await app.waitFor((s) => s.response && s.response.paging, 'the first page');
  await app.click('Load all');
  const stopped = await app.waitFor((s) => s.response.paging.over_budget !== '' && s.request.in_flight === null,
                                    'Load all stopped by the budget', 120000);
  assert.match(stopped.response.paging.over_budget, /^Stopped before the next page: .* of the 256(\.0)? KB this workbench keeps for results/);
  assert.equal(stopped.response.paging.load_all, false);
  assert.equal(stopped.response.paging.has_next, true, 'more items remain unread');
  const loaded = stopped.response.paging.items;
  assert.ok(loaded >= 1000 && loaded < ITEMS, `some pages loaded, not all (${loaded})`);
  assert.equal(stopped.response.table.total, loaded);
  await app.screenshot('results-over-budget');

  // Still usable: the rows filter, Save response writes the loaded page, and a new request is answered.
  await app.fill('Table filter', 'item-00');
  await app.waitFor((s) => s.response.table.shown < loaded && s.response.table.shown > 0, 'filtered rows');
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.click('Save response')]);
  assert.match(download.suggestedFilename(), /^response-list/);
  await app.click('Operation ping');
  await app.click('Send');
  await app.waitFor((s) => s.response && s.response.kind === 'pong', 'the next answer');
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});
