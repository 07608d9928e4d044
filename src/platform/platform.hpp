// The one interface to the browser. platform_web.cpp implements it with
// Emscripten (fetch, storage, location, clipboard, files, the page itself);
// callers never use #ifdef. Callbacks run between frames, never inside the
// call that registered them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http.hpp"

namespace platform {

// Installs the page's listeners: typed text (keys, dead keys, input methods,
// which a canvas cannot receive, go through a hidden text field), paste,
// changes of the URL fragment, and the macOS Cmd-key fix. `on_text` gets the
// typed text as UTF-8, in order with the key events, and the node of the
// accessibility layer's text field it was typed into (an item id; 0 when it
// came through the hidden field). Call once at start-up, after the window's
// input callbacks exist.
void start(std::function<void(const char* utf8, std::uint32_t node)> on_text);

// Whether anything happened that may change the screen since the last call:
// input of any kind, a resize, or an answer, file or link change arriving.
// Lets the main loop stop drawing while the page is idle.
bool take_activity();

// Milliseconds on a monotonic clock (performance.now(): never goes back, not
// the time of day), for timing rules such as core::Debounce.
double now_ms();

// `flush` runs when the page is hidden or goes away (another tab, minimized,
// reload, closed, a phone's app switcher): inside the browser's own event, the
// last moment a write to storage is sure to happen. Replaces any earlier one.
void on_page_hidden(std::function<void()> flush);

// ---- HTTP ----------------------------------------------------------------

using RequestId = int;
using ResponseHandler = std::function<void(core::HttpResponse)>;  // moved in: a big body is not copied

// Sends asynchronously; `on_done` runs exactly once: with the answer, or with
// a transport_error (Network, Timeout or Cancelled) when no answer came. After a network failure a
// CORS-free probe of the URL fills in `server_reachable`.
RequestId http_send(const core::HttpRequest& request, int timeout_ms, ResponseHandler on_done);
void http_cancel(RequestId id);

// The endpoint a fresh page should use: the `endpoint` of config.json next to
// the page when it exists, otherwise the local API when the page is served
// from this machine, otherwise empty.
std::string default_endpoint();

// The text of config.json next to the page (core/site_config reads it); "{}"
// when there is none.
std::string site_config_json();

// ---- static files of the site -------------------------------------------

// A file fetched from the site itself (e.g. "fonts/cjk-4e.ttf", relative to
// the page): its bytes when `status` is 200, otherwise the HTTP status (0: no
// answer at all).
struct StaticFile {
  int status = 0;
  std::vector<unsigned char> bytes;
};
void fetch_static_file(const std::string& path, std::function<void(StaticFile&)> on_done);

// ---- the page ------------------------------------------------------------

// Size of the page's drawing area in CSS pixels and the device pixel ratio.
struct Viewport {
  int css_width = 0;
  int css_height = 0;
  float pixel_ratio = 1;
};
Viewport viewport();

// Makes the canvas backing store `width` x `height` device pixels.
void resize_canvas(int width, int height);

// The largest texture side the WebGL2 context takes (GL_MAX_TEXTURE_SIZE), in pixels.
int max_texture_size();

// Sets the mouse cursor over the canvas, by CSS name ("default", "text", ...).
void set_cursor(const char* css_name);

// For browser tests: window.__app becomes the JSON document `build` returns
// ({"ready", "frame", "widgets", "snapshot", ...}), built only when the page
// reads it and at most once per drawn frame, so a page nobody inspects pays
// nothing for it.
void serve_app_state(std::function<std::string()> build);

// After each drawn frame (1 for the first): the loading screen goes away after
// the first, and window.__app shows the new frame.
void frame_drawn(long frame);

// For benchmarks: the CPU time of the last drawn frame, published as
// window.__app.frameMs and, with the recent ones, window.__app.frameTimes;
// the part the accessibility layer took as window.__app.a11yTimes.
void publish_frame_time(double milliseconds, double accessibility_milliseconds);

// For benchmarks: a named point on the page's timeline (performance.mark),
// e.g. "app-main" and "app-first-frame", to show where start-up time goes.
void mark_timeline(const char* name);

void set_page_title(const std::string& title);

// The page's origin, e.g. "https://example.org".
std::string page_origin();

// The page's address without its fragment, e.g. "https://example.org/workbench/".
std::string page_url();

// The value of `name` in the page address's query (?name=value), or "".
std::string page_query_parameter(const std::string& name);

// Whether the system asks for a dark theme (prefers-color-scheme).
bool prefers_dark_color_scheme();

// Colours the page behind the canvas and tells the browser the theme, so the
// loading screen and the browser's own controls match the app.
void set_page_theme(bool dark, const std::string& background_css);

// macOS and iOS, where shortcuts use Cmd instead of Ctrl.
bool is_apple();

// ---- touch -----------------------------------------------------------------

// Whether the main pointer is a finger ((pointer: coarse), or a touch was seen).
bool coarse_pointer();

// What a finger did on the canvas, in CSS px from its top left corner.
enum class TouchKind {
  Down,  // a finger touched at (x, y): point there, press nothing yet
  Tap,   // it lifted without moving: a click at (x, y)
  Drag,  // it moved by (dx, dy) in `seconds`: scroll what is under it
  Lift,  // it lifted after dragging, `seconds` after its last move
};
struct TouchEvent {
  TouchKind kind = TouchKind::Down;
  float x = 0, y = 0;
  float dx = 0, dy = 0;
  float seconds = 0;
};

// Takes the canvas's touch events: `on_touch` gets taps, drags and lifts
// (one finger); two fingers pinch (take_pinch). A tap on a text field
// focuses the page's hidden text field within the tap itself, which is when
// phones agree to show their keyboard; a tap elsewhere, or the end of
// editing (set_text_input_area), puts the keyboard away. The page follows
// the visual viewport, so the app lays itself out above the keyboard.
void start_touch(std::function<void(const TouchEvent&)> on_touch);

// A person's click, tap or key press has just reached the app (its events are
// in ImGui's queue): `on_gesture` runs inside the browser's own event, so
// what the app does there counts as the person's act. WebKit (Safari, and
// every browser on an iPhone) lets a page write the clipboard only then, not
// in a later animation frame.
void on_user_gesture(std::function<void()> on_gesture);

struct Pinch {
  float start_distance = 0;
  float end_distance = 0;
};
// A two-finger pinch that ended since the last call. The page itself never
// zooms (its canvas would blur); the app changes its own text size instead.
std::optional<Pinch> take_pinch();

// ---- the accessibility layer ---------------------------------------------

// Puts a layer of DOM nodes over the canvas for assistive technology and the
// keyboard: each node carries an ARIA role, name and states and sits over its
// item. Tab and Shift+Tab move the browser's focus through the nodes (the
// canvas never sees Tab); `on_focus(id)` runs when focus reaches a node,
// `on_press(id)` when assistive technology clicks one. Mouse and touch events
// on a node go on to the canvas, so pointer users see no difference. Text
// typed into a text-field node arrives through `start`'s `on_text`.
void start_accessibility(std::function<void(std::uint32_t id)> on_focus,
                         std::function<void(std::uint32_t id)> on_press);

// Applies `changes_json` (core::a11y::changes_json; empty: none) to the
// layer, speaks its announcements through the page's live regions, and when
// `focus_id` is not 0 and the keyboard is in the layer, moves focus to that node.
void update_accessibility(const std::string& changes_json, std::uint32_t focus_id);

// ---- text input and clipboard --------------------------------------------

// Whether a text field is being edited, and where its caret is (CSS pixels),
// so that input methods open their window next to it and touch screens show
// a keyboard only while it is needed.
void set_text_input_area(bool active, float css_x, float css_y, float css_line_height);

// Puts `text` on the system clipboard (navigator.clipboard, or the older
// copy command where that is refused).
void copy_to_clipboard(const std::string& text);

// The text of the last paste (Ctrl/Cmd+V): the browser hands the system
// clipboard to a page only then. Until a paste, the last text copied here.
const std::string& clipboard_text();

// ---- persistent storage (localStorage; failures come back as values) -----

std::optional<std::string> storage_get(const std::string& key);

enum class StorageResult {
  Saved,
  Full,         // the browser's quota for this site is reached
  Unavailable,  // storage is switched off, or refused (some private modes)
};
StorageResult storage_set(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);
// The keys held that start with `prefix`, in no particular order.
std::vector<std::string> storage_keys(const std::string& prefix);

// The keys another tab of this site changed since the last call (the
// browser's `storage` event; a tab is not told of its own writes). A key
// appears once however often it changed; "" means another tab cleared all.
std::vector<std::string> take_storage_changes();

// ---- the URL fragment (after '#', never sent to a server) ----------------

// The fragment as written in the address bar, without the '#'.
std::string url_fragment();
// Replaces it without reloading and without a new history entry; an empty
// fragment removes the '#'.
void replace_url_fragment(const std::string& fragment);
// The new fragment when the person changed it since the last call (hashchange).
std::optional<std::string> take_url_fragment_change();

// ---- files ---------------------------------------------------------------

enum class FileStatus { Opened, Cancelled, TooLarge, Unreadable };

struct OpenedFile {
  FileStatus status = FileStatus::Cancelled;
  std::string name;
  std::string text;  // UTF-8; invalid bytes replaced
  std::uint64_t size_bytes = 0;
};

// Shows the browser's file picker (`accept` as in <input accept>, e.g.
// ".json,application/json"); `on_done` gets the chosen file's text, or why not.
void open_text_file(const std::string& accept, std::uint64_t max_bytes, std::function<void(const OpenedFile&)> on_done);

// Saves `text` as a download named `file_name`.
void download_text_file(const std::string& file_name, const std::string& mime_type, const std::string& text);

// A download written in parts over several frames (a large export): the
// parts are handed to the browser as they come, and the file is offered once
// finished. download_abort drops what was written and offers nothing.
using DownloadId = int;
DownloadId download_begin(const std::string& file_name, const std::string& mime_type);
void download_append(DownloadId id, std::string_view bytes);
void download_finish(DownloadId id);
void download_abort(DownloadId id);

}  // namespace platform
