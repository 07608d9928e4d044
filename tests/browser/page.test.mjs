// The page as a whole: the loading indicator, the title, dark and light
// themes (following the system, remembered when chosen), the canvas
// following window resizes and the pixel ratio, wheel scrolling, and a link
// the app cannot read.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AppPage, RESULTS_DIR, useAppSession } from './harness.mjs';

const session = useAppSession();

test('the loading indicator shows download progress and goes away with the first frame', async () => {
  const context = await session.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__loadingTexts = [];
    new MutationObserver(() => {
      const text = document.getElementById('loading-text');
      if (text && window.__loadingTexts.at(-1) !== text.textContent) window.__loadingTexts.push(text.textContent);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const app = new AppPage(page);
  await page.goto(session.stack.site);
  await page.waitForFunction(() => window.__app && window.__app.ready, null, { timeout: 30000 });
  const texts = await page.evaluate(() => window.__loadingTexts);
  assert.ok(texts.some((t) => /Loading CRUD Workbench… \d+% \(\d+\.\d of \d+\.\d MB\)/.test(t)), texts.join(' | '));
  assert.ok(texts.includes('Starting…'), texts.join(' | '));
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('loading')).display), 'none');
  assert.equal(await page.title(), `CRUD Workbench · ${new URL(session.stack.api).host}`);
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('a browser without WebGL 2 is told what the app needs, and the message stays', async () => {
  const context = await session.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  });
  const gaveUp = page.waitForEvent('console', { predicate: (m) => /WebGL2 is not available/.test(m.text()) });
  await page.goto(session.stack.site);
  const loading = page.locator('#loading');
  await gaveUp;  // the code loaded and started, and the message is still the first one
  assert.equal(await loading.getAttribute('class'), 'error');
  assert.match(await page.locator('#loading-text').textContent(), /needs WebGL 2\. Turn on hardware acceleration/);
  assert.ok(await loading.isVisible());
  await context.close();
});

test('frames do not ask the GPU for the scissor box or blend state (it would wait for the last frame)', async () => {
  const context = await session.newContext();
  await context.addInitScript(() => {
    const counts = (window.__stateQueries = {});
    const original = WebGL2RenderingContext.prototype.getParameter;
    WebGL2RenderingContext.prototype.getParameter = function (name) {
      counts[name] = (counts[name] || 0) + 1;
      return original.call(this, name);
    };
  });
  const app = await AppPage.open(context, session.stack.site);
  const send = await app.widget('Send');
  for (let i = 0; i < 10; ++i) {
    await app.page.mouse.move(send.x + (i % 2) * send.w, send.y + send.h / 2);
    await app.frames(1);
  }
  const drawn = (await app.state()).frameTimes.length;
  assert.ok(drawn > 10, `frames were drawn (${drawn})`);
  const counts = await app.page.evaluate(() => window.__stateQueries);
  const gl = { SCISSOR_BOX: 0x0c10, VIEWPORT: 0x0ba2, BLEND_SRC_RGB: 0x80c9, BLEND_DST_RGB: 0x80c8,
               BLEND_SRC_ALPHA: 0x80cb, BLEND_DST_ALPHA: 0x80ca, BLEND_EQUATION_RGB: 0x8009, BLEND_EQUATION_ALPHA: 0x883d };
  for (const [name, value] of Object.entries(gl)) {
    assert.ok((counts[value] || 0) <= 1, `${name} asked ${counts[value]} times over ${drawn} frames`);
  }
  await app.screenshot('page-after-state-queries');
  await context.close();
});

test('the renderer takes the shaders the page compiled while the code downloaded, once the first frame is laid out', async () => {
  const context = await session.newContext();
  await context.addInitScript(() => {
    const calls = (window.__shaderCalls = { compileShader: 0, linkProgram: 0 });
    for (const method of Object.keys(calls)) {
      const original = WebGL2RenderingContext.prototype[method];
      WebGL2RenderingContext.prototype[method] = function (...args) {
        calls[method] += 1;
        return original.apply(this, args);
      };
    }
  });
  const app = await AppPage.open(context, session.stack.site);
  await app.frames(2);
  // The page's two shaders and one program, and nothing compiled a second time for ImGui's renderer.
  assert.deepEqual(await app.page.evaluate(() => window.__shaderCalls), { compileShader: 2, linkProgram: 1 });
  const marks = await app.page.evaluate(() => Object.fromEntries(
    ['app-first-layout', 'page-shaders-handed-over', 'app-first-frame'].map((name) => {
      const found = performance.getEntriesByName(name);
      return [name, found.length ? found[0].startTime : null];
    })));
  assert.ok(marks['app-first-layout'] !== null && marks['page-shaders-handed-over'] !== null, JSON.stringify(marks));
  assert.ok(marks['app-first-layout'] <= marks['page-shaders-handed-over'], `the app laid out its first frame before it waited for the shaders: ${JSON.stringify(marks)}`);
  assert.ok(marks['page-shaders-handed-over'] <= marks['app-first-frame'], JSON.stringify(marks));
  assert.ok((await app.snapshot()).missing_glyphs === 0);
  assert.deepEqual(app.consoleErrors, []);
  await context.close();
});

test('the theme follows the system until the person picks one, which is remembered', async () => {
  const { context, app } = await session.openApp({ colorScheme: 'dark' });
  const background = () => app.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal((await app.snapshot()).theme, 'dark');
  assert.equal(await background(), 'rgb(20, 23, 26)');
  await app.screenshot('page-theme-dark');
  await app.click('Theme');
  await app.waitFor((s) => s.theme === 'light', 'the light theme');
  assert.equal(await background(), 'rgb(247, 247, 250)');
  await app.frames(3);
  await app.screenshot('page-theme-light');
  await app.page.reload();
  await app.page.waitForFunction(() => window.__app && window.__app.ready);
  assert.equal((await app.snapshot()).theme, 'light', 'the choice outlives the system preference');
  await context.close();
});

test('the canvas follows window resizes and stays crisp at a pixel ratio of two', async () => {
  const { context, app } = await session.openApp({ deviceScaleFactor: 2 });
  const layout = async () => {
    await app.frames(4);
    const state = await app.state();
    const canvas = await app.page.evaluate(() => [window.Module.canvas.width, window.Module.canvas.height]);
    return { state, canvas };
  };
  let { state, canvas } = await layout();
  assert.equal(state.pixelRatio, 2);
  assert.deepEqual(canvas, [2560, 1600]);
  assert.ok(Math.abs(state.widgets.Send.x + state.widgets.Send.w - 1280) < 40, 'Send sits at the right edge');

  await app.page.setViewportSize({ width: 900, height: 620 });
  ({ state, canvas } = await layout());
  assert.deepEqual(canvas, [1800, 1240]);
  assert.deepEqual(state.viewport, { width: 900, height: 620 });
  assert.ok(Math.abs(state.widgets.Send.x + state.widgets.Send.w - 900) < 40, 'Send follows the right edge');
  for (const label of ['Send', 'Endpoint', 'Test connection', 'View JSON', 'View form', 'Theme']) {
    const r = state.widgets[label];
    assert.ok(r.visible && r.x >= 0 && r.y >= 0 && r.x + r.w <= 900 && r.y + r.h <= 620, `${label} is on screen`);
  }
  await app.screenshot('page-resized-hidpi');
  await app.click('Operation ping');
  await app.click('Send');
  const shown = await app.waitFor((s) => s.response !== null, 'an answer after the resize');
  assert.equal(shown.response.ok, true);
  await context.close();
});

test('the mouse wheel scrolls a long answer by about what the page would', async () => {
  const { context, app } = await session.openApp();
  const file = path.join(RESULTS_DIR, 'long-echo.json');
  writeFileSync(file, JSON.stringify({ operation: 'echo', payload: { lines: Array.from({ length: 300 }, (_, i) => i) } }));
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('Open file')]);
  await chooser.setFiles(file);
  await app.waitFor((s) => s.request.operation === 'echo', 'the long echo event');
  await app.click('Send');
  await app.waitFor((s) => s.response !== null, 'the long answer');
  await app.click('Tab JSON');
  const view = await app.widget('JSON view');
  await app.page.mouse.move(view.x + view.w / 2, view.y + view.h / 2);
  await app.page.mouse.wheel(0, 100);
  const scrolled = await app.waitFor((s) => s.response.json_scroll_lines > 0, 'the JSON view to scroll');
  await app.frames(3);
  const lines = (await app.snapshot()).response.json_scroll_lines;
  // A page scrolls 100 CSS pixels for this step (5.7 lines of 17.5 px); ImGui scrolls five font sizes, 75 px.
  assert.ok(lines >= 3 && lines <= 7, `scrolled ${lines} lines for a 100 px wheel step`);
  assert.ok(scrolled.response.tab === 'JSON');
  await app.screenshot('page-wheel-scrolled');
  await context.close();
});

test('a link the app cannot read shows a banner, loads nothing and goes away when dismissed', async () => {
  const context = await session.newContext();
  const first = await AppPage.open(context, session.stack.site);
  await first.click('Operation update');
  const saved = await first.waitFor((s) => s.request.operation === 'update', 'a saved draft');
  await first.page.close();

  const app = await AppPage.open(context, `${session.stack.site}#v9.garbage`);
  const shown = await app.waitFor((s) => s.banner !== '', 'the banner');
  assert.match(shown.banner, /cannot read \(#v9\.garbage\)/);
  assert.equal(shown.request.text, saved.request.text, 'the saved draft is untouched');
  await app.screenshot('page-bad-link');
  await app.click('Dismiss');
  await app.waitFor((s) => s.banner === '', 'the dismissed banner');
  assert.equal(await app.page.evaluate(() => location.hash), '');

  await app.page.evaluate(() => { location.hash = 'another'; });
  await app.waitFor((s) => s.banner.includes('#another'), 'a banner for a link changed in the address bar');
  await context.close();
});
