// Smoke test: the page loads against the local stack, and the seed's ping and
// create, chosen and sent like a person, reach the Lambda and DynamoDB and
// show the answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useAppSession } from './harness.mjs';

const session = useAppSession();

test('ping answers pong through the local API', async () => {
  const { context, app } = await session.openApp();
  assert.equal((await app.snapshot()).connection.endpoint, session.stack.api);
  await app.click('Operation ping');
  await app.click('Send');
  const shown = await app.waitFor((s) => s.response !== null, 'the ping answer');
  assert.equal(shown.response.ok, true, shown.response.summary);
  assert.equal(shown.response.kind, 'pong');
  assert.equal(shown.response.text, '"pong"');
  assert.deepEqual(shown.response.rows, [['pong']]);
  await app.screenshot('smoke-ping');
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('create stores the seed item and shows the write acknowledged', async () => {
  const { context, app } = await session.openApp({ deviceScaleFactor: 2 });
  assert.equal((await app.snapshot()).request.operation, 'create', 'a fresh editor holds the seed create');
  await app.click('Send');
  const shown = await app.waitFor((s) => s.response !== null, 'the create answer');
  assert.equal(shown.response.ok, true, shown.response.summary);
  assert.equal(shown.response.kind, 'write_acknowledged', shown.response.summary);
  assert.ok(shown.response.metadata.includes('"HTTPStatusCode": 200'), shown.response.metadata);
  const stored = await fetch(session.stack.api, {
    method: 'POST',
    body: JSON.stringify({ operation: 'read', tableName: 'lambda-apigateway', payload: { Key: { id: '2377ab' } } }),
  }).then((r) => r.json());
  assert.deepEqual(stored.Item, { id: '2377ab', number: 4 });
  await app.screenshot('smoke-create-hidpi');
  await context.close();
});
