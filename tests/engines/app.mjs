// The app in any engine, driven like a person through what it publishes in
// window.__app (widgets: rectangles in CSS pixels with `shown`, the part not
// clipped by its window; snapshot: what it shows), over one Window of
// engines.mjs. The same helpers as tests/browser/harness.mjs's AppPage, with
// nothing engine-specific: every wait is on the app's state.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { RESULTS_DIR, startStack } from '../browser/harness.mjs';
import { launchEngine, withTimeout } from './engines.mjs';

const POLL_MS = 50;

export class EngineApp {
  constructor(engine, window) {
    this.engine = engine;
    this.window = window;
  }

  // Opens `url` in `window` and waits for the app to be ready.
  static async open(engine, window, url, timeout = 60000) {
    const app = new EngineApp(engine, window);
    await withTimeout(window.goto(url), timeout, `${engine} loading ${url}`);
    try {
      await app.waitUntil(() => window.evaluate(() => Boolean(window.__app && window.__app.ready)), 'the app to be ready', timeout);
    } catch (error) {
      const page = await window.evaluate(() => ({
        url: location.href, readyState: document.readyState,
        loading: document.getElementById('loading-text')?.textContent, app: typeof window.__app,
      })).catch((e) => String(e));
      error.message += `; the page: ${JSON.stringify(page)}; errors: ${JSON.stringify(await window.errors().catch(() => []))}`;
      throw error;
    }
    return app;
  }

  // Polls `check()` (an async function of the page's state) until it returns something truthy.
  async waitUntil(check, what, timeout = 15000) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      last = await check();
      if (last) return last;
      if (Date.now() > deadline) throw new Error(`${this.engine}: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async state() { return this.window.evaluate(() => window.__app); }
  async snapshot() { return (await this.state()).snapshot; }
  async widgets() { return this.window.evaluate(() => window.__app.widgets); }

  // The widget's published rectangle, once it is drawn and visible.
  async widget(label, timeout = 30000) {
    return this.waitUntil(() => this.window.evaluate((l) => {
      const w = window.__app && window.__app.widgets[l];
      return w && w.visible ? w : null;
    }, label), `the widget "${label}"`, timeout);
  }

  // Waits until `predicate(snapshot)` is true; returns that snapshot.
  async waitFor(predicate, what, timeout = 15000) {
    let last;
    try {
      return await this.waitUntil(async () => {
        last = await this.snapshot();
        return predicate(last) ? last : null;
      }, what, timeout);
    } catch (error) {
      error.message += `; last snapshot: ${JSON.stringify(last).slice(0, 2000)}`;
      throw error;
    }
  }

  // Waits until the app has taken every key and click sent so far (ImGui takes typed text one character per frame).
  async settle() {
    await this.waitUntil(() => this.window.evaluate(() => window.__app && window.__app.inputPending === 0),
                         'the app to take the input', 60000);
  }

  // Waits for `count` animation frames.
  async frames(count = 3) {
    await this.window.evaluate((n) => new Promise((resolve) => {
      const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
      step(n);
    }), count);
  }

  // Where to aim at the widget: the middle of its part not clipped by its
  // window, looked at again until the layout holds still (a change can shift it for a frame).
  async aim(label, hover) {
    await this.settle();
    let r = (await this.widget(label)).shown;
    for (let look = 0; look < 10; ++look) {
      if (hover) await this.window.mouseMove(r.x + r.w / 2, r.y + r.h / 2);
      await this.frames(2);
      const now = (await this.widget(label)).shown;
      if (now.x === r.x && now.y === r.y && now.w === r.w && now.h === r.h) break;
      r = now;
    }
    return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
  }

  // Points at the widget (some ImGui widgets take a click only once hovered), then clicks.
  async click(label) {
    await this.aim(label, true);
    await this.window.mouseDown();
    await this.window.mouseUp();
  }

  // Taps the widget with a finger.
  async tap(label) {
    const { x, y } = await this.aim(label, false);
    await this.window.tap(x, y);
  }

  async type(text) { await this.window.type(text); }
  async press(combo) { await this.window.press(combo); }

  // Clicks a text field, selects all and types `text` like a person.
  async fill(label, text) {
    await this.click(label);
    await this.press('Control+A');
    await this.press('Backspace');
    await this.type(text);
    await this.settle();
  }

  // Shows the raw JSON editor of the event (the request panel opens on the form).
  async showJsonEditor() {
    if ((await this.snapshot()).request.view === 'json') return;
    await this.click('View JSON');
    await this.waitFor((s) => s.request.view === 'json', 'the JSON view');
  }

  // Page errors so far: console errors and uncaught errors (from the driver,
  // or for WebKit from the collector the page was given before the app loaded).
  async errors() { return this.window.errors(); }

  // A picture of the page once the app has drawn what it shows (WebKit's
  // screenshot can lag the last frame drawn by a frame or two).
  async screenshot(name) {
    await this.settle();
    await this.frames(4);
    mkdirSync(RESULTS_DIR, { recursive: true });
    await this.window.screenshot(path.join(RESULTS_DIR, `${this.engine}-${name}.png`));
  }
}

// One local stack and one browser of `engine` for all the tests of a file:
// started before the first test, stopped after the last. `openApp` opens
// the app in a fresh window (its own storage).
export function useEngineSession(engine, { viewport = { width: 1280, height: 800 } } = {}) {
  const session = {
    engine,
    stack: undefined,
    browser: undefined,
    async newWindow(options = {}) {
      return session.browser.newWindow({ viewport, ...options });
    },
    async openApp({ url, json = false, ...options } = {}) {
      const window = await session.newWindow(options);
      try {
        const app = await EngineApp.open(engine, window, url ?? session.stack.site);
        if (json) await app.showJsonEditor();
        return app;
      } catch (error) {
        await window.close();
        throw error;
      }
    },
  };
  before(async () => {
    session.stack = await startStack();
    session.browser = await launchEngine(engine);
  });
  after(async () => {
    await session.browser?.close();
    await session.stack?.stop();
  });
  return session;
}
