// The response area: a status line (HTTP status, time, size), then tabs for
// the answer as a table, as JSON, its metadata, and the error explained.
#include <cfloat>

#include "app/panels.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "core/format.hpp"

namespace app {
namespace {

// The snapshot is published on every drawn frame: large answers go in cut.
constexpr std::size_t kSnapshotTextLimit = 100 * 1024;
constexpr std::size_t kSnapshotRowLimit = 200;

const char* tab_name(ResponseTab tab) {
  switch (tab) {
    case ResponseTab::Table: return "Table";
    case ResponseTab::Json: return "JSON";
    case ResponseTab::Metadata: return "Metadata";
    case ResponseTab::Error: return "Error";
  }
  return "";
}

std::string status_label(const ResponseState& state) {
  if (state.http.status > 0) return "HTTP " + std::to_string(state.http.status);
  if (state.http.transport_error == "cancelled") return "Cancelled";
  if (state.http.transport_error == "timeout") return "Timed out";
  return "No answer";
}

void draw_status_line(const ResponseState& state, ResponsePanelResult& result, WidgetMap& widgets) {
  const ImVec4 color = state.answer.ok ? palette().success : palette().error;
  ui::status_dot(color, true);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(color, "%s", status_label(state).c_str());
  widgets.track("Response status");
  ImGui::SameLine();
  ImGui::TextColored(palette().muted, "· %s · %s · %s", core::format_duration(state.http.elapsed_ms).c_str(),
                     core::format_bytes(state.http.body.size()).c_str(), state.operation.c_str());
  const float buttons = ui::button_width("Copy JSON") + ui::button_width("Save…") + ImGui::GetStyle().ItemSpacing.x;
  ImGui::SameLine();
  ui::align_right(buttons);
  ImGui::BeginDisabled(state.text.empty());
  if (ImGui::Button("Copy JSON")) result.copy_json = true;
  widgets.track("Copy JSON");
  ImGui::SameLine();
  if (ImGui::Button("Save…")) result.save_json = true;
  widgets.track("Save response");
  ImGui::EndDisabled();
  ui::text_colored_wrapped(color, state.answer.summary);
  widgets.track("Response summary");
  if (state.answer.ok && !state.answer.hint.empty()) ui::text_muted(state.answer.hint);
}

void draw_table(const core::ResultTable& table) {
  if (table.column_count() == 0) {
    ui::text_muted("Nothing to show as a table.");
    return;
  }
  const auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable |
                     ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("result", static_cast<int>(table.column_count()), flags, ImVec2(0, 0))) return;
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

// Only the visible lines are drawn, so a large answer scrolls smoothly.
void draw_json(ResponseState& state, WidgetMap& widgets) {
  ImGui::PushFont(ImGui::GetIO().Fonts->Fonts[kMonoFont]);
  ImGui::BeginChild("json-view", ImVec2(0, 0), ImGuiChildFlags_Border, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  const std::string& text = state.text;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(state.line_starts.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const std::size_t begin = state.line_starts[static_cast<std::size_t>(i)];
      std::size_t end = static_cast<std::size_t>(i) + 1 < state.line_starts.size()
                            ? state.line_starts[static_cast<std::size_t>(i) + 1] - 1
                            : text.size();
      ImGui::TextUnformatted(text.c_str() + begin, text.c_str() + end);
    }
  }
  ImGui::PopStyleVar();
  state.json_scroll_lines = ImGui::GetScrollY() / ImGui::GetTextLineHeight();
  ImGui::EndChild();
  ImGui::PopFont();
  widgets.track("JSON view");
}

void draw_row(const char* name, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextColored(palette().muted, "%s", name);
  ImGui::TableNextColumn();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(value.c_str(), value.c_str() + value.size());
  ImGui::PopTextWrapPos();
}

void draw_metadata(const ResponseState& state) {
  const auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("metadata", 2, flags)) return;
  ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, ui::em(12));
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  draw_row("Status", status_label(state));
  draw_row("Time", core::format_duration(state.http.elapsed_ms));
  draw_row("Size", core::format_bytes(state.http.body.size()));
  draw_row("Request", "POST " + state.url);
  for (const auto& [name, value] : state.request_headers) draw_row(("> " + name).c_str(), value);
  for (const auto& [name, value] : state.http.headers) draw_row(("< " + name).c_str(), value);
  if (!state.http.transport_error.empty()) draw_row("Transport", state.http.transport_error);
  if (!state.answer.count.empty()) draw_row("Count", state.answer.count);
  if (!state.answer.scanned_count.empty()) draw_row("ScannedCount", state.answer.scanned_count);
  if (!state.metadata.empty()) draw_row("ResponseMetadata", state.metadata);
  ImGui::EndTable();
}

// The core's explanation, then the error's own details.
void draw_error(const ResponseState& state) {
  const core::Answer& answer = state.answer;
  if (answer.ok) {
    ui::text_muted("No error: the request succeeded.");
    return;
  }
  ui::text_colored_wrapped(palette().error, answer.summary);
  ui::text_colored_wrapped(ImGui::GetStyleColorVec4(ImGuiCol_Text), answer.hint);
  const core::ErrorDetail& error = answer.error;
  if (error.type.empty() && error.message.empty()) return;
  ImGui::Spacing();
  const auto flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("error", 2, flags)) return;
  ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed, ui::em(12));
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  if (!error.type.empty()) draw_row("Type", error.type);
  if (!error.message.empty()) draw_row("Message", error.message);
  if (!error.dynamodb_error.empty()) draw_row("DynamoDB error", error.dynamodb_error);
  if (!error.dynamodb_message.empty()) draw_row("DynamoDB says", error.dynamodb_message);
  if (!error.request_id.empty()) draw_row("Request id", error.request_id);
  for (const auto& line : error.stack_trace) draw_row("Stack", line);
  ImGui::EndTable();
}

void draw_tabs(ResponseState& state, WidgetMap& widgets) {
  if (!ImGui::BeginTabBar("response-tabs")) return;
  for (const ResponseTab tab : {ResponseTab::Table, ResponseTab::Json, ResponseTab::Metadata, ResponseTab::Error}) {
    const ImGuiTabItemFlags flags = state.select_tab == tab ? ImGuiTabItemFlags_SetSelected : 0;
    const bool open = ImGui::BeginTabItem(tab_name(tab), nullptr, flags);
    widgets.track(std::string("Tab ") + tab_name(tab));
    if (!open) continue;
    state.shown_tab = tab;
    switch (tab) {
      case ResponseTab::Table: draw_table(state.table); break;
      case ResponseTab::Json: draw_json(state, widgets); break;
      case ResponseTab::Metadata: draw_metadata(state); break;
      case ResponseTab::Error: draw_error(state); break;
    }
    ImGui::EndTabItem();
  }
  // ImGui switches tabs on the frame after the request: ask until it is done.
  if (state.select_tab == state.shown_tab) state.select_tab.reset();
  ImGui::EndTabBar();
}

}  // namespace

ResponsePanelResult draw_response_panel(std::optional<ResponseState>& state, WidgetMap& widgets) {
  ResponsePanelResult result;
  if (!state) {
    ui::text_muted("No answer yet. Press Send, or Test connection in the Connection panel.");
    return result;
  }
  draw_status_line(*state, result, widgets);
  draw_tabs(*state, widgets);
  return result;
}

nlohmann::json response_snapshot(const std::optional<ResponseState>& state) {
  if (!state) return nullptr;
  const core::Answer& answer = state->answer;
  const core::ResultTable& table = state->table;
  nlohmann::json columns = nlohmann::json::array();
  for (const auto& column : table.columns()) columns.push_back(column.name);
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t row = 0; row < std::min(table.row_count(), kSnapshotRowLimit); ++row) {
    nlohmann::json cells = nlohmann::json::array();
    for (std::size_t column = 0; column < table.column_count(); ++column) {
      cells.push_back(std::string(table.cell(row, column).text));
    }
    rows.push_back(std::move(cells));
  }
  return {{"ok", answer.ok},
          {"kind", std::string(core::answer_kind_name(answer.kind))},
          {"summary", answer.summary},
          {"hint", answer.hint},
          {"status", state->http.status},
          {"status_label", status_label(*state)},
          {"elapsed_ms", static_cast<long long>(state->http.elapsed_ms)},
          {"bytes", state->http.body.size()},
          {"operation", state->operation},
          {"text", state->text.substr(0, kSnapshotTextLimit)},
          {"text_truncated", state->text.size() > kSnapshotTextLimit},
          {"metadata", state->metadata},
          {"columns", std::move(columns)},
          {"rows", std::move(rows)},
          {"row_count", table.row_count()},
          {"transport_error", state->http.transport_error},
          {"transport_cause", std::string(core::transport_cause_name(answer.transport_cause))},
          {"verdict", {{"headline", state->verdict.headline}, {"advice", state->verdict.advice}}},
          {"tab", tab_name(state->shown_tab)},
          {"json_scroll_lines", state->json_scroll_lines}};
}

}  // namespace app
