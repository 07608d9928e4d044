// The request area driven like a person (in its JSON view): editing the raw event, sending with
// the button and with Ctrl+Enter, invalid JSON blocked with its position,
// non-ASCII typing, pasting from the system clipboard, copying an answer,
// cancelling a slow request and a timeout, opening and saving event files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CORS_HEADERS, RESULTS_DIR, startTestServer, useAppSession } from './harness.mjs';

const session = useAppSession();

test('an event typed into the editor is sent with the Send button and its exact numbers arrive', async () => {
  const { context, app } = await session.openApp({ json: true });
  const event = '{"operation": "create", "tableName": "lambda-apigateway", ' +
                '"payload": {"Item": {"id": "typed-1", "big": 12345678901234567890123456789012345678}}}';
  await app.fill('Event JSON', event);
  const typed = await app.waitFor((s) => s.request.operation === 'create' && s.request.text === event, 'the typed event');
  assert.equal(typed.request.sendable, true);
  await app.click('Send');
  const shown = await app.waitFor((s) => s.response !== null, 'the create answer');
  assert.equal(shown.response.ok, true, shown.response.summary);
  assert.equal(shown.response.status, 200);
  const stored = await fetch(session.stack.api, {
    method: 'POST',
    body: '{"operation":"read","tableName":"lambda-apigateway","payload":{"Key":{"id":"typed-1"}}}',
  }).then((r) => r.text());
  assert.match(stored, /"big": 12345678901234567890123456789012345678\b/);
  await app.screenshot('request-sent');
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('ctrl+enter in the editor sends the event and the editor keeps the keyboard', async () => {
  const { context, app } = await session.openApp({ json: true });
  await app.click('Operation read');
  const before = await app.waitFor((s) => s.request.operation === 'read', 'the read example');
  await app.click('Event JSON');
  // Typing straight on after Ctrl+Enter, before the answer: no key may be lost.
  await app.page.keyboard.press('Control+Enter');
  await app.page.keyboard.type('~');
  const shown = await app.waitFor((s) => s.response !== null && s.history.count === 1, 'the read answer');
  assert.equal(shown.response.operation, 'read');
  assert.equal(shown.response.ok, true, shown.response.summary);
  const typed = await app.waitFor((s) => s.request.text.length === before.request.text.length + 1,
                                  'typing to go on in the editor after sending');
  assert.equal(typed.request.text.replace('~', ''), before.request.text, 'ctrl+enter must not change the event');
  assert.equal(typed.history.count, 1, 'sent once');
  await context.close();
});

test('ctrl+enter while editing a connection field sends and leaves the keyboard in that field', async () => {
  const { context, app } = await session.openApp();
  const before = (await app.snapshot()).connection.endpoint;
  await app.click('Endpoint');
  await app.page.keyboard.press('Control+Enter');
  await app.page.keyboard.type('x');
  const shown = await app.waitFor((s) => s.response !== null && s.connection.endpoint.length === before.length + 1,
                                  'the answer and the typed character');
  assert.equal(shown.history.count, 1, 'sent once');
  assert.equal(shown.connection.endpoint.replace('x', ''), before, 'the character went into the endpoint');
  await context.close();
});

test('invalid json is not sent and the error says where it is', async () => {
  const { context, app } = await session.openApp({ json: true });
  const text = '{\n"operation": "read",\n"payload": {"Key": }\n}';
  await app.fill('Event JSON', text);
  const broken = await app.waitFor((s) => s.request.text === text, 'the broken event');
  assert.equal(broken.request.sendable, false);
  assert.match(broken.request.diagnostics[0].message, /^Invalid JSON at line 3, column 20: /);
  await app.click('Send');
  await app.page.keyboard.press('Control+Enter');
  await app.frames(5);
  const after = await app.snapshot();
  assert.equal(after.response, null, 'nothing may be sent');
  assert.equal(after.history.count, 0);
  assert.equal(after.request.problem, 'Not sent: fix the event first.');
  const shown = (await app.state()).widgets;
  assert.ok(shown['Event error'].visible, 'the error is on screen');
  assert.ok(shown['Not sent'].visible, 'the reason nothing was sent is on screen');
  await app.screenshot('request-invalid-json');
  await context.close();
});

test('non-ascii text typed into the editor reaches the lambda and comes back', async () => {
  const { context, app } = await session.openApp({ json: true });
  const empty = '{"operation": "echo", "payload": {"name": ""}}';
  await app.fill('Event JSON', empty);
  await app.waitFor((s) => s.request.text === empty, 'the echo event');
  await app.click('Event JSON');
  await app.page.keyboard.press('Control+End');
  for (let i = 0; i < 3; i += 1) await app.page.keyboard.press('ArrowLeft');
  await app.page.keyboard.type('Zoë Ωmega');
  const typed = await app.waitFor((s) => s.request.text.includes('Zoë Ωmega'), 'the typed name');
  assert.equal(typed.request.text, '{"operation": "echo", "payload": {"name": "Zoë Ωmega"}}');
  await app.click('Send');
  const shown = await app.waitFor((s) => s.response !== null, 'the echo answer');
  assert.match(shown.response.text, /"name": "Zoë Ωmega"/);
  // ë and Ω come from DejaVu's fetched pages: the screenshot once they are drawn.
  await app.waitFor((s) => s.fonts.loading === 0 && s.fonts.waiting === 0, 'the fonts for the typed name');
  await app.frames(3);
  assert.equal((await app.snapshot()).missing_glyphs, 0);
  await app.screenshot('request-non-ascii');
  await context.close();
});

test('ctrl+v pastes the system clipboard into a field; ctrl+c and copy json put text on it', async () => {
  const { context, app } = await session.openApp({ json: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.stack.site).origin });
  const pasted = '{"operation": "echo", "payload": {"pasted": "from the clipboard ✓"}}';
  await app.page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
  await app.click('Event JSON');
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Control+V');
  await app.waitFor((s) => s.request.text === pasted, 'the pasted event');
  await app.page.evaluate(() => navigator.clipboard.writeText('something else'));
  await app.page.keyboard.press('Control+A');
  await app.page.keyboard.press('Control+C');
  await app.clipboardText((t) => t === pasted, 'the event copied with Ctrl+C');
  await app.click('Send');
  const shown = await app.waitFor((s) => s.response !== null, 'the echo answer');
  await app.click('Copy JSON');
  const copied = await app.clipboardText((t) => t === shown.response.text, 'the answer JSON');
  assert.match(copied, /from the clipboard ✓/);
  await context.close();
});

test('a slow request shows its elapsed time and can be cancelled, and a timeout says so', async () => {
  const slow = await startTestServer((request, body, response) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(200, CORS_HEADERS).end();
      return;
    }
    setTimeout(() => response.writeHead(200, { ...CORS_HEADERS, 'Content-Type': 'application/json' }).end('"pong"'), 60000);
  });
  const { context, app } = await session.openApp({ json: true });
  try {
    await app.fill('Endpoint', slow.url);
    await app.click('Operation ping');
    await app.click('Send');
    const flying = await app.waitFor((s) => s.request.in_flight && s.request.in_flight.elapsed_ms >= 1200, 'the request in flight');
    assert.equal(flying.request.in_flight.operation, 'ping');
    assert.ok((await app.widget('In flight')).visible);
    await app.screenshot('request-in-flight');
    await app.fill('Table name', 'Orders');
    await app.waitFor((s) => s.request.table_name === 'Orders', 'the UI to keep working while waiting');
    await app.click('Cancel');
    const cancelled = await app.waitFor((s) => s.response !== null, 'the cancelled request');
    assert.equal(cancelled.request.in_flight, null);
    assert.equal(cancelled.response.status_label, 'Cancelled');
    assert.equal(cancelled.history.entries[0].outcome, 'cancelled');

    await app.fill('Timeout', '1');
    await app.page.keyboard.press('Enter');
    await app.waitFor((s) => s.connection.timeout_seconds === 1, 'the one-second timeout');
    await app.click('Send');
    const timedOut = await app.waitFor((s) => s.response && s.response.status_label === 'Timed out' && s.response.tab === 'Error',
                                       'the timeout explained');
    assert.equal(timedOut.response.verdict.headline, 'No answer within 1 s');
    assert.equal(timedOut.history.entries[0].outcome, 'timeout');
    assert.equal(timedOut.response.tab, 'Error');
    await app.screenshot('request-timeout');
  } finally {
    await context.close();
    await slow.stop();
  }
});

test('an event file opened with the file picker fills the editor and save downloads it', async () => {
  const { context, app } = await session.openApp({ json: true });
  const file = path.join(RESULTS_DIR, 'event-to-open.json');
  const event = '{\n  "operation": "read",\n  "tableName": "lambda-apigateway",\n  "payload": {"Key": {"id": "2377ab"}}\n}';
  (await import('node:fs')).writeFileSync(file, event);
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('Open file')]);
  await chooser.setFiles(file);
  const opened = await app.waitFor((s) => s.request.text === event, 'the opened file');
  assert.equal(opened.request.origin, 'Opened event-to-open.json');
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.click('Save file')]);
  assert.equal(download.suggestedFilename(), 'read-lambda-apigateway.json');
  const saved = path.join(RESULTS_DIR, 'event-saved.json');
  await download.saveAs(saved);
  assert.equal(readFileSync(saved, 'utf8'), event);
  await context.close();
});
