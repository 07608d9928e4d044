// The Connection panel driven like a person: Test connection against the
// local API, an API without CORS, a wrong path, the local API stopped (a
// clear error and an app that keeps working), and the API key and custom
// headers: sent on requests, remembered only when asked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CORS_HEADERS, startStack, startTestServer, useAppSession } from './harness.mjs';

const session = useAppSession();

// Each call here expects a verdict different from the one shown before.
async function testConnection(app) {
  const before = (await app.snapshot()).connection.headline;
  await app.click('Test connection');
  return app.waitFor((s) => !s.connection.checking && s.connection.headline !== before, 'a new connection verdict');
}

test('test connection pings the local api and says it is connected', async () => {
  const { context, app } = await session.openApp();
  const shown = await testConnection(app);
  assert.equal(shown.connection.state, 'connected');
  assert.match(shown.connection.headline, /^Connected: pong in \d/);
  assert.ok((await app.widget('Connection verdict')).visible);
  await app.screenshot('connection-ok');
  await context.close();
});

test('an api without cors is named as such and the request is not run', async () => {
  const noCors = await startTestServer((request, body, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('"pong"');
  });
  const { context, app } = await session.openApp();
  try {
    await app.fill('Endpoint', noCors.url);
    const shown = await testConnection(app);
    assert.equal(shown.connection.state, 'failed');
    assert.equal(shown.connection.headline, 'CORS is not enabled on the API');
    assert.match(shown.connection.advice, /Enable CORS/);
    assert.ok(noCors.requests.some((r) => r.method === 'GET'), 'the probe reached the server');
    assert.ok(!noCors.requests.some((r) => r.method === 'POST'), 'the ping itself never ran');
    await app.screenshot('connection-no-cors');
  } finally {
    await context.close();
    await noCors.stop();
  }
});

test('a wrong path on the local api is pointed out', async () => {
  const { context, app } = await session.openApp();
  await app.fill('Endpoint', session.stack.api.replace('/prod/DynamoDBManager', '/prod/Wrong'));
  const shown = await testConnection(app);
  assert.equal(shown.connection.headline, 'Wrong path: /prod/Wrong');
  assert.match(shown.connection.advice, /403 Missing Authentication Token/);
  await context.close();
});

test('with the local api stopped the error is clear and the app keeps working', async () => {
  const own = await startStack();
  const { context, app } = await session.openApp({ url: own.site });
  try {
    assert.equal((await testConnection(app)).connection.state, 'connected');
    await own.stop();
    const host = new URL(own.api).host;
    const down = await testConnection(app);
    assert.equal(down.connection.state, 'failed');
    assert.equal(down.connection.headline, `Cannot reach ${host}`);
    assert.match(down.connection.advice, /the host is wrong or the server is down/);

    await app.click('Operation read');
    await app.waitFor((s) => s.request.operation === 'read', 'the editor to keep working');
    await app.click('Send');
    const failed = await app.waitFor((s) => s.response !== null && s.response.tab === 'Error', 'the failed send explained');
    assert.equal(failed.response.status_label, 'No answer');
    assert.equal(failed.response.verdict.headline, `Cannot reach ${host}`);
    assert.equal(failed.response.tab, 'Error');
    assert.equal(failed.history.entries[0].outcome, 'no answer');
    await app.click('Theme');
    await app.waitFor((s) => s.theme === 'dark', 'the theme switch to keep working');
    await app.screenshot('connection-api-stopped');
    assert.deepEqual(app.consoleErrors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED')), []);
  } finally {
    await context.close();
    await own.stop();
  }
});

test('the api key and custom headers are sent, and secrets are remembered only when asked', async () => {
  const recorder = await startTestServer((request, body, response) => {
    response.writeHead(200, { ...CORS_HEADERS, 'Content-Type': 'application/json' }).end(request.method === 'POST' ? '"pong"' : '');
  });
  const { context, app } = await session.openApp();
  try {
    await app.fill('Endpoint', recorder.url);
    await app.fill('API key', 'k-123');
    await app.click('Add header');
    await app.fill('Header name 0', 'X-Trace');
    await app.fill('Header value 0', 't-1');
    await app.click('Add header');
    await app.fill('Header name 1', 'Authorization');
    await app.fill('Header value 1', 'Bearer s3cret');
    await app.click('Header secret 1');
    await app.waitFor((s) => s.connection.headers.length === 2 && s.connection.headers[1].secret, 'the secret header');
    assert.equal((await testConnection(app)).connection.state, 'connected');
    const post = recorder.requests.find((r) => r.method === 'POST');
    assert.equal(post.headers['x-api-key'], 'k-123');
    assert.equal(post.headers['x-trace'], 't-1');
    assert.equal(post.headers.authorization, 'Bearer s3cret');
    assert.equal(post.body, '{"operation":"ping"}');
    await app.screenshot('connection-headers');

    const stored = await app.page.evaluate(() => JSON.stringify(localStorage));
    assert.ok(!stored.includes('k-123') && !stored.includes('s3cret'), 'no secret in storage without Remember key');
    await app.page.reload();
    await app.page.waitForFunction(() => window.__app && window.__app.ready);
    const forgotten = await app.snapshot();
    assert.equal(forgotten.connection.endpoint, recorder.url);
    assert.equal(forgotten.connection.api_key_set, false);
    assert.deepEqual(forgotten.connection.headers, [{ name: 'X-Trace', secret: false }, { name: 'Authorization', secret: true }]);

    await app.fill('API key', 'k-456');
    await app.click('Remember key');
    await app.waitFor((s) => s.connection.remember_key, 'Remember key ticked');
    await app.page.reload();
    await app.page.waitForFunction(() => window.__app && window.__app.ready);
    const remembered = await app.snapshot();
    assert.equal(remembered.connection.api_key_set, true);
    assert.equal(remembered.connection.remember_key, true);
  } finally {
    await context.close();
    await recorder.stop();
  }
});
