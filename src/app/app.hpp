// The workbench: owns the state of every area, draws the layout (header bar,
// sidebar with Connection and History, request above response), and acts on
// what the panels report: sending, testing, restoring, remembering.
// One App lives for the whole page; platform callbacks refer to it.
#pragma once

#include <optional>
#include <string>

#include "app/snapshot_json.hpp"

#include "app/panels.hpp"
#include "app/state.hpp"

namespace app {

class App {
 public:
  App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Draws one frame of UI into the current ImGui frame.
  void draw();
  // What the app shows, for tests: {theme, title, banner, connection, request, response, history}.
  SnapshotJson snapshot() const;
  bool dark_theme() const { return dark_; }
  // Whether the screen changes by itself (a request in flight shows its time)
  // (and a copy confirmation disappears by itself).
  bool animating() const;

 private:
  void draw_sidebar(float width);
  void draw_main();

  void act(const ConnectionPanelResult& result);
  void act(const RequestPanelResult& result);
  void act(const ResponsePanelResult& result);
  void act(const HistoryPanelResult& result);

  void set_editor_text(std::string text, std::string origin);
  void editor_text_changed();
  void form_changed();
  void copy_request_as(const std::string& kind);
  void send_from_editor();
  // `next_page`: the list's next page (ExclusiveStartKey set), added to the shown table, not to the history.
  void send_event(const core::JsonValue& event, bool next_page = false);
  void receive_answer(core::HistoryEntry entry, const core::JsonValue& event, const core::HttpRequest& sent,
                      const core::HttpResponse& response, bool next_page);
  void test_connection();
  void open_event_file();
  void open_link(const std::string& fragment);
  void dismiss_banner();
  void toggle_theme();
  void remember(const std::string& key, const std::string& value);
  void update_title();

  // ---- list pages, presets and share links (app_presets.cpp) ----
  void act(const PresetsPanelResult& result);
  void ask_next_page();
  void receive_page(ResponseState page);
  void load_presets();
  void remember_presets();
  void load_preset(std::size_t index);
  void save_current_as_preset();
  void copy_share_link();
  void import_presets_file();
  void import_presets_text(const std::string& text, const std::string& source);
  void export_presets();
  PresetsState presets_;

  bool dark_ = true;
  bool send_pressed_ = false;  // Ctrl+Enter this frame (take_send_shortcut)
  ConnectionState connection_;
  RequestState request_;
  std::optional<Exchange> exchange_;
  std::optional<ResponseState> response_;
  HistoryState history_;
  std::string banner_;
  bool banner_is_link_ = false;
  bool storage_refused_ = false;
  float request_share_ = 0.45f;  // of the main column's height; the splitter moves it
  std::string title_;
};

}  // namespace app
