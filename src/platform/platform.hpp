// The one interface to the browser. platform_web.cpp implements it with
// Emscripten (fetch, location, devicePixelRatio, window globals for tests);
// callers never use #ifdef.
#pragma once

#include <functional>
#include <string>

#include "core/http.hpp"

namespace platform {

using RequestId = int;
using ResponseHandler = std::function<void(const core::HttpResponse&)>;

// Sends asynchronously; `on_done` runs later, on the main loop, exactly once
// (with a transport_error on failure, timeout or cancel).
RequestId http_send(const core::HttpRequest& request, int timeout_ms, ResponseHandler on_done);
void http_cancel(RequestId id);

// The endpoint a fresh page should use: the `endpoint` of config.json next to
// the page when it exists, otherwise the local API when the page is served
// from this machine, otherwise empty.
std::string default_endpoint();

// Size of the page's drawing area in CSS pixels and the device pixel ratio.
struct Viewport {
  int css_width = 0;
  int css_height = 0;
  float pixel_ratio = 1;
};
Viewport viewport();

// Makes the canvas backing store `width` x `height` device pixels.
void resize_canvas(int width, int height);

// Sets the mouse cursor over the canvas, by CSS name ("default", "text", ...).
void set_cursor(const char* css_name);

// For browser tests and the loading screen: replaces window.__app with this
// JSON document ({"ready", "widgets", "snapshot", ...}).
void publish_app_state(const std::string& json);

}  // namespace platform
