// Browser engines behind one interface, for the cross-engine tests:
//   chromium: Debian's Chromium through playwright-core (as the full suite);
//   firefox:  Debian's Firefox ESR through puppeteer-core over WebDriver BiDi;
//   webkit:   WebKitGTK's MiniBrowser through WebKitWebDriver and selenium-webdriver
//             (no device scale factor and no touch events: a finger's tap comes as a pointer).
// Firefox and WebKit need an X display (DISPLAY, e.g. Xvfb): without one
// Firefox has no WebGL and MiniBrowser hangs at session creation.
//
// launchEngine(name) resolves with an Engine: {name, newWindow(options), close()}.
// A Window is one fresh browsing session (its own storage) showing one page:
//   goto(url), evaluate(fn, arg), mouseMove(x, y), mouseDown(), mouseUp(),
//   tap(x, y), wheel(x, y, dy), type(text), press('Control+A'),
//   screenshot(file), errors(), close().
// Coordinates are CSS pixels of the page's viewport.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, Key, Origin } from 'selenium-webdriver';
import { Pointer } from 'selenium-webdriver/lib/input.js';
import { CHROMIUM_ARGS, freePort } from '../browser/harness.mjs';
import { COLLECT_PAGE_ERRORS, startInjectingProxy } from './page_errors.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

export const FIREFOX_BINARY = '/usr/bin/firefox-esr';
export const MINIBROWSER_BINARY = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const SESSION_TIMEOUT_MS = 90000;

// Rejects after `ms` with `what` named, so a hung browser fails the test instead of stalling it.
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise((resolve, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms); }),
  ]);
}

// 'Control+Shift+End' -> {modifiers: ['Control', 'Shift'], key: 'End'}.
function parseCombo(combo) {
  const parts = combo.split('+');
  return { modifiers: parts.slice(0, -1), key: parts.at(-1) };
}

// ---------------------------------------------------------------- Chromium

async function launchChromium() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS.filter((a) => a !== '--headless'),
    headless: true,
  });
  return {
    name: 'chromium',
    async newWindow({ viewport, deviceScaleFactor = 1, touch = false }) {
      const context = await browser.newContext({ viewport, deviceScaleFactor, hasTouch: touch, isMobile: touch });
      // A person's Chromium lets a focused page write to the clipboard; Playwright's asks first.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      return {
        goto: (url) => page.goto(url),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        mouseMove: (x, y) => page.mouse.move(x, y),
        mouseDown: () => page.mouse.down(),
        mouseUp: () => page.mouse.up(),
        tap: (x, y) => page.touchscreen.tap(x, y),
        async wheel(x, y, dy) { await page.mouse.move(x, y); await page.mouse.wheel(0, dy); },
        type: (text) => page.keyboard.type(text),
        press: (combo) => page.keyboard.press(combo),
        screenshot: (file) => page.screenshot({ path: file }),
        errors: async () => [...errors],
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------- Firefox

const PUPPETEER_KEYS = { A: 'a', C: 'c', V: 'v' };

async function launchFirefox() {
  const browser = await withTimeout(puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BINARY,
    headless: true,
    // Firefox's own: no first-run pages, no update or telemetry traffic.
    extraPrefsFirefox: { 'browser.shell.checkDefaultBrowser': false, 'app.update.enabled': false,
                         'datareporting.policy.dataSubmissionEnabled': false },
  }), SESSION_TIMEOUT_MS, 'starting Firefox');
  return {
    name: 'firefox',
    async newWindow({ viewport, deviceScaleFactor = 1, touch = false }) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ ...viewport, deviceScaleFactor, hasTouch: touch });
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      const key = (name) => PUPPETEER_KEYS[name] ?? name;
      return {
        goto: (url) => page.goto(url),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        mouseMove: (x, y) => page.mouse.move(x, y),
        mouseDown: () => page.mouse.down(),
        mouseUp: () => page.mouse.up(),
        tap: (x, y) => page.touchscreen.tap(x, y),
        async wheel(x, y, dy) { await page.mouse.move(x, y); await page.mouse.wheel({ deltaY: dy }); },
        type: (text) => page.keyboard.type(text),
        async press(combo) {
          const { modifiers, key: name } = parseCombo(combo);
          for (const m of modifiers) await page.keyboard.down(m);
          await page.keyboard.press(key(name));
          for (const m of modifiers.reverse()) await page.keyboard.up(m);
        },
        screenshot: (file) => page.screenshot({ path: file }),
        errors: async () => [...errors],
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------- WebKit

const SELENIUM_KEYS = {
  Control: Key.CONTROL, Shift: Key.SHIFT, Alt: Key.ALT, Backspace: Key.BACK_SPACE, Delete: Key.DELETE,
  End: Key.END, Home: Key.HOME, Enter: Key.ENTER, Escape: Key.ESCAPE, Tab: Key.TAB,
  ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN,
  A: 'a', C: 'c', V: 'v',
};

// Starts WebKitWebDriver on a free port; resolves with {url, stop()} once it listens.
async function startWebKitDriver() {
  const port = await freePort();
  const child = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}): ${output}`);
    const up = await fetch(`${url}/status`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`WebKitWebDriver did not start: ${output}`); }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

async function launchWebKit() {
  const server = await startWebKitDriver();
  // One proxy per site origin: it puts the page-error collector into the page before the app's scripts.
  const proxies = new Map();
  const viaProxy = async (url) => {
    const target = new URL(url);
    if (!proxies.has(target.origin)) proxies.set(target.origin, await startInjectingProxy(target.origin));
    const proxy = proxies.get(target.origin);
    return proxy.origin + target.pathname + target.search + target.hash;
  };
  const windows = new Set();
  return {
    name: 'webkit',
    // Each window is its own WebDriver session: a MiniBrowser with fresh, ephemeral storage.
    async newWindow({ viewport }) {
      const driver = new Builder().usingServer(server.url).withCapabilities({
        browserName: 'MiniBrowser',
        // Full screen: no bar of MiniBrowser's own, whose width (447 px) would keep a window wider than a phone.
        'webkitgtk:browserOptions': { binary: MINIBROWSER_BINARY, args: ['--automation', '--full-screen'] },
      }).build();
      await withTimeout(driver.getSession(), SESSION_TIMEOUT_MS, 'creating a WebKit session');
      windows.add(driver);
      // The window is the page's viewport (see --full-screen); checked, as a wrong size would void the test.
      await driver.manage().window().setRect({ width: viewport.width, height: viewport.height });
      const inner = await driver.executeScript('return [window.innerWidth, window.innerHeight]');
      if (inner[0] !== viewport.width || inner[1] !== viewport.height) {
        await driver.quit();
        throw new Error(`WebKit's viewport is ${inner.join(' x ')}, not ${viewport.width} x ${viewport.height}`);
      }
      const actions = () => driver.actions({ async: true });
      let pointer = { x: 0, y: 0 };
      const at = (x, y) => ({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT });
      const key = (name) => SELENIUM_KEYS[name] ?? name;
      return {
        async goto(url) { await driver.get(await viaProxy(url)); },
        evaluate: (fn, arg) => driver.executeScript(`return (${fn})(arguments[0]);`, arg),
        async mouseMove(x, y) { pointer = { x, y }; await actions().move(at(x, y)).perform(); },
        async mouseDown() { await actions().move(at(pointer.x, pointer.y)).press().perform(); },
        async mouseUp() { await actions().move(at(pointer.x, pointer.y)).release().perform(); },
        async tap(x, y) {
          const finger = new Pointer('finger', Pointer.Type.TOUCH);
          await actions().insert(finger, finger.move(at(x, y)), finger.press(), finger.release()).perform();
        },
        async wheel(x, y, dy) {
          await actions().scroll(Math.round(x), Math.round(y), 0, Math.round(dy), Origin.VIEWPORT).perform();
        },
        async type(text) { await actions().sendKeys(text).perform(); },
        async press(combo) {
          const { modifiers, key: name } = parseCombo(combo);
          let chain = actions();
          for (const m of modifiers) chain = chain.keyDown(key(m));
          chain = chain.sendKeys(key(name));
          for (const m of [...modifiers].reverse()) chain = chain.keyUp(key(m));
          await chain.perform();
        },
        async screenshot(file) { writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64')); },
        errors: () => driver.executeScript('return window.__pageErrors ? window.__pageErrors.slice() : ["the page-error collector is missing"]'),
        async close() { windows.delete(driver); await withTimeout(driver.quit(), 30000, 'closing a WebKit session').catch(() => {}); },
      };
    },
    async close() {
      for (const driver of windows) await withTimeout(driver.quit(), 30000, 'closing a WebKit session').catch(() => {});
      for (const proxy of proxies.values()) await proxy.stop();
      await server.stop();
    },
  };
}

export async function launchEngine(name) {
  if (name === 'chromium') return launchChromium();
  if (name === 'firefox') return launchFirefox();
  if (name === 'webkit') return launchWebKit();
  throw new Error(`unknown engine ${name} (one of ${ENGINES.join(', ')})`);
}

// The collector is also what the WebKit proxy injects; exported for tests that check it.
export { COLLECT_PAGE_ERRORS };
