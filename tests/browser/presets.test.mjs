// Presets and share links driven like a person: the seed's requests built in,
// saving, renaming, duplicating and deleting presets that survive a reload, a
// collection file exported and imported again, a Postman collection pasted in,
// a share link opened in a fresh browser (loaded, not sent), and a bad link
// that leaves the saved work alone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { RESULTS_DIR, ROOT, useAppSession } from './harness.mjs';

const session = useAppSession({ viewport: { width: 1280, height: 900 } });

const SEED_NAMES = ['Seed: create 2377ab', 'Seed: read 127748AB', 'Seed: update attributeName',
                    'Seed: update FirstName', 'Seed: update LastName', 'Seed: delete 127748AD'];

async function reload(app) {
  await app.page.reload();
  await app.page.waitForFunction(() => window.__app && window.__app.ready, null, { timeout: 30000 });
}

async function typeEvent(app, event) {
  await app.showJsonEditor();
  await app.fill('Event JSON', event);
  await app.waitFor((s) => s.request.text === event, 'the typed event');
}

test('the seed requests are built in and saved presets are renamed, duplicated, deleted and kept across reloads', async () => {
  const { context, app } = await session.openApp({ clipboard: true });
  let s = await app.snapshot();
  assert.deepEqual(s.presets.names, SEED_NAMES);
  await app.click('Preset 1');
  s = await app.waitFor((x) => x.request.origin === 'Preset: Seed: read 127748AB', 'the read preset in the editor');
  assert.deepEqual(JSON.parse(s.request.text), JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/seed/2_read.json'), 'utf8')));
  assert.equal(s.response, null, 'loading a preset does not send it');

  await typeEvent(app, '{"operation": "echo", "payload": {"kept": 1.50}}');
  await app.click('Save as preset');
  await app.waitFor((x) => x.presets.saved === 1 && x.presets.names[6] === 'echo', 'the saved preset');
  await app.click('Rename preset');
  await app.fill('Preset name', 'My echo');
  await app.click('Apply rename');
  await app.waitFor((x) => x.presets.names[6] === 'My echo' && !x.presets.renaming, 'the renamed preset');

  await reload(app);
  s = await app.snapshot();
  assert.deepEqual(s.presets.names, [...SEED_NAMES, 'My echo'], 'built-in and saved presets after a reload');
  await app.click('Preset 6');
  s = await app.waitFor((x) => x.request.origin === 'Preset: My echo', 'the saved preset in the editor');
  assert.equal(s.request.text.includes('1.50'), true, 'the number is kept exactly');
  await app.click('Duplicate preset');
  await app.waitFor((x) => x.presets.names[7] === 'My echo (2)', 'the duplicate');
  await app.click('Delete preset');
  await app.waitFor((x) => x.presets.saved === 1, 'the duplicate deleted');
  await app.screenshot('presets-saved');
  await reload(app);
  assert.deepEqual((await app.snapshot()).presets.names, [...SEED_NAMES, 'My echo']);
  await context.close();
});

test('a collection exported to a file comes back with the same presets when imported', async () => {
  const { context, app } = await session.openApp({ clipboard: true });
  const event = '{"operation": "read", "tableName": "lambda-apigateway", "payload": {"Key": {"id": "file-1"}}}';
  await typeEvent(app, event);
  await app.click('Save as preset');
  await app.waitFor((x) => x.presets.saved === 1, 'the saved preset');
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.click('Export presets')]);
  const file = path.join(RESULTS_DIR, 'presets-export.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(exported.format, 'crud-workbench-collection');
  assert.equal(exported.presets.length, 1);

  await app.click('Preset 6');
  await app.click('Delete preset');
  await app.waitFor((x) => x.presets.saved === 0, 'the preset deleted');
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('Import presets')]);
  await chooser.setFiles(file);
  const s = await app.waitFor((x) => x.presets.saved === 1, 'the imported preset');
  assert.equal(s.presets.names[6], 'read lambda-apigateway');
  assert.match(s.presets.notice, /Imported 1 preset from presets-export\.json/);
  await app.click('Preset 6');
  const loaded = await app.waitFor((x) => x.request.origin.startsWith('Preset: read'), 'the imported preset loaded');
  assert.deepEqual(JSON.parse(loaded.request.text), JSON.parse(event));
  await context.close();
});

test('a postman collection v2.1 pasted into the paste box becomes presets', async () => {
  const { context, app } = await session.openApp({ clipboard: true });
  const postman = readFileSync(path.join(ROOT, 'tests/fixtures/postman/seed.postman_collection.json'), 'utf8');
  await app.page.evaluate((text) => navigator.clipboard.writeText(text), postman);
  await app.click('Paste collection');
  await app.click('Pasted collection');
  await app.page.keyboard.press('Control+V');
  await app.frames(5);
  await app.click('Import pasted');
  const s = await app.waitFor((x) => x.presets.saved > 0, 'the imported presets');
  const collection = JSON.parse(postman);
  const requests = (items, prefix) => items.flatMap((i) => (i.request ? [prefix + i.name]
                                                                       : requests(i.item, `${prefix}${i.name} / `)));
  assert.deepEqual(s.presets.names.slice(6), requests(collection.item, ''), s.presets.notice);
  assert.match(s.presets.notice, /Imported \d+ presets from the pasted text/);
  await app.click('Preset 6');
  const loaded = await app.waitFor((x) => x.request.origin.startsWith('Preset: '), 'a Postman preset in the editor');
  assert.deepEqual(JSON.parse(loaded.request.text), JSON.parse(collection.item[0].request.body.raw));
  await app.screenshot('presets-postman-imported');
  await reload(app);
  assert.equal((await app.snapshot()).presets.saved, requests(collection.item, '').length);
  await context.close();
});

test('a share link opened in a fresh browser loads the same request without sending it', async () => {
  const { context, app } = await session.openApp({ clipboard: true });
  const event = '{"operation": "update", "tableName": "lambda-apigateway", "payload": {"Key": {"id": "shared-1"}, ' +
                '"UpdateExpression": "SET FirstName = :v", "ExpressionAttributeValues": {":v": "Zoë 12345678901234567890"}}}';
  await typeEvent(app, event);
  await app.click('Copy link');
  await app.waitFor((x) => x.presets.notice.startsWith('Link copied'), 'the copied link');
  const link = await app.clipboardText((text) => text.startsWith(`${session.stack.site.replace(/\/$/, '')}/#p=v2.`) ||
                                                  text.startsWith(`${session.stack.site}#p=v2.`), 'the share link');
  await context.close();

  const { context: fresh, app: other } = await session.openApp({ url: link });
  const s = await other.waitFor((x) => x.request.origin === 'Loaded from a shared link — not sent yet', 'the shared request');
  assert.deepEqual(JSON.parse(s.request.text), JSON.parse(event));
  assert.match(s.banner, /^Loaded from a shared link — not sent yet/);
  assert.doesNotMatch(s.banner, /made for/, 'the same endpoint gives no warning');
  assert.equal(s.response, null);
  assert.equal(s.history.count, 0, 'nothing is sent until Send');
  await other.screenshot('share-link-opened');
  await other.click('Send');
  const sent = await other.waitFor((x) => x.history.count === 1 && x.response !== null, 'the shared request sent');
  assert.equal(sent.response.ok, true, sent.response.summary);
  await fresh.close();
});

test('a link made by an older version for another endpoint loads its request and says where it was meant to go', async () => {
  const fixture = readFileSync(path.join(ROOT, 'tests/fixtures/links/v1_seed_update_first_name.txt'), 'utf8').trim();
  const { context, app } = await session.openApp({ url: session.stack.site + fixture.slice(fixture.indexOf('#')) });
  const s = await app.waitFor((x) => x.request.origin === 'Loaded from a shared link — not sent yet', 'the old link');
  assert.deepEqual(JSON.parse(s.request.text),
                   JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/seed/4_update_first_name.json'), 'utf8')));
  assert.match(s.banner, /made for https:\/\/a1b2c3d4e5\.execute-api\.us-east-1\.amazonaws\.com\/prod\/DynamoDBManager/);
  assert.equal(s.connection.endpoint, session.stack.api, 'a link never changes where requests go');
  await app.screenshot('share-link-other-endpoint');
  await context.close();
});

test('a bad share link shows a banner and leaves the draft, presets and history untouched', async () => {
  const { context, app } = await session.openApp({ clipboard: true });
  await app.click('Operation ping');
  await app.click('Send');
  await app.waitFor((x) => x.history.count === 1 && x.request.in_flight === null, 'a request in the history');
  const draft = '{"operation": "echo", "payload": {"draft": true}}';
  await typeEvent(app, draft);
  await app.click('Save as preset');
  await app.waitFor((x) => x.presets.saved === 1, 'a saved preset');
  const saved = await app.page.evaluate(() => ({ ...localStorage }));

  await app.page.goto(`${session.stack.site}#p=v2.not-a-link!`);  // the fragment changes: hashchange
  let s = await app.waitFor((x) => /could not be read/.test(x.banner), 'the bad link banner');
  assert.match(s.banner, /Nothing was loaded; your saved work is unchanged/);
  assert.equal(s.request.text, draft);
  assert.equal(s.presets.saved, 1);
  assert.equal(s.history.count, 1);
  await app.screenshot('share-link-bad');

  await reload(app);  // the same bad link read at start-up
  s = await app.waitFor((x) => /could not be read/.test(x.banner), 'the bad link banner after a reload');
  assert.equal(s.request.text, draft);
  assert.deepEqual(await app.page.evaluate(() => ({ ...localStorage })), saved, 'storage is unchanged');
  await app.click('Dismiss');
  await app.waitFor((x) => x.banner === '', 'the banner dismissed');
  assert.equal(await app.page.evaluate(() => location.hash), '');
  await context.close();
});
