// Browser implementation of platform.hpp (Emscripten). The page's side is
// JavaScript in src/platform/web/*.js, linked as Emscripten JS libraries
// (--js-library): the js_* functions below, one file per concern. Strings
// cross into C++ on the heap (stringToNewUTF8; a large body would overflow
// the stack) and are freed here; lengths travel with them, so text holding
// NUL survives. The page calls back through the platform_* functions.
#include "platform/platform.hpp"

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <utility>

#include "core/json_value.hpp"

// The page's side, in src/platform/web/ (one file per concern). Strings
// returned (char*) are malloc'ed there: take_string frees them.
extern "C" {
// http.js
void js_http_send(int id, const char* method, const char* url, const char* headers_json, const char* body,
                  int timeout_ms);
void js_http_cancel(int id);
void js_fetch_static_file(int id, const char* path);
char* js_default_endpoint();
char* js_site_config_json();
// page.js
int js_css_width();
int js_css_height();
double js_pixel_ratio();
void js_set_cursor(const char* name);
void js_serve_app_state();
void js_frame_drawn(int frame);
void js_publish_frame_time(double ms, double a11y_ms);
void js_mark_timeline(const char* name);
void js_set_page_title(const char* title);
int js_prefers_dark();
void js_set_page_theme(int dark, const char* background);
int js_is_apple();
char* js_page_origin();
char* js_page_url();
char* js_query_parameter(const char* name);
char* js_url_fragment();
void js_replace_url_fragment(const char* fragment);
void js_watch_fragment();
void js_watch_page_hidden();
// input.js
void js_start(int apple);
int js_coarse_pointer();
void js_start_gestures();
void js_start_touch();
void js_set_text_input_area(int active, float x, float y, float height);
void js_copy_to_clipboard(const char* text);
// accessibility.js
void js_start_accessibility();
void js_update_accessibility(const char* changes_text, int focus_id);
// storage.js
char* js_storage_get(const char* key, int* length);
int js_storage_set(const char* key, const char* value);  // 0 saved, 1 full, 2 unavailable (StorageResult)
char* js_storage_keys(const char* prefix);               // a JSON array
void js_storage_remove(const char* key);
void js_watch_storage();
// files.js
void js_open_text_file(int id, const char* accept, double max_bytes);  // status codes as FileStatus
void js_download_text_file(const char* name, const char* mime, const char* text);
void js_download_begin(int id, const char* name, const char* mime);
void js_download_append(int id, const char* bytes, int length);
void js_download_end(int id, int save);
}  // extern "C"

namespace {

std::map<platform::RequestId, platform::ResponseHandler>& pending_requests() {
  static std::map<platform::RequestId, platform::ResponseHandler> handlers;
  return handlers;
}

std::map<int, std::function<void(const platform::OpenedFile&)>>& pending_files() {
  static std::map<int, std::function<void(const platform::OpenedFile&)>> handlers;
  return handlers;
}

std::map<int, std::function<void(platform::StaticFile&)>>& pending_static_files() {
  static std::map<int, std::function<void(platform::StaticFile&)>> handlers;
  return handlers;
}

struct AccessibilityHandlers {
  std::function<void(std::uint32_t)> on_focus;
  std::function<void(std::uint32_t)> on_press;
};

AccessibilityHandlers& accessibility_handlers() {
  static AccessibilityHandlers handlers;
  return handlers;
}

std::function<void()>& page_hidden_handler() {
  static std::function<void()> handler;
  return handler;
}

std::function<void()>& gesture_handler() {
  static std::function<void()> handler;
  return handler;
}

std::function<void(const platform::TouchEvent&)>& touch_handler() {
  static std::function<void(const platform::TouchEvent&)> handler;
  return handler;
}

std::optional<platform::Pinch>& pending_pinch() {
  static std::optional<platform::Pinch> pinch;
  return pinch;
}

std::function<void(const char*, std::uint32_t)>& text_handler() {
  static std::function<void(const char*, std::uint32_t)> handler;
  return handler;
}

bool& activity() {
  static bool happened = true;
  return happened;
}

std::string& clipboard() {
  static std::string text;
  return text;
}

std::function<std::string()>& app_state_builder() {
  static std::function<std::string()> build;
  return build;
}

std::vector<std::string>& storage_changes() {
  static std::vector<std::string> keys;
  return keys;
}

std::optional<std::string>& fragment_change() {
  static std::optional<std::string> fragment;
  return fragment;
}

core::HeaderList parse_headers(const char* json_text) {
  core::HeaderList headers;
  const auto parsed = core::parse_json(json_text);
  if (!parsed || !parsed.value->is_object()) return headers;
  for (const auto& [name, value] : parsed.value->object) {
    if (value.is_string()) headers.emplace_back(name, value.text);
  }
  return headers;
}

// Takes ownership of a string allocated by stringToNewUTF8 (malloc).
std::string take_string(char* text, std::size_t length) {
  std::string out(text, length);
  std::free(text);
  return out;
}

std::string take_string(char* text) { return take_string(text, std::char_traits<char>::length(text)); }

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void platform_wake() { activity() = true; }

// The text stays valid until the next call (window.__app parses it at once).
EMSCRIPTEN_KEEPALIVE const char* platform_app_state() {
  static std::string text;
  text = app_state_builder() ? app_state_builder()() : std::string("null");
  return text.c_str();
}

EMSCRIPTEN_KEEPALIVE void platform_http_done(int id, int status, char* headers, char* body, int body_length,
                                             char* error, double elapsed_ms, int reachable) {
  core::HttpResponse response;
  response.status = status;
  response.headers = parse_headers(headers);
  std::free(headers);
  response.body = take_string(body, static_cast<std::size_t>(body_length));
  // The page reports a failure as "timeout", "cancelled" or "network: <the browser's message>".
  response.transport_error = core::transport_error_from_text(take_string(error));
  response.elapsed_ms = elapsed_ms;
  response.server_reachable = reachable != 0;
  activity() = true;
  auto node = pending_requests().extract(id);
  if (!node.empty()) node.mapped()(std::move(response));
}

EMSCRIPTEN_KEEPALIVE void platform_static_file_done(int id, int status, unsigned char* bytes, int length) {
  platform::StaticFile file;
  file.status = status;
  if (bytes != nullptr) file.bytes.assign(bytes, bytes + length);
  std::free(bytes);
  activity() = true;
  auto node = pending_static_files().extract(id);
  if (!node.empty()) node.mapped()(file);
}

EMSCRIPTEN_KEEPALIVE void platform_touch(int kind, double x, double y, double dx, double dy, double seconds) {
  activity() = true;
  if (!touch_handler()) return;
  touch_handler()({.kind = static_cast<platform::TouchKind>(kind),
                   .x = static_cast<float>(x),
                   .y = static_cast<float>(y),
                   .dx = static_cast<float>(dx),
                   .dy = static_cast<float>(dy),
                   .seconds = static_cast<float>(seconds)});
}

// Inside the page's visibilitychange (to hidden) or pagehide event: what is
// written to storage now is there when the page comes back.
EMSCRIPTEN_KEEPALIVE void platform_page_hidden() {
  if (page_hidden_handler()) page_hidden_handler()();
}

EMSCRIPTEN_KEEPALIVE void platform_gesture() {
  activity() = true;
  if (gesture_handler()) gesture_handler()();
}

EMSCRIPTEN_KEEPALIVE void platform_pinch(double start_distance, double end_distance) {
  activity() = true;
  pending_pinch() = platform::Pinch{static_cast<float>(start_distance), static_cast<float>(end_distance)};
}

EMSCRIPTEN_KEEPALIVE void platform_text_input(char* text, double node) {
  if (text_handler()) text_handler()(text, static_cast<std::uint32_t>(node));
  std::free(text);
}

EMSCRIPTEN_KEEPALIVE void platform_a11y_focus(double id) {
  activity() = true;
  if (accessibility_handlers().on_focus) accessibility_handlers().on_focus(static_cast<std::uint32_t>(id));
}

EMSCRIPTEN_KEEPALIVE void platform_a11y_press(double id) {
  activity() = true;
  if (accessibility_handlers().on_press) accessibility_handlers().on_press(static_cast<std::uint32_t>(id));
}

EMSCRIPTEN_KEEPALIVE void platform_clipboard_pasted(char* text, int length) {
  clipboard() = take_string(text, static_cast<std::size_t>(length));
}

EMSCRIPTEN_KEEPALIVE void platform_fragment_changed(char* fragment) {
  activity() = true;
  fragment_change() = take_string(fragment);
}

EMSCRIPTEN_KEEPALIVE void platform_storage_changed(char* key) {
  activity() = true;
  std::string changed = take_string(key);
  auto& keys = storage_changes();
  if (std::find(keys.begin(), keys.end(), changed) == keys.end()) keys.push_back(std::move(changed));
}

EMSCRIPTEN_KEEPALIVE void platform_file_opened(int id, int status, char* name, char* text, int text_length,
                                               double size) {
  platform::OpenedFile file;
  file.status = static_cast<platform::FileStatus>(status);
  file.name = take_string(name);
  file.text = take_string(text, static_cast<std::size_t>(text_length));
  file.size_bytes = static_cast<std::uint64_t>(size);
  activity() = true;
  auto node = pending_files().extract(id);
  if (!node.empty()) node.mapped()(file);
}

}  // extern "C"

namespace platform {

void start(std::function<void(const char* utf8, std::uint32_t node)> on_text) {
  text_handler() = std::move(on_text);
  js_start(is_apple() ? 1 : 0);
  js_watch_storage();
  js_watch_fragment();
}

double now_ms() { return emscripten_get_now(); }

void on_page_hidden(std::function<void()> flush) {
  const bool first = !page_hidden_handler();
  page_hidden_handler() = std::move(flush);
  if (first) js_watch_page_hidden();
}

void start_accessibility(std::function<void(std::uint32_t id)> on_focus,
                         std::function<void(std::uint32_t id)> on_press) {
  accessibility_handlers() = {std::move(on_focus), std::move(on_press)};
  js_start_accessibility();
}

void update_accessibility(const std::string& changes_json, std::uint32_t focus_id) {
  js_update_accessibility(changes_json.c_str(), static_cast<int>(focus_id));
}

bool coarse_pointer() { return js_coarse_pointer() != 0; }

void on_user_gesture(std::function<void()> on_gesture) {
  gesture_handler() = std::move(on_gesture);
  js_start_gestures();
}

void start_touch(std::function<void(const TouchEvent&)> on_touch) {
  touch_handler() = std::move(on_touch);
  js_start_touch();
}

std::optional<Pinch> take_pinch() { return std::exchange(pending_pinch(), std::nullopt); }

bool take_activity() { return std::exchange(activity(), false); }

RequestId http_send(const core::HttpRequest& request, int timeout_ms, ResponseHandler on_done) {
  static RequestId next_id = 1;
  const RequestId id = next_id++;
  pending_requests()[id] = std::move(on_done);
  core::JsonValue headers = core::JsonValue::make_object();
  for (const auto& [name, value] : request.headers) headers.set(name, core::JsonValue::string(value));
  js_http_send(id, request.method.c_str(), request.url.c_str(), core::to_json_text(headers).c_str(),
               request.body.c_str(), timeout_ms);
  return id;
}

void http_cancel(RequestId id) { js_http_cancel(id); }

void fetch_static_file(const std::string& path, std::function<void(StaticFile&)> on_done) {
  static int next_id = 1;
  const int id = next_id++;
  pending_static_files()[id] = std::move(on_done);
  js_fetch_static_file(id, path.c_str());
}

int max_texture_size() {
  static const int side = [] {
    GLint size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &size);
    return size > 0 ? static_cast<int>(size) : 2048;  // WebGL2 guarantees at least 2048
  }();
  return side;
}

std::string default_endpoint() { return take_string(js_default_endpoint()); }

std::string site_config_json() { return take_string(js_site_config_json()); }

Viewport viewport() { return {js_css_width(), js_css_height(), static_cast<float>(js_pixel_ratio())}; }

void resize_canvas(int width, int height) { emscripten_set_canvas_element_size("#canvas", width, height); }

void set_cursor(const char* css_name) { js_set_cursor(css_name); }

void serve_app_state(std::function<std::string()> build) {
  app_state_builder() = std::move(build);
  js_serve_app_state();
}

void frame_drawn(long frame) { js_frame_drawn(static_cast<int>(frame)); }

void set_page_title(const std::string& title) { js_set_page_title(title.c_str()); }

std::string page_origin() { return take_string(js_page_origin()); }

std::string page_url() { return take_string(js_page_url()); }

void publish_frame_time(double milliseconds, double accessibility_milliseconds) {
  js_publish_frame_time(milliseconds, accessibility_milliseconds);
}

void mark_timeline(const char* name) { js_mark_timeline(name); }

bool prefers_dark_color_scheme() { return js_prefers_dark() != 0; }

void set_page_theme(bool dark, const std::string& background_css) {
  js_set_page_theme(dark ? 1 : 0, background_css.c_str());
}

bool is_apple() {
  static const bool apple = js_is_apple() != 0;
  return apple;
}

void set_text_input_area(bool active, float css_x, float css_y, float css_line_height) {
  js_set_text_input_area(active ? 1 : 0, css_x, css_y, css_line_height);
}

void copy_to_clipboard(const std::string& text) {
  clipboard() = text;
  js_copy_to_clipboard(text.c_str());
}

const std::string& clipboard_text() { return clipboard(); }

std::optional<std::string> storage_get(const std::string& key) {
  int length = 0;
  char* value = js_storage_get(key.c_str(), &length);
  if (value == nullptr) return std::nullopt;
  return take_string(value, static_cast<std::size_t>(length));
}

StorageResult storage_set(const std::string& key, const std::string& value) {
  switch (js_storage_set(key.c_str(), value.c_str())) {
    case 0: return StorageResult::Saved;
    case 1: return StorageResult::Full;
    default: return StorageResult::Unavailable;
  }
}

std::vector<std::string> storage_keys(const std::string& prefix) {
  std::vector<std::string> keys;
  const auto parsed = core::parse_json(take_string(js_storage_keys(prefix.c_str())));
  if (!parsed || !parsed.value->is_array()) return keys;
  for (const auto& key : parsed.value->array) {
    if (key.is_string()) keys.push_back(key.text);
  }
  return keys;
}

std::vector<std::string> take_storage_changes() { return std::exchange(storage_changes(), {}); }

void storage_remove(const std::string& key) { js_storage_remove(key.c_str()); }

std::string url_fragment() { return take_string(js_url_fragment()); }

std::string page_query_parameter(const std::string& name) { return take_string(js_query_parameter(name.c_str())); }

void replace_url_fragment(const std::string& fragment) { js_replace_url_fragment(fragment.c_str()); }

std::optional<std::string> take_url_fragment_change() { return std::exchange(fragment_change(), std::nullopt); }

void open_text_file(const std::string& accept, std::uint64_t max_bytes,
                    std::function<void(const OpenedFile&)> on_done) {
  static int next_id = 1;
  const int id = next_id++;
  pending_files()[id] = std::move(on_done);
  js_open_text_file(id, accept.c_str(), static_cast<double>(max_bytes));
}

void download_text_file(const std::string& file_name, const std::string& mime_type, const std::string& text) {
  js_download_text_file(file_name.c_str(), mime_type.c_str(), text.c_str());
}

DownloadId download_begin(const std::string& file_name, const std::string& mime_type) {
  static DownloadId next_id = 1;
  const DownloadId id = next_id++;
  js_download_begin(id, file_name.c_str(), mime_type.c_str());
  return id;
}

void download_append(DownloadId id, std::string_view bytes) {
  js_download_append(id, bytes.data(), static_cast<int>(bytes.size()));
}

void download_finish(DownloadId id) { js_download_end(id, 1); }

void download_abort(DownloadId id) { js_download_end(id, 0); }

}  // namespace platform
