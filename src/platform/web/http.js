// The page's side of platform.hpp's HTTP and site files: fetch for the API
// (with a CORS-free probe after a network failure), files of the site itself
// (the font pages) and what config.json next to the page says.
// An Emscripten JS library (--js-library): each entry is a C function
// declared extern "C" in platform_web.cpp. Strings go to C++ on the heap
// (stringToNewUTF8) and C++ frees them; lengths travel with them, so text
// holding NUL survives.
mergeInto(LibraryManager.library, {
  // A network failure gets a second, CORS-free GET of the same URL: its opaque
  // answer proves the server is up even though the browser hid the first one.
  // A GET, so that a probe never repeats the operation.
  js_http_send__deps: ["$stringToNewUTF8"],
  js_http_send: function (id, method, url, headers_json, body, timeout_ms) {
    const target = UTF8ToString(url);
    const finish = (status, headers, text, error, elapsed, reachable) => {
      delete Module.httpRequests[id];
      _platform_http_done(id, status, stringToNewUTF8(JSON.stringify(headers)), stringToNewUTF8(text),
                          lengthBytesUTF8(text), stringToNewUTF8(error), elapsed, reachable ? 1 : 0);
    };
    const probe = () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 5000);
      return fetch(target, { method: "GET", mode: "no-cors", cache: "no-store", credentials: "omit",
                             signal: controller.signal })
        .then(() => true, () => false)
        .finally(() => clearTimeout(timer));
    };
    Module.httpRequests = Module.httpRequests || {};
    const controller = new AbortController();
    const entry = { controller: controller, reason: "" };
    Module.httpRequests[id] = entry;
    const started = performance.now();
    const timer = timeout_ms > 0 ? setTimeout(() => { entry.reason = "timeout"; controller.abort(); }, timeout_ms) : 0;
    const init = { method: UTF8ToString(method), headers: JSON.parse(UTF8ToString(headers_json)),
                   signal: controller.signal, mode: "cors", cache: "no-store" };
    if (init.method !== "GET") init.body = UTF8ToString(body);
    fetch(target, init)
      .then((response) => response.text().then((text) => {
        clearTimeout(timer);
        const headers = {};
        response.headers.forEach((value, name) => { headers[name] = value; });
        finish(response.status, headers, text, "", performance.now() - started, true);
      }))
      .catch((error) => {
        clearTimeout(timer);
        const elapsed = performance.now() - started;
        if (entry.reason) {
          finish(0, {}, "", entry.reason === "timeout" ? "timeout" : "cancelled", elapsed, false);
          return;
        }
        const reason = "network: " + (error && error.message ? error.message : String(error));
        probe().then((reachable) => finish(0, {}, "", entry.reason === "cancel" ? "cancelled" : reason, elapsed,
                                           reachable));
      });
  },

  js_http_cancel: function (id) {
    const entry = Module.httpRequests && Module.httpRequests[id];
    if (entry) { entry.reason = "cancel"; entry.controller.abort(); }
  },

  // The bytes are copied into the wasm heap (freed by platform_static_file_done).
  js_fetch_static_file__deps: ["malloc"],
  js_fetch_static_file: function (id, path) {
    const done = (status, bytes) => {
      let pointer = 0;
      if (bytes && bytes.length) {
        pointer = _malloc(bytes.length);
        HEAPU8.set(bytes, pointer);
      }
      _platform_static_file_done(id, status, pointer, bytes ? bytes.length : 0);
    };
    fetch(UTF8ToString(path), { credentials: "same-origin" })
      .then((response) => response.ok ? response.arrayBuffer().then((buffer) => done(response.status, new Uint8Array(buffer)))
                                      : done(response.status, null))
      .catch(() => done(0, null));
  },

  js_default_endpoint__deps: ["$stringToNewUTF8"],
  js_default_endpoint: function () {
    const fromConfig = Module.appConfig && Module.appConfig.endpoint;
    const local = ["127.0.0.1", "localhost", "[::1]"].includes(location.hostname);
    return stringToNewUTF8(fromConfig || (local ? "http://127.0.0.1:3000/prod/DynamoDBManager" : ""));
  },

  js_site_config_json__deps: ["$stringToNewUTF8"],
  js_site_config_json: function () { return stringToNewUTF8(JSON.stringify(Module.appConfig || {})); },
});
