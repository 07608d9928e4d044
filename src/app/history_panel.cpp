// The History panel: every request sent, newest first, with its outcome and
// time; click a row to put its event back into the editor, ↻ to send it again.
#include <chrono>
#include <ctime>

#include "app/panels.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "core/format.hpp"

namespace app {
namespace {

constexpr std::size_t kSnapshotEntries = 50;

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int utc_offset_minutes() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return static_cast<int>(local.tm_gmtoff / 60);
}

std::string sent_label(const core::HistoryEntry& entry) {
  return core::format_sent_time(entry.sent_at_ms, now_ms(), utc_offset_minutes());
}

ImVec4 outcome_color(const core::HistoryEntry& entry) {
  if (entry.ok) return palette().success;
  return entry.transport_error.failure == core::TransportFailure::Cancelled ? palette().muted : palette().error;
}

// One two-line row: outcome, operation and table; time, duration and host.
void draw_entry(HistoryState& state, std::size_t index, bool can_send, HistoryPanelResult& result) {
  const core::HistoryEntry& entry = state.history.entries[index];
  const std::string n = std::to_string(index);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeight();
  const float row_height = line * 2 + style.FramePadding.y * 2;
  const float resend_width = ui::target_width("↻");
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::PushID(static_cast<int>(entry.id));

  const bool restorable = entry.event.has_value();
  const std::string outcome = core::history_outcome(entry);
  const std::string details = sent_label(entry) + " · " + core::format_duration(static_cast<double>(entry.elapsed_ms)) +
                              " · " + core::endpoint_host(entry.endpoint);
  // Read as what it shows: outcome, operation, table, when, how long, where.
  a11y::hint_next(a11y::Hint::None,
                  outcome + " " + entry.operation + " " + entry.table_name + ", " + details + "##History " + n);
  if (ImGui::Selectable("##row", entry.id == state.restored_id, 0,
                        ImVec2(width - resend_width - style.ItemSpacing.x, row_height)) &&
      restorable) {
    result.restore = entry.id;
  }
  if (ImGui::IsItemHovered()) {
    ui::tooltip_wrapped(restorable ? "Click to put this event into the editor. Sent to " + entry.endpoint
                                   : "This event (" + core::format_bytes(entry.event_bytes) +
                                         ") was too large to keep; only its summary is in the history.");
  }
  ImGui::SameLine();
  ImGui::SetCursorScreenPos(
      ImVec2(start.x + width - resend_width, start.y + (row_height - ImGui::GetFrameHeight()) / 2));
  ImGui::BeginDisabled(!can_send || !restorable);
  if (ImGui::Button(("↻##Re-send " + n).c_str(), ImVec2(resend_width, 0))) result.resend = entry.id;
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Send again");

  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImVec2 pos(start.x + style.FramePadding.x, start.y + style.FramePadding.y);
  draw->AddText(pos, ImGui::GetColorU32(outcome_color(entry)), outcome.c_str());
  pos.x += ImGui::CalcTextSize("no answer").x + ui::em(0.6f);  // the widest outcome
  draw->AddText(pos, ImGui::GetColorU32(ImGuiCol_Text), entry.operation.c_str());
  pos.x += ImGui::CalcTextSize(entry.operation.c_str()).x + style.ItemSpacing.x;
  draw->AddText(pos, ImGui::GetColorU32(palette().muted), entry.table_name.c_str());
  draw->AddText(ImVec2(start.x + style.FramePadding.x, start.y + style.FramePadding.y + line),
                ImGui::GetColorU32(palette().muted), details.c_str());
  ImGui::PopID();
}

void draw_toolbar(HistoryState& state, HistoryPanelResult& result) {
  ui::section_title("History (" + std::to_string(state.history.entries.size()) + ")");
  if (state.confirm_clear) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(palette().warning, "Clear all %zu entries?", state.history.entries.size());
    ui::describe_last(a11y::Hint::Text, "", "Clear all " + std::to_string(state.history.entries.size()) + " entries?");
    ImGui::SameLine();
    if (ImGui::Button("Clear all##Confirm clear")) {
      result.clear = true;
      state.confirm_clear = false;
    }
    ImGui::SameLine();
    if (ImGui::Button("Keep##Keep history")) state.confirm_clear = false;
    return;
  }
  ImGui::BeginDisabled(state.history.entries.empty());
  if (ui::small_button("Clear history")) state.confirm_clear = true;
  ImGui::EndDisabled();
}

}  // namespace

HistoryPanelResult draw_history_panel(HistoryState& state, bool can_send) {
  HistoryPanelResult result;
  draw_toolbar(state, result);
  if (!state.problem.empty()) ui::text_colored_wrapped(palette().warning, state.problem);
  if (state.history.entries.empty()) {
    ui::text_muted("Requests you send appear here, and stay after a reload.");
    return result;
  }
  ImGui::BeginChild("history-list", ImVec2(0, std::max(ImGui::GetContentRegionAvail().y, ui::em(8))),
                    ImGuiChildFlags_Border);
  const float row_height = ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().FramePadding.y * 2;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(state.history.entries.size()), row_height + ImGui::GetStyle().ItemSpacing.y);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      draw_entry(state, static_cast<std::size_t>(i), can_send, result);
    }
  }
  ImGui::EndChild();
  return result;
}

SnapshotJson history_snapshot(const HistoryState& state) {
  SnapshotJson entries = SnapshotJson::array();
  const std::size_t count = std::min(state.history.entries.size(), kSnapshotEntries);
  for (std::size_t i = 0; i < count; ++i) {
    const auto& entry = state.history.entries[i];
    entries.push_back({{"id", entry.id},
                       {"operation", entry.operation},
                       {"table_name", entry.table_name},
                       {"outcome", core::history_outcome(entry)},
                       {"ok", entry.ok},
                       {"restorable", entry.event.has_value()}});
  }
  return {{"count", state.history.entries.size()},
          {"entries", std::move(entries)},
          {"restored_id", state.restored_id},
          {"problem", state.problem}};
}

}  // namespace app
