#include <doctest/doctest.h>

#include "checks.hpp"
#include "core/update_builder.hpp"
#include "core/validation.hpp"

using core::AttributeValue;
using core::UpdateClause;
using core::UpdateRow;

namespace {

core::RequestForm seed_update_form() {
  core::RequestForm form;
  form.operation = core::Operation::Update;
  form.table_name = "lambda-apigateway";
  form.key = {{"id", AttributeValue::string("127748AB")}};
  return form;
}

}  // namespace

TEST_CASE("a set row becomes a SET action with a value placeholder named after the attribute") {
  const auto build = core::build_update({{"FirstName", UpdateClause::Set, AttributeValue::string("Sarvesh")}});
  CHECK(build.expression == "SET FirstName = :FirstName");
  CHECK(build.names.empty());
  CHECK(build.values == std::vector<core::ValueRow>{{":FirstName", AttributeValue::string("Sarvesh")}});
  CHECK(build.diagnostics.empty());
}

TEST_CASE("rows are grouped into SET, REMOVE, ADD and DELETE clauses in that order") {
  const auto build = core::build_update({
      {"tags", UpdateClause::Delete, AttributeValue::set(core::AttributeType::StringSet, {"old"})},
      {"visits", UpdateClause::Add, AttributeValue::number("1")},
      {"a", UpdateClause::Set, AttributeValue::string("x")},
      {"legacy", UpdateClause::Remove, {}},
      {"b", UpdateClause::Set, AttributeValue::number("2")},
  });
  CHECK(build.expression == "SET a = :a, b = :b REMOVE legacy ADD visits :visits DELETE tags :tags");
  CHECK(build.values.size() == 4);
}

TEST_CASE("a reserved word or a name that is not an identifier is written through a name placeholder") {
  const auto build = core::build_update(
      {{"number", UpdateClause::Set, AttributeValue::number("5")}, {"first name", UpdateClause::Remove, {}}});
  CHECK(build.expression == "SET #number = :number REMOVE #firstname");
  CHECK(build.names == std::vector<core::NameRow>{{"#number", "number"}, {"#firstname", "first name"}});
}

TEST_CASE("placeholders that would collide get a number") {
  const auto build = core::build_update({{"a-b", UpdateClause::Set, AttributeValue::string("1")},
                                         {"ab", UpdateClause::Set, AttributeValue::string("2")}});
  CHECK(build.expression == "SET #ab = :ab, ab = :ab2");
  CHECK(build.values[1].placeholder == ":ab2");
}

TEST_CASE("rows without an attribute name are skipped") {
  const auto build = core::build_update({{"", UpdateClause::Set, AttributeValue::string("x")}});
  CHECK(build.expression.empty());
  CHECK(build.values.empty());
}

TEST_CASE("ADD of a value that is neither a number nor a set is reported on its row") {
  const auto build = core::build_update({{"x", UpdateClause::Set, AttributeValue::string("ok")},
                                         {"name", UpdateClause::Add, AttributeValue::string("x")}});
  REQUIRE(build.diagnostics.size() == 1);
  CHECK(build.diagnostics[0].field == "update.2");
  CHECK(mentions(build.diagnostics, "ADD takes a number"));
}

TEST_CASE("DELETE of a value that is not a set is reported on its row") {
  const auto build = core::build_update({{"n", UpdateClause::Delete, AttributeValue::number("1")}});
  REQUIRE(build.diagnostics.size() == 1);
  CHECK(mentions(build.diagnostics, "DELETE takes a set"));
}

TEST_CASE("the built update applied to a form gives an event DynamoDB accepts") {
  const auto build = core::build_update({{"number", UpdateClause::Set, AttributeValue::number("4")}});
  const auto form = core::apply_update(seed_update_form(), build);
  CHECK(form.update_expression == "SET #number = :number");
  CHECK_FALSE(core::has_errors(core::check_form(form).diagnostics));
}

TEST_CASE("applying a build replaces a placeholder row of the same name and keeps the others") {
  auto form = seed_update_form();
  form.values = {{":number", AttributeValue::number("1")}, {":other", AttributeValue::string("kept")}};
  const auto applied =
      core::apply_update(form, core::build_update({{"number", UpdateClause::Set, AttributeValue::number("9")}}));
  CHECK(applied.values == std::vector<core::ValueRow>{{":number", AttributeValue::number("9")},
                                                      {":other", AttributeValue::string("kept")}});
}
