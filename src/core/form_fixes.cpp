#include "core/form_fixes.hpp"

#include <algorithm>
#include <array>

#include "core/expression.hpp"
#include "core/validation.hpp"

namespace core {

namespace {

struct FormExpression {
  std::string_view member;
  std::string RequestForm::*text;
  ExpressionKind kind;
};

constexpr std::array<FormExpression, 4> kFormExpressions = {{
    {"UpdateExpression", &RequestForm::update_expression, ExpressionKind::Update},
    {"ConditionExpression", &RequestForm::condition_expression, ExpressionKind::Condition},
    {"FilterExpression", &RequestForm::filter_expression, ExpressionKind::Condition},
    {"ProjectionExpression", &RequestForm::projection_expression, ExpressionKind::Projection},
}};

NameMap name_map(const std::vector<NameRow>& rows) {
  NameMap names;
  for (const auto& row : rows) names.emplace_back(row.placeholder, row.name);
  return names;
}

std::vector<NameRow> name_rows(const NameMap& names) {
  std::vector<NameRow> rows;
  for (const auto& [placeholder, name] : names) rows.push_back({placeholder, name});
  return rows;
}

void alias_everywhere(RequestForm& form, const std::string& word) {
  const auto fields = payload_fields(form.operation);
  NameMap names = name_map(form.names);
  for (const auto& expression : kFormExpressions) {
    std::string& text = form.*expression.text;
    if (text.empty() || std::find(fields.begin(), fields.end(), expression.member) == fields.end()) continue;
    auto aliased = alias_names(text, expression.kind, std::move(names), word);
    text = std::move(aliased.expression);
    names = std::move(aliased.names);
  }
  form.names = name_rows(names);
}

void add_fixes(std::vector<FormFix>& out, FixKind kind, const std::vector<std::string>& targets, const auto& label) {
  for (const auto& target : targets) out.push_back({kind, target, label(target)});
}

}  // namespace

std::vector<FormFix> available_fixes(const RequestForm& form) {
  const auto report = check_expressions(expression_context(event_from_form(form).event));
  const NameMap names = name_map(form.names);
  std::vector<FormFix> fixes;
  add_fixes(fixes, FixKind::AliasReservedWord, report.reserved_names,
            [&](const std::string& word) { return "Write " + word + " as " + placeholder_for(word, names); });
  add_fixes(fixes, FixKind::AddName, report.undefined_names,
            [](const std::string& p) { return "Define " + p + " in ExpressionAttributeNames"; });
  add_fixes(fixes, FixKind::AddValue, report.undefined_values,
            [](const std::string& p) { return "Add " + p + " to ExpressionAttributeValues"; });
  add_fixes(fixes, FixKind::DropName, report.unused_names, [](const std::string& p) { return "Remove unused " + p; });
  add_fixes(fixes, FixKind::DropValue, report.unused_values, [](const std::string& p) { return "Remove unused " + p; });
  return fixes;
}

RequestForm apply_fix(RequestForm form, const FormFix& fix) {
  switch (fix.kind) {
    case FixKind::AliasReservedWord: alias_everywhere(form, fix.target); break;
    case FixKind::AddName:
      // The placeholder's own name is the likeliest attribute (#name -> name); the person can change it.
      form.names.push_back({fix.target, fix.target.substr(std::min<std::size_t>(1, fix.target.size()))});
      break;
    case FixKind::AddValue: form.values.push_back({fix.target, AttributeValue::string("")}); break;
    case FixKind::DropName:
      std::erase_if(form.names, [&](const NameRow& row) { return row.placeholder == fix.target; });
      break;
    case FixKind::DropValue:
      std::erase_if(form.values, [&](const ValueRow& row) { return row.placeholder == fix.target; });
      break;
  }
  return form;
}

}  // namespace core
