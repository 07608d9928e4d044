// The workbench's state and its frame: draws the panels from plain state and
// turns clicks into core calls and platform requests.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/widget_map.hpp"
#include "core/response.hpp"
#include "core/result_table.hpp"

namespace app {

class App {
 public:
  App();
  // Draws one frame of UI into the current ImGui frame.
  void draw();
  // What the app shows, for tests: {endpoint, in_flight, response}.
  nlohmann::json snapshot() const;
  const WidgetMap& widgets() const { return widgets_; }

 private:
  void send(const nlohmann::json& event);
  void draw_connection();
  void draw_actions();
  void draw_response();

  WidgetMap widgets_;
  std::string endpoint_;
  bool in_flight_ = false;
  std::string last_operation_;
  std::optional<core::Answer> answer_;
  core::ResultTable table_;
  std::string answer_text_;
  double elapsed_ms_ = 0;
  int status_ = 0;
};

}  // namespace app
