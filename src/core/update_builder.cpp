#include "core/update_builder.hpp"

#include <algorithm>

#include "core/reserved_words.hpp"
#include "core/text.hpp"

namespace core {

namespace {

// `base` with a number added until no taken placeholder has it.
std::string unique_placeholder(const std::string& base, const auto& taken) {
  std::string candidate = base;
  for (int n = 2;
       std::any_of(taken.begin(), taken.end(), [&](const auto& row) { return row.placeholder == candidate; }); ++n) {
    candidate = base + std::to_string(n);
  }
  return candidate;
}

// The identifier characters of `name` (so "first name" gives ":firstname"), or "v" when it has none.
std::string placeholder_stem(std::string_view name) {
  std::string stem;
  for (char c : name) {
    if (is_word_char(c)) stem += c;
  }
  return stem.empty() ? "v" : stem;
}

std::string name_in_expression(const std::string& attribute, std::vector<NameRow>& names) {
  if (is_identifier(attribute) && !is_reserved_word(attribute)) return attribute;
  const auto existing =
      std::find_if(names.begin(), names.end(), [&](const NameRow& row) { return row.name == attribute; });
  if (existing != names.end()) return existing->placeholder;
  const std::string placeholder = unique_placeholder("#" + placeholder_stem(attribute), names);
  names.push_back({placeholder, attribute});
  return placeholder;
}

std::optional<std::string> row_problem(const UpdateRow& row) {
  const AttributeType type = row.value.type;
  const bool is_set =
      type == AttributeType::StringSet || type == AttributeType::NumberSet || type == AttributeType::BinarySet;
  if (row.action == UpdateClause::Add && type != AttributeType::Number && !is_set) {
    return "ADD takes a number (added to the attribute) or a set (its elements added); use SET for other values.";
  }
  if (row.action == UpdateClause::Delete && !is_set) {
    return "DELETE takes a set: the elements to remove from the attribute's set.";
  }
  return std::nullopt;
}

}  // namespace

UpdateBuild build_update(const std::vector<UpdateRow>& rows) {
  UpdateBuild out;
  for (const UpdateClause clause : kUpdateClauses) {
    std::string actions;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const UpdateRow& row = rows[i];
      if (row.action != clause || row.attribute.empty()) continue;
      if (auto problem = row_problem(row)) {
        out.diagnostics.push_back({.field = "update." + std::to_string(i + 1), .message = std::move(*problem)});
      }
      std::string action = name_in_expression(row.attribute, out.names);
      if (clause != UpdateClause::Remove) {
        const std::string placeholder = unique_placeholder(":" + placeholder_stem(row.attribute), out.values);
        out.values.push_back({placeholder, row.value});
        action += (clause == UpdateClause::Set ? " = " : " ") + placeholder;
      }
      actions += (actions.empty() ? "" : ", ") + action;
    }
    if (actions.empty()) continue;
    if (!out.expression.empty()) out.expression += ' ';
    out.expression += std::string(update_clause_name(clause)) + " " + actions;
  }
  return out;
}

RequestForm apply_update(RequestForm form, const UpdateBuild& build) {
  form.update_expression = build.expression;
  const auto put = [](auto& rows, const auto& row) {
    const auto it =
        std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.placeholder == row.placeholder; });
    if (it != rows.end()) {
      *it = row;
    } else {
      rows.push_back(row);
    }
  };
  for (const auto& row : build.names) put(form.names, row);
  for (const auto& row : build.values) put(form.values, row);
  return form;
}

}  // namespace core
