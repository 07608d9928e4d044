// Page errors seen from inside the page, for engines whose driver reports no
// console messages (WebKit's WebDriver has no BiDi): a script that runs before
// the app's own and keeps console.error calls, uncaught errors and unhandled
// promise rejections in window.__pageErrors, and a small proxy that puts that
// script at the top of every HTML page it serves.
import http from 'node:http';

// Runs in the page before anything else; idempotent.
export const COLLECT_PAGE_ERRORS = `(() => {
  if (window.__pageErrors) return;
  const errors = (window.__pageErrors = []);
  // WebKit's stack has the frames only: the message goes first.
  const text = (value) => (value instanceof Error ? String(value) + (value.stack ? '\\n' + value.stack : '') : String(value));
  const original = console.error;
  console.error = function (...args) {
    errors.push(args.map(text).join(' '));
    return original.apply(this, args);
  };
  window.addEventListener('error', (e) => errors.push(e.error ? text(e.error) : e.message + ' (' + e.filename + ':' + e.lineno + ')'));
  window.addEventListener('unhandledrejection', (e) => errors.push('Unhandled rejection: ' + text(e.reason)));
})();`;

// Puts the collector first in <head>.
function inject(html) {
  const tag = `<script>${COLLECT_PAGE_ERRORS}</script>`;
  const head = html.match(/<head[^>]*>/i);
  return head ? html.replace(head[0], head[0] + tag) : tag + html;
}

// A proxy on 127.0.0.1 in front of `origin` (the local site): everything is
// passed through as it is, except HTML pages, which get the collector.
// Resolves with {origin, stop()}.
export async function startInjectingProxy(origin) {
  const target = new URL(origin);
  const server = http.createServer((request, response) => {
    const headers = { ...request.headers, host: target.host, 'accept-encoding': 'identity' };
    const upstream = http.request({ host: target.hostname, port: target.port, method: request.method, path: request.url, headers },
      (answer) => {
        const type = answer.headers['content-type'] || '';
        if (!type.startsWith('text/html')) {
          response.writeHead(answer.statusCode, answer.headers);
          answer.pipe(response);
          return;
        }
        const chunks = [];
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.from(inject(Buffer.concat(chunks).toString('utf8')), 'utf8');
          const outHeaders = { ...answer.headers, 'content-length': String(body.length) };
          delete outHeaders['transfer-encoding'];
          response.writeHead(answer.statusCode, outHeaders).end(body);
        });
      });
    upstream.on('error', (error) => { response.writeHead(502).end(String(error)); });
    request.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
