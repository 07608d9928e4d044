// The response area: a status line (HTTP status, time, size), then tabs for
// the answer as a table (with export, and dates for epoch numbers), as JSON
// (plain or DynamoDB JSON), its metadata, and the error explained.
#include <algorithm>
#include <cfloat>
#include <ctime>

#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include "app/panels.hpp"
#include "app/response_model.hpp"
#include "app/table_view.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "core/dates.hpp"
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
  switch (state.http.transport_error.failure) {
    case core::TransportFailure::Cancelled: return "Cancelled";
    case core::TransportFailure::Timeout: return "Timed out";
    case core::TransportFailure::Network:
    case core::TransportFailure::None: break;
  }
  return "No answer";
}

void draw_status_line(const ResponseState& state, ResponsePanelResult& result) {
  const ImVec4 color = state.answer.ok ? palette().success : palette().error;
  ui::status_dot(color, true);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(color, "%s", status_label(state).c_str());
  ui::describe_last(a11y::Hint::Text, "Response status", status_label(state));
  ImGui::SameLine();
  ImGui::TextColored(palette().muted, "· %s · %s · %s", core::format_duration(state.http.elapsed_ms).c_str(),
                     core::format_bytes(state.http.body.size()).c_str(), state.operation.c_str());
  const float buttons = ui::button_width("Copy JSON") + ui::button_width("Save…") + ImGui::GetStyle().ItemSpacing.x;
  ui::flow(buttons);
  ui::align_right(buttons);
  ImGui::BeginDisabled(state.text.empty() && !state.json_pending);
  if (ImGui::Button("Copy JSON")) result.copy_json = true;
  ImGui::SameLine();
  if (ImGui::Button("Save…##Save response")) result.save_json = true;
  ImGui::EndDisabled();
  // Spoken when it arrives: politely when it worked, at once when it did not.
  ui::text_as(state.answer.ok ? a11y::Hint::Status : a11y::Hint::Alert, "Response summary", color,
              state.answer.summary);
  if (state.answer.ok && !state.answer.hint.empty()) ui::text_muted(state.answer.hint);
}

// ---- the table

const char* format_name(core::CopyFormat format) { return format == core::CopyFormat::Json ? "JSON" : "TSV"; }

// What a screen reader says for a cell: its text, or what the marks drawn for it mean.
std::string cell_words(const core::Cell& cell) {
  if (cell.missing()) return "(missing)";
  if (cell.type == core::AttributeType::Null) return "null";
  return std::string(cell.text);
}

void draw_cell_text(const core::Cell& cell) {
  if (cell.missing()) {
    ImGui::TextDisabled("—");  // no such attribute: not the same as null
  } else if (cell.type == core::AttributeType::Null) {
    ImGui::TextColored(palette().muted, "null");
  } else if (cell.expandable()) {
    ImGui::TextColored(palette().accent, "%.*s ▸", static_cast<int>(cell.text.size()), cell.text.data());
  } else {
    ImGui::TextUnformatted(cell.text.data(), cell.text.data() + cell.text.size());
  }
}

// A nested value's members as a tree, opened level by level.
void draw_nested_tree(const core::Cell& cell) {
  for (const core::CellChild& child : core::cell_children(cell)) {
    const core::Cell inner = child.cell();
    if (inner.expandable()) {
      if (ImGui::TreeNode(child.name.c_str(), "%s  %s", child.name.c_str(), child.text.c_str())) {
        draw_nested_tree(inner);
        ImGui::TreePop();
      }
    } else {
      ImGui::BulletText("%s", child.name.c_str());
      ImGui::SameLine();
      draw_cell_text(inner);
    }
  }
}

enum class CopyWhat { Cell, Row, All };  // the selected cell, its row, or every row shown

std::optional<std::string> copy_text(const ResponseState& state, CopyWhat what, core::CopyFormat format) {
  const TableView& view = state.view;
  if (what == CopyWhat::All) return core::copy_rows(state.table, view.shown, format);
  if (!view.selected_row) return std::nullopt;
  if (what == CopyWhat::Row) return core::copy_row(state.table, *view.selected_row, format);
  return core::copy_cell(state.table.cell(*view.selected_row, view.selected_column), format);
}

void draw_copy_menu(const ResponseState& state, ResponsePanelResult& result) {
  for (const auto format : {core::CopyFormat::Json, core::CopyFormat::Tsv}) {
    for (const auto& [what, label] :
         {std::pair{CopyWhat::Cell, "cell"}, std::pair{CopyWhat::Row, "row"}, std::pair{CopyWhat::All, "all rows"}}) {
      const std::string item = std::string("Copy ") + label + " as " + format_name(format);
      if (ImGui::MenuItem(item.c_str())) result.copy = copy_text(state, what, format);
    }
  }
}

// The width of a checkbox or radio button with `text`.
float check_width(const char* text) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(text).x;
}

void draw_table_toolbar(ResponseState& state, ResponsePanelResult& result) {
  TableView& view = state.view;
  ImGui::SetNextItemWidth(std::min(ui::em(14), ImGui::GetContentRegionAvail().x));
  std::string filter = view.filter;
  if (ImGui::InputTextWithHint("##Table filter", "Filter rows", &filter)) filter_table(state, std::move(filter));
  const std::string row_count = core::format_row_count(view.shown.size(), state.table.row_count());
  ui::flow(ImGui::CalcTextSize(row_count.c_str()).x);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(palette().muted, "%s", row_count.c_str());
  ui::describe_last(a11y::Hint::Status, "Row count", row_count);
  const float radio = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
  ui::flow(ImGui::CalcTextSize("· copy as").x + ImGui::GetStyle().ItemSpacing.x + radio +
           ImGui::CalcTextSize("JSON").x);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(palette().muted, "· copy as");
  ImGui::SameLine();
  ui::begin_radio_group("Copy format");
  bool first = true;
  for (const auto format : {core::CopyFormat::Json, core::CopyFormat::Tsv}) {
    if (!first) ui::flow(radio + ImGui::CalcTextSize(format_name(format)).x);
    first = false;
    a11y::hint_next(a11y::Hint::Radio, {}, 0, view.copy_format == format);
    const std::string label = std::string(format_name(format)) + "##Copy as " + format_name(format);
    if (ImGui::RadioButton(label.c_str(), view.copy_format == format)) view.copy_format = format;
  }
  ui::end_radio_group();
  for (const auto& [what, label] : {std::pair{CopyWhat::Cell, "Copy cell"}, std::pair{CopyWhat::Row, "Copy row"},
                                    std::pair{CopyWhat::All, "Copy all"}}) {
    ui::flow(ui::target_width(label));
    ImGui::BeginDisabled(what != CopyWhat::All && !view.selected_row);
    if (ui::small_button(label)) result.copy = copy_text(state, what, view.copy_format);
    ImGui::EndDisabled();
  }
  if (!view.time_columns.empty()) {
    ui::flow(check_width("Dates"));
    ImGui::Checkbox("Dates##Show dates", &view.show_dates);
    if (ImGui::IsItemHovered()) ui::tooltip_wrapped("A column with the UTC date after each column of epoch times");
  }
}

// ---- export: every loaded row, or the filtered and sorted view

void draw_export_progress(const ExportJob& job, ResponsePanelResult& result) {
  const std::size_t total = job.writer.row_total();
  const std::size_t written = job.writer.rows_written();
  const std::string label = "Exporting " + core::format_count(written) + " of " + core::format_count(total) + " rows…";
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(palette().muted, "%s", label.c_str());
  ui::describe_last(a11y::Hint::Status, "Export progress", label);
  ui::flow(ui::em(10));
  ImGui::ProgressBar(total ? static_cast<float>(written) / static_cast<float>(total) : 0.0f, ImVec2(ui::em(10), 0));
  ui::flow(ui::target_width("Cancel export"));
  if (ImGui::Button("Cancel export")) result.cancel_export = true;
}

void draw_export_controls(const ResponseState& state, ExportState& exports, ResponsePanelResult& result) {
  if (exports.job) {
    draw_export_progress(*exports.job, result);
    return;
  }
  ExportChoice& choice = exports.choice;
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(palette().muted, "Export");
  ImGui::SameLine();
  ui::begin_radio_group("Export format");
  for (const auto format : core::kExportFormats) {
    const std::string name(core::export_format_label(format));
    if (format != core::kExportFormats[0]) ui::flow(check_width(name.c_str()));
    const std::string label = name + "##Export " + name;
    a11y::hint_next(a11y::Hint::Radio, {}, 0, choice.format == format);
    if (ImGui::RadioButton(label.c_str(), choice.format == format)) choice.format = format;
  }
  ui::end_radio_group();
  ui::flow(check_width("BOM"));
  ImGui::BeginDisabled(choice.format != core::ExportFormat::Csv);
  ImGui::Checkbox("BOM##Export BOM", &choice.byte_order_mark);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ui::tooltip_wrapped(
        "Starts the CSV with a UTF-8 byte order mark, so spreadsheet programs read non-ASCII text right");
  }
  ui::flow(check_width("Filter and sort"));
  ImGui::Checkbox("Filter and sort##Export filter and sort", &choice.filtered);
  if (ImGui::IsItemHovered()) {
    ui::tooltip_wrapped(
        "On: only the rows the filter keeps, in the shown order. Off: every loaded row (all pages), "
        "in the answer's order.");
  }
  const std::size_t rows = choice.filtered ? state.view.shown.size() : state.table.row_count();
  ui::flow(ui::target_width("Download"));
  if (ImGui::Button("Download##Export download")) result.start_export = ExportTarget::File;
  if (ImGui::IsItemHovered()) ui::tooltip_wrapped("Saves " + core::format_count(rows) + " rows as a file");
  ui::flow(ui::target_width("Copy"));
  if (ImGui::Button("Copy##Export copy")) result.start_export = ExportTarget::Clipboard;
  if (ImGui::IsItemHovered()) ui::tooltip_wrapped("Copies " + core::format_count(rows) + " rows to the clipboard");
  if (!exports.notice.empty()) {
    const ImVec4 color = exports.notice_is_problem ? palette().warning : palette().success;
    const a11y::Hint hint = exports.notice_is_problem ? a11y::Hint::Alert : a11y::Hint::Status;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(exports.notice.c_str()).x + spacing) {
      ImGui::NewLine();  // on a line of its own when it does not fit after the buttons
      ui::text_as(hint, "Export notice", color, exports.notice);
    } else {
      ImGui::AlignTextToFramePadding();
      ImGui::TextColored(color, "%s", exports.notice.c_str());
      ui::describe_last(hint, "Export notice", exports.notice);
    }
  }
}

// Below a width of some 36 characters (a phone, or a tablet beside the
// sidebar) the export controls take four lines or more: they fold behind a
// button on the toolbar's last line, so the table keeps the room.
void draw_export_area(const ResponseState& state, ExportState& exports, ResponsePanelResult& result) {
  exports.folded = !exports.job && ImGui::GetContentRegionAvail().x < ui::em(36);
  if (exports.folded) {
    const char* label = exports.unfolded ? "Hide export##Export options" : "Export…##Export options";
    ui::flow(ui::target_width(label));
    a11y::hint_next(a11y::Hint::None, {}, core::a11y::kOpenable | (exports.unfolded ? core::a11y::kOpened : 0u));
    if (ui::small_button(label)) exports.unfolded = !exports.unfolded;
    if (!exports.unfolded) return;
  }
  draw_export_controls(state, exports, result);
}

// A column as drawn: a table column, or the date column after a column of epoch times.
struct ShownColumn {
  std::size_t source = 0;
  bool date = false;
};

std::vector<ShownColumn> shown_columns(const ResponseState& state) {
  std::vector<ShownColumn> columns;
  const auto& times = state.view.time_columns;
  for (std::size_t column = 0; column < state.table.column_count(); ++column) {
    columns.push_back({column, false});
    if (state.view.show_dates && std::find(times.begin(), times.end(), column) != times.end()) {
      columns.push_back({column, true});
    }
  }
  return columns;
}

void follow_sort_specs(ResponseState& state, const std::vector<ShownColumn>& columns) {
  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (!specs || !specs->SpecsDirty) return;
  if (specs->SpecsCount == 0 || static_cast<std::size_t>(specs->Specs[0].ColumnIndex) >= columns.size()) {
    sort_table(state, -1, core::SortDirection::Ascending);
  } else {
    const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
    sort_table(state, static_cast<int>(columns[spec.ColumnIndex].source),
               spec.SortDirection == ImGuiSortDirection_Descending ? core::SortDirection::Descending
                                                                   : core::SortDirection::Ascending);
  }
  specs->SpecsDirty = false;
}

// The header: the attribute's name, " · TTL" on a TTL attribute, " (UTC)" on a date column.
std::string header_label(const std::string& name, bool date) {
  if (date) return name + " (UTC)";
  return core::is_ttl_name(name) ? name + " · TTL" : name;
}

void draw_header_row(const core::ResultTable& table, const std::vector<ShownColumn>& columns) {
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ui::touch() ? touch_target() : 0.0f);
  const ImRect area = ImGui::GetCurrentWindow()->InnerRect;
  const float top = ImGui::GetCursorScreenPos().y;
  a11y::describe_rect(a11y::Hint::Row, "", "Column headers", area.Min.x, top, area.Max.x,
                      top + ImGui::GetFrameHeight());
  a11y::push_parent();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (!ImGui::TableSetColumnIndex(static_cast<int>(i))) continue;
    const std::string& name = table.columns()[columns[i].source].name;
    const std::string label = header_label(name, columns[i].date);
    a11y::hint_next(a11y::Hint::ColumnHeader, label + "##Column " + (columns[i].date ? name + " (UTC)" : name));
    ImGui::TableHeader(label.c_str());
    if (!columns[i].date && core::is_ttl_name(name) && ImGui::IsItemHovered()) {
      ui::tooltip_wrapped(
          "Named like the table's TTL attribute: DynamoDB deletes an item some time after this time "
          "passes (the API cannot say which attribute is the TTL one)");
    }
  }
  a11y::pop_parent();
}

std::size_t hovered_column(const std::vector<ShownColumn>& columns) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (ImGui::TableGetColumnFlags(static_cast<int>(i)) & ImGuiTableColumnFlags_IsHovered) return columns[i].source;
  }
  return 0;
}

// The zone's offset from UTC at that instant, in minutes east (the browser's zone under Emscripten).
int local_offset_minutes(std::int64_t ms) {
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  return static_cast<int>(local.tm_gmtoff / 60);
}

std::optional<core::EpochTime> cell_time(const core::ResultTable& table, std::size_t row, std::size_t column) {
  return core::cell_epoch(table, row, column);
}

void date_tooltip(const core::EpochTime& time) {
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(core::format_date_utc(time).c_str());
  const std::string local = core::format_date_local(time, local_offset_minutes(time.ms)) + " (local)";
  ImGui::TextUnformatted(local.c_str());
  ImGui::TextColored(palette().muted, "epoch %s%s", time.unit == core::EpochUnit::Seconds ? "seconds" : "milliseconds",
                     time.by_name ? ", by its name" : "");
  ImGui::EndTooltip();
}

// One row: a selectable across every column (click selects the row and the
// cell under the mouse; right-click offers copying), then the cells.
void draw_table_row(ResponseState& state, const std::vector<ShownColumn>& columns, std::size_t position,
                    ResponsePanelResult& result) {
  TableView& view = state.view;
  const core::ResultTable& table = state.table;
  const std::uint32_t row = view.shown[position];
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::PushID(static_cast<int>(row));
  const auto flags = ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap;
  a11y::hint_next(a11y::Hint::Row, "##Row " + std::to_string(position), 0, view.selected_row == row);
  if (ImGui::Selectable("##row", view.selected_row == row, flags, ImVec2(0, ui::row_height()))) {
    view.selected_row = row;
    view.selected_column = hovered_column(columns);
    if (table.cell(row, view.selected_column).expandable()) {
      view.nested = {{row, view.selected_column}};
      view.nested_clicked = true;
    }
  }
  const ImGuiID row_id = ImGui::GetItemID();
  if (ImGui::BeginPopupContextItem("row-menu")) {
    if (view.selected_row != row) {
      view.selected_row = row;
      view.selected_column = hovered_column(columns);
    }
    draw_copy_menu(state, result);
    ImGui::EndPopup();
  }
  ImGui::SameLine(0, 0);
  a11y::push_parent(row_id);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0 && !ImGui::TableNextColumn()) continue;
    const std::size_t column = columns[i].source;
    const auto time = cell_time(table, row, column);
    std::string words;
    if (columns[i].date) {
      if (time) words = core::format_date_utc(*time);
      ImGui::TextColored(palette().muted, "%s", words.c_str());
    } else {
      const core::Cell& cell = table.cell(row, column);
      draw_cell_text(cell);
      words = cell_words(cell);
    }
    if (time && ImGui::IsItemHovered()) date_tooltip(*time);
    ImGui::PushID(static_cast<int>(i));
    a11y::describe_last(a11y::Hint::Cell, "", words);
    ImGui::PopID();
  }
  a11y::pop_parent();
  ImGui::PopID();
}

void draw_nested_popup(ResponseState& state) {
  TableView& view = state.view;
  if (!view.nested) return;
  const auto [row, column] = *view.nested;
  if (row >= state.table.row_count()) {
    view.nested.reset();
    return;
  }
  if (view.nested_clicked) ImGui::OpenPopup("nested-value");
  view.nested_clicked = false;
  ImGui::SetNextWindowSizeConstraints(ImVec2(ui::em(16), 0), ImVec2(ui::em(40), ui::em(30)));
  if (!ImGui::BeginPopup("nested-value")) {
    view.nested.reset();
    return;
  }
  const core::Cell& cell = state.table.cell(row, column);
  ImGui::TextColored(palette().muted, "%s · %.*s", state.table.columns()[column].name.c_str(),
                     static_cast<int>(cell.text.size()), cell.text.data());
  ImGui::Separator();
  draw_nested_tree(cell);
  ImGui::EndPopup();
}

void draw_table(ResponseState& state, ExportState& exports, ResponsePanelResult& result) {
  const core::ResultTable& table = state.table;
  if (table.column_count() == 0) {
    ui::text_muted("Nothing to show as a table.");
    return;
  }
  draw_table_toolbar(state, result);
  draw_export_area(state, exports, result);
  const std::vector<ShownColumn> columns = shown_columns(state);
  const auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Resizable |
                     ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit |
                     ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate | ImGuiTableFlags_Reorderable;
  ImGui::PushID(state.view.id);
  if (!ImGui::BeginTable("result", static_cast<int>(columns.size()), flags, ImVec2(0, 0))) {
    ImGui::PopID();
    return;
  }
  a11y::describe_window(a11y::Hint::Table, "Results table", "Results");
  a11y::push_parent();
  // The header row and the key column stay in view while scrolling.
  ImGui::TableSetupScrollFreeze(table.columns().front().key ? 1 : 0, 1);
  for (const ShownColumn& column : columns) {
    // The view's sort is the default, so a table set up again (date columns
    // shown or hidden) keeps it.
    ImGuiTableColumnFlags column_flags = ImGuiTableColumnFlags_PreferSortAscending;
    if (column.date) column_flags = ImGuiTableColumnFlags_NoSort;
    if (!column.date && static_cast<int>(column.source) == state.view.sort_column) {
      column_flags |= ImGuiTableColumnFlags_DefaultSort;
      if (state.view.sort_direction == core::SortDirection::Descending) {
        column_flags = ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending;
      }
    }
    const std::string& name = table.columns()[column.source].name;
    ImGui::TableSetupColumn(header_label(name, column.date).c_str(), column_flags);
  }
  follow_sort_specs(state, columns);
  draw_header_row(table, columns);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(state.view.shown.size()));
  while (clipper.Step()) {
    for (int position = clipper.DisplayStart; position < clipper.DisplayEnd; ++position) {
      draw_table_row(state, columns, static_cast<std::size_t>(position), result);
    }
  }
  if (clipper.ItemsHeight > 0) {
    state.view.first_visible = static_cast<std::size_t>(ImGui::GetScrollY() / clipper.ItemsHeight);
  }
  a11y::pop_parent();
  ImGui::EndTable();
  draw_nested_popup(state);
  ImGui::PopID();
}

// ---- the JSON tab

// Only the visible lines are drawn, so a large answer scrolls smoothly. A
// line that opens an object or array has a marker that folds it.
// Returns whether its fold marker was clicked.
bool draw_json_line(const JsonFolds& folds, const std::string& text, const std::vector<std::size_t>& starts,
                    std::uint32_t line) {
  bool toggled = false;
  const std::size_t begin = starts[line];
  const std::size_t end = line + 1 < starts.size() ? starts[line + 1] - 1 : text.size();
  const bool opens = folds.end[line] != 0;
  ImGui::PushID(static_cast<int>(line));
  if (opens) {
    const bool folded = folds.folded[line];
    a11y::hint_next(a11y::Hint::None, "Fold line " + std::to_string(line + 1),
                    core::a11y::kOpenable | (folded ? 0u : core::a11y::kOpened));
    toggled = ImGui::ArrowButton("##fold", folded ? ImGuiDir_Right : ImGuiDir_Down);
  } else {
    ImGui::Dummy(ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()));
  }
  ImGui::PopID();
  ImGui::SameLine(0, ui::em(0.3f));
  ImGui::TextUnformatted(text.c_str() + begin, text.c_str() + end);
  ImGui::PushID(static_cast<int>(line));
  a11y::describe_last(a11y::Hint::Text, "", std::string_view(text).substr(begin, end - begin));
  ImGui::PopID();
  if (opens && folds.folded[line]) {
    // "[ … 18 lines ]," on one line: the hidden lines counted, the closing bracket kept.
    const std::uint32_t close = folds.end[line];
    const std::uint32_t hidden = close - line - 1;
    ImGui::SameLine(0, 0);
    ImGui::TextColored(palette().muted, " … %u line%s ", hidden, hidden == 1 ? "" : "s");
    const std::size_t close_begin = text.find_first_not_of(' ', starts[close]);
    const std::size_t close_end = close + 1 < starts.size() ? starts[close + 1] - 1 : text.size();
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted(text.c_str() + close_begin, text.c_str() + close_end);
  }
  return toggled;
}

void draw_json(ResponseState& state) {
  ui::begin_radio_group("JSON form");
  for (const bool dynamodb : {false, true}) {
    const char* label = dynamodb ? "DynamoDB JSON##JSON DynamoDB" : "Plain JSON##JSON plain";
    if (dynamodb) ui::flow(check_width("DynamoDB JSON"));
    a11y::hint_next(a11y::Hint::Radio, {}, 0, state.json_dynamodb == dynamodb);
    if (ImGui::RadioButton(label, state.json_dynamodb == dynamodb) && state.json_dynamodb != dynamodb) {
      state.json_dynamodb = dynamodb;
      refresh_json_text(state);
    }
    if (dynamodb && ImGui::IsItemHovered()) {
      ui::tooltip_wrapped(
          "Items as DynamoDB's typed JSON ({\"S\": …}, {\"N\": \"…\"}, {\"SS\": […]}), as the AWS CLI "
          "and the console show them");
    }
  }
  ui::end_radio_group();
  ui::flow(ui::target_width("Expand all"));
  if (ui::small_button("Expand all")) fold_all(state.folds, false);
  ui::flow(ui::target_width("Collapse all"));
  if (ui::small_button("Collapse all")) fold_all(state.folds, true);
  ImGui::PushFont(ImGui::GetIO().Fonts->Fonts[kMonoFont]);
  ImGui::BeginChild("json-view", ImVec2(0, 0), ImGuiChildFlags_Border, ImGuiWindowFlags_HorizontalScrollbar);
  a11y::describe_window(a11y::Hint::Region, "JSON view", "Response JSON");
  a11y::push_parent();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 0));
  std::optional<std::uint32_t> toggled;  // folded after drawing: it changes the visible lines
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(state.folds.visible.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const std::uint32_t line = state.folds.visible[static_cast<std::size_t>(i)];
      if (draw_json_line(state.folds, state.text, state.line_starts, line)) toggled = line;
    }
  }
  if (toggled) toggle_fold(state.folds, *toggled);
  ImGui::PopStyleVar(2);
  state.json_scroll_lines = ImGui::GetScrollY() / ImGui::GetTextLineHeight();
  a11y::pop_parent();
  ImGui::EndChild();
  ImGui::PopFont();
}

void draw_row(const char* name, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextColored(palette().muted, "%s", name);
  ImGui::TableNextColumn();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(value.c_str(), value.c_str() + value.size());
  ImGui::PopTextWrapPos();
  ImGui::PushID(name);
  a11y::describe_last(a11y::Hint::Text, "", std::string(name) + ": " + value);
  ImGui::PopID();
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
  if (const std::string transport = core::transport_error_text(state.http.transport_error); !transport.empty())
    draw_row("Transport", transport);
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

// A list's pages: how many are shown, and the buttons to read more.
void draw_paging(const ResponseState& state, bool busy, ResponsePanelResult& result) {
  const ListPaging& paging = *state.paging;
  const bool more = state.answer.last_evaluated_key.has_value();
  ImGui::AlignTextToFramePadding();
  std::string progress = core::format_count(paging.pages) + (paging.pages == 1 ? " page · " : " pages · ") +
                         core::format_count(state.table.row_count()) + " items";
  if (paging.load_all)
    progress = "Loading all: " + progress + " so far…";
  else if (paging.stopped)
    progress += " (stopped)";
  else if (!more)
    progress += " · no more pages";
  // Wrapped: at a phone's larger text sizes the line is wider than the screen.
  ui::text_as(a11y::Hint::Status, "Paging progress", palette().muted, progress);
  if (!paging.over_budget.empty()) {
    ui::text_as(a11y::Hint::Alert, "Paging budget", palette().warning, paging.over_budget);
    return;
  }
  if (paging.load_all) {
    ui::flow(ui::target_width("Stop"));
    if (ui::small_button("Stop")) result.stop_loading = true;
    return;
  }
  if (!more) return;
  ImGui::BeginDisabled(busy);
  ui::flow(ui::target_width("Next page"));
  if (ui::small_button("Next page")) result.next_page = true;
  ui::flow(ui::target_width("Load all"));
  if (ui::small_button("Load all")) result.load_all = true;
  ImGui::EndDisabled();
}

void draw_tabs(ResponseState& state, ExportState& exports, ResponsePanelResult& result) {
  if (!ImGui::BeginTabBar("response-tabs")) return;
  const ImRect bar = ImGui::GetCurrentTabBar()->BarRect;
  a11y::describe_rect(a11y::Hint::TabList, "", "Answer views", bar.Min.x, bar.Min.y, bar.Max.x, bar.Max.y);
  const std::uint32_t tab_list = a11y::push_parent();
  a11y::pop_parent();
  for (const ResponseTab tab : {ResponseTab::Table, ResponseTab::Json, ResponseTab::Metadata, ResponseTab::Error}) {
    const ImGuiTabItemFlags flags = state.select_tab == tab ? ImGuiTabItemFlags_SetSelected : 0;
    const std::string label = std::string(tab_name(tab)) + "##Tab " + tab_name(tab);
    a11y::push_parent(tab_list);
    a11y::hint_next(a11y::Hint::Tab, label, 0, state.shown_tab == tab);  // ImGui reports no label for tabs
    const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
    a11y::pop_parent();
    if (!open) continue;
    state.shown_tab = tab;
    switch (tab) {
      case ResponseTab::Table: draw_table(state, exports, result); break;
      case ResponseTab::Json:
        ensure_json_text(state);
        draw_json(state);
        break;
      case ResponseTab::Metadata: draw_metadata(state); break;
      case ResponseTab::Error: draw_error(state); break;
    }
    ImGui::EndTabItem();
  }
  // ImGui switches tabs on the frame after the request: ask until it is done.
  if (state.select_tab == state.shown_tab) state.select_tab.reset();
  ImGui::EndTabBar();
}

constexpr std::size_t kSnapshotVisibleRows = 5;

SnapshotJson table_snapshot(const ResponseState& state) {
  const TableView& view = state.view;
  SnapshotJson visible = SnapshotJson::array();
  for (std::size_t position = view.first_visible;
       position < std::min(view.shown.size(), view.first_visible + kSnapshotVisibleRows); ++position) {
    SnapshotJson cells = SnapshotJson::array();
    for (std::size_t column = 0; column < state.table.column_count(); ++column) {
      cells.push_back(std::string(state.table.cell(view.shown[position], column).text));
    }
    visible.push_back(std::move(cells));
  }
  const bool sorted = view.sort_column >= 0 && view.sort_column < static_cast<int>(state.table.column_count());
  SnapshotJson times = SnapshotJson::array();
  for (const std::size_t column : view.time_columns) times.push_back(state.table.columns()[column].name);
  SnapshotJson ttl = SnapshotJson::array();
  for (const auto& column : state.table.columns()) {
    if (core::is_ttl_name(column.name)) ttl.push_back(column.name);
  }
  // The date columns' text of the rows on screen, as drawn.
  SnapshotJson dates = SnapshotJson::array();
  for (std::size_t position = view.first_visible;
       view.show_dates && position < std::min(view.shown.size(), view.first_visible + kSnapshotVisibleRows);
       ++position) {
    SnapshotJson row = SnapshotJson::object();
    for (const std::size_t column : view.time_columns) {
      const auto time = cell_time(state.table, view.shown[position], column);
      row.set(state.table.columns()[column].name, time ? core::format_date_utc(*time) : std::string());
    }
    dates.push_back(std::move(row));
  }
  return {{"shown", view.shown.size()},
          {"total", state.table.row_count()},
          {"row_count_label", core::format_row_count(view.shown.size(), state.table.row_count())},
          {"filter", view.filter},
          {"sort_column", sorted ? SnapshotJson(state.table.columns()[static_cast<std::size_t>(view.sort_column)].name)
                                 : SnapshotJson(nullptr)},
          {"sort_direction", view.sort_direction == core::SortDirection::Ascending ? "ascending" : "descending"},
          {"first_visible", view.first_visible},
          {"visible_rows", std::move(visible)},
          {"selected_row", view.selected_row ? SnapshotJson(*view.selected_row) : SnapshotJson(nullptr)},
          {"copy_format", format_name(view.copy_format)},
          {"nested_open", view.nested.has_value()},
          {"time_columns", std::move(times)},
          {"ttl_columns", std::move(ttl)},
          {"visible_dates", std::move(dates)},
          {"show_dates", view.show_dates}};
}

SnapshotJson paging_snapshot(const ResponseState& state) {
  if (!state.paging) return nullptr;
  return {{"pages", state.paging->pages},
          {"items", state.table.row_count()},
          {"over_budget", state.paging->over_budget},
          {"load_all", state.paging->load_all},
          {"stopped", state.paging->stopped},
          {"has_next", state.answer.last_evaluated_key.has_value()}};
}

}  // namespace

ResponsePanelResult draw_response_panel(std::optional<ResponseState>& state, ExportState& exports, bool busy) {
  ResponsePanelResult result;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  a11y::describe_rect(a11y::Hint::Heading, "", "Response", top.x, top.y, top.x + ImGui::GetContentRegionAvail().x,
                      top.y);
  if (!state) {
    ui::text_muted("No answer yet. Press Send, or Test connection in the Connection panel.");
    return result;
  }
  draw_status_line(*state, result);
  if (state->paging) draw_paging(*state, busy, result);
  draw_tabs(*state, exports, result);
  return result;
}

SnapshotJson response_snapshot(const std::optional<ResponseState>& state) {
  if (!state) return nullptr;
  const core::Answer& answer = state->answer;
  const core::ResultTable& table = state->table;
  SnapshotJson columns = SnapshotJson::array();
  for (const auto& column : table.columns()) columns.push_back(column.name);
  SnapshotJson rows = SnapshotJson::array();
  for (std::size_t row = 0; row < std::min(table.row_count(), kSnapshotRowLimit); ++row) {
    SnapshotJson cells = SnapshotJson::array();
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
          {"table", table_snapshot(*state)},
          {"paging", paging_snapshot(*state)},
          {"transport_error", core::transport_error_text(state->http.transport_error)},
          {"transport_cause", std::string(core::transport_cause_name(answer.transport_cause))},
          {"verdict", {{"headline", state->verdict.headline}, {"advice", state->verdict.advice}}},
          {"tab", tab_name(state->shown_tab)},
          {"json_scroll_lines", state->json_scroll_lines},
          {"json_lines", state->folds.visible.size()},
          {"json_dynamodb", state->json_dynamodb}};
}

SnapshotJson export_snapshot(const ExportState& state) {
  SnapshotJson running = nullptr;
  if (state.job) {
    running = {{"rows_written", state.job->writer.rows_written()},
               {"row_total", state.job->writer.row_total()},
               {"bytes", state.job->bytes},
               {"target", state.job->target == ExportTarget::File ? "file" : "clipboard"}};
  }
  return {{"format", std::string(core::export_format_label(state.choice.format))},
          {"byte_order_mark", state.choice.byte_order_mark},
          {"filtered", state.choice.filtered},
          {"folded", state.folded && !state.unfolded},
          {"running", std::move(running)},
          {"notice", state.notice},
          {"notice_is_problem", state.notice_is_problem}};
}

}  // namespace app
