// A notice across the top of the workbench (e.g. about the link it was
// opened with), until the person dismisses it.
#include "app/panels.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"

namespace app {

bool draw_banner(const std::string& text) {
  bool dismissed = false;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().header_bg);
  ImGui::BeginChild("banner", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
  const float button = ui::button_width("Dismiss");
  ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - button - ImGui::GetStyle().ItemSpacing.x);
  ImGui::TextColored(palette().warning, "%s", text.c_str());
  ImGui::PopTextWrapPos();
  ui::describe_last(a11y::Hint::Alert, "Banner", text);
  ImGui::SameLine();
  ui::align_right(button);
  if (ImGui::Button("Dismiss")) dismissed = true;
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return dismissed;
}

}  // namespace app
