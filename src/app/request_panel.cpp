// The request area: operation and table name (written into the event), the
// form editor (request_form.cpp) or the raw JSON editor of the whole event
// with its errors, Send / Ctrl+Enter (off, saying why, while the request has
// errors) and the in-flight state with Cancel, Copy as curl / fetch / … (every
// snippet kind of core/snippets).
#include <cfloat>

#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include "app/panels.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "core/format.hpp"

namespace app {
namespace {

// The snapshot is published on every drawn frame: large texts go in cut.
constexpr std::size_t kSnapshotTextLimit = 100 * 1024;

const char* send_shortcut() { return ImGui::GetIO().ConfigMacOSXBehaviors ? "Cmd+Enter" : "Ctrl+Enter"; }

bool shortcut_modifier_down() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.ConfigMacOSXBehaviors ? io.KeySuper : io.KeyCtrl;
}

bool send_shortcut_pressed() {
  return shortcut_modifier_down() &&
         (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false));
}

void replace_text(RequestState& state, std::optional<std::string> text, RequestPanelResult& result) {
  if (!text || *text == state.text) return;
  state.text = std::move(*text);
  result.text_changed = true;
}

void draw_operations(RequestState& state, RequestPanelResult& result) {
  const bool editable = state.check.event && state.check.event->is_object();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Operation");
  ImGui::BeginDisabled(!editable);
  ImGui::SameLine();
  ui::begin_radio_group("Operation");
  const std::optional<core::Operation> chosen = core::operation_named(state.check.operation);
  for (const auto operation : core::kOperations) {
    const std::string name(core::operation_name(operation));
    if (operation != core::kOperations.front()) ui::flow(ui::button_width(name.c_str()));
    const bool selected = chosen == operation;
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    a11y::hint_next(a11y::Hint::Radio, {}, 0, selected);
    if (ImGui::Button((name + "##Operation " + name).c_str())) {
      if (state.view == RequestView::Form && state.form.form) {
        switch_form_operation(state, operation);
        result.form_changed = true;
      } else {
        replace_text(state, core::with_operation(state.text, operation), result);
      }
    }
    if (selected) ImGui::PopStyleColor();
  }
  ui::end_radio_group();
  ImGui::EndDisabled();
}

// The "Copy as" menu: every snippet kind; the DynamoDB ones only for the
// operations that reach DynamoDB (echo and ping are answered by the Lambda).
void draw_snippet_menu(const RequestState& state, RequestPanelResult& result) {
  const auto operation = core::operation_named(state.check.operation);
  const bool reaches_dynamodb = operation && core::uses_table(*operation);
  for (const auto kind : core::kSnippetKinds) {
    const bool enabled = !core::snippet_calls_dynamodb(kind) || reaches_dynamodb;
    if (kind == core::SnippetKind::AwsCli) ImGui::SeparatorText("DynamoDB call");
    const std::string label =
        std::string(core::snippet_label(kind)) + "##Snippet " + std::string(core::snippet_name(kind));
    if (ImGui::MenuItem(label.c_str(), nullptr, false, enabled)) result.copy_snippet = kind;
    if (!enabled && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
      ui::tooltip_wrapped(state.check.operation + " is answered by the Lambda itself: it has no DynamoDB call.");
    }
  }
}

void draw_copy_buttons(const RequestState& state, RequestPanelResult& result) {
  ImGui::BeginDisabled(!state.check.event);
  if (ImGui::Button("Copy as curl")) result.copy_snippet = core::SnippetKind::Curl;
  ui::flow(ui::button_width("Copy as fetch"));
  if (ImGui::Button("Copy as fetch")) result.copy_snippet = core::SnippetKind::Fetch;
  ui::flow(ui::button_width("Copy as…##Copy as menu"));
  if (ImGui::Button("Copy as…##Copy as menu")) ImGui::OpenPopup("copy-as");
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ui::tooltip_wrapped(
        "The request as Python requests, HTTPie, or the DynamoDB call itself: AWS CLI, boto3, JS SDK v3");
  }
  if (ImGui::BeginPopup("copy-as")) {
    draw_snippet_menu(state, result);
    ImGui::EndPopup();
  }
}

// Send (or the in-flight state) at the right; the Copy buttons before it when
// they fit. Returns whether they were drawn.
bool draw_send(const RequestState& state, const std::optional<Exchange>& exchange, RequestPanelResult& result) {
  if (exchange) {
    const double elapsed_ms = (ImGui::GetTime() - exchange->started_at) * 1000.0;
    const std::string sending = "Sending " + exchange->operation + "… " + core::format_duration(elapsed_ms);
    const float sending_width =
        ImGui::CalcTextSize(sending.c_str()).x + ImGui::GetStyle().ItemSpacing.x + ui::button_width("Cancel");
    ui::flow(sending_width);
    ui::align_right(sending_width);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(palette().warning, "%s", sending.c_str());
    // Read, not spoken: its time changes on every frame.
    ui::describe_last(a11y::Hint::Text, "In flight", sending);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) result.cancel = true;
    return false;
  }
  const core::Diagnostic* error = first_send_error(state);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float send_width = ui::button_width("Send") + ui::em(1);
  const float with_copy = ui::button_width("Copy as curl") + ui::button_width("Copy as fetch") +
                          ui::button_width("Copy as…") + send_width + ui::em(1) + spacing * 3;
  ImGui::SameLine();
  const float left = ImGui::GetContentRegionAvail().x;
  const bool copy_fits = left >= with_copy;
  // Send at the right of the operations' line when it fits there, else at the right of a line of its own.
  if (!copy_fits && left < send_width) ImGui::NewLine();
  ui::align_right(copy_fits ? with_copy : send_width);
  if (copy_fits) {
    draw_copy_buttons(state, result);
    ImGui::SameLine(0, ui::em(1));
  }
  ImGui::BeginDisabled(error != nullptr);
  if (ui::primary_button("Send", ImVec2(ui::button_width("Send") + ui::em(1), 0))) result.send = true;
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ui::tooltip_wrapped(error ? "Send is off until this is fixed: " + error->message
                              : std::string("Sends the event (") + send_shortcut() + ")");
  }
  return copy_fits;
}

// Send across the whole width, under the editor (or the in-flight state).
void draw_send_below(const RequestState& state, const std::optional<Exchange>& exchange, RequestPanelResult& result) {
  if (exchange) {
    const double elapsed_ms = (ImGui::GetTime() - exchange->started_at) * 1000.0;
    const std::string sending = "Sending " + exchange->operation + "… " + core::format_duration(elapsed_ms);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(palette().warning, "%s", sending.c_str());
    ui::describe_last(a11y::Hint::Text, "In flight", sending);
    ImGui::SameLine();
    ui::align_right(ui::target_width("Cancel"));
    if (ImGui::Button("Cancel", ImVec2(ui::target_width("Cancel"), 0))) result.cancel = true;
    return;
  }
  ImGui::BeginDisabled(first_send_error(state) != nullptr);
  if (ui::primary_button("Send", ImVec2(ImGui::GetContentRegionAvail().x, 0))) result.send = true;
  ImGui::EndDisabled();
}

void draw_view_switch(RequestState& state) {
  const auto option = [&](const char* label, RequestView view) {
    const bool selected = state.view == view;
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    a11y::hint_next(a11y::Hint::Radio, {}, 0, selected);
    if (ImGui::Button(label)) state.view = view;
    if (selected) ImGui::PopStyleColor();
  };
  ui::begin_radio_group("Request view");
  option("Form##View form", RequestView::Form);
  ImGui::SameLine(0, 0);
  option("JSON##View JSON", RequestView::Json);
  ui::end_radio_group();
}

void draw_table_row(RequestState& state, bool copy_buttons, RequestPanelResult& result) {
  const bool editable = state.check.event && state.check.event->is_object();
  draw_view_switch(state);
  const float table_width = std::min(ui::em(16), ImGui::GetContentRegionMax().x * 0.5f);
  ui::flow(ImGui::CalcTextSize("Table name").x + ImGui::GetStyle().ItemSpacing.x + table_width, ui::em(1));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Table name");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(table_width);
  ImGui::BeginDisabled(!editable);
  if (ImGui::InputTextWithHint("##Table name", "none", &state.table_name)) {
    replace_text(state, core::with_table_name(state.text, state.table_name), result);
  }
  ImGui::EndDisabled();
  if (!editable && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ui::tooltip_wrapped("Fix the event's JSON to change the table here.");
  }
  ui::flow(ui::button_width("Open…"), ui::em(1));
  if (ImGui::Button("Open…##Open file")) result.open_file = true;
  ui::flow(ui::button_width("Save…"));
  if (ImGui::Button("Save…##Save file")) result.save_file = true;
  ui::flow(ui::button_width("Format"));
  ImGui::BeginDisabled(!state.check.event);
  if (ImGui::Button("Format") && state.check.event) replace_text(state, core::event_text(*state.check.event), result);
  ImGui::EndDisabled();
  if (copy_buttons) {
    ui::flow(ui::button_width("Copy as curl"));
    draw_copy_buttons(state, result);
  }
  if (ImGui::GetTime() < state.copied_until) {
    ui::flow(ImGui::CalcTextSize(state.copied.c_str()).x, ui::em(1));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(palette().success, "%s", state.copied.c_str());
    ui::describe_last(a11y::Hint::Status, "Copied", state.copied);
  } else if (!state.origin.empty()) {
    ui::flow(ImGui::CalcTextSize(state.origin.c_str()).x, ui::em(1));
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(palette().muted, "%s", state.origin.c_str());
  }
}

// Moves the caret when asked (to show an error) and keeps Cmd+Enter on macOS
// from typing a newline before it sends.
int editor_callback(ImGuiInputTextCallbackData* data) {
  auto& state = *static_cast<RequestState*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
    return data->EventChar == '\n' && shortcut_modifier_down() ? 1 : 0;
  }
  if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && state.caret_to) {
    const int position =
        static_cast<int>(std::min<std::size_t>(*state.caret_to, static_cast<std::size_t>(data->BufTextLen)));
    data->CursorPos = data->SelectionStart = data->SelectionEnd = position;
    state.caret_to.reset();
  }
  return 0;
}

void draw_editor(RequestState& state, float height, RequestPanelResult& result) {
  if (state.focus_editor) {
    ImGui::SetKeyboardFocusHere();
    state.focus_editor = false;
  }
  ImGui::PushFont(ImGui::GetIO().Fonts->Fonts[kMonoFont]);
  const auto flags = ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_CallbackCharFilter;
  a11y::hint_next(a11y::Hint::None, {}, core::a11y::kMultiline);
  if (ImGui::InputTextMultiline("##Event JSON", &state.text, ImVec2(-FLT_MIN, height), flags, editor_callback,
                                &state)) {
    result.text_changed = true;
  }
  ImGui::PopFont();
}

void draw_status(RequestState& state) {
  const core::Diagnostic* first_error = first_send_error(state);
  if (!state.problem.empty()) {
    ui::text_as(a11y::Hint::Alert, "Not sent", palette().error, state.problem);
  }
  if (first_error) {
    if (first_error->position && state.view == RequestView::Json) {
      if (ui::small_button("Show##Show error")) {
        state.caret_to = first_error->position->offset;
        state.focus_editor = true;
      }
      ImGui::SameLine();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(palette().muted, "Send is off:");
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
    ImGui::TextWrapped("%s", first_error->message.c_str());
    ImGui::PopStyleColor();
    ui::describe_last(a11y::Hint::Text, "Event error", "Send is off: " + first_error->message);
    return;
  }
  // The form shows its warnings beside the fields.
  if (state.view == RequestView::Json) {
    for (const auto& diagnostic : state.check.diagnostics)
      ui::text_colored_wrapped(palette().warning, diagnostic.message);
  }
  if (state.problem.empty()) {
    ui::text_muted(std::string(send_shortcut()) + " sends · " + core::format_bytes(state.text.size()));
  }
}

}  // namespace

bool take_send_shortcut() {
  if (!send_shortcut_pressed()) return false;
  const ImGuiID owner = ImGui::GetID("send shortcut");
  ImGui::SetKeyOwner(ImGuiKey_Enter, owner, ImGuiInputFlags_LockThisFrame);
  ImGui::SetKeyOwner(ImGuiKey_KeypadEnter, owner, ImGuiInputFlags_LockThisFrame);
  return true;
}

RequestPanelResult draw_request_panel(RequestState& state, const std::optional<Exchange>& exchange, bool send_pressed,
                                      bool send_below) {
  RequestPanelResult result;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  a11y::describe_rect(a11y::Hint::Heading, "", "Request", top.x, top.y, top.x + ImGui::GetContentRegionAvail().x,
                      top.y);
  draw_operations(state, result);
  const bool copy_drawn = !send_below && draw_send(state, exchange, result);
  draw_table_row(state, !copy_drawn, result);
  const float send_height = send_below ? ImGui::GetFrameHeightWithSpacing() : 0.0f;
  const float status_height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeightWithSpacing() + send_height;
  const float editor_height = std::max(ui::em(4), ImGui::GetContentRegionAvail().y - status_height);
  if (state.view == RequestView::Form) {
    result.form_changed |= draw_request_form(state, editor_height);
  } else {
    draw_editor(state, editor_height, result);
  }
  if (send_below) draw_send_below(state, exchange, result);
  draw_status(state);
  if (send_pressed && !exchange) result.send = true;
  return result;
}

SnapshotJson request_snapshot(const RequestState& state, const std::optional<Exchange>& exchange) {
  SnapshotJson diagnostics = SnapshotJson::array();
  for (const auto& d : state.check.diagnostics) {
    diagnostics.push_back({{"severity", d.severity == core::Severity::Error ? "error" : "warning"},
                           {"field", d.field},
                           {"message", d.message},
                           {"offset", d.position ? SnapshotJson(d.position->offset) : SnapshotJson()}});
  }
  SnapshotJson in_flight = nullptr;
  if (exchange) {
    in_flight = {{"operation", exchange->operation},
                 {"elapsed_ms", static_cast<long long>((ImGui::GetTime() - exchange->started_at) * 1000.0)}};
  }
  return {{"text", state.text.substr(0, kSnapshotTextLimit)},
          {"text_truncated", state.text.size() > kSnapshotTextLimit},
          {"operation", state.check.operation},
          {"table_name", state.table_name},
          {"sendable", state.check.sendable()},
          {"diagnostics", std::move(diagnostics)},
          {"problem", state.problem},
          {"origin", state.origin},
          {"in_flight", std::move(in_flight)},
          {"view", state.view == RequestView::Form ? "form" : "json"},
          {"form", form_snapshot(state)},
          {"copied", ImGui::GetTime() < state.copied_until ? state.copied : ""}};
}

}  // namespace app
