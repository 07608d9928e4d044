// platform.hpp in memory, for the native app tests (platform_fake.hpp says
// what a test can see and do). One fake page per process, reset by the tests.
#include "platform/platform_fake.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <utility>

namespace platform {
namespace {

struct PendingFile {
  fake::FilePicker picker;
  std::function<void(const OpenedFile&)> on_done;
};

struct Page {
  // the page
  Viewport viewport{1280, 800, 1};
  bool coarse = false;
  bool prefers_dark = false;
  std::string default_endpoint = "http://127.0.0.1:3000/prod/DynamoDBManager";
  std::string site_config = "{}";
  std::map<std::string, std::string> query;
  int max_texture = 4096;
  std::vector<std::string> titles;
  std::optional<fake::PageTheme> theme;
  std::vector<std::string> marks;
  std::function<std::string()> app_state;
  std::string cursor = "default";
  bool activity = false;

  // input
  std::function<void(const char*, std::uint32_t)> on_text;
  std::function<void(const TouchEvent&)> on_touch;
  std::function<void()> on_gesture;
  std::optional<Pinch> pinch;
  std::function<void(std::uint32_t)> on_focus;
  std::function<void(std::uint32_t)> on_press;
  std::string accessibility_changes;
  int accessibility_updates = 0;
  fake::TextInputArea input_area;

  // time and what waits for run_pending
  double now_ms = 0;
  std::deque<std::function<void()>> queue;
  std::function<void()> on_hidden;

  // HTTP
  RequestId next_request = 1;
  std::vector<fake::SentRequest> requests;
  std::map<RequestId, ResponseHandler> handlers;
  std::vector<RequestId> cancels;

  // static files
  std::map<std::string, StaticFile> static_files;
  std::vector<std::string> static_fetches;

  // clipboard
  std::vector<std::string> clipboard_writes;
  std::string clipboard;

  // URL fragment
  std::string fragment;
  std::optional<std::string> fragment_change;
  std::vector<std::string> fragment_replacements;

  // files
  std::optional<PendingFile> file;
  std::vector<fake::Download> downloads;
  std::map<DownloadId, std::size_t> open_downloads;  // id -> downloads index
  DownloadId next_download = 1;
};

// Survives a reload.
struct Browser {
  std::map<std::string, std::string> storage;
  std::size_t quota = 0;
  bool unavailable = false;
  std::vector<std::string> storage_changes;
};

Page& page() {
  static Page p;
  return p;
}

Browser& browser() {
  static Browser b;
  return b;
}

fake::SentRequest& sent(RequestId id) {
  for (auto& request : page().requests) {
    if (request.id == id) return request;
  }
  throw std::logic_error("no request " + std::to_string(id) + " was sent");
}

// Queues the one delivery of request `id`'s callback.
void settle(RequestId id, core::HttpResponse response) {
  fake::SentRequest& request = sent(id);
  if (request.settled)
    throw std::logic_error("request " + std::to_string(id) + " was already answered, failed or cancelled");
  request.settled = true;
  response.elapsed_ms = page().now_ms - request.sent_at_ms;
  page().queue.emplace_back([id, response = std::move(response)]() mutable {
    Page& p = page();
    p.activity = true;
    auto node = p.handlers.extract(id);
    if (!node.empty()) node.mapped()(std::move(response));
  });
}

core::HttpResponse failure(core::TransportFailure kind, std::string detail = {}) {
  core::HttpResponse response;
  response.transport_error = {kind, kind == core::TransportFailure::Network ? std::move(detail) : std::string()};
  return response;
}

std::size_t stored_bytes(const std::map<std::string, std::string>& storage) {
  std::size_t total = 0;
  for (const auto& [key, value] : storage) total += key.size() + value.size();
  return total;
}

}  // namespace

// ---- platform.hpp ---------------------------------------------------------

void start(std::function<void(const char* utf8, std::uint32_t node)> on_text) { page().on_text = std::move(on_text); }

bool take_activity() { return std::exchange(page().activity, false); }

double now_ms() { return page().now_ms; }

void on_page_hidden(std::function<void()> flush) { page().on_hidden = std::move(flush); }

RequestId http_send(const core::HttpRequest& request, int timeout_ms, ResponseHandler on_done) {
  Page& p = page();
  const RequestId id = p.next_request++;
  p.requests.push_back({.id = id, .request = request, .timeout_ms = timeout_ms, .sent_at_ms = p.now_ms});
  p.handlers[id] = std::move(on_done);
  return id;
}

void http_cancel(RequestId id) {
  Page& p = page();
  p.cancels.push_back(id);
  for (auto& request : p.requests) {
    if (request.id != id || request.settled) continue;
    request.cancelled = true;
    settle(id, failure(core::TransportFailure::Cancelled));
  }
}

std::string default_endpoint() { return page().default_endpoint; }

std::string site_config_json() { return page().site_config; }

void fetch_static_file(const std::string& path, std::function<void(StaticFile&)> on_done) {
  Page& p = page();
  p.static_fetches.push_back(path);
  const auto found = p.static_files.find(path);
  StaticFile file = found == p.static_files.end() ? StaticFile{404, {}} : found->second;
  p.queue.emplace_back([file = std::move(file), on_done = std::move(on_done)]() mutable {
    page().activity = true;
    on_done(file);
  });
}

Viewport viewport() { return page().viewport; }

void resize_canvas(int, int) {}

int max_texture_size() { return page().max_texture; }

void set_cursor(const char* css_name) { page().cursor = css_name; }

void serve_app_state(std::function<std::string()> build) { page().app_state = std::move(build); }

void frame_drawn(long) {}

void publish_frame_time(double, double) {}

void mark_timeline(const char* name) { page().marks.emplace_back(name); }

void set_page_title(const std::string& title) { page().titles.push_back(title); }

std::string page_origin() { return "http://127.0.0.1:8080"; }

std::string page_url() { return "http://127.0.0.1:8080/"; }

std::string page_query_parameter(const std::string& name) {
  const auto found = page().query.find(name);
  return found == page().query.end() ? std::string() : found->second;
}

bool prefers_dark_color_scheme() { return page().prefers_dark; }

void set_page_theme(bool dark, const std::string& background_css) {
  page().theme = fake::PageTheme{dark, background_css};
}

bool is_apple() { return false; }

bool coarse_pointer() { return page().coarse; }

void start_touch(std::function<void(const TouchEvent&)> on_touch) { page().on_touch = std::move(on_touch); }

void on_user_gesture(std::function<void()> on_gesture) { page().on_gesture = std::move(on_gesture); }

std::optional<Pinch> take_pinch() { return std::exchange(page().pinch, std::nullopt); }

void start_accessibility(std::function<void(std::uint32_t id)> on_focus,
                         std::function<void(std::uint32_t id)> on_press) {
  page().on_focus = std::move(on_focus);
  page().on_press = std::move(on_press);
}

void update_accessibility(const std::string& changes_json, std::uint32_t) {
  Page& p = page();
  if (!changes_json.empty()) p.accessibility_changes = changes_json;
  ++p.accessibility_updates;
}

void set_text_input_area(bool active, float css_x, float css_y, float css_line_height) {
  page().input_area = {active, css_x, css_y, css_line_height};
}

void copy_to_clipboard(const std::string& text) {
  page().clipboard_writes.push_back(text);
  page().clipboard = text;
}

const std::string& clipboard_text() { return page().clipboard; }

std::optional<std::string> storage_get(const std::string& key) {
  const auto& storage = browser().storage;
  const auto found = storage.find(key);
  if (found == storage.end()) return std::nullopt;
  return found->second;
}

StorageResult storage_set(const std::string& key, const std::string& value) {
  Browser& b = browser();
  if (b.unavailable) return StorageResult::Unavailable;
  if (b.quota > 0) {
    auto after = b.storage;
    after[key] = value;
    if (stored_bytes(after) > b.quota) return StorageResult::Full;
  }
  b.storage[key] = value;
  return StorageResult::Saved;
}

void storage_remove(const std::string& key) { browser().storage.erase(key); }

std::vector<std::string> storage_keys(const std::string& prefix) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : browser().storage) {
    if (key.starts_with(prefix)) keys.push_back(key);
  }
  return keys;
}

std::vector<std::string> take_storage_changes() { return std::exchange(browser().storage_changes, {}); }

std::string url_fragment() { return page().fragment; }

void replace_url_fragment(const std::string& fragment) {
  page().fragment = fragment;
  page().fragment_replacements.push_back(fragment);
}

std::optional<std::string> take_url_fragment_change() { return std::exchange(page().fragment_change, std::nullopt); }

void open_text_file(const std::string& accept, std::uint64_t max_bytes,
                    std::function<void(const OpenedFile&)> on_done) {
  page().file = PendingFile{{accept, max_bytes}, std::move(on_done)};
}

void download_text_file(const std::string& file_name, const std::string& mime_type, const std::string& text) {
  page().downloads.push_back({file_name, mime_type, text, true, false});
}

DownloadId download_begin(const std::string& file_name, const std::string& mime_type) {
  Page& p = page();
  const DownloadId id = p.next_download++;
  p.open_downloads[id] = p.downloads.size();
  p.downloads.push_back({file_name, mime_type, "", false, false});
  return id;
}

void download_append(DownloadId id, std::string_view bytes) {
  Page& p = page();
  const auto found = p.open_downloads.find(id);
  if (found != p.open_downloads.end()) p.downloads[found->second].text.append(bytes);
}

void download_finish(DownloadId id) {
  Page& p = page();
  auto node = p.open_downloads.extract(id);
  if (!node.empty()) p.downloads[node.mapped()].finished = true;
}

void download_abort(DownloadId id) {
  Page& p = page();
  auto node = p.open_downloads.extract(id);
  if (!node.empty()) {
    p.downloads[node.mapped()].aborted = true;
    p.downloads[node.mapped()].text.clear();
  }
}

// ---- platform_fake.hpp ----------------------------------------------------

namespace fake {

void reset() {
  browser() = Browser{};
  page() = Page{};
}

void reload() {
  std::string fragment = page().fragment;
  page() = Page{};
  page().fragment = std::move(fragment);
  browser().storage_changes.clear();
}

int run_pending() {
  int ran = 0;
  // Only what is queued now: a callback that sends again waits for the next call.
  std::deque<std::function<void()>> now = std::exchange(page().queue, {});
  for (auto& callback : now) {
    callback();
    ++ran;
  }
  return ran;
}

double now_ms() { return page().now_ms; }

void hide_page() {
  if (page().on_hidden) page().on_hidden();
}

void advance_ms(double ms) {
  Page& p = page();
  p.now_ms += ms;
  for (const SentRequest& request : p.requests) {
    if (request.settled || request.timeout_ms <= 0) continue;
    if (p.now_ms - request.sent_at_ms >= request.timeout_ms)
      settle(request.id, failure(core::TransportFailure::Timeout));
  }
}

const std::vector<SentRequest>& requests() { return page().requests; }

const SentRequest& last_request() {
  if (page().requests.empty()) throw std::logic_error("no request was sent");
  return page().requests.back();
}

std::vector<RequestId> pending_requests() {
  std::vector<RequestId> ids;
  for (const SentRequest& request : page().requests) {
    if (!request.settled) ids.push_back(request.id);
  }
  return ids;
}

const std::vector<RequestId>& cancels() { return page().cancels; }

void respond(RequestId id, core::HttpResponse response) {
  response.transport_error = {};
  response.server_reachable = true;
  settle(id, std::move(response));
}

void respond(RequestId id, int status, const std::string& json_body) {
  core::HttpResponse response;
  response.status = status;
  response.headers = {{"content-type", "application/json"}, {"access-control-allow-origin", "*"}};
  response.body = json_body;
  respond(id, std::move(response));
}

void fail(RequestId id, core::TransportFailure kind, const std::string& detail, bool server_reachable) {
  if (kind == core::TransportFailure::None) throw std::logic_error("fail() needs a failure; respond() answers");
  core::HttpResponse response = failure(kind, detail);
  response.server_reachable = server_reachable;
  settle(id, std::move(response));
}

void serve_static_file(const std::string& path, StaticFile file) { page().static_files[path] = std::move(file); }

const std::vector<std::string>& static_fetches() { return page().static_fetches; }

void set_viewport(Viewport viewport) {
  page().viewport = viewport;
  page().activity = true;
}

void set_coarse_pointer(bool coarse) { page().coarse = coarse; }

void set_prefers_dark(bool dark) { page().prefers_dark = dark; }

void set_default_endpoint(const std::string& endpoint) { page().default_endpoint = endpoint; }

void set_site_config(const std::string& json) { page().site_config = json; }

void set_query_parameter(const std::string& name, const std::string& value) { page().query[name] = value; }

void set_max_texture_size(int side) { page().max_texture = side; }

const std::vector<std::string>& titles() { return page().titles; }

const std::optional<PageTheme>& page_theme() { return page().theme; }

const std::vector<std::string>& timeline_marks() { return page().marks; }

std::string app_state_text() { return page().app_state ? page().app_state() : std::string("null"); }

void type_text(const std::string& utf8, std::uint32_t node) {
  page().activity = true;
  if (page().on_text) page().on_text(utf8.c_str(), node);
}

void touch(const TouchEvent& event) {
  page().activity = true;
  if (page().on_touch) page().on_touch(event);
}

void pinch(float start_distance, float end_distance) {
  page().activity = true;
  page().pinch = Pinch{start_distance, end_distance};
}

void accessibility_focus(std::uint32_t id) {
  page().activity = true;
  if (page().on_focus) page().on_focus(id);
}

void accessibility_press(std::uint32_t id) {
  page().activity = true;
  if (page().on_press) page().on_press(id);
}

const std::string& accessibility_changes() { return page().accessibility_changes; }

int accessibility_updates() { return page().accessibility_updates; }

const TextInputArea& text_input_area() { return page().input_area; }

const std::vector<std::string>& clipboard_writes() { return page().clipboard_writes; }

void paste(const std::string& text) { page().clipboard = text; }

const std::map<std::string, std::string>& storage() { return browser().storage; }

void set_storage(const std::string& key, const std::string& value) { browser().storage[key] = value; }

void set_storage_quota(std::size_t bytes) { browser().quota = bytes; }

void set_storage_unavailable(bool unavailable) { browser().unavailable = unavailable; }

void other_tab_wrote(const std::string& key, const std::optional<std::string>& value) {
  Browser& b = browser();
  if (value) {
    b.storage[key] = *value;
  } else {
    b.storage.erase(key);
  }
  if (std::find(b.storage_changes.begin(), b.storage_changes.end(), key) == b.storage_changes.end()) {
    b.storage_changes.push_back(key);
  }
  page().activity = true;
}

void set_url_fragment(const std::string& fragment) { page().fragment = fragment; }

void navigate_fragment(const std::string& fragment) {
  page().fragment = fragment;
  page().fragment_change = fragment;
  page().activity = true;
}

const std::vector<std::string>& fragment_replacements() { return page().fragment_replacements; }

std::optional<FilePicker> open_file_picker() {
  if (!page().file) return std::nullopt;
  return page().file->picker;
}

void pick_file(const std::optional<std::pair<std::string, std::string>>& name_and_text) {
  Page& p = page();
  if (!p.file) throw std::logic_error("no file picker is open");
  PendingFile pending = std::move(*p.file);
  p.file.reset();
  OpenedFile file;
  if (name_and_text) {
    file.name = name_and_text->first;
    file.size_bytes = name_and_text->second.size();
    if (file.size_bytes > pending.picker.max_bytes) {
      file.status = FileStatus::TooLarge;
    } else {
      file.status = FileStatus::Opened;
      file.text = name_and_text->second;
    }
  }
  p.queue.emplace_back([file = std::move(file), on_done = std::move(pending.on_done)] {
    page().activity = true;
    on_done(file);
  });
}

const std::vector<Download>& downloads() { return page().downloads; }

}  // namespace fake
}  // namespace platform
