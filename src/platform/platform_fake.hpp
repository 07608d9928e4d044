// A fake browser for the native app tests: platform_fake.cpp implements every
// function of platform.hpp in memory. It records what the app asks of the
// page (requests sent and cancelled, clipboard writes, storage, fragment
// replacements, downloads, titles, theme) and lets a test play the page and
// the person: answer a request, fail it (network, timeout), change the URL
// fragment, write from another tab, pick a file, resize the page.
// As platform.hpp promises, callbacks never run inside the call that
// registered them: answers, cancels, timeouts, files and font fetches are
// queued and run by run_pending(), which the test driver calls between frames.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/http.hpp"
#include "platform/platform.hpp"

namespace platform::fake {

// A fresh browser: nothing stored, no fragment, default page (1280 x 800 CSS
// px at ratio 1, served from http://127.0.0.1:8080/, the local API as default
// endpoint, light system theme), nothing recorded, the clock at 0.
void reset();
// The same browser opening the page again (a reload): storage stays, the
// rest is as after reset(). The fragment stays too (a reload keeps the address).
void reload();

// Runs what happened since the last call, in order: answers, failures,
// cancels and timeouts of requests, picked files, fetched static files. A
// callback that sends again is answered by a later call. Returns how many ran.
int run_pending();

// ---- the clock --------------------------------------------------------------

// Milliseconds since reset(). Requests time out when it passes their timeout.
double now_ms();
// Moves the clock on; requests whose timeout ran out fail with Timeout (at the next run_pending).
void advance_ms(double ms);

// The page is hidden or goes away (another tab, a reload, closed): what the
// app registered with on_page_hidden runs now, as inside the browser's event.
void hide_page();

// ---- HTTP -------------------------------------------------------------------

struct SentRequest {
  RequestId id = 0;
  core::HttpRequest request;
  int timeout_ms = 0;
  double sent_at_ms = 0;
  bool settled = false;    // its callback is queued or ran: nothing more may be delivered
  bool cancelled = false;  // the app called http_cancel for it
};

// Every request sent since reset(), oldest first.
const std::vector<SentRequest>& requests();
// The newest request (throws when none was sent).
const SentRequest& last_request();
// Requests sent and not yet answered, failed or cancelled.
std::vector<RequestId> pending_requests();
// The ids the app cancelled, in order.
const std::vector<RequestId>& cancels();

// Answers request `id` (queued; delivered by run_pending). Throws when the
// request is unknown or already settled: a test that answers twice is wrong.
void respond(RequestId id, core::HttpResponse response);
// An answer with `status`, a JSON body and the header API Gateway sends.
void respond(RequestId id, int status, const std::string& json_body);
// No answer: a Network failure with the browser's `detail`, or a Timeout.
// `server_reachable`: what the CORS-free probe after a network failure found.
void fail(RequestId id, core::TransportFailure failure, const std::string& detail = "Failed to fetch",
          bool server_reachable = false);

// ---- static files of the site (the fallback font pages) ---------------------

// What fetch_static_file(path) gets: this file; an unknown path gets 404.
void serve_static_file(const std::string& path, StaticFile file);
// The paths the app fetched, in order.
const std::vector<std::string>& static_fetches();

// ---- the page ---------------------------------------------------------------

void set_viewport(Viewport viewport);
void set_coarse_pointer(bool coarse);
void set_prefers_dark(bool dark);
void set_default_endpoint(const std::string& endpoint);
void set_site_config(const std::string& json);
void set_query_parameter(const std::string& name, const std::string& value);
void set_max_texture_size(int side);

// What the app set: titles in order, the page theme, the canvas size, the cursor.
const std::vector<std::string>& titles();
struct PageTheme {
  bool dark = false;
  std::string background;
};
const std::optional<PageTheme>& page_theme();
const std::vector<std::string>& timeline_marks();

// The builder serve_app_state registered (window.__app), run now; "null" when none.
std::string app_state_text();

// ---- input the page hands over ------------------------------------------------

// Text typed into the page's hidden field, or into the accessibility layer's
// text-field node of item `node`: goes to start()'s on_text at once (as the
// browser's input event would, between frames).
void type_text(const std::string& utf8, std::uint32_t node = 0);
// A finger on the canvas: goes to start_touch's handler at once.
void touch(const TouchEvent& event);
// A pinch that ended: take_pinch returns it.
void pinch(float start_distance, float end_distance);
// Assistive technology moved focus to, or pressed, the node of item `id`.
void accessibility_focus(std::uint32_t id);
void accessibility_press(std::uint32_t id);

// What the accessibility layer was last sent and how often it was updated.
const std::string& accessibility_changes();
int accessibility_updates();
// The text input area the app last asked for.
struct TextInputArea {
  bool active = false;
  float x = 0, y = 0, line_height = 0;
};
const TextInputArea& text_input_area();

// ---- clipboard --------------------------------------------------------------

// Every copy_to_clipboard, oldest first.
const std::vector<std::string>& clipboard_writes();
// The person pasted `text` (Ctrl+V): clipboard_text() returns it.
void paste(const std::string& text);

// ---- storage (localStorage) -------------------------------------------------

// What is stored, by key.
const std::map<std::string, std::string>& storage();
void set_storage(const std::string& key, const std::string& value);
// Storage refuses writes beyond `bytes` in all (keys and values): Full. 0: no limit.
void set_storage_quota(std::size_t bytes);
// Storage switched off: every write is Unavailable.
void set_storage_unavailable(bool unavailable);
// Another tab of the site wrote `key` (nullopt: removed it): stored, and
// reported by take_storage_changes.
void other_tab_wrote(const std::string& key, const std::optional<std::string>& value);

// ---- the URL fragment -------------------------------------------------------

// The fragment the page is opened with (before the App is made), without '#'.
void set_url_fragment(const std::string& fragment);
// The person changed the fragment in the address bar (hashchange).
void navigate_fragment(const std::string& fragment);
// Every replace_url_fragment, oldest first.
const std::vector<std::string>& fragment_replacements();

// ---- files ------------------------------------------------------------------

struct FilePicker {
  std::string accept;
  std::uint64_t max_bytes = 0;
};
// The file picker the app opened and nobody answered yet.
std::optional<FilePicker> open_file_picker();
// The person picks a file (or cancels: nullopt) in the open picker; a file
// larger than the picker's limit arrives as TooLarge, as the page reports it.
void pick_file(const std::optional<std::pair<std::string, std::string>>& name_and_text);

struct Download {
  std::string file_name;
  std::string mime_type;
  std::string text;
  bool finished = false;  // offered to the person
  bool aborted = false;   // dropped (download_abort)
};
// Every download, oldest first (download_text_file, or begin ... finish/abort).
const std::vector<Download>& downloads();

}  // namespace platform::fake
