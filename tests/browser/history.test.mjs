// The History panel driven like a person: requests sent are listed, survive
// a reload, go back into the editor with a click, are sent again with ↻, and
// are cleared after a confirmation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useAppSession } from './harness.mjs';

const session = useAppSession();

async function reload(app) {
  await app.page.reload();
  await app.page.waitForFunction(() => window.__app && window.__app.ready, null, { timeout: 30000 });
}

async function sendOperation(app, operation, count) {
  await app.click(`Operation ${operation}`);
  await app.waitFor((s) => s.request.operation === operation, `the ${operation} example`);
  await app.click('Send');
  return app.waitFor((s) => s.history.count === count && s.request.in_flight === null, `${operation} in the history`);
}

test('history survives a reload and a click puts a request back into the editor', async () => {
  const { context, app } = await session.openApp();
  await sendOperation(app, 'ping', 1);
  const pingText = (await app.snapshot()).request.text;
  await sendOperation(app, 'read', 2);

  await reload(app);
  const reloaded = await app.snapshot();
  assert.equal(reloaded.history.count, 2);
  assert.deepEqual(reloaded.history.entries.map((e) => [e.operation, e.outcome, e.ok]),
                   [['read', '200', true], ['ping', '200', true]]);
  assert.equal(reloaded.request.operation, 'read', 'the editor keeps its draft across a reload');

  await app.click('History 1');
  const restored = await app.waitFor((s) => s.request.operation === 'ping', 'the restored ping');
  assert.equal(restored.request.text, pingText);
  assert.equal(restored.request.origin, 'Restored from history');
  assert.equal(restored.history.restored_id, reloaded.history.entries[1].id);

  await app.click('Re-send 0');
  const resent = await app.waitFor((s) => s.history.count === 3 && s.response !== null, 'the re-sent read');
  assert.equal(resent.history.entries[0].operation, 'read');
  assert.equal(resent.response.operation, 'read');
  assert.equal(resent.request.operation, 'ping', 're-sending leaves the editor alone');
  await app.screenshot('history-restored');
  await context.close();
});

test('clearing the history asks first and stays cleared after a reload', async () => {
  const { context, app } = await session.openApp();
  await sendOperation(app, 'ping', 1);
  await app.click('Clear history');
  await app.click('Keep history');
  assert.equal((await app.snapshot()).history.count, 1);
  await app.click('Clear history');
  await app.click('Confirm clear');
  await app.waitFor((s) => s.history.count === 0, 'the cleared history');
  await reload(app);
  assert.equal((await app.snapshot()).history.count, 0);
  await context.close();
});
