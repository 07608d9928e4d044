// The page as scripts/deploy and scripts/demo --relay set it up, driven like a
// person: a site whose config.json names the stack's own table (as a deployed
// stack's CloudFormation-named table) runs the built-in presets on that table
// and says so; and an API without CORS (the seed's tutorial) is reached
// through the relay, which the app names, with the key scripts/demo put in
// the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppPage, launchBrowser, startStack } from './harness.mjs';

let chrome;
before(async () => { chrome = await launchBrowser(); });
after(async () => { await chrome?.close(); });

async function open(url) {
  const context = await chrome.browser.newContext({ viewport: { width: 1280, height: 800 } });
  return { context, app: await AppPage.open(context, url) };
}

test('the built-in presets use the table config.json names, say so, and run on it', async () => {
  const table = 'crud-workbench-Table-1A2B3C4D5E6F';
  const stack = await startStack(['--table', table]);
  let context;
  try {
    let app;
    ({ context, app } = await open(stack.site));
    let s = await app.snapshot();
    assert.equal(s.presets.builtin_table, table);
    assert.ok((await app.widget('Presets table')).visible);
    assert.equal(JSON.parse(s.request.text).tableName, table, 'a fresh editor names the stack table too');
    await app.click('Preset 0');
    s = await app.waitFor((x) => x.request.origin === 'Preset: Seed: create 2377ab', 'the create preset');
    assert.equal(JSON.parse(s.request.text).tableName, table);
    await app.click('Send');
    s = await app.waitFor((x) => x.response !== null, 'the create answer');
    assert.equal(s.response.status, 200);
    assert.equal(s.response.ok, true, s.response.summary);
    await app.screenshot('deploy-presets-table');
  } finally {
    await context?.close();
    await stack.stop();
  }
});

test('an api without cors is connected through the relay, which the app names', async () => {
  const key = 'tutorial-key';
  const stacks = [];
  let context;
  try {
    const api = await startStack(['--no-cors', '--api-key', key]);
    stacks.push(api);
    const relayed = await startStack(['--relay', api.api, '--api-key', key]);
    stacks.push(relayed);
    let app;
    ({ context, app } = await open(relayed.site));
    let s = await app.snapshot();
    assert.equal(s.connection.endpoint, relayed.api);
    assert.equal(s.connection.relay, `Through the local relay to ${api.api}`);
    assert.equal(s.connection.api_key_set, true, 'scripts/demo --api-key put the key in the page');
    assert.ok((await app.widget('Relay')).visible);
    await app.click('Test connection');
    s = await app.waitFor((x) => !x.connection.checking && x.connection.state !== 'unknown', 'the verdict');
    assert.equal(s.connection.state, 'connected', s.connection.headline);
    await app.click('Preset 1');
    await app.waitFor((x) => x.request.origin === 'Preset: Seed: read 127748AB', 'the read preset');
    await app.click('Send');
    s = await app.waitFor((x) => x.response !== null, 'the read answer');
    assert.equal(s.response.status, 200, s.response.summary);
    await app.screenshot('deploy-relay');

    // Another endpoint: the relay is no longer named.
    await app.click('Endpoint');
    await app.page.keyboard.press('End');
    await app.page.keyboard.type('x');
    s = await app.waitFor((x) => x.connection.endpoint === `${relayed.api}x`, 'the edited endpoint');
    assert.equal(s.connection.relay, '');
  } finally {
    await context?.close();
    for (const stack of stacks.reverse()) await stack.stop();
  }
});
