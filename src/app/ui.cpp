#include "app/ui.hpp"

#include <algorithm>

#include <imgui_internal.h>

#include "app/theme.hpp"
#include "core/text.hpp"

namespace app::ui {

float em(float n) { return n * ImGui::GetFontSize(); }

void text_colored_wrapped(const ImVec4& color, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  a11y::describe_last(a11y::Hint::Text, "", text);
}

void section_title(const std::string& title) {
  ImGui::SeparatorText(title.c_str());
  a11y::describe_last(a11y::Hint::Heading, "", title);
}

void text_as(a11y::Hint hint, const std::string& key, const ImVec4& color, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  a11y::describe_last(hint, key, text);
}

void describe_last(a11y::Hint hint, const std::string& key, const std::string& words) {
  a11y::describe_last(hint, key, words);
}

bool begin_combo(const char* label, const char* preview) {
  const ImGuiID id = ImGui::GetID(label);
  const bool open = ImGui::IsPopupOpen(ImHashStr("##ComboPopup", 0, id), ImGuiPopupFlags_None);
  a11y::hint_next(a11y::Hint::Combobox, label, core::a11y::kOpenable | (open ? core::a11y::kOpened : 0u));
  if (!ImGui::BeginCombo(label, preview)) return false;
  a11y::describe_window(a11y::Hint::Listbox, "", core::a11y::describe_item({.label = label}).name + " options");
  a11y::push_parent();
  return true;
}

void end_combo() {
  a11y::pop_parent();
  ImGui::EndCombo();
}

void begin_radio_group(const std::string& name) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  a11y::describe_rect(a11y::Hint::RadioGroup, "", name, at.x, at.y, at.x + ImGui::GetContentRegionAvail().x,
                      at.y + ImGui::GetFrameHeight());
  a11y::push_parent();
}

void end_radio_group() { a11y::pop_parent(); }

bool option(const char* label, bool selected) {
  a11y::hint_next(a11y::Hint::Option, {}, 0, selected);
  return ImGui::Selectable(label, selected);
}

void text_muted(const std::string& text) { text_colored_wrapped(palette().muted, text); }

void status_dot(const ImVec4& color, bool frame_line) {
  const float size = ImGui::GetTextLineHeight();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(size * 0.8f, frame_line ? ImGui::GetFrameHeight() : size));
  if (frame_line) pos.y += ImGui::GetStyle().FramePadding.y;
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + size * 0.35f, pos.y + size * 0.55f), size * 0.28f,
                                              ImGui::ColorConvertFloat4ToU32(color));
  ImGui::SameLine(0, 0);
}

ImVec4 verdict_color(core::ConnectionState state, bool checking) {
  if (checking) return palette().warning;
  switch (state) {
    case core::ConnectionState::Connected: return palette().success;
    case core::ConnectionState::Failed: return palette().error;
    case core::ConnectionState::Unknown: break;
  }
  return palette().muted;
}

bool primary_button(const char* label, const ImVec2& size) {
  ImGui::PushStyleColor(ImGuiCol_Button, palette().accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette().accent_hover);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, palette().accent);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  const bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(4);
  return pressed;
}

float horizontal_splitter(const char* id, float thickness) {
  const float width = ImGui::GetContentRegionAvail().x;
  a11y::hint_next(a11y::Hint::Hidden);  // a mouse's handle; the keyboard has nothing to do with it
  ImGui::InvisibleButton(id, ImVec2(std::max(1.0f, width), thickness));
  const bool active = ImGui::IsItemActive();
  if (active || ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  const float y = (min.y + max.y) * 0.5f;
  const ImGuiCol color = active ? ImGuiCol_SeparatorActive : ImGuiCol_Separator;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, y), ImVec2(max.x, y), ImGui::GetColorU32(color),
                                      active ? 2.0f : 1.0f);
  return active ? ImGui::GetIO().MouseDelta.y : 0.0f;
}

void align_right(float width) {
  const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right - width));
}

std::string ellipsize(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  std::string cut = text;
  while (!cut.empty()) {
    cut.resize(core::utf8_cut(cut, cut.size() - 1));  // drops the last character
    if (ImGui::CalcTextSize((cut + "…").c_str()).x <= width) break;
  }
  return cut + "…";
}

void tooltip_wrapped(const std::string& text) {
  if (text.empty()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(em(28));
  ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

bool touch() { return touch_target() > 0; }

bool small_button(const char* label) {
  if (!touch()) return ImGui::SmallButton(label);
  return ImGui::Button(label, ImVec2(std::max(button_width(label), touch_target()), 0));
}

float target_width(const char* label) { return std::max(button_width(label), touch_target()); }

// A selectable's hit area takes half the item spacing above and below it.
float row_height() { return std::max(ImGui::GetTextLineHeight(), touch_target() - ImGui::GetStyle().ItemSpacing.y); }

void flow(float width, float spacing) {
  const float gap = spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float line_end = window->DC.CursorPosPrevLine.x + gap + width;
  if (line_end <= window->WorkRect.Max.x + 0.5f) ImGui::SameLine(0, gap);
}

void keep_typing_on_escape() {
  const ImGuiContext& g = *GImGui;
  const bool editing_text = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId;
  if (editing_text && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::ClearActiveID();
}

}  // namespace app::ui
