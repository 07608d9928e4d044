// The cross-engine set: what must work in every engine (Chromium, Firefox,
// WebKit), driven through engines.mjs's one interface. Each
// <engine>.test.mjs calls defineCrossEngineTests(engine): one local stack and
// one browser for the whole set. The full suite (tests/browser/) stays on Chromium.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startStack } from '../browser/harness.mjs';
import { EngineApp, useEngineSession } from './app.mjs';

const TABLE = 'lambda-apigateway';
const PHONE = { width: 390, height: 844 };   // an iPhone 12 to 14
const TABLET = { width: 820, height: 1180 }; // an iPad Air

// What an engine itself logs when a request finds no server: not an error of the app's.
const NETWORK_FAILURE_NOTES = [
  /ERR_CONNECTION_REFUSED/,                         // Chromium
  /CORS request did not succeed/,                   // Firefox: its words for a connection refused
  /Could not connect to the server/,                // WebKit
];

async function callApi(api, event) {
  const answer = await fetch(api, { method: 'POST', body: JSON.stringify(event) });
  return answer.json();
}

async function readItem(api, id) {
  return (await callApi(api, { operation: 'read', tableName: TABLE, payload: { Key: { id } } })).Item;
}

async function send(app) {
  const before = (await app.snapshot()).history.count;
  await app.click('Send');
  return app.waitFor((s) => s.history.count === before + 1 && s.response && !s.request.in_flight, 'the answer');
}

// Puts `text` on the system clipboard as a person would from another page:
// selects it in a text field and presses Ctrl+C (the engine's own copy).
async function copyFromAnotherField(app, text) {
  await app.window.evaluate((value) => {
    const field = document.createElement('textarea');
    field.id = 'test-clipboard-source';
    field.value = value;
    document.body.appendChild(field);
    field.focus();
    field.select();
  }, text);
  await app.press('Control+C');
  await app.window.evaluate(() => document.getElementById('test-clipboard-source').remove());
}

// What the system clipboard holds, pasted with Ctrl+V into a text field of the
// page's own (as a person pastes a link into an address bar).
async function pasteIntoAnotherField(app) {
  await app.window.evaluate(() => {
    const field = document.createElement('textarea');
    field.id = 'test-clipboard-target';
    document.body.appendChild(field);
    field.focus();
  });
  await app.press('Control+V');
  return app.waitUntil(() => app.window.evaluate(() => {
    const field = document.getElementById('test-clipboard-target');
    if (!field.value) return null;
    field.remove();
    return field.value;
  }), 'the clipboard pasted into a text field');
}

async function assertNoPageErrors(app, allowed = []) {
  const errors = (await app.errors()).filter((e) => !allowed.some((pattern) => pattern.test(e)));
  assert.deepEqual(errors, [], `${app.engine}: page errors`);
}

export function defineCrossEngineTests(engine) {
  const session = useEngineSession(engine);

  test(`${engine}: the app starts, draws with WebGL 2 and sends a ping`, async () => {
    const app = await session.openApp({ deviceScaleFactor: 1 });
    try {
      const page = await app.window.evaluate(() => ({
        webgl2: window.Module.canvas.getContext('webgl2') instanceof WebGL2RenderingContext,
        canvas: [window.Module.canvas.width, window.Module.canvas.height],
        viewport: [innerWidth, innerHeight],
        marks: performance.getEntriesByType('mark').map((m) => m.name),
        loading: getComputedStyle(document.getElementById('loading')).display,
        title: document.title,
      }));
      assert.ok(page.webgl2, 'the canvas draws with a WebGL 2 context');
      assert.deepEqual(page.canvas, page.viewport, 'the canvas fills the window at a pixel ratio of one');
      for (const mark of ['page-webgl-context', 'app-first-frame', 'app-ready']) assert.ok(page.marks.includes(mark), mark);
      assert.equal(page.loading, 'none', 'the loading indicator is gone');
      assert.equal(page.title, `CRUD Workbench · ${new URL(session.stack.api).host}`);
      assert.equal((await app.snapshot()).connection.endpoint, session.stack.api);
      await app.click('Operation ping');
      const shown = await send(app);
      assert.equal(shown.response.kind, 'pong', shown.response.summary);
      await app.screenshot('startup-ping');
      await assertNoPageErrors(app);
    } finally {
      await app.window.close();
    }
  });

  test(`${engine}: the seed's CRUD flow, from the built-in presets, reaches DynamoDB`, async () => {
    const app = await session.openApp();
    const api = session.stack.api;
    try {
      const presets = (await app.snapshot()).presets.names;
      const run = async (name) => {
        const index = presets.indexOf(name);
        assert.ok(index >= 0, `the built-in preset ${name}`);
        await app.click(`Preset ${index}`);
        await app.waitFor((s) => s.request.origin === `Preset: ${name}`, `the preset ${name} in the editor`);
        const answer = await send(app);
        assert.equal(answer.response.ok, true, `${name}: ${answer.response.summary}`);
        return answer;
      };
      await run('Seed: create 2377ab');
      assert.deepEqual(await readItem(api, '2377ab'), { id: '2377ab', number: 4 });
      await run('Seed: update attributeName');
      await run('Seed: update FirstName');
      await run('Seed: update LastName');
      const read = await run('Seed: read 127748AB');
      assert.equal(read.response.kind, 'item', read.response.summary);
      assert.match(read.response.text, /"FirstName": "Sarvesh"/);
      assert.match(read.response.text, /"LastName": "Kaushik"/);
      assert.match(read.response.text, /"attributeName": "674899B"/);
      await app.screenshot('crud-read');
      await callApi(api, { operation: 'create', tableName: TABLE, payload: { Item: { id: '127748AD' } } });
      await run('Seed: delete 127748AD');
      assert.equal(await readItem(api, '127748AD'), undefined, 'the delete removed the item');
      await app.click('Operation list');
      await app.waitFor((s) => s.request.operation === 'list', 'the list request');
      const listed = await send(app);
      assert.equal(listed.response.ok, true, listed.response.summary);
      assert.equal(listed.response.row_count, 2);
      assert.ok(listed.response.rows.some((row) => row.includes('2377ab')));
      assert.ok(listed.response.rows.some((row) => row.includes('127748AB') && row.includes('Sarvesh')));
      await app.screenshot('crud-list');
      await assertNoPageErrors(app);
    } finally {
      await app.window.close();
    }
  });

  test(`${engine}: non-ASCII text typed into the editor reaches the Lambda and comes back`, async () => {
    const app = await session.openApp({ json: true });
    try {
      const empty = '{"operation": "echo", "payload": {"name": ""}}';
      await app.fill('Event JSON', empty);
      await app.waitFor((s) => s.request.text === empty, 'the echo event');
      await app.click('Event JSON');
      await app.press('Control+End');
      for (let i = 0; i < 3; i += 1) await app.press('ArrowLeft');
      const name = 'Zoë Ωmega — 日本語 مرحبا';
      await app.type(name);
      const typed = await app.waitFor((s) => s.request.text.includes(name), 'the typed name');
      assert.equal(typed.request.text, `{"operation": "echo", "payload": {"name": "${name}"}}`);
      const shown = await send(app);
      assert.match(shown.response.text, new RegExp(`"name": "${name}"`));
      await app.screenshot('non-ascii');
      await assertNoPageErrors(app);
    } finally {
      await app.window.close();
    }
  });

  test(`${engine}: text copied elsewhere is pasted into the editor with Ctrl+V`, async () => {
    const app = await session.openApp({ json: true });
    try {
      const pasted = '{"operation": "echo", "payload": {"pasted": "from the clipboard ✓ 日本"}}';
      await copyFromAnotherField(app, pasted);
      await app.click('Event JSON');
      await app.press('Control+A');
      await app.press('Control+V');
      await app.waitFor((s) => s.request.text === pasted, 'the pasted event');
      const shown = await send(app);
      assert.match(shown.response.text, /from the clipboard ✓ 日本/);
      await assertNoPageErrors(app);
    } finally {
      await app.window.close();
    }
  });

  // WebKit allows a clipboard write only inside the person's gesture: the app
  // takes a click inside its browser event (platform::on_user_gesture), so
  // Copy link works there as in the other engines.
  test(`${engine}: a share link copied, then opened in a fresh session, loads the request without sending it`, async () => {
    const app = await session.openApp();
    const name = 'Seed: update FirstName';
    let event;
    let link;
    try {
      // A person picks a request and copies its link (the typing is tested above).
      const index = (await app.snapshot()).presets.names.indexOf(name);
      await app.click(`Preset ${index}`);
      event = (await app.waitFor((s) => s.request.origin === `Preset: ${name}`, 'the preset in the editor')).request.text;
      await app.click('Copy link');
      await app.waitFor((s) => s.presets.notice.startsWith('Link copied'), 'the copied link');
      // The page writes the clipboard asynchronously: a paste right after the
      // notice may still give what it held before, so it is pasted again.
      let pasted;
      link = await app.waitUntil(async () => {
        pasted = await pasteIntoAnotherField(app);
        return /#p=v2\./.test(pasted) ? pasted : null;
      }, 'the link on the clipboard').catch((error) => { throw new Error(`${error.message}; pasted: ${pasted}`); });
      await assertNoPageErrors(app);
    } finally {
      await app.window.close();
    }
    const other = await session.openApp({ url: link });
    try {
      const s = await other.waitFor((x) => x.request.origin === 'Loaded from a shared link — not sent yet', 'the shared request');
      assert.deepEqual(JSON.parse(s.request.text), JSON.parse(event));
      assert.equal(s.history.count, 0, 'a fresh session: no history, and nothing sent');
      assert.equal(s.response, null);
      await other.screenshot('share-link-opened');
      await callApi(session.stack.api, { operation: 'delete', tableName: TABLE, payload: { Key: { id: '127748AB' } } });
      const sent = await send(other);
      assert.equal(sent.response.ok, true, sent.response.summary);
      assert.equal((await readItem(session.stack.api, '127748AB')).FirstName, 'Sarvesh');
      await assertNoPageErrors(other);
    } finally {
      await other.window.close();
    }
  });

  test(`${engine}: a share link made elsewhere opens in a fresh session and is sent only with Send`, async () => {
    const fixture = readFileSync(path.join(ROOT, 'tests/fixtures/links/v1_seed_update_first_name.txt'), 'utf8').trim();
    const app = await session.openApp({ url: session.stack.site + fixture.slice(fixture.indexOf('#')) });
    try {
      const s = await app.waitFor((x) => x.request.origin === 'Loaded from a shared link — not sent yet', 'the shared request');
      assert.deepEqual(JSON.parse(s.request.text),
                       JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/seed/4_update_first_name.json'), 'utf8')));
      assert.equal(s.connection.endpoint, session.stack.api, 'a link never changes where requests go');
      assert.equal(s.history.count, 0, 'nothing is sent until Send');
      await app.screenshot('share-link-made-elsewhere');
      await callApi(session.stack.api, { operation: 'delete', tableName: TABLE, payload: { Key: { id: '127748AB' } } });
      const sent = await send(app);
      assert.equal(sent.response.ok, true, sent.response.summary);
      assert.equal((await readItem(session.stack.api, '127748AB')).FirstName, 'Sarvesh');
      await assertNoPageErrors(app);
    } finally {
      await app.window.close();
    }
  });

  test(`${engine}: with the API stopped the error says so and the app keeps working`, async () => {
    const own = await startStack();
    const app = await session.openApp({ url: own.site });
    try {
      const testConnection = async () => {
        const before = (await app.snapshot()).connection.headline;
        await app.click('Test connection');
        return app.waitFor((s) => !s.connection.checking && s.connection.headline !== before, 'a new connection verdict');
      };
      assert.equal((await testConnection()).connection.state, 'connected');
      await own.stop();
      const host = new URL(own.api).host;
      const down = await testConnection();
      assert.equal(down.connection.state, 'failed');
      assert.equal(down.connection.headline, `Cannot reach ${host}`);
      assert.match(down.connection.advice, /the host is wrong or the server is down/);
      await app.click('Operation read');
      await app.waitFor((s) => s.request.operation === 'read', 'the editor to keep working');
      await app.click('Send');
      const failed = await app.waitFor((s) => s.response !== null && s.response.tab === 'Error', 'the failed send explained');
      assert.equal(failed.response.status_label, 'No answer');
      assert.equal(failed.response.verdict.headline, `Cannot reach ${host}`);
      await app.screenshot('api-stopped');
      await assertNoPageErrors(app, NETWORK_FAILURE_NOTES);
    } finally {
      await app.window.close();
      await own.stop();
    }
  });

  test(`${engine}: at tablet size (820 x 1180, touch) a tapped operation and a tapped Send answer`, async () => {
    const app = await session.openApp({ viewport: TABLET, deviceScaleFactor: 2, touch: true });
    try {
      await app.tap('Operation ping');
      await app.waitFor((s) => s.request.operation === 'ping', 'the ping request, tapped');
      await app.tap('Send');
      const shown = await app.waitFor((s) => s.response !== null, 'the answer to a tapped Send');
      assert.equal(shown.response.kind, 'pong', shown.response.summary);
      await app.screenshot('tablet-ping');
      await assertNoPageErrors(app);
    } finally {
      await app.window.close();
    }
  });

  // An iPhone runs WebKit: the phone layout (one column, the panels behind a
  // tab bar) in every engine, nothing past the right edge, a tapped Send.
  test(`${engine}: at phone size (390 x 844) no widget stands past the right edge and a tapped Send answers`, async () => {
    const app = await session.openApp({ viewport: PHONE, deviceScaleFactor: 2, touch: true });
    try {
      await app.frames(3);
      await app.screenshot('phone');
      const widgets = await app.widgets();
      const past = Object.entries(widgets).filter(([, r]) => r.visible && r.shown.w > 0 && r.x + r.w > PHONE.width + 1);
      assert.deepEqual(past.map(([label, r]) => `${label} (${Math.round(r.x)}..${Math.round(r.x + r.w)})`), [],
                       'widgets past the right edge');
      const sendButton = widgets.Send;
      assert.ok(sendButton && sendButton.visible && sendButton.shown.w === sendButton.w &&
                sendButton.shown.y + sendButton.shown.h <= PHONE.height, `Send is wholly on screen: ${JSON.stringify(sendButton)}`);
      await app.tap('Operation ping');
      await app.waitFor((s) => s.request.operation === 'ping', 'the ping request, tapped');
      await app.tap('Send');
      const shown = await app.waitFor((s) => s.response !== null, 'the answer to a tapped Send');
      assert.equal(shown.response.kind, 'pong', shown.response.summary);
      await app.screenshot('phone-ping');
      await assertNoPageErrors(app);
    } finally {
      await app.window.close();
    }
  });

  test(`${engine}: the harness sees an error thrown in the page and one logged to the console`, async () => {
    const app = await session.openApp();
    try {
      // As the page's own script, not the driver's (an engine may run a driver's script apart).
      await app.window.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = "setTimeout(() => { throw new Error('thrown for the harness'); }, 0);" +
                             "console.error('logged for the harness');";
        document.head.appendChild(script);
      });
      const seen = await app.waitUntil(async () => {
        const errors = await app.errors();
        return errors.some((e) => e.includes('thrown for the harness')) && errors.some((e) => e.includes('logged for the harness'));
      }, 'both errors to be reported');
      assert.ok(seen);
    } finally {
      await app.window.close();
    }
  });
}

export { EngineApp };
