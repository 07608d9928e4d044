// The header bar: the app's name, the connection status, the theme switch.
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

HeaderBarResult draw_header_bar(bool dark, const ConnectionState& connection) {
  HeaderBarResult result;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float height = ImGui::GetFrameHeight() + style.WindowPadding.y * 2;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().header_bg);
  ImGui::BeginChild("header", ImVec2(0, height), ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("CRUD Workbench");
  ui::describe_last(a11y::Hint::Heading, "", "CRUD Workbench");
  ImGui::SameLine(0, ui::em(0.8f));
  ImGui::TextColored(palette().muted, "API Gateway → Lambda → DynamoDB");

  const char* theme_label = dark ? "Light theme" : "Dark theme";
  const float dot = ImGui::GetTextLineHeight() * 0.8f;
  const std::string status = ui::ellipsize(status_text(connection), ui::em(30));
  const float status_width = ImGui::CalcTextSize(status.c_str()).x + dot;
  ImGui::SameLine();
  ui::align_right(status_width + style.ItemSpacing.x * 2 + ui::button_width(theme_label));
  ui::status_dot(ui::verdict_color(connection.verdict.state, connection.check.has_value()), true);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(status.c_str());
  if (ImGui::IsItemHovered()) ui::tooltip_wrapped(connection.verdict.advice);
  ui::describe_last(a11y::Hint::Text, "Connection status", "Connection: " + status_text(connection));
  ImGui::SameLine(0, style.ItemSpacing.x * 2);
  if (ImGui::Button((std::string(theme_label) + "##Theme").c_str())) result.toggle_theme = true;
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return result;
}

}  // namespace app
