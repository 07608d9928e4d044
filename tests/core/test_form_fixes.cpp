#include <doctest/doctest.h>

#include "core/form_fixes.hpp"
#include "core/validation.hpp"
#include "fixtures.hpp"

using core::AttributeValue;
using core::FixKind;
using core::RequestForm;

namespace {

RequestForm update_form(std::string update, std::vector<core::ValueRow> values) {
  RequestForm form;
  form.operation = core::Operation::Update;
  form.table_name = "lambda-apigateway";
  form.key = {{"id", AttributeValue::string("1234ABCD")}};
  form.update_expression = std::move(update);
  form.values = std::move(values);
  return form;
}

}  // namespace

TEST_CASE("a valid form offers no fixes") {
  const auto read = core::form_from_event(fixtures::json("tutorial/update_reserved_word.json"));
  REQUIRE(read.form);
  CHECK(core::available_fixes(*read.form).empty());
}

TEST_CASE("aliasing a reserved word turns the tutorial's bare update into its aliased one") {
  const auto read = core::form_from_event(fixtures::json("tutorial/update_reserved_word_bare.json"));
  REQUIRE(read.form);
  const auto fixes = core::available_fixes(*read.form);
  REQUIRE(fixes.size() == 1);
  CHECK(fixes[0] == core::FormFix{FixKind::AliasReservedWord, "number", "Write number as #number"});
  const auto fixed = core::apply_fix(*read.form, fixes[0]);
  CHECK(fixed.update_expression == "SET #number = :newNum");
  CHECK(fixed.names == std::vector<core::NameRow>{{"#number", "number"}});
  CHECK_FALSE(core::has_errors(core::check_form(fixed).diagnostics));
}

TEST_CASE("aliasing rewrites every expression of the form with one placeholder") {
  auto form = update_form("SET number = number + :one",
                          {{":one", AttributeValue::number("1")}, {":max", AttributeValue::number("9")}});
  form.condition_expression = "number < :max";
  form.filter_expression = "number = :unrelated";  // update takes no filter: left alone
  const auto fixed = core::apply_fix(form, {FixKind::AliasReservedWord, "number", ""});
  CHECK(fixed.update_expression == "SET #number = #number + :one");
  CHECK(fixed.condition_expression == "#number < :max");
  CHECK(fixed.filter_expression == "number = :unrelated");
  CHECK(fixed.names == std::vector<core::NameRow>{{"#number", "number"}});
  CHECK(core::available_fixes(fixed).empty());
}

TEST_CASE("a placeholder used but not defined can be added") {
  const auto form = update_form("SET #a = :v", {});
  const auto fixes = core::available_fixes(form);
  REQUIRE(fixes.size() == 2);
  CHECK(fixes[0].kind == FixKind::AddName);
  CHECK(fixes[0].target == "#a");
  CHECK(fixes[1].kind == FixKind::AddValue);
  CHECK(fixes[1].target == ":v");
  auto fixed = core::apply_fix(core::apply_fix(form, fixes[0]), fixes[1]);
  CHECK(fixed.names == std::vector<core::NameRow>{{"#a", "a"}});
  CHECK(fixed.values == std::vector<core::ValueRow>{{":v", AttributeValue::string("")}});
  CHECK(core::available_fixes(fixed).empty());
}

TEST_CASE("a placeholder defined but unused can be dropped") {
  auto form = update_form("SET a = :v", {{":v", AttributeValue::number("1")}, {":old", AttributeValue::number("2")}});
  form.names = {{"#gone", "x"}};
  const auto fixes = core::available_fixes(form);
  REQUIRE(fixes.size() == 2);
  CHECK(fixes[0] == core::FormFix{FixKind::DropName, "#gone", "Remove unused #gone"});
  CHECK(fixes[1] == core::FormFix{FixKind::DropValue, ":old", "Remove unused :old"});
  const auto fixed = core::apply_fix(core::apply_fix(form, fixes[0]), fixes[1]);
  CHECK(fixed.names.empty());
  CHECK(fixed.values == std::vector<core::ValueRow>{{":v", AttributeValue::number("1")}});
  CHECK_FALSE(core::has_errors(core::check_form(fixed).diagnostics));
}
