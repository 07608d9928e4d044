// The Connection panel: endpoint, API key (remembered only when asked),
// custom headers with a secret flag, timeout, and Test connection.
#include <algorithm>

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "app/panels.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"

namespace app {
namespace {

const char* const kEndpointHint = "https://{api-id}.execute-api.{region}.amazonaws.com/prod/DynamoDBManager";

// The diagnostics for `field`, each on its own line under the field.
void draw_diagnostics(const core::Diagnostics& diagnostics, const std::string& field) {
  for (const auto& diagnostic : diagnostics) {
    if (diagnostic.field != field) continue;
    const bool error = diagnostic.severity == core::Severity::Error;
    ui::text_colored_wrapped(error ? palette().error : palette().warning, diagnostic.message);
  }
}

bool draw_endpoint(ConnectionState& state) {
  ImGui::TextUnformatted("Endpoint");
  ImGui::SetNextItemWidth(-1);
  const bool changed = ImGui::InputTextWithHint("##Endpoint", kEndpointHint, &state.settings.connection.endpoint);
  draw_diagnostics(state.diagnostics, "connection.endpoint");
  if (const std::string relay = core::relay_status(state.settings.connection.endpoint, state.site); !relay.empty()) {
    ui::text_as(a11y::Hint::Text, "Relay", palette().muted,
                relay + " (scripts/demo --relay), which adds the CORS headers the API lacks");
  }
  return changed;
}

bool draw_api_key(ConnectionState& state) {
  bool changed = false;
  ImGui::TextUnformatted("API key");
  ImGui::SameLine();
  ui::text_muted("(optional, sent as x-api-key)");
  const char* toggle = state.show_key ? "Hide key##Show key" : "Show key##Show key";
  ImGui::SetNextItemWidth(-(ui::button_width(toggle) + ImGui::GetStyle().ItemSpacing.x));
  const ImGuiInputTextFlags flags = state.show_key ? 0 : ImGuiInputTextFlags_Password;
  changed |= ImGui::InputTextWithHint("##API key", "none", &state.settings.connection.api_key, flags);
  ImGui::SameLine();
  if (ImGui::Button(toggle)) state.show_key = !state.show_key;
  draw_diagnostics(state.diagnostics, "connection.api_key");
  changed |= ImGui::Checkbox("Remember key on this device##Remember key", &state.settings.remember_secrets);
  if (ImGui::IsItemHovered()) {
    ui::tooltip_wrapped(
        "Keeps the API key and secret header values in this browser's storage. "
        "Leave it off on a shared computer.");
  }
  return changed;
}

// One row: name, value, Secret, remove. Returns true when it changed; sets `remove`.
bool draw_header_row(ConnectionState& state, std::size_t index, bool& remove) {
  core::HeaderRow& row = state.settings.connection.headers[index];
  const std::string n = std::to_string(index);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float secret_width = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize("Secret").x;
  const float remove_width = ui::target_width("×");
  const float fields = ImGui::GetContentRegionAvail().x - secret_width - remove_width - style.ItemSpacing.x * 3;
  bool changed = false;
  ImGui::PushID(static_cast<int>(index));
  ImGui::SetNextItemWidth(fields * 0.45f);
  changed |= ImGui::InputTextWithHint(("##Header name " + n).c_str(), "Name", &row.name);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(fields * 0.55f);
  changed |= ImGui::InputTextWithHint(("##Header value " + n).c_str(), "Value", &row.value,
                                      row.secret ? ImGuiInputTextFlags_Password : 0);
  ImGui::SameLine();
  changed |= ImGui::Checkbox(("Secret##Header secret " + n).c_str(), &row.secret);
  if (ImGui::IsItemHovered()) {
    ui::tooltip_wrapped("A secret value is hidden, never put in a link, and remembered only with the key.");
  }
  ImGui::SameLine();
  if (ImGui::Button(("×##Remove header " + n).c_str(), ImVec2(remove_width, 0))) remove = true;
  ImGui::PopID();
  draw_diagnostics(state.diagnostics, "connection.headers[" + n + "]");
  return changed;
}

bool draw_headers(ConnectionState& state) {
  bool changed = false;
  ImGui::TextUnformatted("Headers");
  ui::describe_last(a11y::Hint::Text, "", "Headers");
  std::optional<std::size_t> removed;
  std::vector<core::HeaderRow>& rows = state.settings.connection.headers;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    bool remove = false;
    changed |= draw_header_row(state, i, remove);
    if (remove) removed = i;
  }
  if (removed) {
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(*removed));
    changed = true;
  }
  if (ImGui::Button("+ Add header##Add header")) {
    rows.push_back({});
    changed = true;
  }
  return changed;
}

bool draw_timeout(ConnectionState& state) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Timeout");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ui::em(4));
  int seconds = state.settings.timeout_seconds;
  const bool changed = ImGui::InputInt("##Timeout", &seconds, 0, 0);
  ImGui::SameLine();
  ImGui::TextUnformatted("seconds");
  if (!changed) return false;
  state.settings.timeout_seconds = std::clamp(seconds, core::kMinTimeoutSeconds, core::kMaxTimeoutSeconds);
  return true;
}

void draw_test(ConnectionState& state, ConnectionPanelResult& result) {
  if (state.check) {
    if (ImGui::Button("Cancel test")) result.cancel_test = true;
    ImGui::SameLine();
    ImGui::TextColored(palette().warning, "Pinging…");
    ui::describe_last(a11y::Hint::Status, "", "Pinging…");
    return;
  }
  if (ImGui::Button("Test connection")) result.test = true;
  if (state.verdict.state == core::ConnectionState::Unknown && state.verdict.headline.empty()) return;
  ui::status_dot(ui::verdict_color(state.verdict.state, false));
  ui::text_as(state.verdict.state == core::ConnectionState::Failed ? a11y::Hint::Alert : a11y::Hint::Status,
              "Connection verdict", ui::verdict_color(state.verdict.state, false), state.verdict.headline);
  if (!state.verdict.advice.empty()) ui::text_muted(state.verdict.advice);
}

}  // namespace

ConnectionPanelResult draw_connection_panel(ConnectionState& state) {
  ConnectionPanelResult result;
  ui::section_title("Connection");
  result.changed |= draw_endpoint(state);
  result.changed |= draw_api_key(state);
  result.changed |= draw_headers(state);
  result.changed |= draw_timeout(state);
  draw_diagnostics(state.diagnostics, "timeout_seconds");
  draw_test(state, result);
  return result;
}

SnapshotJson connection_snapshot(const ConnectionState& state) {
  SnapshotJson headers = SnapshotJson::array();
  for (const auto& row : state.settings.connection.headers)
    headers.push_back({{"name", row.name}, {"secret", row.secret}});
  SnapshotJson diagnostics = SnapshotJson::array();
  for (const auto& d : state.diagnostics) diagnostics.push_back({{"field", d.field}, {"message", d.message}});
  const char* verdict = state.verdict.state == core::ConnectionState::Connected ? "connected"
                        : state.verdict.state == core::ConnectionState::Failed  ? "failed"
                                                                                : "unknown";
  return {{"endpoint", state.settings.connection.endpoint},
          {"api_key_set", !state.settings.connection.api_key.empty()},
          {"remember_key", state.settings.remember_secrets},
          {"headers", std::move(headers)},
          {"timeout_seconds", state.settings.timeout_seconds},
          {"diagnostics", std::move(diagnostics)},
          {"checking", state.check.has_value()},
          {"state", verdict},
          {"headline", state.verdict.headline},
          {"advice", state.verdict.advice},
          {"relay", core::relay_status(state.settings.connection.endpoint, state.site)}};
}

}  // namespace app
