// The start on a slow machine: when the browser's next animation frame comes
// late after the first frame (a loaded machine; WebKit's first frames), the
// app still draws until its layout has settled and becomes ready, with no
// input to wake it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useAppSession } from './harness.mjs';

const session = useAppSession();

test('the app becomes ready without input when its second frame comes a second and a half late', async () => {
  const context = await session.newContext();
  await context.addInitScript(() => {
    const original = window.requestAnimationFrame.bind(window);
    let delayed = false;
    window.requestAnimationFrame = (callback) => {
      if (delayed || performance.getEntriesByName('app-first-frame').length === 0) return original(callback);
      delayed = true;
      return setTimeout(() => original(callback), 1500);
    };
  });
  const page = await context.newPage();
  await page.goto(session.stack.site);
  await page.waitForFunction(() => window.__app && window.__app.frame >= 1, null, { timeout: 30000 });
  await page.waitForFunction(() => window.__app.ready && window.__app.frame >= 3, null, { timeout: 10000 });
  assert.ok(await page.evaluate(() => window.__app.widgets.Send.visible), 'the settled layout shows Send');
  await context.close();
});
