#include "app/app.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/event.hpp"
#include "platform/platform.hpp"

namespace app {
namespace {

constexpr int kRequestTimeoutMs = 30000;

void draw_table(const core::ResultTable& table) {
  if (table.columns.empty()) return;
  const auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable |
                     ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
  const int count = static_cast<int>(table.columns.size());
  if (!ImGui::BeginTable("result", count, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 4))) return;
  for (const auto& column : table.columns) ImGui::TableSetupColumn(column.c_str());
  ImGui::TableHeadersRow();
  for (const auto& row : table.rows) {
    ImGui::TableNextRow();
    for (const auto& cell : row) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(cell.c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace

App::App() : endpoint_(platform::default_endpoint()) {}

void App::draw() {
  widgets_.clear();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const auto flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("CRUD Workbench", nullptr, flags);
  ImGui::TextUnformatted("CRUD Workbench");
  ImGui::SameLine();
  ImGui::TextDisabled("API Gateway -> Lambda -> DynamoDB");
  ImGui::Separator();
  draw_connection();
  draw_actions();
  ImGui::Separator();
  draw_response();
  ImGui::End();
}

void App::draw_connection() {
  ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Endpoint").x - ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::InputTextWithHint("Endpoint", "https://{api-id}.execute-api.{region}.amazonaws.com/prod/DynamoDBManager",
                           &endpoint_);
  widgets_.track("Endpoint");
}

void App::draw_actions() {
  ImGui::BeginDisabled(in_flight_ || endpoint_.empty());
  if (ImGui::Button("Ping")) send(core::ping_event());
  widgets_.track("Ping");
  ImGui::SameLine();
  if (ImGui::Button("Create")) send(core::seed_create_event());
  widgets_.track("Create");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextDisabled("Create sends the seed's item {id: \"2377ab\", number: 4} to %s",
                      std::string(core::kSeedTableName).c_str());
}

void App::send(const nlohmann::json& event) {
  in_flight_ = true;
  last_operation_ = event.value("operation", "");
  platform::http_send(core::build_http_request(event, endpoint_), kRequestTimeoutMs,
                      [this](const core::HttpResponse& response) {
                        in_flight_ = false;
                        status_ = response.status;
                        elapsed_ms_ = response.elapsed_ms;
                        response_ = core::view_response(response);
                      });
}

void App::draw_response() {
  if (in_flight_) {
    ImGui::Text("Sending %s %c", last_operation_.c_str(), "|/-\\"[static_cast<int>(ImGui::GetTime() * 8) % 4]);
    return;
  }
  if (!response_) {
    ImGui::TextDisabled("No request sent yet. Press Ping to check the connection.");
    return;
  }
  const ImVec4 color = response_->ok ? ImVec4(0.45f, 0.85f, 0.45f, 1) : ImVec4(0.95f, 0.45f, 0.4f, 1);
  ImGui::TextColored(color, "%s", response_->summary.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("(%s, %.0f ms)", last_operation_.c_str(), elapsed_ms_);
  draw_table(response_->table);
  ImGui::PushFont(ImGui::GetIO().Fonts->Fonts[1]);
  ImGui::InputTextMultiline("##body", &response_->text, ImVec2(-1, -1), ImGuiInputTextFlags_ReadOnly);
  ImGui::PopFont();
}

nlohmann::json App::snapshot() const {
  nlohmann::json out = {{"endpoint", endpoint_}, {"in_flight", in_flight_}, {"status", status_}};
  if (response_) {
    out["response"] = {{"ok", response_->ok},       {"summary", response_->summary},
                       {"text", response_->text},   {"columns", response_->table.columns},
                       {"rows", response_->table.rows}, {"operation", last_operation_}};
  } else {
    out["response"] = nullptr;
  }
  return out;
}

}  // namespace app
