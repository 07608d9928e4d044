#include "app/driver.hpp"

#include <cmath>
#include <cstdlib>
#include <optional>
#include <stdexcept>

#include <imgui_internal.h>

#include "app/accessibility.hpp"
#include "app/glyph_atlas.hpp"
#include "app/theme.hpp"

namespace apptest {
namespace {

// One font atlas for every context of the process: the app's glyph atlas
// (app::glyphs) is one per page and keeps what it rasterized into it.
ImFontAtlas& shared_font_atlas() {
  static ImFontAtlas atlas;
  return atlas;
}

// The style app::apply_theme last made: it applies a style only when the
// size or theme changes, so a new context starts with the one it made.
std::optional<ImGuiStyle>& last_style() {
  static std::optional<ImGuiStyle> style;
  return style;
}

const core::JsonValue* find_path(const core::JsonValue& root, std::string_view path) {
  const core::JsonValue* at = &root;
  while (!path.empty()) {
    const std::size_t dot = path.find('.');
    const std::string_view part = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    if (at->is_object()) {
      at = at->find(part);
    } else if (at->is_array()) {
      char* end = nullptr;
      const std::string index(part);
      const unsigned long i = std::strtoul(index.c_str(), &end, 10);
      at = (end != index.c_str() && *end == '\0' && i < at->array.size()) ? &at->array[i] : nullptr;
    } else {
      at = nullptr;
    }
    if (at == nullptr) return nullptr;
  }
  return at;
}

float number_of(const core::JsonValue* value) {
  return value && value->is_number() ? std::strtof(value->text.c_str(), nullptr) : 0.0f;
}

}  // namespace

// ---- Json

const core::JsonValue& Json::at(std::string_view path) const {
  const core::JsonValue* found = find_path(value_, path);
  if (found == nullptr) throw std::out_of_range("no " + std::string(path) + " in " + text().substr(0, 2000));
  return *found;
}

bool Json::has(std::string_view path) const { return find_path(value_, path) != nullptr; }

std::string Json::str(std::string_view path) const {
  const core::JsonValue& value = at(path);
  if (value.is_string() || value.is_number()) return value.text;
  return core::to_json_text(value);
}

long long Json::integer(std::string_view path) const {
  const core::JsonValue& value = at(path);
  if (!value.is_number())
    throw std::invalid_argument(std::string(path) + " is not a number: " + core::to_json_text(value));
  return std::strtoll(value.text.c_str(), nullptr, 10);
}

bool Json::flag(std::string_view path) const {
  const core::JsonValue& value = at(path);
  if (!value.is_bool())
    throw std::invalid_argument(std::string(path) + " is not a boolean: " + core::to_json_text(value));
  return value.boolean;
}

bool Json::is_null(std::string_view path) const { return at(path).is_null(); }

std::size_t Json::size(std::string_view path) const {
  const core::JsonValue& value = at(path);
  return value.is_array() ? value.array.size() : value.object.size();
}

std::string Json::text(std::string_view path) const { return core::to_json_text(path.empty() ? value_ : at(path)); }

// ---- Driver

Driver::Driver(Start start) {
  switch (start) {
    case Start::Fresh: platform::fake::reset(); break;
    case Start::Reload: platform::fake::reload(); break;
    case Start::AsSetUp: break;
  }
  app::glyphs::reset();  // a page that loads starts with the compiled-in characters alone
  context_ = ImGui::CreateContext(&shared_font_atlas());
  ImGui::SetCurrentContext(context_);
  if (last_style()) ImGui::GetStyle() = *last_style();
  ImGuiIO& io = ImGui::GetIO();
  // As src/main.cpp sets it up, without GLFW and the OpenGL renderer.
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange | ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;
  io.ConfigMacOSXBehaviors = platform::is_apple();
  platform::start([](const char* utf8, std::uint32_t node) {
    app::glyphs::note_text(utf8);
    app::a11y::type_text(utf8, node);
  });
  io.SetClipboardTextFn = [](void*, const char* text) { platform::copy_to_clipboard(text); };
  io.GetClipboardTextFn = [](void*) {
    app::glyphs::note_text(platform::clipboard_text());
    return platform::clipboard_text().c_str();
  };
  app::a11y::install();
  app_ = std::make_unique<app::App>();
  // The page is ready after two frames (window.__app.ready in the browser).
  frames(2);
}

Driver::~Driver() {
  ImGui::SetCurrentContext(context_);
  // Closing or reloading hides the page first: the app writes what waits.
  platform::fake::hide_page();
  last_style() = ImGui::GetStyle();
  app_.reset();
  ImGui::DestroyContext(context_);
  // The page is closed: callbacks it had registered never run.
  platform::fake::reload();
}

void Driver::frame(float seconds) {
  ImGui::SetCurrentContext(context_);
  platform::fake::advance_ms(seconds * 1000.0);
  platform::fake::run_pending();
  // Typing paused: its saved copy catches up, as main.cpp does each animation frame.
  app_->write_due_saves();
  const platform::Viewport vp = platform::viewport();
  ratio_ = vp.pixel_ratio > 0 ? vp.pixel_ratio : 1.0f;
  const core::Layout& layout =
      app_->arrange(static_cast<float>(vp.css_width), static_cast<float>(vp.css_height), platform::coarse_pointer());
  app::apply_theme(ratio_, app_->dark_theme(), {.font_px = layout.font_px, .target_px = layout.target_px});
  app::glyphs::update(layout.font_px * ratio_);
  for (const std::string& notice : app::glyphs::take_notices()) app_->show_notice(notice);

  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(std::round(static_cast<float>(vp.css_width) * ratio_),
                          std::round(static_cast<float>(vp.css_height) * ratio_));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = seconds;
  app::a11y::begin_frame();
  ImGui::NewFrame();
  app_->draw();
  ImGui::Render();
  if (frame_ == 0) {
    app::a11y::defer_frame();
  } else {
    app::a11y::end_frame(ratio_);
  }
  app::glyphs::count_missing(*ImGui::GetDrawData());
  ++frame_;
}

void Driver::frames(int count) {
  for (int i = 0; i < count; ++i) frame();
}

void Driver::settle() {
  for (int i = 0; i < 1000 && GImGui->InputEventsQueue.Size > 0; ++i) frame();
  if (GImGui->InputEventsQueue.Size > 0) throw std::runtime_error("ImGui never took the input queued");
  frames(2);
}

void Driver::wait(float seconds) { frame(seconds); }

Json Driver::snapshot() const { return Json(app_->snapshot().value()); }

Json Driver::widgets() const { return Json(app::a11y::widgets_json(ratio_).value()); }

std::vector<std::string> Driver::widget_keys() const {
  std::vector<std::string> keys;
  const Json map = widgets();
  for (const auto& [key, value] : map.value().object) keys.push_back(key);
  return keys;
}

bool Driver::has_widget(std::string_view key) const {
  const Json map = widgets();
  const core::JsonValue* found = map.value().find(key);
  return found != nullptr && found->find("visible") && found->find("visible")->boolean;
}

std::uint32_t Driver::editing_id() const { return GImGui->ActiveId; }

Widget Driver::widget(std::string_view key) const {
  const Json map = widgets();
  const core::JsonValue* found = map.value().find(key);
  if (found == nullptr || !found->find("visible") || !found->find("visible")->boolean) {
    std::string keys;
    for (const auto& [name, value] : map.value().object) {
      const core::JsonValue* visible = value.find("visible");
      keys += (keys.empty() ? "" : ", ") + name + (visible && visible->boolean ? "" : " (hidden)");
    }
    throw std::runtime_error("no visible widget \"" + std::string(key) + "\"; the map has: " + keys);
  }
  Widget w;
  w.key = std::string(key);
  w.x = number_of(found->find("x"));
  w.y = number_of(found->find("y"));
  w.w = number_of(found->find("w"));
  w.h = number_of(found->find("h"));
  w.visible = true;
  if (const core::JsonValue* shown = found->find("shown")) {
    w.shown_x = number_of(shown->find("x"));
    w.shown_y = number_of(shown->find("y"));
    w.shown_w = number_of(shown->find("w"));
    w.shown_h = number_of(shown->find("h"));
  }
  if (const core::JsonValue* role = found->find("role"); role && role->is_string()) w.role = role->text;
  if (const core::JsonValue* id = found->find("id"); id && id->is_number())
    w.id = static_cast<std::uint32_t>(std::strtoul(id->text.c_str(), nullptr, 10));
  return w;
}

void Driver::move_mouse(float css_x, float css_y) { ImGui::GetIO().AddMousePosEvent(css_x * ratio_, css_y * ratio_); }

void Driver::click(std::string_view key) {
  settle();
  // Aims at the middle of the part its window shows; looks again until the
  // layout holds still (a change can move it for a frame), as a person would.
  Widget w = widget(key);
  for (int look = 0; look < 10; ++look) {
    move_mouse(w.shown_x + w.shown_w / 2, w.shown_y + w.shown_h / 2);
    frames(2);
    const Widget now = widget(key);
    const bool same =
        now.shown_x == w.shown_x && now.shown_y == w.shown_y && now.shown_w == w.shown_w && now.shown_h == w.shown_h;
    w = now;
    if (same) break;
  }
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
  frame();
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
  frame();
  settle();
}

void Driver::fill(std::string_view key, std::string_view text) {
  click(key);
  press(ImGuiKey_A, ImGuiMod_Ctrl);
  press(ImGuiKey_Backspace);
  type(text);
}

void Driver::type(std::string_view text) {
  platform::fake::type_text(std::string(text));
  settle();
}

void Driver::press(ImGuiKey key, ImGuiKeyChord modifiers) {
  ImGuiIO& io = ImGui::GetIO();
  const ImGuiKey mods[] = {ImGuiMod_Ctrl, ImGuiMod_Shift, ImGuiMod_Alt, ImGuiMod_Super};
  for (const ImGuiKey mod : mods) {
    if (modifiers & mod) io.AddKeyEvent(mod, true);
  }
  io.AddKeyEvent(key, true);
  frame();
  io.AddKeyEvent(key, false);
  for (const ImGuiKey mod : mods) {
    if (modifiers & mod) io.AddKeyEvent(mod, false);
  }
  frame();
  settle();
}

Json sent_event(const platform::fake::SentRequest& request) {
  auto parsed = core::parse_json(request.request.body);
  if (!parsed) throw std::runtime_error("the request's body is not JSON: " + request.request.body);
  return Json(std::move(*parsed.value));
}

// ---- answers

std::string list_answer(const std::string& items_json, const std::string& last_key_json) {
  const auto items = core::parse_json(items_json);
  const std::size_t count = items && items.value->is_array() ? items.value->array.size() : 0;
  std::string body = R"({"Items": )" + items_json + R"(, "Count": )" + std::to_string(count) + R"(, "ScannedCount": )" +
                     std::to_string(count);
  if (!last_key_json.empty()) body += R"(, "LastEvaluatedKey": )" + last_key_json;
  return body + R"(, "ResponseMetadata": {"RequestId": "TEST", "HTTPStatusCode": 200, "RetryAttempts": 0}})";
}

std::string write_answer() {
  return R"({"ResponseMetadata": {"RequestId": "TEST", "HTTPStatusCode": 200, "RetryAttempts": 0}})";
}

}  // namespace apptest
