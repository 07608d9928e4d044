// The app as assistive technology and keyboard-only users meet it: the
// page's accessibility layer (DOM nodes with ARIA roles over the canvas),
// driven by Tab, Enter and typing alone, by Playwright's role locators, read
// in order with its announcements, and scanned by axe-core.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { useAppSession } from './harness.mjs';

const session = useAppSession();

const TABLE = 'lambda-apigateway';
const event = (operation, payload) => JSON.stringify({ operation, tableName: TABLE, payload });
const readEvent = (id) => event('read', { Key: { id } });
const updateEvent = (id) => event('update', {
  Key: { id },
  UpdateExpression: 'SET #n = :n',
  ExpressionAttributeNames: { '#n': 'number' },
  ExpressionAttributeValues: { ':n': 5 },
  ReturnValues: 'ALL_NEW',
});
const deleteEvent = (id) => event('delete', { Key: { id } });

async function readItem(id) {
  const answer = await fetch(session.stack.api, { method: 'POST', body: readEvent(id) }).then((r) => r.json());
  return answer.Item;
}

// Counts pointer events on the page, to prove a flow used none.
async function countPointerEvents(page) {
  await page.evaluate(() => {
    window.pointerEvents = 0;
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'touchstart']) {
      window.addEventListener(type, () => { window.pointerEvents += 1; }, true);
    }
  });
  return () => page.evaluate(() => window.pointerEvents);
}

// Tab to the event editor (its text is selected), enter `text` over it as a
// keyboard's input method does (one text input, no key per character: ImGui
// takes one key per frame), send with Ctrl+Enter.
async function typeAndSend(app, text, previous) {
  await app.tabTo('Event JSON', { role: 'textbox' });
  await app.page.keyboard.insertText(text);
  await app.settle();
  await app.waitFor((s) => s.request.text === text, 'the typed event in the editor');
  await app.page.keyboard.press('Control+Enter');
  return app.waitFor((s) => s.response && s.history.count > previous, 'the answer to the typed event');
}

test('the seed CRUD flow with the keyboard alone: Tab, Enter, typing and Ctrl+Enter', async () => {
  const { context, app } = await session.openApp();
  const pointerEvents = await countPointerEvents(app.page);

  // Create: the seed's preset, then Send.
  await app.tabTo('Seed: create 2377ab', { role: 'option' });
  await app.page.keyboard.press('Enter');
  await app.waitFor((s) => s.request.origin === 'Preset: Seed: create 2377ab', 'the create preset in the editor');
  await app.tabTo('Send', { role: 'button' });
  // ImGui's own focus follows the page's, with its ring shown.
  const ring = await app.page.evaluate(() => ({ node: Number(document.activeElement.dataset.id),
                                                focus: window.__app.keyboardFocus }));
  assert.equal(ring.focus.id, ring.node, 'ImGui has the keyboard where the page has it');
  assert.equal(ring.focus.ring, true, 'the focus ring shows');
  await app.screenshot('a11y-keyboard-focus-send');
  await app.page.keyboard.press('Enter');
  let s = await app.waitFor((x) => x.response && x.history.count === 1, 'the create answer');
  assert.equal(s.response.kind, 'write_acknowledged', s.response.summary);
  assert.deepEqual(await readItem('2377ab'), { id: '2377ab', number: 4 });

  // Read, update and delete: typed into the JSON editor, sent from the field with Ctrl+Enter.
  await app.tabTo('View JSON', { role: 'radio' });
  await app.page.keyboard.press('Space');
  await app.waitFor((x) => x.request.view === 'json', 'the JSON editor');
  s = await typeAndSend(app, readEvent('2377ab'), 1);
  assert.equal(s.response.kind, 'item', s.response.summary);
  assert.ok(s.response.rows.some((row) => row.includes('2377ab')), JSON.stringify(s.response.rows));
  s = await typeAndSend(app, updateEvent('2377ab'), 2);
  assert.equal(s.response.ok, true, s.response.summary);
  assert.deepEqual(await readItem('2377ab'), { id: '2377ab', number: 5 });
  s = await typeAndSend(app, deleteEvent('2377ab'), 3);
  assert.equal(s.response.kind, 'write_acknowledged', s.response.summary);
  assert.equal(await readItem('2377ab'), undefined);

  assert.equal(await pointerEvents(), 0, 'no mouse, pointer or touch event was used');
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('the same flow through role locators: options, buttons, radios and a textbox found by role and name', async () => {
  const { context, app } = await session.openApp();
  const page = app.page;
  await page.getByRole('option', { name: 'Seed: create 2377ab' }).click();
  await app.waitFor((s) => s.request.origin === 'Preset: Seed: create 2377ab', 'the create preset in the editor');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  let s = await app.waitFor((x) => x.response && x.history.count === 1, 'the create answer');
  assert.equal(s.response.kind, 'write_acknowledged', s.response.summary);
  await page.getByRole('main').getByRole('status').filter({ hasText: s.response.summary }).waitFor();

  await page.getByRole('radiogroup', { name: 'Request view' }).getByRole('radio', { name: 'JSON' }).click();
  await app.waitFor((x) => x.request.view === 'json', 'the JSON editor');
  const editor = page.getByRole('textbox', { name: 'Event JSON' });
  // The editor keeps the keyboard after sending: Ctrl+A selects what it holds, the new event replaces it.
  const send = async (text, previous) => {
    // The page's focus is on the editor's node, and ImGui edits it (after the first click, and after each send).
    await editor.focus();
    const node = Number(await editor.getAttribute('data-id'));
    await app.page.waitForFunction((id) => window.__app.keyboardFocus.active === id, node, { timeout: 15000 });
    await editor.press('Control+A');
    await page.keyboard.insertText(text);
    await app.settle();
    await app.waitFor((x) => x.request.text === text, 'the filled event');
    await editor.press('Control+Enter');
    return app.waitFor((x) => x.response && x.history.count > previous, 'the answer');
  };
  s = await send(readEvent('2377ab'), 1);
  assert.equal(s.response.kind, 'item', s.response.summary);
  // The answer as a table: a header row of column headers, then a row of cells.
  const table = page.getByRole('table', { name: 'Results' });
  await table.getByRole('columnheader', { name: 'attribute' }).waitFor();
  await table.getByRole('row').filter({ has: page.getByRole('cell', { name: '2377ab', exact: true }) }).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Table' }).getAttribute('aria-selected'), 'true');

  s = await send(updateEvent('2377ab'), 2);
  assert.equal(s.response.ok, true, s.response.summary);
  assert.deepEqual(await readItem('2377ab'), { id: '2377ab', number: 5 });
  s = await send(deleteEvent('2377ab'), 3);
  assert.equal(s.response.kind, 'write_acknowledged', s.response.summary);
  assert.equal(await readItem('2377ab'), undefined);
  await app.screenshot('a11y-roles-after-delete');
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('a screen reader reads the page in order and hears the answer announced, errors at once', async () => {
  const { context, app } = await session.openApp();
  const page = app.page;
  const tree = await page.locator('#a11y-tree').ariaSnapshot();
  // Reading order: header, Connection, Presets, History, then the request and the response.
  const order = ['heading "CRUD Workbench"', 'heading "Connection"', 'textbox "Endpoint"', 'button "Test connection"',
                 'heading "Presets (6)"', 'option "Seed: create 2377ab"', 'heading "History (0)"', 'heading "Request"',
                 'radiogroup "Operation"', 'radio "create"', 'button "Send"', 'radiogroup "Request view"', 'textbox "Table name"', 'region "Request form"',
                 'textbox "Item 1 name"', 'combobox "Item 1 type"', 'heading "Response"'];
  let at = -1;
  for (const line of order) {
    const next = tree.indexOf(line);
    assert.ok(next > at, `"${line}" comes after what precedes it in:\n${tree}`);
    at = next;
  }
  assert.match(tree, /radio "create" \[checked\]/);
  assert.match(tree, /checkbox "Remember key on this device"/);
  assert.match(tree, /combobox "Item 1 type"[^\n]*\[expanded=false\]|combobox "Item 1 type"/);

  // The answer is spoken politely when it arrives, as shown.
  await page.getByRole('radiogroup', { name: 'Operation' }).getByRole('radio', { name: 'ping' }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  let s = await app.waitFor((x) => x.response !== null, 'the ping answer');
  const polite = page.locator('[aria-live="polite"]#a11y-polite');
  await page.waitForFunction((words) => document.getElementById('a11y-polite').textContent.includes(words),
                             s.response.summary, { timeout: 10000 });
  assert.equal(await polite.getAttribute('role'), 'status');

  // An error is spoken assertively.
  await page.getByRole('radiogroup', { name: 'Request view' }).getByRole('radio', { name: 'JSON' }).click();
  await app.waitFor((x) => x.request.view === 'json', 'the JSON editor');
  const missing = JSON.stringify({ operation: 'read', tableName: 'no-such-table', payload: { Key: { id: 'x' } } });
  await page.getByRole('textbox', { name: 'Event JSON' }).fill(missing);
  await app.waitFor((x) => x.request.text === missing, 'the filled event');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  s = await app.waitFor((x) => x.response && x.history.count === 2, 'the error answer');
  assert.equal(s.response.ok, false);
  await page.waitForFunction((words) => document.getElementById('a11y-assertive').textContent.includes(words),
                             s.response.summary, { timeout: 10000 });
  assert.equal(await page.locator('#a11y-assertive').getAttribute('aria-live'), 'assertive');
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('keyboard: Enter opens a combo box and Esc closes it, arrows move in the table, focus is never trapped', async () => {
  const { context, app } = await session.openApp();
  const page = app.page;
  // Two items to list.
  for (const id of ['kb-1', 'kb-2']) {
    await fetch(session.stack.api, { method: 'POST', body: event('create', { Item: { id } }) });
  }
  await app.tabTo('Item 1 type', { role: 'combobox' });
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').getByRole('option', { name: 'Number', exact: true }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Item 1 type' }).getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Escape');
  await page.getByRole('listbox', { name: 'Item 1 type options' }).waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('combobox', { name: 'Item 1 type' }).getAttribute('aria-expanded'), 'false');

  await app.tabTo('list', { role: 'radio' });
  await page.keyboard.press('Enter');
  await app.waitFor((s) => s.request.operation === 'list', 'the list operation');
  await app.tabTo('Send', { role: 'button' });
  await page.keyboard.press('Enter');
  await app.waitFor((s) => s.response && s.response.table.shown >= 2, 'the rows listed');
  await app.tabTo('Row 0', { role: 'row' });
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.key === 'Row 1');
  await page.keyboard.press('Enter');
  const s = await app.waitFor((x) => x.response.table.selected_row !== null, 'a row selected with Enter');
  await page.getByRole('row', { selected: true }).waitFor();
  assert.equal(await page.getByRole('row', { selected: true }).getAttribute('data-key'), 'Row 1');
  assert.notEqual(s.response.table.selected_row, null);

  // Tab from the last node leaves the app; from the event editor it moves on.
  await app.tabTo('Copy all', { role: 'button' });
  const after = await app.focused();
  await page.keyboard.press('Tab');
  const next = await app.focused();
  assert.notDeepEqual(next, after, 'Tab moved on from the last buttons');
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('axe-core finds no serious or critical violation, on a fresh page and with an answer shown', async () => {
  const { context, app } = await session.openApp();
  const serious = async (when) => {
    const result = await new AxeBuilder({ page: app.page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.html).join(' ')}`), [],
                     `axe on ${when}`);
    return result;
  };
  const fresh = await serious('a fresh page');
  assert.ok(fresh.passes.length > 10, 'axe ran its rules');
  await fetch(session.stack.api, { method: 'POST', body: event('create', { Item: { id: 'axe-1', n: 1 } }) });
  await app.page.getByRole('radio', { name: 'list', exact: true }).click();
  await app.page.getByRole('button', { name: 'Send', exact: true }).click();
  await app.waitFor((s) => s.response && s.response.ok && s.response.table.shown >= 1, 'a listed table');
  await app.frames(3);
  await serious('a page with a result table');
  await context.close();
});
