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

void draw_toolbar(PresetsState& state, PresetsPanelResult& result, WidgetMap& widgets) {
  ImGui::SeparatorText(("Presets (" + std::to_string(state.count()) + ")").c_str());
  if (ImGui::SmallButton("Save as preset")) result.save_current = true;
  widgets.track("Save as preset");
  ImGui::SameLine();
  if (ImGui::SmallButton("Copy link")) result.copy_link = true;
  widgets.track("Copy link");
  if (ImGui::IsItemHovered()) ui::tooltip_wrapped("A link that opens this request in the workbench (without the API key or secret headers).");
  if (ImGui::SmallButton("Export…")) result.export_file = true;
  widgets.track("Export presets");
  ImGui::SameLine();
  if (ImGui::SmallButton("Import…")) result.import_file = true;
  widgets.track("Import presets");
  if (ImGui::IsItemHovered()) ui::tooltip_wrapped("A collection file, a Postman collection (v2.0/v2.1) or one event.");
  ImGui::SameLine();
  if (ImGui::SmallButton(state.pasting ? "Close paste" : "Paste…")) state.pasting = !state.pasting;
  widgets.track("Paste collection");
}

void draw_paste_box(PresetsState& state, PresetsPanelResult& result, WidgetMap& widgets) {
  ImGui::InputTextMultiline("##pasted", &state.pasted, ImVec2(-1, ui::em(5)));
  widgets.track("Pasted collection");
  ImGui::BeginDisabled(state.pasted.empty());
  if (ImGui::SmallButton("Import pasted")) {
    result.import_text = state.pasted;
    state.pasted.clear();
    state.pasting = false;
  }
  ImGui::EndDisabled();
  widgets.track("Import pasted");
}

void draw_rename(PresetsState& state, PresetsPanelResult& result, WidgetMap& widgets) {
  ImGui::SetNextItemWidth(ui::em(12));
  const bool entered = ImGui::InputText("##rename", &state.rename_text, ImGuiInputTextFlags_EnterReturnsTrue);
  widgets.track("Preset name");
  ImGui::SameLine();
  const bool apply = ImGui::SmallButton("OK") || entered;
  widgets.track("Apply rename");
  ImGui::SameLine();
  if (ImGui::SmallButton("Cancel")) state.renaming.reset();
  widgets.track("Cancel rename");
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
void draw_actions(PresetsState& state, PresetsPanelResult& result, WidgetMap& widgets) {
  if (!state.selected || *state.selected >= state.count()) return;
  const std::size_t index = *state.selected;
  const bool own = index >= state.builtin.size();
  if (state.renaming) {
    draw_rename(state, result, widgets);
    return;
  }
  ImGui::BeginDisabled(!own);
  if (ImGui::SmallButton("Rename")) {
    state.renaming = index - state.builtin.size();
    state.rename_text = state.at(index).name;
  }
  widgets.track("Rename preset");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::SmallButton("Duplicate")) {
    core::Preset copy = state.at(index);
    copy.name = core::unique_preset_name(state.all(), copy.name);
    state.saved.push_back(std::move(copy));
    state.saved_ids.emplace_back();
    state.selected = state.count() - 1;
    result.changed = true;
  }
  widgets.track("Duplicate preset");
  ImGui::SameLine();
  ImGui::BeginDisabled(!own);
  if (ImGui::SmallButton("Delete")) {
    state.saved.erase(state.saved.begin() + static_cast<std::ptrdiff_t>(index - state.builtin.size()));
    state.saved_ids.erase(state.saved_ids.begin() + static_cast<std::ptrdiff_t>(index - state.builtin.size()));
    state.selected.reset();
    result.changed = true;
  }
  widgets.track("Delete preset");
  ImGui::EndDisabled();
}

void draw_list(PresetsState& state, PresetsPanelResult& result, WidgetMap& widgets) {
  // Up to ten rows without scrolling; more scroll.
  constexpr std::size_t kRowsShown = 10;
  const float rows = static_cast<float>(std::clamp<std::size_t>(state.count(), 1, kRowsShown));
  const float height = rows * ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;
  ImGui::BeginChild("preset-list", ImVec2(0, height), ImGuiChildFlags_Border);
  for (std::size_t i = 0; i < state.count(); ++i) {
    const core::Preset& preset = state.at(i);
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(preset.name.c_str(), state.selected == i)) {
      state.selected = i;
      state.renaming.reset();
      result.load = i;
    }
    widgets.track("Preset " + std::to_string(i));
    if (i < state.builtin.size()) {
      ImGui::SameLine();
      ImGui::TextColored(palette().muted, "built in");
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace

PresetsPanelResult draw_presets_panel(PresetsState& state, WidgetMap& widgets) {
  PresetsPanelResult result;
  draw_toolbar(state, result, widgets);
  if (state.pasting) draw_paste_box(state, result, widgets);
  if (!state.notice.empty()) {
    ui::text_colored_wrapped(state.notice_is_problem ? palette().warning : palette().muted, state.notice);
    widgets.track("Presets notice");
  }
  if (!state.builtin.empty()) {
    ui::text_muted("Built-in presets use table " + state.builtin_table);
    widgets.track("Presets table");
  }
  draw_list(state, result, widgets);
  draw_actions(state, result, widgets);
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
