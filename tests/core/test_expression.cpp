#include <doctest/doctest.h>

#include <string>

#include "core/expression.hpp"
#include "core/reserved_words.hpp"

using core::ExpressionKind;
using core::PathElementKind;
using core::Severity;

namespace {

core::ParsedExpression parse(std::string_view text, ExpressionKind kind) {
  return core::parse_expression(text, kind, "payload.X");
}

bool parses(std::string_view text, ExpressionKind kind) {
  const auto parsed = parse(text, kind);
  return parsed.syntax_ok && !core::has_errors(parsed.diagnostics);
}

// The text a diagnostic's span covers.
std::string_view under(std::string_view text, const core::Diagnostic& d) {
  REQUIRE(d.position);
  return text.substr(d.position->offset, d.position->length);
}

core::Diagnostic only_error(const core::Diagnostics& diagnostics) {
  REQUIRE(diagnostics.size() == 1);
  return diagnostics[0];
}

core::ExpressionReport check_update(std::string update, core::NameMap names, std::vector<std::string> values,
                                    std::vector<std::string> keys = {"id"}) {
  core::ExpressionContext context;
  context.expressions.push_back({"payload.UpdateExpression", std::move(update), ExpressionKind::Update});
  context.names = std::move(names);
  context.values = std::move(values);
  context.key_attributes = std::move(keys);
  return core::check_expressions(context);
}

}  // namespace

TEST_CASE("update expressions take SET, REMOVE, ADD and DELETE clauses in any order") {
  CHECK(parses("SET a = :v", ExpressionKind::Update));
  CHECK(parses("SET a = a + :one, b = :x - c, #c = if_not_exists(#c, :zero)", ExpressionKind::Update));
  CHECK(parses("SET l = list_append(if_not_exists(l, :empty), :items)", ExpressionKind::Update));
  CHECK(parses("REMOVE a.b[2], c DELETE tags :old ADD counter :n, tags :new", ExpressionKind::Update));
  CHECK(parses("set a = :v remove b", ExpressionKind::Update));
  CHECK(parses("SET\ta = :v\r\nREMOVE\fb\v", ExpressionKind::Update));  // core::is_space's whitespace
  const auto parsed = parse("SET a = :v REMOVE b ADD c :n DELETE d :s", ExpressionKind::Update);
  REQUIRE(parsed.actions.size() == 4);
  CHECK(parsed.actions[1].clause == core::UpdateClause::Remove);
  CHECK(parsed.actions[3].target.elements[0].text == "d");
}

TEST_CASE("each update clause appears at most once") {
  const std::string text = "SET a = :v SET b = :w";
  const auto d = only_error(parse(text, ExpressionKind::Update).diagnostics);
  CHECK(under(text, d) == "SET");
  CHECK(d.position->offset == 11);
}

TEST_CASE("syntax errors point at the token where reading stopped") {
  struct Case {
    std::string text;
    ExpressionKind kind;
    std::string token;
  };
  for (const auto& c : std::vector<Case>{
           {"SET a :v", ExpressionKind::Update, ":v"},
           {"a = :v b", ExpressionKind::Condition, "b"},
           {"UPDATE a = :v", ExpressionKind::Update, "UPDATE"},
           {"a BETWEEN :x :y", ExpressionKind::Condition, ":y"},
           {"a IN :x", ExpressionKind::Condition, ":x"},
           {"a.b[x] = :v", ExpressionKind::Condition, "x"},
           {"a = :v AND (b = :w", ExpressionKind::Condition, ""},
           {"a = :v; DROP", ExpressionKind::Condition, ";"},
           {"a = ü", ExpressionKind::Condition, "ü"},
           {"ADD a b", ExpressionKind::Update, "b"},
       }) {
    CAPTURE(c.text);
    const auto parsed = parse(c.text, c.kind);
    CHECK_FALSE(parsed.syntax_ok);
    CHECK(under(c.text, only_error(parsed.diagnostics)) == c.token);
    CHECK(parsed.diagnostics[0].field == "payload.X");
  }
}

TEST_CASE("an empty expression is an error") {
  CHECK_FALSE(parse("", ExpressionKind::Condition).syntax_ok);
  CHECK_FALSE(parse("   ", ExpressionKind::Update).syntax_ok);
}

TEST_CASE("conditions take comparators, BETWEEN, IN, AND, OR, NOT and parentheses") {
  for (const char* text : {"a = :v", "a <> :v", "a < :v", "a <= b", "a > :v", "a >= :v", "a BETWEEN :lo AND :hi",
                           "a IN (:x, :y, :z)", "a = :v AND b = :w OR NOT c = :x", "NOT (a = :v OR b = :w) AND c < :x",
                           "(a = :v)", "a = :v and not b = :w", "#n = :v"}) {
    CAPTURE(text);
    CHECK(parses(text, ExpressionKind::Condition));
  }
}

TEST_CASE("conditions take DynamoDB's functions with their operand rules") {
  for (const char* text : {"attribute_exists(a)", "attribute_not_exists(#k)", "attribute_type(a, :t)",
                           "begins_with(name, :prefix)", "contains(tags, :t)", "size(a) > :n", "(size(a)) > :n",
                           "size(a.b[0]) BETWEEN :lo AND :hi", "attribute_exists(a) AND NOT contains(b, :x)"}) {
    CAPTURE(text);
    CHECK(parses(text, ExpressionKind::Condition));
  }
  for (const char* text :
       {"exists(a)", "size(a)", "attribute_exists(a) = :v", "attribute_exists(:v)", "attribute_exists(a, b)",
        "attribute_type(a, b)", "begins_with(:a, :b)", "if_not_exists(a, :v) = :v", "a = attribute_exists(b)"}) {
    CAPTURE(text);
    CHECK_FALSE(parses(text, ExpressionKind::Condition));
  }
}

TEST_CASE("update expressions only take if_not_exists and list_append") {
  CHECK_FALSE(parses("SET a = size(b)", ExpressionKind::Update));
  CHECK_FALSE(parses("SET a = attribute_exists(b)", ExpressionKind::Update));
  CHECK_FALSE(parses("SET a = if_not_exists(:v, :w)", ExpressionKind::Update));
  CHECK_FALSE(parses("SET a = list_append(:v)", ExpressionKind::Update));
}

TEST_CASE("document paths take dots, list indexes and placeholders") {
  const std::string text = "a.#b[12].c[0][3] = :v";
  const auto parsed = parse(text, ExpressionKind::Condition);
  REQUIRE(parsed.syntax_ok);
  REQUIRE(parsed.paths.size() == 1);
  const auto& path = parsed.paths[0];
  CHECK(text.substr(path.span.offset, path.span.length) == "a.#b[12].c[0][3]");
  REQUIRE(path.elements.size() == 6);
  CHECK(path.elements[1].kind == PathElementKind::NamePlaceholder);
  CHECK(path.elements[2].kind == PathElementKind::Index);
  CHECK(path.elements[2].text == "12");
  REQUIRE(parsed.values.size() == 1);
  CHECK(parsed.values[0].placeholder == ":v");
  CHECK(parsed.values[0].span.offset == 19);
}

TEST_CASE("keywords of the grammar are never attribute names") {
  const std::string text = "SET delete = :v";
  const auto d = only_error(parse(text, ExpressionKind::Update).diagnostics);
  CHECK(under(text, d) == "delete");
  CHECK(d.message.find("#placeholder") != std::string::npos);
}

TEST_CASE("key conditions test the partition key with = and optionally the sort key") {
  for (const char* text : {"pk = :pk", "pk = :pk AND sk < :s", "pk = :pk AND sk BETWEEN :a AND :b",
                           "pk = :pk AND begins_with(sk, :p)", "(pk = :pk) AND (sk >= :s)", "#pk = :pk"}) {
    CAPTURE(text);
    CHECK(parses(text, ExpressionKind::KeyCondition));
  }
  for (const char* text : {"pk = :pk OR sk = :s", "pk <> :pk", "pk = :pk AND sk IN (:a)", "pk < :pk",
                           "pk = :a AND sk = :b AND x = :c", "pk = sk", "NOT pk = :pk", "pk = :a AND pk = :b"}) {
    CAPTURE(text);
    CHECK_FALSE(parses(text, ExpressionKind::KeyCondition));
  }
}

TEST_CASE("projections are document paths separated by commas") {
  const auto parsed = parse("id, info.rating, #y, tags[0]", ExpressionKind::Projection);
  CHECK(parsed.syntax_ok);
  CHECK(parsed.paths.size() == 4);
  CHECK_FALSE(parses("id,", ExpressionKind::Projection));
  CHECK_FALSE(parses("id = :v", ExpressionKind::Projection));
}

TEST_CASE("redundant parentheses are flagged") {
  const auto parsed = parse("((a = :v))", ExpressionKind::Condition);
  CHECK(parsed.syntax_ok);
  REQUIRE(parsed.diagnostics.size() == 1);
  CHECK(parsed.diagnostics[0].severity == Severity::Warning);
  CHECK(parsed.diagnostics[0].position->offset == 0);
}

TEST_CASE("deep nesting is refused without exhausting the stack") {
  const std::string text = std::string(100000, '(') + "a = :v" + std::string(100000, ')');
  const auto parsed = parse(text, ExpressionKind::Condition);
  CHECK_FALSE(parsed.syntax_ok);
  CHECK(parsed.diagnostics[0].position->offset < text.size());
  CHECK_FALSE(parse(std::string(100000, '('), ExpressionKind::Update).syntax_ok);
  CHECK_FALSE(parse("NOT " + std::string(100000, 'N'), ExpressionKind::Condition).syntax_ok);
}

TEST_CASE("every diagnostic position lies within the expression") {
  for (const char* text : {"SET", "SET a", "SET a =", "a BETWEEN", "a IN (", "#", ":", "a.", "a[", "a[1", "(", ")",
                           "size(", "\xff\xfe", "a = \xe2\x82", "REMOVE a,", "begins_with(a,"}) {
    for (auto kind : {ExpressionKind::Update, ExpressionKind::Condition, ExpressionKind::KeyCondition,
                      ExpressionKind::Projection}) {
      const std::string_view s(text);
      CAPTURE(s);
      for (const auto& d : parse(s, kind).diagnostics) {
        REQUIRE(d.position);
        CHECK(d.position->offset + d.position->length <= s.size());
      }
    }
  }
}

TEST_CASE("the reserved word list is DynamoDB's full list, matched without case") {
  CHECK(core::reserved_words().size() == 573);
  for (const char* word : {"number", "NUMBER", "Name", "status", "date", "year", "size", "data", "count", "key",
                           "FLATTERN", "zone", "abort"}) {
    CAPTURE(word);
    CHECK(core::is_reserved_word(word));
  }
  for (const char* word : {"id", "FirstName", "attributeName", "numbers", "contains", "if_not_exists", "", "x"}) {
    CAPTURE(word);
    CHECK_FALSE(core::is_reserved_word(word));
  }
}

TEST_CASE("reserved words used as bare names are errors at their position") {
  const std::string text = "SET number = :n, info.#y = :y, info.status = :s";
  const auto report = check_update(text, {{"#y", "year"}}, {":n", ":y", ":s"});
  REQUIRE(report.diagnostics.size() == 2);
  CHECK(under(text, report.diagnostics[0]) == "number");
  CHECK(report.diagnostics[0].message.find("#number") != std::string::npos);
  CHECK(under(text, report.diagnostics[1]) == "status");
  CHECK(report.reserved_names == std::vector<std::string>{"number", "status"});
}

TEST_CASE("placeholders used but not defined are errors at their position") {
  const std::string text = "SET #num = :newNum";
  const auto report = check_update(text, {}, {});
  REQUIRE(report.diagnostics.size() == 2);
  CHECK(under(text, report.diagnostics[0]) == "#num");
  CHECK(under(text, report.diagnostics[1]) == ":newNum");
  CHECK(report.undefined_names == std::vector<std::string>{"#num"});
  CHECK(report.undefined_values == std::vector<std::string>{":newNum"});
}

TEST_CASE("placeholders defined but unused are errors on their definition") {
  const auto report = check_update("SET a = :a", {{"#unused", "x"}}, {":a", ":b"});
  REQUIRE(report.diagnostics.size() == 2);
  CHECK(report.diagnostics[0].field == "payload.ExpressionAttributeNames.#unused");
  CHECK(report.diagnostics[1].field == "payload.ExpressionAttributeValues.:b");
  CHECK(report.unused_names == std::vector<std::string>{"#unused"});
  CHECK(report.unused_values == std::vector<std::string>{":b"});
}

TEST_CASE("placeholders count as used by any expression of the request") {
  core::ExpressionContext context;
  context.expressions = {
      {"payload.UpdateExpression", "SET #a = :a", ExpressionKind::Update},
      {"payload.ConditionExpression", "attribute_exists(#k) AND #a < :max", ExpressionKind::Condition}};
  context.names = {{"#a", "a"}, {"#k", "id"}};
  context.values = {":a", ":max"};
  CHECK(core::check_expressions(context).diagnostics.empty());
}

TEST_CASE("unused placeholders are not reported while an expression has a syntax error") {
  const auto report = check_update("SET a = :a,", {}, {":a", ":b"});
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].field == "payload.UpdateExpression");
  CHECK(report.unused_values.empty());
}

TEST_CASE("updating a key attribute is an error at the path") {
  const std::string text = "SET #k = :v, price = :v";
  const auto report = check_update(text, {{"#k", "id"}}, {":v"});
  const auto& d = only_error(report.diagnostics);
  CHECK(under(text, d) == "#k");
  CHECK(d.message.find("“id”") != std::string::npos);
  CHECK(check_update("REMOVE id", {}, {}, {"id"}).diagnostics.size() == 1);
  CHECK(check_update("SET a.id = :v", {}, {":v"}, {"id"}).diagnostics.empty());
}

TEST_CASE("two update actions on overlapping paths are an error") {
  const std::string text = "SET a.b = :v REMOVE #a";
  const auto& d = only_error(check_update(text, {{"#a", "a"}}, {":v"}).diagnostics);
  CHECK(under(text, d) == "#a");
  CHECK(only_error(check_update("SET l[1] = :v REMOVE l[01]", {}, {":v"}).diagnostics).position->offset == 21);
  CHECK(check_update("SET a.b = :v, a.c = :v, l[1] = :v, l[2] = :v", {}, {":v"}).diagnostics.empty());
}

TEST_CASE("expressions longer than 4 KB are errors") {
  std::string text = "attribute_exists(a)";
  while (text.size() <= 4096) text += " OR attribute_exists(a)";
  core::ExpressionContext context;
  context.expressions = {{"payload.FilterExpression", text, ExpressionKind::Condition}};
  const auto report = core::check_expressions(context);
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].message.find("4096") != std::string::npos);
  CHECK(report.diagnostics[0].position == core::TextSpan{4096, text.size() - 4096});
}

TEST_CASE("aliasing a reserved word rewrites the expression and adds the name") {
  const auto fixed = core::alias_names("SET number = :n", ExpressionKind::Update, {});
  CHECK(fixed.expression == "SET #number = :n");
  CHECK(fixed.names == core::NameMap{{"#number", "number"}});
  const auto again = check_update(fixed.expression, fixed.names, {":n"});
  CHECK(again.diagnostics.empty());
}

TEST_CASE("aliasing reuses a placeholder that already names the attribute") {
  const auto fixed =
      core::alias_names("attribute_exists(#num) AND number < :max", ExpressionKind::Condition, {{"#num", "number"}});
  CHECK(fixed.expression == "attribute_exists(#num) AND #num < :max");
  CHECK(fixed.names == core::NameMap{{"#num", "number"}});
}

TEST_CASE("aliasing never takes a placeholder that names another attribute") {
  const auto fixed = core::alias_names("SET #status = :a, status = :b", ExpressionKind::Update, {{"#status", "state"}});
  CHECK(fixed.expression == "SET #status = :a, #status1 = :b");
  CHECK(fixed.names == core::NameMap{{"#status", "state"}, {"#status1", "status"}});
}

TEST_CASE("aliasing every reserved word at once leaves other names alone") {
  const auto fixed =
      core::alias_names("SET info.year = :y, FirstName = :f REMOVE data, comment[0]", ExpressionKind::Update, {});
  CHECK(fixed.expression == "SET info.#year = :y, FirstName = :f REMOVE #data, #comment[0]");
  CHECK(fixed.names == core::NameMap{{"#comment", "comment"}, {"#data", "data"}, {"#year", "year"}});
}

TEST_CASE("aliasing one chosen name rewrites only that name") {
  const auto fixed = core::alias_names("a = :v AND b = :w AND a < :x", ExpressionKind::Condition, {}, "a");
  CHECK(fixed.expression == "#a = :v AND b = :w AND #a < :x");
  CHECK(fixed.names == core::NameMap{{"#a", "a"}});
}
