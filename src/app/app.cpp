#include "app/app.hpp"

#include <algorithm>

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/event.hpp"
#include "platform/platform.hpp"

namespace app {
namespace {

constexpr int kRequestTimeoutMs = 30000;

constexpr int kSnapshotRows = 50;  // enough for tests to read, small enough to publish every frame

void draw_table(const core::ResultTable& table) {
  if (table.column_count() == 0) return;
  const auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable |
                     ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  const int count = static_cast<int>(table.column_count());
  const float height = ImGui::GetTextLineHeightWithSpacing() * 6;
  if (!ImGui::BeginTable("result", count, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const auto& column : table.columns()) ImGui::TableSetupColumn(column.name.c_str());
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(table.row_count()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      ImGui::TableNextRow();
      for (std::size_t column = 0; column < table.column_count(); ++column) {
        ImGui::TableNextColumn();
        const core::Cell& cell = table.cell(static_cast<std::size_t>(row), column);
        if (cell.missing()) {
          ImGui::TextDisabled("-");
        } else {
          ImGui::TextUnformatted(cell.text.data(), cell.text.data() + cell.text.size());
        }
      }
    }
  }
  ImGui::EndTable();
}

// The body as the JSON tab would show it: pretty JSON, or the text as received.
std::string shown_text(const core::Answer& answer) {
  if (answer.kind == core::AnswerKind::TransportFailure) return answer.summary;
  if (!answer.text.empty() || answer.kind == core::AnswerKind::NotJson) return answer.text;
  return core::to_json_text(*answer.body, 2);
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
                        answer_ = core::classify_response(response, {.operation = last_operation_, .url = endpoint_});
                        table_ = core::answer_table(*answer_, core::kDefaultKeyNames);
                        answer_text_ = shown_text(*answer_);
                      });
}

void App::draw_response() {
  if (in_flight_) {
    ImGui::Text("Sending %s %c", last_operation_.c_str(), "|/-\\"[static_cast<int>(ImGui::GetTime() * 8) % 4]);
    return;
  }
  if (!answer_) {
    ImGui::TextDisabled("No request sent yet. Press Ping to check the connection.");
    return;
  }
  const ImVec4 color = answer_->ok ? ImVec4(0.45f, 0.85f, 0.45f, 1) : ImVec4(0.95f, 0.45f, 0.4f, 1);
  ImGui::TextColored(color, "%s", answer_->summary.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("(%s, %.0f ms)", last_operation_.c_str(), elapsed_ms_);
  ImGui::TextWrapped("%s", answer_->hint.c_str());
  draw_table(table_);
  ImGui::PushFont(ImGui::GetIO().Fonts->Fonts[1]);
  ImGui::InputTextMultiline("##body", &answer_text_, ImVec2(-1, -1), ImGuiInputTextFlags_ReadOnly);
  ImGui::PopFont();
}

nlohmann::json App::snapshot() const {
  nlohmann::json out = {{"endpoint", endpoint_}, {"in_flight", in_flight_}, {"status", status_}};
  if (answer_) {
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t row = 0; row < std::min<std::size_t>(table_.row_count(), kSnapshotRows); ++row) {
      nlohmann::json cells = nlohmann::json::array();
      for (std::size_t column = 0; column < table_.column_count(); ++column)
        cells.push_back(std::string(table_.cell(row, column).text));
      rows.push_back(std::move(cells));
    }
    nlohmann::json columns = nlohmann::json::array();
    for (const auto& column : table_.columns()) columns.push_back(column.name);
    out["response"] = {{"kind", std::string(core::answer_kind_name(answer_->kind))},
                       {"ok", answer_->ok},
                       {"summary", answer_->summary},
                       {"hint", answer_->hint},
                       {"text", answer_text_},
                       {"metadata", answer_->metadata ? nlohmann::json(core::to_json_text(*answer_->metadata, 2))
                                                      : nlohmann::json(nullptr)},
                       {"columns", std::move(columns)},
                       {"row_count", table_.row_count()},
                       {"rows", std::move(rows)},
                       {"operation", last_operation_}};
  } else {
    out["response"] = nullptr;
  }
  return out;
}

}  // namespace app
