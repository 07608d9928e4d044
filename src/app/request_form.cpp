// The form editor of a request: the fields of the chosen operation (key,
// typed attribute rows, expressions with their errors underlined and
// one-click fixes, placeholders, the update helper, options), kept in sync
// with the raw JSON text through core::event_from_form / form_from_event.
#include <algorithm>
#include <array>
#include <cfloat>

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "app/panels.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "core/validation.hpp"

namespace app {
namespace {

using core::AttributeValue;

constexpr std::string_view kItem = "Item";
constexpr std::string_view kKey = "Key";
constexpr std::string_view kExclusiveStartKey = "ExclusiveStartKey";
constexpr std::string_view kNames = "ExpressionAttributeNames";
constexpr std::string_view kValues = "ExpressionAttributeValues";

struct ExpressionField {
  std::string_view member;
  std::string core::RequestForm::*text;
  const char* hint;
};

constexpr std::array<ExpressionField, 4> kExpressionFields = {{
    {"UpdateExpression", &core::RequestForm::update_expression, "SET #n = :v REMOVE old"},
    {"ConditionExpression", &core::RequestForm::condition_expression, "attribute_exists(id)"},
    {"FilterExpression", &core::RequestForm::filter_expression, "#n > :min"},
    {"ProjectionExpression", &core::RequestForm::projection_expression, "id, #n"},
}};

bool takes(const core::RequestForm& form, std::string_view member) {
  const auto fields = core::payload_fields(form.operation);
  return std::find(fields.begin(), fields.end(), member) != fields.end();
}

std::string payload_field(std::string_view member) { return "payload." + std::string(member); }

// Whether a diagnostic is about `field` or something inside it ("payload.Item.id" is inside "payload.Item").
bool is_about(const core::Diagnostic& diagnostic, std::string_view field) {
  return diagnostic.field == field ||
         (diagnostic.field.starts_with(field) && diagnostic.field.size() > field.size() &&
          (diagnostic.field[field.size()] == '.' || diagnostic.field[field.size()] == '['));
}

ImVec4 severity_color(core::Severity severity) {
  switch (severity) {
    case core::Severity::Error: return palette().error;
    case core::Severity::Warning: return palette().warning;
    case core::Severity::Info: break;
  }
  return palette().muted;
}

// The messages about `field`, under it; the first is published as `label`.
void draw_field_messages(const RequestState& state, std::string_view field, const std::string& label) {
  bool first = true;
  for (const auto* list : {&state.form.built, &state.check.diagnostics}) {
    for (const auto& diagnostic : *list) {
      if (!is_about(diagnostic, field)) continue;
      ui::text_as(a11y::Hint::Text, first ? label : std::string(), severity_color(diagnostic.severity),
                  diagnostic.message);
      first = false;
    }
  }
}

void section(const char* title) {
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(palette().muted, "%s", title);
  ui::describe_last(a11y::Hint::Text, "", title);
}

// ---- rows ----

enum class RowMove { None, Up, Down, Remove };

// ↑ ↓ × after a row; what the person pressed.
RowMove row_controls(std::size_t index, std::size_t count, const std::string& label) {
  RowMove move = RowMove::None;
  // The three stay together: on a narrow screen they move to a line of their own.
  ui::flow(ui::target_width("↑") + ui::target_width("↓") + ui::target_width("×") + ImGui::GetStyle().ItemSpacing.x * 2);
  ImGui::BeginDisabled(index == 0);
  if (ui::small_button(("↑##" + label + " up").c_str())) move = RowMove::Up;
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(index + 1 == count);
  if (ui::small_button(("↓##" + label + " down").c_str())) move = RowMove::Down;
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ui::small_button(("×##" + label + " remove").c_str())) move = RowMove::Remove;
  return move;
}

template <typename Row>
bool apply_move(std::vector<Row>& rows, std::size_t index, RowMove move) {
  switch (move) {
    case RowMove::None: return false;
    case RowMove::Up: std::swap(rows[index], rows[index - 1]); break;
    case RowMove::Down: std::swap(rows[index], rows[index + 1]); break;
    case RowMove::Remove: rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(index)); break;
  }
  return true;
}

std::string& name_of(core::AttributeRow& row) { return row.name; }
std::string& name_of(core::ValueRow& row) { return row.placeholder; }
std::string& name_of(core::AttributeMember& member) { return member.first; }
AttributeValue& value_of(core::AttributeRow& row) { return row.value; }
AttributeValue& value_of(core::ValueRow& row) { return row.value; }
AttributeValue& value_of(core::AttributeMember& member) { return member.second; }
const std::string& name_of(const core::AttributeRow& row) { return row.name; }
const std::string& name_of(const core::ValueRow& row) { return row.placeholder; }
const AttributeValue& value_of(const core::AttributeRow& row) { return row.value; }
const AttributeValue& value_of(const core::ValueRow& row) { return row.value; }

bool draw_value(AttributeValue& value, const std::string& label);

// The type menu: retypes the value through core::convert_attribute.
bool draw_type_menu(AttributeValue& value, const std::string& label) {
  bool changed = false;
  ImGui::SetNextItemWidth(ui::em(7));
  if (ui::begin_combo(("##" + label + " type").c_str(), std::string(core::type_label(value.type)).c_str())) {
    for (const auto type : core::kAttributeTypes) {
      const std::string name(core::type_label(type));
      if (ui::option((name + "##" + label + " type " + name).c_str(), type == value.type) && type != value.type) {
        value = core::convert_attribute(value, type);
        changed = true;
      }
    }
    ui::end_combo();
  }
  return changed;
}

bool is_set(core::AttributeType type) {
  return type == core::AttributeType::StringSet || type == core::AttributeType::NumberSet ||
         type == core::AttributeType::BinarySet;
}

// Elements of a list (values) or a set (texts), each on its own indented row.
bool draw_elements(AttributeValue& value, const std::string& label) {
  bool changed = false;
  const bool set = is_set(value.type);
  const std::size_t count = set ? value.elements.size() : value.items.size();
  ImGui::Indent(ui::em(1.5f));
  for (std::size_t i = 0; i < count; ++i) {
    const std::string row_label = label + "." + std::to_string(i + 1);
    ImGui::PushID(static_cast<int>(i));
    if (set) {
      ImGui::SetNextItemWidth(ui::em(14));
      changed |= ImGui::InputText(("##" + row_label + " value").c_str(), &value.elements[i]);
    } else {
      changed |= draw_type_menu(value.items[i], row_label);
      ui::flow(ui::em(14));
      changed |= draw_value(value.items[i], row_label);
    }
    const RowMove move = row_controls(i, count, row_label);
    ImGui::PopID();
    if (set ? apply_move(value.elements, i, move) : apply_move(value.items, i, move)) {
      changed = true;
      break;
    }
  }
  if (ui::small_button(((set ? "+ element##" : "+ item##") + label + " add").c_str())) {
    if (set)
      value.elements.emplace_back();
    else
      value.items.push_back(AttributeValue::string(""));
    changed = true;
  }
  ImGui::Unindent(ui::em(1.5f));
  return changed;
}

template <typename Row>
bool draw_named_rows(std::vector<Row>& rows, const std::string& label, const char* name_hint);

// The editor of one value after its type menu; lists, maps and sets continue on the rows below.
bool draw_value(AttributeValue& value, const std::string& label) {
  using core::AttributeType;
  switch (value.type) {
    case AttributeType::String:
    case AttributeType::Number:
    case AttributeType::Binary: {
      ImGui::SetNextItemWidth(ui::em(14));
      const char* hint = value.type == AttributeType::Number   ? "0"
                         : value.type == AttributeType::Binary ? "base64"
                                                               : "";
      const bool changed = ImGui::InputTextWithHint(("##" + label + " value").c_str(), hint, &value.text);
      return changed;
    }
    case AttributeType::Bool: {
      const bool changed =
          ImGui::Checkbox(((value.boolean ? "true##" : "false##") + label + " value").c_str(), &value.boolean);
      return changed;
    }
    case AttributeType::Null: ImGui::TextDisabled("null"); return false;
    case AttributeType::Map: {
      ImGui::TextDisabled("%zu members", value.members.size());
      ImGui::Indent(ui::em(1.5f));
      const bool changed = draw_named_rows(value.members, label, "name");
      ImGui::Unindent(ui::em(1.5f));
      return changed;
    }
    case AttributeType::List:
    case AttributeType::StringSet:
    case AttributeType::NumberSet:
    case AttributeType::BinarySet:
      ImGui::TextDisabled("%zu elements", is_set(value.type) ? value.elements.size() : value.items.size());
      return draw_elements(value, label);
  }
  return false;
}

// Rows of name, type and value with ↑ ↓ × and an add button; nested values
// are labelled "<label> 1.2".
template <typename Row>
bool draw_named_rows(std::vector<Row>& rows, const std::string& label, const char* name_hint) {
  bool changed = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string row_label =
        label + (label.back() >= '0' && label.back() <= '9' ? "." : " ") + std::to_string(i + 1);
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(ui::em(9));
    changed |= ImGui::InputTextWithHint(("##" + row_label + " name").c_str(), name_hint, &name_of(rows[i]));
    ui::flow(ui::em(7));
    changed |= draw_type_menu(value_of(rows[i]), row_label);
    const auto type = value_of(rows[i]).type;
    const bool nested = type == core::AttributeType::Map || type == core::AttributeType::List || is_set(type);
    RowMove move = RowMove::None;
    if (nested) {
      move = row_controls(i, rows.size(), row_label);
      ImGui::SameLine();
    } else {
      ui::flow(ui::em(14));
    }
    changed |= draw_value(value_of(rows[i]), row_label);
    if (!nested) move = row_controls(i, rows.size(), row_label);
    ImGui::PopID();
    if (apply_move(rows, i, move)) {
      changed = true;
      break;
    }
  }
  if (ui::small_button(("+ " + std::string(name_hint) + "##" + label + " add").c_str())) {
    rows.push_back({});
    changed = true;
  }
  return changed;
}

bool draw_attribute_section(RequestState& state, std::vector<core::AttributeRow>& rows, std::string_view member,
                            const char* title) {
  section(title);
  ImGui::PushID(member.data(), member.data() + member.size());
  const bool changed = draw_named_rows(rows, std::string(member), "attribute");
  ImGui::PopID();
  draw_field_messages(state, payload_field(member), std::string(member) + " message");
  return changed;
}

// ---- expressions ----

// Underlines the diagnostic's span in the single-line input just drawn
// (monospace text starting at the frame's padding).
void underline_span(const std::string& text, const core::TextSpan& span, ImU32 color) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  const std::size_t offset = std::min(span.offset, text.size());
  const std::size_t end = std::min(offset + span.length, text.size());
  const float left =
      min.x + ImGui::GetStyle().FramePadding.x + ImGui::CalcTextSize(text.data(), text.data() + offset).x;
  const float width = std::max(ImGui::CalcTextSize(text.data() + offset, text.data() + end).x, ui::em(0.5f));
  const float y = max.y - ImGui::GetStyle().FramePadding.y * 0.5f;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(left, y), ImVec2(std::min(left + width, max.x), y), color,
                                      std::max(1.0f, ui::em(0.12f)));
}

bool draw_expression(RequestState& state, const ExpressionField& field) {
  std::string& text = (*state.form.form).*field.text;
  const std::string path = payload_field(field.member);
  const std::string name(field.member);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(name.c_str());
  ImGui::SameLine(ui::em(11));
  ImGui::PushFont(ImGui::GetIO().Fonts->Fonts[kMonoFont]);
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool changed = ImGui::InputTextWithHint(("##" + name).c_str(), field.hint, &text);
  if (!ImGui::IsItemActive()) {
    for (const auto& diagnostic : state.check.diagnostics) {
      if (diagnostic.field == path && diagnostic.position) {
        underline_span(text, *diagnostic.position, ImGui::ColorConvertFloat4ToU32(severity_color(diagnostic.severity)));
      }
    }
  }
  ImGui::PopFont();
  draw_field_messages(state, path, name + " message");
  return changed;
}

bool draw_fixes(RequestState& state) {
  if (state.form.fixes.empty()) return false;
  std::optional<core::FormFix> picked;
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(palette().muted, "Fix:");
  for (const auto& fix : state.form.fixes) {
    ui::flow(ui::target_width(fix.label.c_str()));
    if (ui::small_button((fix.label + "##Fix " + fix.label).c_str())) picked = fix;
  }
  if (!picked) return false;
  state.form.form = core::apply_fix(*state.form.form, *picked);
  return true;
}

bool draw_name_rows(RequestState& state) {
  section("ExpressionAttributeNames");
  auto& rows = state.form.form->names;
  bool changed = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string label = "Names " + std::to_string(i + 1);
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(ui::em(9));
    changed |= ImGui::InputTextWithHint(("##" + label + " placeholder").c_str(), "#name", &rows[i].placeholder);
    ImGui::SameLine();
    ImGui::TextDisabled("→");
    ui::flow(ui::em(14));
    ImGui::SetNextItemWidth(ui::em(14));
    changed |= ImGui::InputTextWithHint(("##" + label + " name").c_str(), "attribute name", &rows[i].name);
    const RowMove move = row_controls(i, rows.size(), label);
    ImGui::PopID();
    if (apply_move(rows, i, move)) {
      changed = true;
      break;
    }
  }
  if (ui::small_button("+ name##Names add")) {
    rows.push_back({"#", ""});
    changed = true;
  }
  draw_field_messages(state, payload_field(kNames), "Names message");
  return changed;
}

// ---- the update helper ----

bool draw_update_helper(RequestState& state) {
  if (!ImGui::CollapsingHeader("Update helper: build the expression from rows##Update helper")) return false;
  auto& rows = state.form.update_rows;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string label = "Update " + std::to_string(i + 1);
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(ui::em(9));
    ImGui::InputTextWithHint(("##" + label + " attribute").c_str(), "attribute", &rows[i].attribute);
    ui::flow(ui::em(6));
    ImGui::SetNextItemWidth(ui::em(6));
    if (ui::begin_combo(("##" + label + " action").c_str(),
                        std::string(core::update_clause_name(rows[i].action)).c_str())) {
      for (const auto action : core::kUpdateClauses) {
        const std::string name(core::update_clause_name(action));
        if (ui::option((name + "##" + label + " action " + name).c_str(), action == rows[i].action)) {
          rows[i].action = action;
        }
      }
      ui::end_combo();
    }
    if (rows[i].action != core::UpdateClause::Remove) {
      ui::flow(ui::em(7));
      draw_type_menu(rows[i].value, label);
      ui::flow(ui::em(14));
      draw_value(rows[i].value, label);
    }
    const RowMove move = row_controls(i, rows.size(), label);
    ImGui::PopID();
    if (apply_move(rows, i, move)) break;
  }
  if (ui::small_button("+ row##Update add")) rows.push_back({});
  ui::flow(ui::target_width("Write UpdateExpression"));
  const bool build = ui::small_button("Write UpdateExpression##Build update");
  for (const auto& problem : state.form.update_problems) ui::text_colored_wrapped(palette().error, problem.message);
  if (!build) return false;
  const auto built = core::build_update(rows);
  state.form.update_problems = built.diagnostics;
  if (!built.diagnostics.empty()) return false;
  state.form.form = core::apply_update(*state.form.form, built);
  return true;
}

// ---- options ----

bool draw_return_values(core::RequestForm& form) {
  const auto choices = core::return_values_choices(form.operation);
  if (choices.empty()) return false;
  bool changed = false;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("ReturnValues");
  ImGui::SameLine(ui::em(11));
  ImGui::SetNextItemWidth(ui::em(10));
  if (ui::begin_combo("##ReturnValues", form.return_values.empty() ? "(not sent)" : form.return_values.c_str())) {
    if (ui::option("(not sent)##ReturnValues none", form.return_values.empty())) {
      form.return_values.clear();
      changed = true;
    }
    for (const auto choice : choices) {
      const std::string name(choice);
      if (ui::option((name + "##ReturnValues " + name).c_str(), form.return_values == name)) {
        form.return_values = name;
        changed = true;
      }
    }
    ui::end_combo();
  }
  return changed;
}

bool draw_read_options(core::RequestForm& form) {
  if (!takes(form, "ConsistentRead")) return false;
  bool consistent = form.consistent_read.value_or(false);
  if (!ImGui::Checkbox("ConsistentRead", &consistent)) return false;
  form.consistent_read = consistent ? std::optional<bool>(true) : std::nullopt;
  return true;
}

bool draw_limit(core::RequestForm& form) {
  if (!takes(form, "Limit")) return false;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Limit");
  ImGui::SameLine(ui::em(11));
  ImGui::SetNextItemWidth(ui::em(10));
  int limit = form.limit.value_or(0);
  const bool changed = ImGui::InputInt("##Limit", &limit);
  if (ImGui::IsItemHovered()) ui::tooltip_wrapped("Items to read at most; 0 sends no Limit.");
  if (changed) form.limit = limit > 0 ? std::optional<int>(limit) : std::nullopt;
  return changed;
}

// What the form keeps as raw JSON (and other notes from reading the text).
void draw_kept(const RequestState& state) {
  bool first = true;
  for (const auto& diagnostic : state.form.read) {
    ui::text_as(a11y::Hint::Text, first ? "Form note" : "", severity_color(diagnostic.severity), diagnostic.message);
    first = false;
  }
}

bool draw_fields(RequestState& state) {
  core::RequestForm& form = *state.form.form;
  bool changed = false;
  if (takes(form, kKey)) changed |= draw_attribute_section(state, form.key, kKey, "Key");
  if (takes(form, kItem)) changed |= draw_attribute_section(state, form.item, kItem, "Item");
  if (form.operation == core::Operation::Update) changed |= draw_update_helper(state);
  bool any_expression = false;
  for (const auto& field : kExpressionFields) {
    if (!takes(form, field.member)) continue;
    if (!any_expression) section("Expressions");
    any_expression = true;
    changed |= draw_expression(state, field);
  }
  changed |= draw_fixes(state);
  if (takes(form, kNames)) changed |= draw_name_rows(state);
  if (takes(form, kValues)) {
    section("ExpressionAttributeValues");
    ImGui::PushID("values");
    changed |= draw_named_rows(state.form.form->values, "Values", ":placeholder");
    ImGui::PopID();
    draw_field_messages(state, payload_field(kValues), "Values message");
  }
  section("Options");
  changed |= draw_return_values(*state.form.form);
  changed |= draw_read_options(*state.form.form);
  changed |= draw_limit(*state.form.form);
  if (takes(*state.form.form, kExclusiveStartKey)) {
    changed |= draw_attribute_section(state, state.form.form->exclusive_start_key, kExclusiveStartKey,
                                      "ExclusiveStartKey (where the list starts)");
  }
  return changed;
}

SnapshotJson value_snapshot(const AttributeValue& value) {
  return {{"type", core::type_label(value.type)},
          {"json", core::to_json_text(core::attribute_to_json(value, "").json)}};
}

template <typename Row>
SnapshotJson rows_snapshot(const std::vector<Row>& rows) {
  SnapshotJson out = SnapshotJson::array();
  for (const auto& row : rows) {
    auto entry = value_snapshot(value_of(row));
    entry.set("name", name_of(row));
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

void read_form(RequestState& state) {
  state.form.built.clear();
  state.form.fixes.clear();
  if (!state.check.event) {
    state.form.form.reset();
    state.form.read = {};
    return;
  }
  auto read = core::form_from_event(*state.check.event);
  state.form.form = std::move(read.form);
  state.form.read = std::move(read.diagnostics);
  if (state.form.form) state.form.fixes = core::available_fixes(*state.form.form);
}

void write_form(RequestState& state) {
  if (!state.form.form) return;
  auto built = core::event_from_form(*state.form.form);
  state.text = core::event_text(built.event);
  state.check = core::check_event_text(state.text);
  state.table_name = state.check.table_name;
  state.form.built = std::move(built.diagnostics);
  state.form.fixes = core::available_fixes(*state.form.form);
}

void switch_form_operation(RequestState& state, core::Operation operation) {
  core::RequestForm& form = *state.form.form;
  form.operation = operation;
  if (operation != core::Operation::Echo) form.payload_json.reset();
  // What the new operation needs and the form does not hold yet starts from its example.
  if (auto example = core::form_from_event(core::example_event(operation, form.table_name)).form) {
    if (form.key.empty()) form.key = example->key;
    if (form.item.empty()) form.item = example->item;
    if (form.update_expression.empty() && takes(form, "UpdateExpression")) {
      form.update_expression = example->update_expression;
      for (const auto& row : example->values) {
        if (std::none_of(form.values.begin(), form.values.end(),
                         [&](const core::ValueRow& r) { return r.placeholder == row.placeholder; })) {
          form.values.push_back(row);
        }
      }
    }
  }
  // Placeholders only the previous operation's expressions used would block sending.
  for (const auto& fix : core::available_fixes(form)) {
    if (fix.kind == core::FixKind::DropName || fix.kind == core::FixKind::DropValue) form = core::apply_fix(form, fix);
  }
}

const core::Diagnostic* first_send_error(const RequestState& state) {
  for (const auto* list : {&state.check.diagnostics, &state.form.built}) {
    for (const auto& diagnostic : *list) {
      if (diagnostic.severity == core::Severity::Error) return &diagnostic;
    }
  }
  return nullptr;
}

bool draw_request_form(RequestState& state, float height) {
  ImGui::BeginChild("form", ImVec2(0, height), ImGuiChildFlags_Border);
  a11y::describe_window(a11y::Hint::Region, "Request form", "Request form");
  a11y::push_parent();
  bool changed = false;
  if (!state.form.form) {
    const auto& why = state.form.read.empty() ? state.check.diagnostics : state.form.read;
    ui::text_as(a11y::Hint::Text, "Form unavailable", palette().warning,
                "This event can't be shown as a form" + (why.empty() ? std::string(".") : ": " + why.front().message) +
                    " Fix it in the JSON view.");
  } else {
    draw_kept(state);
    if (!state.form.form->payload_json) changed = draw_fields(state);
  }
  a11y::pop_parent();
  ImGui::EndChild();
  return changed;
}

SnapshotJson form_snapshot(const RequestState& state) {
  if (!state.form.form) return nullptr;
  const core::RequestForm& form = *state.form.form;
  SnapshotJson fixes = SnapshotJson::array();
  for (const auto& fix : state.form.fixes) fixes.push_back(fix.label);
  SnapshotJson notes = SnapshotJson::array();
  for (const auto& d : state.form.read) notes.push_back(d.message);
  SnapshotJson names = SnapshotJson::array();
  for (const auto& row : form.names) names.push_back({{"placeholder", row.placeholder}, {"name", row.name}});
  SnapshotJson update_rows = SnapshotJson::array();
  for (const auto& row : state.form.update_rows) {
    auto entry = value_snapshot(row.value);
    entry.set("attribute", row.attribute);
    entry.set("action", core::update_clause_name(row.action));
    update_rows.push_back(std::move(entry));
  }
  return {{"operation", core::operation_name(form.operation)},
          {"table_name", form.table_name},
          {"key", rows_snapshot(form.key)},
          {"item", rows_snapshot(form.item)},
          {"update_expression", form.update_expression},
          {"condition_expression", form.condition_expression},
          {"filter_expression", form.filter_expression},
          {"projection_expression", form.projection_expression},
          {"names", std::move(names)},
          {"values", rows_snapshot(form.values)},
          {"return_values", form.return_values},
          {"consistent_read", form.consistent_read ? SnapshotJson(*form.consistent_read) : SnapshotJson()},
          {"limit", form.limit ? SnapshotJson(*form.limit) : SnapshotJson()},
          {"exclusive_start_key", rows_snapshot(form.exclusive_start_key)},
          {"raw_payload", form.payload_json.has_value()},
          {"fixes", std::move(fixes)},
          {"notes", std::move(notes)},
          {"update_rows", std::move(update_rows)}};
}

}  // namespace app
