// The panels, one file each: each draws its part of the state, reports what
// the person did, and describes what it shows for the published snapshot.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/snapshot_json.hpp"

#include "app/state.hpp"
#include "core/snippets.hpp"

namespace app {

// ---- header bar (header_bar.cpp) ----
struct HeaderBarResult {
  bool toggle_theme = false;
  bool toggle_sidebar = false;
};
struct HeaderBarOptions {
  bool compact = false;         // one column: the name, the status and the theme switch only
  bool sidebar_toggle = false;  // a button folds and unfolds the sidebar
  bool sidebar_shown = true;
};
HeaderBarResult draw_header_bar(bool dark, const ConnectionState& connection, const HeaderBarOptions& options);

// ---- notices across the top (banner.cpp) ----
// Draws `text` as a dismissible banner; returns true when it was dismissed.
bool draw_banner(const std::string& text);

// ---- connection (connection_panel.cpp) ----
struct ConnectionPanelResult {
  bool changed = false;  // the settings changed: check and remember them
  bool test = false;
  bool cancel_test = false;
};
ConnectionPanelResult draw_connection_panel(ConnectionState& state);
SnapshotJson connection_snapshot(const ConnectionState& state);

// ---- request (request_panel.cpp) ----
struct RequestPanelResult {
  bool text_changed = false;
  bool send = false;
  bool cancel = false;
  bool open_file = false;
  bool save_file = false;
  bool form_changed = false;                      // write the form into the text
  std::optional<core::SnippetKind> copy_snippet;  // Copy as curl, fetch, … (the "Copy as" menu)
};
// Takes Ctrl+Enter (Cmd+Enter on a Mac) for this frame and says whether it was
// pressed. Called before any field is drawn, so the field being edited neither
// ends its edit nor adds a new line: the keyboard stays where it was.
bool take_send_shortcut();
// `send_pressed`: what take_send_shortcut said this frame. `send_below`:
// Send spans the panel's bottom (one column on a phone, where a thumb
// reaches) instead of ending the operations row.
RequestPanelResult draw_request_panel(RequestState& state, const std::optional<Exchange>& exchange, bool send_pressed,
                                      bool send_below = false);
SnapshotJson request_snapshot(const RequestState& state, const std::optional<Exchange>& exchange);

// ---- request form (request_form.cpp) ----
// Reads the form from the text, after the text changed.
void read_form(RequestState& state);
// Writes the edited form into the text (and checks it), after the form changed.
void write_form(RequestState& state);
// The form switched to `operation` (RequestView::Form with a form only): what
// the form holds is kept, what the operation needs and the form lacks starts
// from the operation's example, placeholders no expression uses any more go.
void switch_form_operation(RequestState& state, core::Operation operation);
// The first error that keeps the request from being sent, or nullptr.
const core::Diagnostic* first_send_error(const RequestState& state);
// Draws the form editor of the request in `height`; returns true when the person changed the form.
bool draw_request_form(RequestState& state, float height);
SnapshotJson form_snapshot(const RequestState& state);

// ---- response (response_panel.cpp) ----
struct ResponsePanelResult {
  bool copy_json = false;
  bool save_json = false;
  std::optional<std::string> copy;  // put this on the clipboard (a cell, row or rows)
  bool next_page = false;
  bool load_all = false;
  bool stop_loading = false;
  std::optional<ExportTarget> start_export;  // export the table with the chosen format
  bool cancel_export = false;
};
// `busy`: a request is in flight, so no further page can be asked for.
ResponsePanelResult draw_response_panel(std::optional<ResponseState>& state, ExportState& exports, bool busy);
SnapshotJson response_snapshot(const std::optional<ResponseState>& state);
SnapshotJson export_snapshot(const ExportState& state);

// ---- history (history_panel.cpp) ----
struct HistoryPanelResult {
  std::optional<std::int64_t> restore;
  std::optional<std::int64_t> resend;
  bool clear = false;
};
HistoryPanelResult draw_history_panel(HistoryState& state, bool can_send);
SnapshotJson history_snapshot(const HistoryState& state);

// ---- presets and share links (presets_panel.cpp) ----
struct PresetsPanelResult {
  std::optional<std::size_t> load;  // put this preset (index over builtin then saved) into the editor
  bool save_current = false;
  bool copy_link = false;
  bool changed = false;  // saved presets renamed, duplicated or deleted: remember them
  bool export_file = false;
  bool import_file = false;
  std::optional<std::string> import_text;  // a pasted collection
};
PresetsPanelResult draw_presets_panel(PresetsState& state);
SnapshotJson presets_snapshot(const PresetsState& state);

}  // namespace app
