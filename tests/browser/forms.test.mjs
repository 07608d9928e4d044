// The request form driven like a person: the seed's CRUD flow built in the
// form's fields (typed rows, key, update expression and values, list
// options) and checked against the local API; a reserved word underlined
// with its one-click fix; the Lambda's own error for the unfixed expression;
// raw JSON the form cannot hold kept through form edits; Copy as curl.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { useAppSession } from './harness.mjs';

const run = promisify(execFile);
const TABLE = 'lambda-apigateway';

const session = useAppSession({ viewport: { width: 1280, height: 1100 } });

async function callApi(event) {
  const answer = await fetch(session.stack.api, { method: 'POST', body: JSON.stringify(event) });
  return answer.json();
}

async function readItem(id) {
  return (await callApi({ operation: 'read', tableName: TABLE, payload: { Key: { id } } })).Item;
}

// Scrolls the form until `label` is wholly on screen and stays there for a few
// frames (a person scrolls to a field before using it, and what was just typed
// can add a message above it a frame later, pushing it down again).
async function reveal(app, label) {
  const form = await app.widget('Request form');
  const place = async () => {
    const r = (await app.state()).widgets[label];
    if (!r) return 'absent';
    if (r.visible && r.y >= form.y && r.y + r.h <= form.y + form.h) return 'shown';
    return r.y < form.y ? 'above' : 'below';
  };
  let last;
  let fromTop = false;
  for (let step = 0; step < 80; step++) {
    await app.frames(3);
    last = await place();
    if (last === 'shown') {
      await app.frames(3);
      if ((last = await place()) === 'shown') return;
    }
    await app.page.mouse.move(form.x + form.w / 2, form.y + form.h / 2);
    // A field scrolled out of the form is not drawn, so where it lies is
    // unknown: from the top of the form, it is further down.
    if (last === 'absent' && !fromTop) {
      fromTop = true;
      await app.page.mouse.wheel(0, -5000);
      continue;
    }
    await app.page.mouse.wheel(0, last === 'above' ? -60 : 60);
  }
  throw new Error(`could not scroll ${label} into the request form (last seen ${last})`);
}

async function click(app, label) {
  await reveal(app, label);
  await app.click(label);
}

async function fill(app, label, text) {
  await reveal(app, label);
  await app.fill(label, text);
}

async function chooseOperation(app, operation) {
  await app.click(`Operation ${operation}`);
  await app.waitFor((s) => s.request.form?.operation === operation && s.request.operation === operation,
                    `the ${operation} form and its event`);
}

async function send(app) {
  const before = (await app.snapshot()).history.count;
  await app.click('Send');
  return app.waitFor((s) => s.history.count === before + 1 && s.response && !s.request.in_flight, 'the answer');
}

// Chromium warns on every wheel turn that the page's wheel listener is passive; it is no error of the app's.
function pageErrors(app) {
  return app.consoleErrors.filter((text) => !text.startsWith('Unable to preventDefault inside passive event listener'));
}

function eventOf(snapshot) { return JSON.parse(snapshot.request.text); }

test('the seed CRUD flow runs through the forms and the local API holds what the forms sent', async () => {
  const { context, app } = await session.openApp();
  await chooseOperation(app, 'create');
  await fill(app, 'Item 1 value', '2377ab');
  await click(app, 'Item 2 remove');
  await app.waitFor((s) => s.request.form.item.length === 1, 'the number row removed');
  await click(app, 'Item add');
  await fill(app, 'Item 2 name', 'number');
  await click(app, 'Item 2 type');
  await app.click('Item 2 type Number');
  await fill(app, 'Item 2 value', '4');
  const typed = await app.waitFor((s) => s.request.form.item[1]?.json === '4', 'the typed number row');
  assert.equal(typed.request.form.item[1].type, 'Number');
  assert.match(typed.request.text, /"number": 4\b/, 'a number row is sent as a JSON number');
  assert.deepEqual(eventOf(typed).payload, { Item: { id: '2377ab', number: 4 } });
  await app.screenshot('forms-create');
  const created = await send(app);
  assert.equal(created.response.ok, true, created.response.summary);
  assert.deepEqual(await readItem('2377ab'), { id: '2377ab', number: 4 });

  await chooseOperation(app, 'read');
  await fill(app, 'Key 1 value', '2377ab');
  const read = await send(app);
  assert.equal(read.response.ok, true, read.response.summary);
  assert.match(read.response.text, /"id": "2377ab"/);
  assert.match(read.response.text, /"number": 4\b/);

  await chooseOperation(app, 'update');
  await fill(app, 'Key 1 value', '2377ab');
  for (const [attribute, value] of [['attributeName', '674899B'], ['FirstName', 'Sarvesh'], ['LastName', 'Kaushik']]) {
    await fill(app, 'UpdateExpression', `SET ${attribute} = :newValue`);
    await fill(app, 'Values 1 value', value);
    const ready = await app.waitFor((s) => s.request.form.values[0]?.json === JSON.stringify(value), `the ${attribute} update`);
    assert.equal(ready.request.sendable, true, JSON.stringify(ready.request.diagnostics));
    assert.deepEqual(eventOf(ready).payload, {
      Key: { id: '2377ab' }, UpdateExpression: `SET ${attribute} = :newValue`,
      ExpressionAttributeValues: { ':newValue': value },
    });
    const updated = await send(app);
    assert.equal(updated.response.ok, true, updated.response.summary);
    assert.equal((await readItem('2377ab'))[attribute], value);
  }
  await app.screenshot('forms-update');
  assert.deepEqual(await readItem('2377ab'),
                   { id: '2377ab', number: 4, attributeName: '674899B', FirstName: 'Sarvesh', LastName: 'Kaushik' });

  await chooseOperation(app, 'list');
  await fill(app, 'Limit', '10');
  await fill(app, 'ProjectionExpression', 'id, FirstName');
  const options = await app.waitFor((s) => s.request.form.limit === 10 && s.request.form.projection_expression === 'id, FirstName',
                                    'the list options');
  assert.deepEqual(eventOf(options).payload, { Limit: 10, ProjectionExpression: 'id, FirstName' });
  const listed = await send(app);
  assert.equal(listed.response.ok, true, listed.response.summary);
  const api = await callApi({ operation: 'list', tableName: TABLE, payload: { Limit: 10, ProjectionExpression: 'id, FirstName' } });
  assert.equal(listed.response.row_count, api.Items.length);
  assert.ok(listed.response.rows.some((row) => row.includes('2377ab') && row.includes('Sarvesh')));
  await app.screenshot('forms-list');

  await chooseOperation(app, 'delete');
  await fill(app, 'Key 1 value', '2377ab');
  const deleted = await send(app);
  assert.equal(deleted.response.ok, true, deleted.response.summary);
  assert.equal(await readItem('2377ab'), undefined);
  assert.deepEqual(pageErrors(app), []);
  await context.close();
});

async function updateForm(app, id) {
  await chooseOperation(app, 'update');
  await fill(app, 'Key 1 value', id);
  await fill(app, 'UpdateExpression', 'SET number = :n');
  await fill(app, 'Values 1 name', ':n');
  await fill(app, 'Values 1 value', 'five');
}

test('a row cut off at the bottom of the scrolled form still opens its type menu where it shows', async () => {
  const { context, app } = await session.openApp({ viewport: { width: 1280, height: 800 } });
  await chooseOperation(app, 'create');
  for (let i = 0; i < 4; ++i) await app.click('Item add');
  const s = await app.waitFor((x) => x.request.form.item.length === 6, 'six item rows');
  const row = await app.widget('Item 6 type');
  const form = await app.widget('Request form');
  assert.ok(row.y < form.y + form.h && row.y + row.h > form.y + form.h,
            `the last row is cut off by the bottom of the form (${JSON.stringify(row)} in ${JSON.stringify(form)})`);
  assert.ok(row.shown.h > 0 && row.shown.h < row.h, 'only its top part is shown');
  await app.click('Item 6 type');
  await app.click('Item 6 type Number');
  const typed = await app.waitFor((x) => x.request.form.item[5]?.type === 'Number', 'the last row retyped');
  assert.equal(typed.request.form.item.length, s.request.form.item.length);
  await context.close();
});

test('a reserved word in an update expression is underlined with its fix, and the fixed form is sent', async () => {
  await callApi({ operation: 'create', tableName: TABLE, payload: { Item: { id: 'reserved-1', number: 1 } } });
  const { context, app } = await session.openApp();
  await updateForm(app, 'reserved-1');
  const shown = await app.waitFor((s) => s.request.form.values[0]?.json === '"five"' &&
                                         s.request.diagnostics.some((d) => d.field === 'payload.UpdateExpression'),
                                  'the reserved word diagnostic');
  const diagnostic = shown.request.diagnostics.find((d) => d.field === 'payload.UpdateExpression');
  assert.equal(diagnostic.severity, 'error');
  assert.equal(diagnostic.offset, 'SET '.length, 'the diagnostic points at "number"');
  assert.match(diagnostic.message, /“number” is a DynamoDB reserved word/);
  assert.equal(shown.request.sendable, false);
  assert.deepEqual(shown.request.form.fixes, ['Write number as #number']);
  assert.ok((await app.widget('UpdateExpression message')).visible, 'the message is shown under the expression');
  assert.ok((await app.widget('Event error')).visible, 'the status line says why Send is off');
  await app.screenshot('forms-reserved-word');

  await app.click('Send');
  await app.frames(5);
  assert.equal((await app.snapshot()).history.count, 0, 'Send is off while the expression has an error');

  await click(app, 'Fix Write number as #number');
  const fixed = await app.waitFor((s) => s.request.form.update_expression === 'SET #number = :n', 'the fixed expression');
  assert.equal(fixed.request.sendable, true, JSON.stringify(fixed.request.diagnostics));
  assert.deepEqual(eventOf(fixed).payload.ExpressionAttributeNames, { '#number': 'number' });
  await app.screenshot('forms-reserved-word-fixed');
  const sent = await send(app);
  assert.equal(sent.response.ok, true, sent.response.summary);
  assert.equal((await readItem('reserved-1')).number, 'five');
  assert.deepEqual(pageErrors(app), []);
  await context.close();
});

test('the unfixed expression re-sent from the history gets the Lambda error with its explanation', async () => {
  await callApi({ operation: 'create', tableName: TABLE, payload: { Item: { id: 'reserved-2', number: 1 } } });
  const { context, app } = await session.openApp();
  // A request kept in the history from before the checks (or typed elsewhere) is sent as it is.
  const event = { operation: 'update', tableName: TABLE,
                  payload: { Key: { id: 'reserved-2' }, UpdateExpression: 'SET number = :n',
                             ExpressionAttributeValues: { ':n': 5 } } };
  const entry = { id: 1, sentAt: Date.now(), endpoint: session.stack.api, operation: 'update', tableName: TABLE, event,
                  eventBytes: JSON.stringify(event).length, status: 200, ok: true, elapsedMs: 5 };
  await app.page.evaluate((history) => localStorage.setItem('crud-workbench/history', history),
                          JSON.stringify({ version: 1, nextId: 2, entries: [entry] }));
  await app.page.reload();
  await app.page.waitForFunction(() => window.__app && window.__app.ready);
  await app.click('History 0');
  const restored = await app.waitFor((s) => s.request.form?.update_expression === 'SET number = :n', 'the restored request');
  assert.equal(restored.request.sendable, false, 'the editor shows the same request as not sendable');
  await app.click('Re-send 0');
  const answer = await app.waitFor((s) => s.history.count === 2 && s.response && !s.request.in_flight, 'the Lambda error');
  assert.equal(answer.response.ok, false);
  assert.match(`${answer.response.summary} ${answer.response.hint}`, /reserved/i);
  assert.notEqual(answer.response.hint, '', 'the error comes with what to do about it');
  assert.equal((await readItem('reserved-2')).number, 1, 'nothing was written');
  await app.screenshot('forms-lambda-error');
  await context.close();
});

test('json the form cannot hold is kept with a note through form edits, raw to form to raw', async () => {
  const { context, app } = await session.openApp();
  await app.click('View JSON');
  const raw = '{"operation": "read", "tableName": "lambda-apigateway", "trace": "t-1", ' +
              '"payload": {"Key": {"id": "127748AB"}, "ReturnConsumedCapacity": "TOTAL"}}';
  await app.fill('Event JSON', raw);
  await app.waitFor((s) => s.request.text === raw, 'the raw event');
  await app.click('View form');
  const form = await app.waitFor((s) => s.request.view === 'form' && s.request.form, 'the form of the raw event');
  assert.ok(form.request.form.notes.some((n) => n.includes('ReturnConsumedCapacity') && n.includes('kept as raw JSON')));
  assert.ok(form.request.form.notes.some((n) => n.includes('trace') && n.includes('kept as raw JSON')));
  assert.ok((await app.widget('Form note')).visible, 'the note is on screen');
  await app.screenshot('forms-kept-json');
  await fill(app, 'Key 1 value', 'kept-2');
  const edited = await app.waitFor((s) => eventOf(s).payload.Key.id === 'kept-2', 'the edited key');
  assert.deepEqual(eventOf(edited), { operation: 'read', tableName: TABLE, trace: 't-1',
                                      payload: { Key: { id: 'kept-2' }, ReturnConsumedCapacity: 'TOTAL' } });
  await app.click('View JSON');
  const back = await app.waitFor((s) => s.request.view === 'json', 'the JSON view');
  assert.match(back.request.text, /"ReturnConsumedCapacity": "TOTAL"/);
  assert.deepEqual(Object.keys(eventOf(back)), ['operation', 'tableName', 'trace', 'payload'], 'member order is kept');
  await context.close();
});

test('copy as curl puts a command on the clipboard that a shell runs against the API', async () => {
  const { context, app } = await session.openApp();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.stack.site).origin });
  await chooseOperation(app, 'create');
  await fill(app, 'Item 1 value', "curl-1 it's");
  await app.waitFor((s) => s.request.form.item[0]?.json === JSON.stringify("curl-1 it's"), 'the typed id');
  await app.click('Copy as curl');
  const copied = await app.waitFor((s) => s.request.copied === 'Copied as curl', 'the confirmation');
  assert.ok((await app.widget('Copied')).visible, 'the confirmation is shown');
  assert.equal(copied.response, null, 'copying sends nothing');
  const command = await app.clipboardText((t) => t.startsWith('curl '), 'the curl command');
  const { stdout } = await run('sh', ['-c', `${command} --silent --show-error`]);
  assert.equal(typeof JSON.parse(stdout), 'object', `the API answered the command with JSON: ${stdout}`);
  assert.deepEqual(await readItem("curl-1 it's"), { id: "curl-1 it's", number: 4 });
  await app.click('Copy as fetch');
  await app.waitFor((s) => s.request.copied === 'Copied as fetch', 'the fetch confirmation');
  await app.clipboardText((t) => t.startsWith('fetch('), 'the fetch call');
  await app.screenshot('forms-copied');
  await context.close();
});
