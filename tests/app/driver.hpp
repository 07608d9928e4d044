// Drives the app natively like a person: one app::App over the fake platform
// (platform_fake.hpp), Dear ImGui without a renderer, frames drawn as
// src/main.cpp draws them (layout, theme, font atlas, accessibility tree),
// and the person's acts through what the app publishes about its widgets:
// the widget map (app::a11y::widgets_json, the one the browser tests use),
// clicked at the middle of a widget's shown part with mouse events, typed
// into with key and text events. Assertions read App::snapshot().
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app/app.hpp"
#include "core/json_value.hpp"
#include "platform/platform_fake.hpp"

namespace apptest {

// A JSON document (the snapshot, the widget map) read by dotted paths:
// "response.rows.0.1" is member response, member rows, element 0, element 1.
class Json {
 public:
  Json() = default;
  explicit Json(core::JsonValue value) : value_(std::move(value)) {}

  // Throws when the path does not exist.
  const core::JsonValue& at(std::string_view path) const;
  bool has(std::string_view path) const;
  // A string member's text, a number's decimal text.
  std::string str(std::string_view path) const;
  long long integer(std::string_view path) const;
  bool flag(std::string_view path) const;
  bool is_null(std::string_view path) const;
  std::size_t size(std::string_view path) const;  // of an array or object
  // The member as compact JSON text, for whole arrays: text("response.columns") == R"(["id","number"])".
  std::string text(std::string_view path = {}) const;
  const core::JsonValue& value() const { return value_; }

 private:
  core::JsonValue value_;
};

// How the page starts: a fresh browser (nothing stored, fake::reset()), the
// same browser reloading (storage kept, fake::reload()), or the fake as the
// test has set it up already (a fragment, a site config, stored values).
enum class Start { Fresh, Reload, AsSetUp };

struct Widget {
  std::string key;
  float x = 0, y = 0, w = 0, h = 0;  // CSS px
  bool visible = false;
  float shown_x = 0, shown_y = 0, shown_w = 0, shown_h = 0;  // the part its window shows
  std::string role;
  std::uint32_t id = 0;  // its node's id in the accessibility layer (the item's ImGui id)
};

class Driver {
 public:
  explicit Driver(Start start = Start::Fresh);
  ~Driver();
  Driver(const Driver&) = delete;
  Driver& operator=(const Driver&) = delete;

  // One frame: the clock moves `seconds`, what the page queued runs (answers,
  // files), then the app arranges and draws, as src/main.cpp does.
  void frame(float seconds = 1.0f / 60);
  void frames(int count);
  // Frames until ImGui has taken every input event queued, and two more.
  void settle();
  // The clock moves `seconds` in one frame (a slow answer, a timeout).
  void wait(float seconds);

  // ---- what the app publishes
  Json snapshot() const;
  // The item ImGui is editing (window.__app.keyboardFocus.active in the browser), 0 when none.
  std::uint32_t editing_id() const;
  Json widgets() const;
  std::vector<std::string> widget_keys() const;
  // The widget under `key` in the last frame's map, visible; throws (listing
  // the keys there are) when there is none.
  Widget widget(std::string_view key) const;
  bool has_widget(std::string_view key) const;  // in the map and visible

  // ---- a person's acts
  // Points at the widget's middle, lets the app see the hover, clicks.
  void click(std::string_view key);
  // Clicks a text field, selects everything in it, deletes it and types `text`.
  void fill(std::string_view key, std::string_view text);
  // Typed text (through the page's text input, as the browser hands it over).
  void type(std::string_view text);
  // A key press with modifiers (ImGuiMod_Ctrl, ...).
  void press(ImGuiKey key, ImGuiKeyChord modifiers = 0);

  app::App& app() { return *app_; }
  long frame_count() const { return frame_; }

 private:
  void move_mouse(float css_x, float css_y);

  ImGuiContext* context_ = nullptr;
  std::unique_ptr<app::App> app_;
  float ratio_ = 1;
  long frame_ = 0;
};

// The JSON body of a request the app sent (the Lambda's event).
Json sent_event(const platform::fake::SentRequest& request);

// ---- answers as the local API gives them (the seed's Lambda, custom integration) ----

// A list page: {"Items": items, "Count": n, "ScannedCount": n[, "LastEvaluatedKey": last_key]}.
std::string list_answer(const std::string& items_json, const std::string& last_key_json = "");
// A write's answer: {"ResponseMetadata": {...HTTPStatusCode: 200...}}.
std::string write_answer();

}  // namespace apptest
