// Browser test harness: starts the local stack (in memory, free ports) and
// Debian's Chromium through playwright-core, and drives the ImGui canvas like
// a person through what the app publishes in window.__app:
//   widgets:  {key: {x, y, w, h, visible, shown}} in CSS pixels, for every
//             item ImGui drew last frame (src/app/accessibility.hpp): the key
//             is the label's `##` id when it has one ("Save…##Save file" is
//             "Save file"), else the label ("Send")
//   snapshot: what the app shows (endpoint, response, ...)
// and like assistive technology through the page's accessibility layer
// (#a11y-tree: ARIA roles and names, Playwright's getByRole, the keyboard).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync',
];

export async function freePort() {
  return (await freePorts(1))[0];
}

// `count` different free ports: every listener stays open until all are
// chosen, so the system cannot hand the same port out twice.
export async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; ++i) {
      const server = net.createServer();
      servers.push(server);
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((server) => server.address().port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(() => resolve()))));
  }
}

// Starts backend/local/stack.py and resolves with {site, api, dynamodb, stop()}.
export async function startStack(extraArgs = []) {
  const [api, site, dynamodb] = await freePorts(3);
  const ports = { api, site, dynamodb };
  const child = spawn('python3', [
    path.join(ROOT, 'backend', 'local', 'stack.py'), '--in-memory', '--quiet',
    '--api-port', String(ports.api), '--site-port', String(ports.site), '--dynamodb-port', String(ports.dynamodb),
    ...extraArgs,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack did not start:\n${output}`)), 30000);
    const onData = (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('READY '));
      if (line) { clearTimeout(timer); resolve(JSON.parse(line.slice(6))); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`stack exited (${code}):\n${output}`)); });
  });
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    ...ready,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

// A small HTTP server on 127.0.0.1 for what the local stack does not do (a
// slow answer, no CORS, recording headers). `handle(request, body, response)`
// answers; resolves with {url, requests, stop()}; stop() also drops open
// connections, so a request left waiting does not keep the test alive.
export async function startTestServer(handle) {
  const requests = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, headers: request.headers, body });
      handle(request, body, response);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/prod/DynamoDBManager`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// What API Gateway sends with "Enable CORS": the answer to a preflight and the header on answers.
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'OPTIONS,POST',
  'Access-Control-Allow-Headers': 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Trace',
};

// Playwright gives every launch a fresh, temporary user data dir.
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS.filter((a) => a !== '--headless'),
    headless: true,
  });
  return { browser, close: () => browser.close() };
}

// One page of the app, with person-like helpers over the published widgets.
export class AppPage {
  constructor(page) {
    this.page = page;
    this.consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') this.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
  }

  static async open(context, url) {
    const app = new AppPage(await context.newPage());
    await app.page.goto(url);
    try {
      await app.page.waitForFunction(() => window.__app && window.__app.ready, null, { timeout: 30000 });
    } catch (error) {
      error.message += `\npage errors: ${JSON.stringify(app.consoleErrors)}`;
      throw error;
    }
    return app;
  }

  async state() { return this.page.evaluate(() => window.__app); }
  async snapshot() { return (await this.state()).snapshot; }

  async widget(label) {
    const handle = await this.page.waitForFunction(
      (l) => window.__app && window.__app.widgets[l] && window.__app.widgets[l].visible && window.__app.widgets[l],
      label, { timeout: 10000 });
    return handle.jsonValue();
  }

  // Waits until the app has taken every key and click sent so far (ImGui takes
  // typed text one character per frame), as a person waits to see their typing.
  // `timeout` grows with what was typed: on a busy machine frames come slowly.
  async settle(timeout = 15000) {
    await this.page.waitForFunction(() => window.__app && window.__app.inputPending === 0, null, { timeout });
  }

  // Points at the widget, lets the app see the hover (as a person's mouse
  // would: some ImGui widgets take a click only once hovered), looks again in
  // case the layout moved (a change can shift it for a frame), then clicks.
  async click(label) {
    await this.settle();
    // Aims at the middle of the part not clipped by its window (a widget at a
    // scrolled edge is only partly on screen).
    let r = (await this.widget(label)).shown;
    for (let look = 0; look < 10; ++look) {
      await this.page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
      await this.frames(2);
      const now = (await this.widget(label)).shown;
      if (now.x === r.x && now.y === r.y && now.w === r.w && now.h === r.h) break;
      r = now;
    }
    await this.page.mouse.down();
    await this.page.mouse.up();
  }

  // Taps the widget with a finger (a page opened with hasTouch): at the
  // middle of its shown part, once the layout holds still.
  async tap(label) {
    await this.settle();
    let r = (await this.widget(label)).shown;
    for (let look = 0; look < 10; ++look) {
      await this.frames(2);
      const now = (await this.widget(label)).shown;
      if (now.x === r.x && now.y === r.y && now.w === r.w && now.h === r.h) break;
      r = now;
    }
    await this.page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
  }

  // Clicks a text field, selects all and types `text` like a person.
  async fill(label, text) {
    await this.click(label);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
    await this.settle(15000 + 250 * [...text].length);
  }

  // Clicks a text field, selects all and puts `text` in at once, as an input
  // method or dictation does (no key per character: quicker than fill).
  async enter(label, text) {
    await this.click(label);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.insertText(text);
    await this.settle();
  }

  // Waits until the system clipboard holds text `accept` takes (writing to it
  // is asynchronous in the page); returns that text.
  async clipboardText(accept, what, timeout = 10000) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      last = await this.page.evaluate(() => navigator.clipboard.readText());
      if (accept(last)) return last;
      await this.frames(2);
    }
    throw new Error(`timed out waiting for ${what} on the clipboard; it holds: ${last}`);
  }

  // Waits for `count` animation frames: the app draws one per frame and takes input once per frame.
  async frames(count = 3) {
    await this.page.evaluate((n) => new Promise((resolve) => {
      const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
      step(n);
    }), count);
  }

  // The node of the accessibility layer that has the keyboard: {role, name, key}, or null.
  async focused() {
    return this.page.evaluate(() => {
      const e = document.activeElement;
      if (!e || !e.dataset || !e.dataset.id) return null;
      const role = e.getAttribute('role') || (e.tagName === 'INPUT' || e.tagName === 'TEXTAREA' ? 'textbox' : '');
      return { role, name: e.getAttribute('aria-label') || e.textContent, key: e.dataset.key };
    });
  }

  // Presses Tab (Shift+Tab with `back`) until the keyboard is on the node
  // named (or keyed) `name`, as a keyboard user looks for the focus ring;
  // returns that node. At most `limit` presses.
  async tabTo(name, { role, back = false, limit = 250 } = {}) {
    const seen = [];
    for (let i = 0; i < limit; ++i) {
      await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const now = await this.focused();
      if (now && (now.name === name || now.key === name) && (!role || now.role === role)) return now;
      seen.push(now ? `${now.role}:${now.name}` : '(outside the app)');
    }
    throw new Error(`Tab never reached ${role ?? ''} "${name}"; it went through: ${seen.join(' | ')}`);
  }

  // Shows the raw JSON editor of the event (the request panel opens on the form).
  async showJsonEditor() {
    if ((await this.snapshot()).request.view === 'json') return;
    await this.click('View JSON');
    await this.waitFor((s) => s.request.view === 'json', 'the JSON view');
  }

  // Waits until `predicate(snapshot)` is true; returns that snapshot.
  async waitFor(predicate, what, timeout = 15000) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      last = await this.snapshot();
      if (predicate(last)) return last;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`timed out waiting for ${what}; last snapshot: ${JSON.stringify(last).slice(0, 2000)}`);
  }

  async screenshot(name) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    await this.page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
  }
}

// One local stack and one browser for all the tests of a file (call it at the
// file's top level): started before the first test, stopped after the last.
// `newContext` opens a fresh browser context with the file's defaults;
// `openApp` opens the app in one (optionally at `url`, with clipboard access,
// or with the raw JSON editor shown).
export function useAppSession({ viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, prepare } = {}) {
  const session = {
    stack: undefined,
    chrome: undefined,
    newContext(options = {}) {
      return session.chrome.browser.newContext({ viewport, deviceScaleFactor, ...options });
    },
    async openApp({ url, clipboard = false, json = false, ...options } = {}) {
      const context = await session.newContext(options);
      if (clipboard) {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(session.stack.site).origin });
      }
      const app = await AppPage.open(context, url ?? session.stack.site);
      if (json) await app.showJsonEditor();
      return { context, app };
    },
  };
  before(async () => {
    session.stack = await startStack();
    session.chrome = await launchBrowser();
    if (prepare) await prepare(session);
  });
  after(async () => {
    await session.chrome?.close();
    await session.stack?.stop();
  });
  return session;
}
