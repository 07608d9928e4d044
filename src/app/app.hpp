// The workbench: owns the state of every area, draws the layout core::decide_layout
// picks (header bar; sidebar with Connection, Presets and History beside the
// request above the response; or one panel at a time above a tab bar on a
// phone), and acts on
// what the panels report: sending, testing, restoring, remembering.
// One App lives for the whole page; platform callbacks refer to it.
#pragma once

#include <optional>
#include <string>

#include "app/snapshot_json.hpp"

#include "app/panels.hpp"
#include "app/state.hpp"
#include "core/debounce.hpp"
#include "core/layout.hpp"

namespace app {

class App {
 public:
  // Typing that pauses this long is written to storage; steady typing at
  // least this often (core::Debounce).
  static constexpr double kSaveQuietMs = 400;
  static constexpr double kSaveMaxWaitMs = 2000;

  App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Decides this frame's layout (core::decide_layout) for the page's size in
  // CSS px and its pointer; call before the theme is applied and draw().
  const core::Layout& arrange(float css_width, float css_height, bool touch);
  // Draws one frame of UI into the current ImGui frame.
  void draw();
  // What the app shows, for tests: {theme, title, banner, connection, request, response, history}.
  SnapshotJson snapshot() const;
  bool dark_theme() const { return dark_; }
  // Whether the screen changes by itself (a request in flight shows its time)
  // (and a copy confirmation disappears by itself).
  bool animating() const;
  // Shows `text` in the banner (e.g. a font that could not be loaded).
  void show_notice(const std::string& text);
  // Writes the saved work whose changes have paused (the draft, the
  // connection settings); call on every animation frame, drawn or not.
  // True when the screen changes (a write refused: the banner says why).
  bool write_due_saves();

 private:
  void draw_sidebar(float width);
  void draw_main();
  // One column (phones): the chosen tab's panel above the tab bar.
  void draw_one_column();
  void draw_tab_bar(float height);
  void draw_panel_page(const char* id, core::LayoutTab tab);
  void keep_edited_field_visible();
  SnapshotJson layout_snapshot() const;

  void act(const ConnectionPanelResult& result);
  void act(const RequestPanelResult& result);
  void act(const ResponsePanelResult& result);
  void act(const HistoryPanelResult& result);

  void set_editor_text(std::string text, std::string origin);
  void editor_text_changed();
  void form_changed();
  void copy_request_as(core::SnippetKind kind);
  void send_from_editor();
  // `next_page`: the list's next page (ExclusiveStartKey set), added to the shown table, not to the history.
  void send_event(const core::JsonValue& event, bool next_page = false);
  void receive_answer(core::HistoryEntry entry, const core::JsonValue& event, const core::HttpRequest& sent,
                      core::HttpResponse response, bool next_page);
  void test_connection();
  void start_export(ExportTarget target);
  void step_export();
  void cancel_export();
  void open_event_file();
  void open_link(const std::string& fragment);
  void dismiss_banner();
  void toggle_theme(bool save = true);
  void update_title();

  // ---- list pages, presets and share links (app_presets.cpp) ----
  void act(const PresetsPanelResult& result);
  void ask_next_page();
  void receive_page(ResponseState page);
  // ---- saved work and the site's other tabs (app_storage.cpp) ----
  // Whether it was saved; when not, the banner says why.
  bool remember(const std::string& key, const std::string& value);
  // What changes on every keystroke is written once typing pauses
  // (write_due_saves), and at once when the page is hidden or the request is
  // sent (write_pending_saves): the editor and the connection panel stay the
  // one source of truth, storage catches up.
  void draft_changed();
  void connection_changed();
  void write_pending_saves();
  void write_draft();
  void write_connection();
  void load_kept_aside();
  void keep_aside(const std::string& from, const std::string& text, const std::string& why);
  void export_kept_aside();
  void discard_kept_aside();
  void draw_kept_aside_notice();
  void load_history();
  void remember_history();
  void clear_history();
  core::SavedList stored_presets();
  core::SavedList own_presets();
  void show_presets(core::SavedList list);
  void load_presets();
  bool remember_presets();
  void take_other_tabs_changes();
  SnapshotJson storage_snapshot() const;
  StorageState storage_;
  core::Debounce draft_save_{kSaveQuietMs, kSaveMaxWaitMs};
  core::Debounce connection_save_{kSaveQuietMs, kSaveMaxWaitMs};

  void load_preset(std::size_t index);
  void save_current_as_preset();
  void copy_share_link();
  void import_presets_file();
  void import_presets_text(const std::string& text, const std::string& source);
  void export_presets();
  PresetsState presets_;
  // What a list's table may hold (core/result_budget.hpp); ?result-budget-kb=N in the page's address lowers it (tests
  // use it).
  std::size_t result_budget_ = 0;

  bool dark_ = true;
  bool send_pressed_ = false;  // Ctrl+Enter this frame (take_send_shortcut)
  ConnectionState connection_;
  RequestState request_;
  std::optional<Exchange> exchange_;
  std::optional<ResponseState> response_;
  ExportState export_;
  HistoryState history_;
  std::string banner_;
  bool banner_is_link_ = false;
  float request_share_ = 0.45f;  // of the main column's height; the splitter moves it
  core::LayoutChoice layout_choice_;
  core::Layout layout_;
  bool touch_ = false;
  float text_scale_ = 1;  // the app's own text size; a pinch changes it
  std::string title_;
};

}  // namespace app
