// Browser implementation of platform.hpp (Emscripten).
#include "platform/platform.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <map>

#include <nlohmann/json.hpp>

namespace {

std::map<platform::RequestId, platform::ResponseHandler>& pending() {
  static std::map<platform::RequestId, platform::ResponseHandler> handlers;
  return handlers;
}

core::HeaderList parse_headers(const char* json_text) {
  core::HeaderList headers;
  const auto object = nlohmann::json::parse(json_text, nullptr, false);
  if (!object.is_object()) return headers;
  for (const auto& [name, value] : object.items()) {
    if (value.is_string()) headers.emplace_back(name, value.get<std::string>());
  }
  return headers;
}

}  // namespace

// Hands strings to C++ on the heap (a large body would overflow the stack).
EM_JS(void, js_http_send, (int id, const char* method, const char* url, const char* headers_json,
                           const char* body, int timeout_ms), {
  const toHeap = (s) => { const n = lengthBytesUTF8(s) + 1; const p = _malloc(n); stringToUTF8(s, p, n); return p; };
  const finish = (status, headers, text, error, started) => {
    delete Module.httpRequests[id];
    _platform_http_done(id, status, toHeap(JSON.stringify(headers)), toHeap(text), toHeap(error),
                        performance.now() - started);
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
  fetch(UTF8ToString(url), init)
    .then((response) => response.text().then((text) => {
      clearTimeout(timer);
      const headers = {};
      response.headers.forEach((value, name) => { headers[name] = value; });
      finish(response.status, headers, text, "", started);
    }))
    .catch((error) => {
      clearTimeout(timer);
      const reason = entry.reason === "timeout" ? "timeout"
                   : entry.reason === "cancel" ? "cancelled"
                   : "network: " + (error && error.message ? error.message : String(error));
      finish(0, {}, "", reason, started);
    });
});

EM_JS(void, js_http_cancel, (int id), {
  const entry = Module.httpRequests && Module.httpRequests[id];
  if (entry) { entry.reason = "cancel"; entry.controller.abort(); }
});

EM_JS(char*, js_default_endpoint, (), {
  const fromConfig = Module.appConfig && Module.appConfig.endpoint;
  const local = ["127.0.0.1", "localhost", "[::1]"].includes(location.hostname);
  const value = fromConfig || (local ? "http://127.0.0.1:3000/prod/DynamoDBManager" : "");
  const n = lengthBytesUTF8(value) + 1; const p = _malloc(n); stringToUTF8(value, p, n); return p;
});

EM_JS(int, js_css_width, (), { return Math.max(1, Math.round(Module.canvas.getBoundingClientRect().width)); });
EM_JS(int, js_css_height, (), { return Math.max(1, Math.round(Module.canvas.getBoundingClientRect().height)); });
EM_JS(double, js_pixel_ratio, (), { return window.devicePixelRatio || 1; });

EM_JS(void, js_set_cursor, (const char* name), { Module.canvas.style.cursor = UTF8ToString(name); });

EM_JS(void, js_publish_app_state, (const char* json), {
  window.__app = JSON.parse(UTF8ToString(json));
  if (window.__app.ready && Module.onAppReady) { Module.onAppReady(); Module.onAppReady = null; }
});

extern "C" EMSCRIPTEN_KEEPALIVE void platform_http_done(int id, int status, char* headers, char* body,
                                                        char* error, double elapsed_ms) {
  core::HttpResponse response;
  response.status = status;
  response.headers = parse_headers(headers);
  response.body = body;
  response.transport_error = error;
  response.elapsed_ms = elapsed_ms;
  std::free(headers);
  std::free(body);
  std::free(error);
  auto node = pending().extract(id);
  if (!node.empty()) node.mapped()(response);
}

namespace platform {

RequestId http_send(const core::HttpRequest& request, int timeout_ms, ResponseHandler on_done) {
  static RequestId next_id = 1;
  const RequestId id = next_id++;
  pending()[id] = std::move(on_done);
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& [name, value] : request.headers) headers[name] = value;
  js_http_send(id, request.method.c_str(), request.url.c_str(), headers.dump().c_str(), request.body.c_str(),
               timeout_ms);
  return id;
}

void http_cancel(RequestId id) { js_http_cancel(id); }

std::string default_endpoint() {
  char* value = js_default_endpoint();
  std::string result(value);
  std::free(value);
  return result;
}

Viewport viewport() {
  return {js_css_width(), js_css_height(), static_cast<float>(js_pixel_ratio())};
}

void resize_canvas(int width, int height) { emscripten_set_canvas_element_size("#canvas", width, height); }

void set_cursor(const char* css_name) { js_set_cursor(css_name); }

void publish_app_state(const std::string& json) { js_publish_app_state(json.c_str()); }

}  // namespace platform
