// The header bar: the app's name, the connection status, the theme switch.
#include <algorithm>

#include "app/panels.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"

namespace app {
namespace {

std::string status_text(const ConnectionState& connection) {
  const std::string host = core::endpoint_place(connection.settings.connection.endpoint, connection.site);
  const std::string where = host.empty() ? "no endpoint" : host;
  if (connection.check) return "Checking " + where + "…";
  switch (connection.verdict.state) {
    case core::ConnectionState::Connected: return "Connected · " + where;
    case core::ConnectionState::Failed: return connection.verdict.headline;
    case core::ConnectionState::Unknown: break;
  }
  return "Not checked · " + where;
}

}  // namespace

HeaderBarResult draw_header_bar(bool dark, const ConnectionState& connection, const HeaderBarOptions& options) {
  HeaderBarResult result;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float height = ImGui::GetFrameHeight() + style.WindowPadding.y * 2;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().header_bg);
  ImGui::BeginChild("header", ImVec2(0, height), ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  if (options.sidebar_toggle) {
    const char* label = options.sidebar_shown ? "Hide panels##Sidebar" : "Panels##Sidebar";
    if (ImGui::Button(label)) result.toggle_sidebar = true;
    ImGui::SameLine();
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(options.compact ? "CRUD" : "CRUD Workbench");
  ui::describe_last(a11y::Hint::Heading, "", "CRUD Workbench");
  if (!options.compact) {
    ImGui::SameLine(0, ui::em(0.8f));
    ImGui::TextColored(palette().muted, "API Gateway → Lambda → DynamoDB");
  }

  const char* theme_label =
      options.compact ? (dark ? "Light##Theme" : "Dark##Theme") : (dark ? "Light theme##Theme" : "Dark theme##Theme");
  const float dot = ImGui::GetTextLineHeight() * 0.8f;
  ImGui::SameLine();
  // The status takes what the title and the theme button leave, up to 30 em.
  const float room = ImGui::GetContentRegionAvail().x - dot - style.ItemSpacing.x * 3 - ui::button_width(theme_label);
  const std::string status = ui::ellipsize(status_text(connection), std::clamp(room, ui::em(3), ui::em(30)));
  const float status_width = ImGui::CalcTextSize(status.c_str()).x + dot;
  ui::align_right(status_width + style.ItemSpacing.x * 2 + ui::button_width(theme_label));
  ui::status_dot(ui::verdict_color(connection.verdict.state, connection.check.has_value()), true);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(status.c_str());
  if (ImGui::IsItemHovered()) ui::tooltip_wrapped(connection.verdict.advice);
  ui::describe_last(a11y::Hint::Text, "Connection status", "Connection: " + status_text(connection));
  ImGui::SameLine(0, style.ItemSpacing.x * 2);
  if (ImGui::Button(theme_label)) result.toggle_theme = true;
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return result;
}

}  // namespace app
