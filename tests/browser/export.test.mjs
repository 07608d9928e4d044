// Data out and code out, driven like a person: 10,000 rows exported as CSV
// through a real download (read back: row count, a 38-digit number, a nested
// value), an export cancelled part-way, the filtered view exported as JSON
// Lines to the clipboard, the JSON tab in DynamoDB JSON, the "Copy as" menu,
// and dates shown for epoch numbers.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, useAppSession } from './harness.mjs';

const ITEMS = 10000;
const session = useAppSession({ prepare: () => seedItems(ITEMS) });

// tests/browser/seed_items.py --wide --dated: 9,999 items whose balance is 38 digits, every tenth with a
// nested map "tags", and one more, "dated", with epoch times (createdAt in ms, ttl in s).
const balanceOf = (i) => (10n ** 37n + BigInt(i * 9973)).toString();

function seedItems(count) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [path.join(ROOT, 'tests', 'browser', 'seed_items.py'), session.stack.dynamodb,
                                    session.stack.table, String(count - 1), '--wide', '--dated'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => { errors += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(); else reject(new Error(`seeding failed (${code}): ${errors}`));
    });
  });
}

// RFC 4180: records of fields; quoted fields may hold commas, quotes and line breaks.
function parseCsv(text) {
  const records = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      records.at(-1).push(field); field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      records.at(-1).push(field); field = ''; records.push([]); ++i;
    } else {
      field += c;
    }
  }
  assert.deepEqual(records.at(-1), [], 'the file ends with CRLF');
  records.pop();
  return records;
}

async function send(app, event) {
  await app.showJsonEditor();
  await app.fill('Event JSON', event);
  await app.waitFor((s) => s.request.text === event, 'the typed event');
  const before = (await app.snapshot()).history.count;
  await app.click('Send');
  return app.waitFor((s) => s.history.count > before && s.request.in_flight === null, 'the answer');
}

// Every page of a scan of the function's own table (where the items were seeded): 1 MB pages, Load all.
async function listAll(app) {
  await send(app, '{"operation":"list","payload":{}}');
  await app.waitFor((s) => s.response && s.response.paging, 'the first page');
  if ((await app.snapshot()).response.paging.has_next) await app.click('Load all');
  return app.waitFor((s) => s.response.table.total === ITEMS && !s.response.paging.load_all, 'all 10,000 items', 120000);
}

test('10,000 rows export as CSV through a download, exactly; an export is cancelled part-way; the filtered view exports as JSON Lines', async () => {
  const { context, app } = await session.openApp({ clipboard: true });
  await listAll(app);
  assert.equal((await app.snapshot()).export.format, 'CSV');

  const downloaded = app.page.waitForEvent('download', { timeout: 60000 });
  await app.click('Export download');
  const download = await downloaded;
  assert.equal(download.suggestedFilename(), 'export-list.csv');
  const done = await app.waitFor((s) => s.export.running === null && s.export.notice !== '', 'the export finished');
  assert.match(done.export.notice, /^Saved 10,000 rows as CSV \(.+\) to export-list\.csv$/);
  const text = await readFile(await download.path(), 'utf8');
  assert.ok(!text.startsWith('\uFEFF'), 'no byte order mark unless asked for');
  const records = parseCsv(text);
  assert.equal(records.length, ITEMS + 1, 'a header and one record per item');
  const header = records[0];
  assert.equal(header[0], 'id');
  const at = (name) => header.indexOf(name);
  const byId = new Map(records.slice(1).map((r) => [r[0], r]));
  assert.equal(byId.size, ITEMS);
  assert.equal(byId.get('item-00042')[at('balance')], balanceOf(42), 'a 38-digit number, exactly');
  assert.equal(byId.get('item-09998')[at('balance')], balanceOf(9998));
  assert.equal(byId.get('dated')[at('createdAt')], '1700000000123');
  assert.deepEqual(JSON.parse(byId.get('item-00420')[at('tags')]), { group: 'g42', rank: 420 }, 'a nested value as JSON');
  assert.equal(byId.get('item-00421')[at('tags')], '', 'a missing attribute is an empty field');
  assert.equal(byId.get('item-00042')[at('description')], 'item 42 of the frame benchmark, group 6');

  // Cancel part-way: the export runs over many frames, Cancel stops it and nothing is saved.
  let downloads = 0;
  app.page.on('download', () => { downloads += 1; });
  await app.click('Export download');
  const running = await app.waitFor((s) => s.export.running !== null && s.export.running.rows_written > 0,
                                    'the export under way');
  assert.ok(running.export.running.rows_written < ITEMS);
  await app.screenshot('export-progress');
  await app.click('Cancel export');
  const cancelled = await app.waitFor((s) => s.export.running === null, 'the export cancelled');
  const match = cancelled.export.notice.match(/^Export cancelled after ([\d,]+) of 10,000 rows; nothing was saved\.$/);
  assert.ok(match, cancelled.export.notice);
  assert.ok(Number(match[1].replace(/,/g, '')) < ITEMS, 'stopped before the end');
  assert.equal(cancelled.export.notice_is_problem, true);
  await app.frames(5);
  assert.equal(downloads, 0, 'a cancelled export offers no file');
  await app.screenshot('export-cancelled');

  // The filtered, sorted view as JSON Lines, to the clipboard.
  await app.fill('Table filter', 'Quito');
  const filtered = await app.waitFor((s) => s.response.table.filter === 'Quito' && s.response.table.shown < ITEMS,
                                     'the filtered rows');
  await app.click('Column n');
  await app.waitFor((s) => s.response.table.sort_column === 'n', 'sorted by n');
  await app.click('Export JSON Lines');
  await app.click('Export filter and sort');
  await app.waitFor((s) => s.export.format === 'JSON Lines' && s.export.filtered, 'JSON Lines of the view chosen');
  await app.click('Export copy');
  await app.waitFor((s) => s.export.notice.startsWith('Copied'), 'copied');
  const copied = await app.clipboardText((t) => t.startsWith('{') && t.endsWith('\n'), 'the exported lines');
  const rows = copied.trimEnd().split('\n').map((line) => JSON.parse(line));
  assert.equal(rows.length, filtered.response.table.shown);
  assert.ok(rows.every((r) => r.city === 'Quito'));
  const numbers = rows.map((r) => r.n);
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'in the shown order');
  const lines = copied.split('\n');
  assert.ok(lines.every((l) => l === '' || /"balance":1\d{37}[,}]/.test(l)), 'balance as its exact 38-digit text');

  // Epoch numbers: their columns found, a date column shown after each, the TTL attribute marked.
  const dated = await app.snapshot();
  assert.deepEqual([...dated.response.table.time_columns].sort(), ['createdAt', 'ttl']);
  await app.click('Show dates');
  await app.waitFor((s) => s.response.table.show_dates, 'the date columns');
  assert.deepEqual(dated.response.table.ttl_columns, ['ttl']);
  await app.fill('Table filter', 'dated');
  const one = await app.waitFor((s) => s.response.table.shown === 1 && s.response.table.visible_dates.length === 1,
                                'the dated item');
  assert.deepEqual(one.response.table.visible_dates[0],
                   { createdAt: '2023-11-14 22:13:20.123 UTC', ttl: '2023-11-14 22:13:20 UTC' });
  await app.screenshot('export-dates');
  await context.close();
});

test('Copy as offers every snippet kind; the JSON tab switches to DynamoDB JSON and back', async () => {
  const { context, app } = await session.openApp({ clipboard: true });
  // The editor opens on the example create event; the DynamoDB snippets copy the put_item the Lambda makes.
  for (const [name, label, expected] of [
    ['boto3', 'boto3', 'response = table.put_item(\n    Item={\n        "id": "2377ab",\n        "number": Decimal("4"),'],
    ['aws-cli', 'AWS CLI', `aws dynamodb put-item \\\n  --table-name 'lambda-apigateway' \\\n  --item '{"id":{"S":"2377ab"},"number":{"N":"4"}}'`],
    ['js-sdk-v3', 'JS SDK v3', 'await client.send(new PutCommand({'],
    ['python-requests', 'Python requests', 'requests.request('],
    ['httpie', 'HTTPie', 'http --raw '],
  ]) {
    await app.click('Copy as menu');
    await app.click(`Snippet ${name}`);
    await app.waitFor((s) => s.request.copied === `Copied as ${label}`, `copied as ${label}`);
    await app.clipboardText((t) => t.includes(expected), `the ${label} snippet`);
  }
  await app.click('Copy as menu');
  await app.widget('Snippet boto3');
  await app.screenshot('export-copy-as-menu');
  await app.click('Format');  // a click anywhere else closes the menu
  await app.page.waitForFunction(() => !window.__app.widgets['Snippet boto3'], null, { timeout: 10000 });

  await send(app, '{"operation":"read","payload":{"Key":{"id":"item-00420"}}}');
  await app.click('Tab JSON');
  await app.waitFor((s) => s.response.tab === 'JSON', 'the JSON tab');
  await app.click('JSON DynamoDB');
  const typed = await app.waitFor((s) => s.response.json_dynamodb, 'DynamoDB JSON');
  const item = JSON.parse(typed.response.text).Item;
  assert.deepEqual(item.id, { S: 'item-00420' });
  assert.deepEqual(item.balance, { N: balanceOf(420) });
  assert.deepEqual(item.tags, { M: { group: { S: 'g42' }, rank: { N: '420' } } });
  assert.deepEqual(item.active, { BOOL: false });
  await app.screenshot('export-json-dynamodb');
  await app.click('JSON plain');
  const plain = await app.waitFor((s) => !s.response.json_dynamodb, 'plain JSON');
  assert.equal(JSON.parse(plain.response.text).Item.id, 'item-00420');
  await context.close();
});
