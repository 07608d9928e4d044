// The Presets panel: the seed's requests built in, then the person's own;
// click one to put it into the editor. Saving, the share link and files are
// acted on by App; renaming, duplicating and deleting happen here.
#include <algorithm>

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "app/panels.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"

namespace app {
namespace {

void draw_toolbar(PresetsState& state, PresetsPanelResult& result) {
  ui::section_title("Presets (" + std::to_string(state.count()) + ")");
  if (ui::small_button("Save as preset")) result.save_current = true;
  ui::flow(ui::target_width("Copy link"));
  if (ui::small_button("Copy link")) result.copy_link = true;
  if (ImGui::IsItemHovered())
    ui::tooltip_wrapped("A link that opens this request in the workbench (without the API key or secret headers).");
  if (ui::small_button("Export…##Export presets")) result.export_file = true;
  ui::flow(ui::target_width("Import…"));
  if (ui::small_button("Import…##Import presets")) result.import_file = true;
  if (ImGui::IsItemHovered()) ui::tooltip_wrapped("A collection file, a Postman collection (v2.0/v2.1) or one event.");
  ui::flow(ui::target_width("Close paste"));
  if (ui::small_button(state.pasting ? "Close paste##Paste collection" : "Paste…##Paste collection")) {
    state.pasting = !state.pasting;
  }
}

void draw_paste_box(PresetsState& state, PresetsPanelResult& result) {
  a11y::hint_next(a11y::Hint::None, {}, core::a11y::kMultiline);
  ImGui::InputTextMultiline("##Pasted collection", &state.pasted, ImVec2(-1, ui::em(5)));
  ImGui::BeginDisabled(state.pasted.empty());
  if (ui::small_button("Import pasted")) {
    result.import_text = state.pasted;
    state.pasted.clear();
    state.pasting = false;
  }
  ImGui::EndDisabled();
}

void draw_rename(PresetsState& state, PresetsPanelResult& result) {
  ImGui::SetNextItemWidth(ui::em(12));
  const bool entered = ImGui::InputText("##Preset name", &state.rename_text, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  const bool apply = ui::small_button("OK##Apply rename") || entered;
  ImGui::SameLine();
  if (ui::small_button("Cancel##Cancel rename")) state.renaming.reset();
  if (!apply || !state.renaming || state.rename_text.empty()) return;
  core::Preset& preset = state.saved[*state.renaming];
  if (state.rename_text != preset.name) {
    std::vector<core::Preset> others = state.all();
    others.erase(others.begin() + static_cast<std::ptrdiff_t>(state.builtin.size() + *state.renaming));
    preset.name = core::unique_preset_name(others, state.rename_text);
    result.changed = true;
  }
  state.renaming.reset();
}

// Rename (own presets), Duplicate, Delete (own presets) for the selected one.
void draw_actions(PresetsState& state, PresetsPanelResult& result) {
  if (!state.selected || *state.selected >= state.count()) return;
  const std::size_t index = *state.selected;
  const bool own = index >= state.builtin.size();
  if (state.renaming) {
    draw_rename(state, result);
    return;
  }
  ImGui::BeginDisabled(!own);
  if (ui::small_button("Rename##Rename preset")) {
    state.renaming = index - state.builtin.size();
    state.rename_text = state.at(index).name;
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ui::small_button("Duplicate##Duplicate preset")) {
    core::Preset copy = state.at(index);
    copy.name = core::unique_preset_name(state.all(), copy.name);
    state.saved.push_back(std::move(copy));
    state.saved_ids.emplace_back();
    state.selected = state.count() - 1;
    result.changed = true;
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!own);
  if (ui::small_button("Delete##Delete preset")) {
    state.saved.erase(state.saved.begin() + static_cast<std::ptrdiff_t>(index - state.builtin.size()));
    state.saved_ids.erase(state.saved_ids.begin() + static_cast<std::ptrdiff_t>(index - state.builtin.size()));
    state.selected.reset();
    result.changed = true;
  }
  ImGui::EndDisabled();
}

void draw_list(PresetsState& state, PresetsPanelResult& result) {
  // Up to ten rows without scrolling; more scroll.
  constexpr std::size_t kRowsShown = 10;
  const float rows = static_cast<float>(std::clamp<std::size_t>(state.count(), 1, kRowsShown));
  const float height =
      rows * (ui::row_height() + ImGui::GetStyle().ItemSpacing.y) + ImGui::GetStyle().WindowPadding.y * 2;
  ImGui::BeginChild("preset-list", ImVec2(0, height), ImGuiChildFlags_Border);
  a11y::describe_window(a11y::Hint::Listbox, "Preset list", "Presets");
  a11y::push_parent();
  for (std::size_t i = 0; i < state.count(); ++i) {
    const core::Preset& preset = state.at(i);
    ImGui::PushID(static_cast<int>(i));
    a11y::hint_next(a11y::Hint::Option, preset.name + "##Preset " + std::to_string(i), 0, state.selected == i);
    if (ImGui::Selectable(preset.name.c_str(), state.selected == i, 0, ImVec2(0, ui::row_height()))) {
      state.selected = i;
      state.renaming.reset();
      result.load = i;
    }
    if (i < state.builtin.size()) {
      ImGui::SameLine();
      ImGui::TextColored(palette().muted, "built in");
    }
    ImGui::PopID();
  }
  a11y::pop_parent();
  ImGui::EndChild();
}

}  // namespace

PresetsPanelResult draw_presets_panel(PresetsState& state) {
  PresetsPanelResult result;
  draw_toolbar(state, result);
  if (state.pasting) draw_paste_box(state, result);
  if (!state.notice.empty()) {
    ui::text_as(state.notice_is_problem ? a11y::Hint::Alert : a11y::Hint::Status, "Presets notice",
                state.notice_is_problem ? palette().warning : palette().muted, state.notice);
  }
  if (!state.builtin.empty()) {
    ui::text_as(a11y::Hint::Text, "Presets table", palette().muted,
                "Built-in presets use table " + state.builtin_table);
  }
  draw_list(state, result);
  draw_actions(state, result);
  return result;
}

SnapshotJson presets_snapshot(const PresetsState& state) {
  SnapshotJson names = SnapshotJson::array();
  for (std::size_t i = 0; i < state.count(); ++i) names.push_back(state.at(i).name);
  return {{"builtin", state.builtin.size()},
          {"saved", state.saved.size()},
          {"names", std::move(names)},
          {"selected", state.selected ? SnapshotJson(*state.selected) : SnapshotJson(nullptr)},
          {"renaming", state.renaming.has_value()},
          {"notice", state.notice},
          {"notice_is_problem", state.notice_is_problem},
          {"builtin_table", state.builtin_table}};
}

}  // namespace app
