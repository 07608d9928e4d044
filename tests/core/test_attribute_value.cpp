#include <doctest/doctest.h>

#include <string>

#include "checks.hpp"
#include "core/attribute_value.hpp"
#include "fixtures.hpp"

using core::AttributeType;
using core::AttributeValue;
using core::JsonValue;

namespace {

// JSON text -> attribute tree -> JSON text.
std::string round_trip(std::string_view text) {
  return core::to_json_text(core::attribute_to_json(core::attribute_from_json(fixtures::parse(text)), "v").json);
}

}  // namespace

TEST_CASE("numbers keep their exact text from JSON to the tree and back") {
  for (const char* text : {"12345678901234567890123456789012345678", "0.1", "1E+2", "-3.50", "4", "9.99E+125"}) {
    const auto value = core::attribute_from_json(fixtures::parse(text));
    CHECK(value.type == AttributeType::Number);
    CHECK(value.text == text);
    CHECK(round_trip(text) == text);
  }
}

TEST_CASE("typed numbers are written as JSON numbers, repairing only the spelling") {
  CHECK(core::number_to_json_text("12345678901234567890123456789012345678") ==
        "12345678901234567890123456789012345678");
  CHECK(core::number_to_json_text("0.1") == "0.1");
  CHECK(core::number_to_json_text(" 42 ") == "42");
  CHECK(core::number_to_json_text("+5") == "5");
  CHECK(core::number_to_json_text(".5") == "0.5");
  CHECK(core::number_to_json_text("5.") == "5");
  CHECK(core::number_to_json_text("007.250") == "7.250");
  CHECK(core::number_to_json_text("-1e-7") == "-1e-7");
  CHECK(core::number_to_json_text("abc") == std::nullopt);
  CHECK(core::number_to_json_text("NaN") == std::nullopt);
  CHECK(core::number_to_json_text("Infinity") == std::nullopt);
  CHECK(core::number_to_json_text("1e") == std::nullopt);
  CHECK(core::number_to_json_text(".") == std::nullopt);
  CHECK(core::number_to_json_text("") == std::nullopt);
  CHECK(core::number_to_json_text("1 2") == std::nullopt);
}

TEST_CASE("a number's significant digits and exponent ignore leading and trailing zeros") {
  const auto d = core::parse_decimal("00120.0300e2");
  REQUIRE(d);
  CHECK(d->digits == "12003");
  CHECK(d->exponent == 4);
  CHECK_FALSE(d->negative);
  CHECK(core::parse_decimal("0.000")->is_zero());
  CHECK(core::parse_decimal("-0.05")->exponent == -2);
  CHECK(core::parse_decimal("1E999999999999999999999")->exponent > core::kMaxNumberExponent);
}

TEST_CASE("numbers follow DynamoDB's precision and range") {
  CHECK_FALSE(core::number_problem("12345678901234567890123456789012345678"));
  CHECK(core::number_problem("123456789012345678901234567890123456789"));
  CHECK_FALSE(core::number_problem("1234567890123456789012345678901234567800000"));  // trailing zeros are free
  CHECK_FALSE(core::number_problem("9.9999999999999999999999999999999999999E+125"));
  CHECK(core::number_problem("1E+126"));
  CHECK_FALSE(core::number_problem("1E-130"));
  CHECK_FALSE(core::number_problem("-1E-130"));
  CHECK(core::number_problem("9E-131"));
  CHECK_FALSE(core::number_problem("0"));
  CHECK_FALSE(core::number_problem("0E-999"));
  CHECK(core::number_problem("NaN"));
  CHECK(core::number_problem("-Infinity"));
  CHECK(core::number_problem("12abc"));
}

TEST_CASE("sets travel as single-member marker objects") {
  CHECK(core::attribute_from_json(fixtures::parse(R"({"$SS":["a","b"]})")) ==
        AttributeValue::set(AttributeType::StringSet, {"a", "b"}));
  CHECK(core::attribute_from_json(fixtures::parse(R"({"$NS":[1,2.5]})")) ==
        AttributeValue::set(AttributeType::NumberSet, {"1", "2.5"}));
  CHECK(core::attribute_from_json(fixtures::parse(R"({"$B":"AAEC"})")) == AttributeValue::binary("AAEC"));
  CHECK(core::attribute_from_json(fixtures::parse(R"({"$BS":["AAEC","/w=="]})")) ==
        AttributeValue::set(AttributeType::BinarySet, {"AAEC", "/w=="}));
  CHECK(round_trip(R"({"$SS":["a","b"]})") == R"({"$SS":["a","b"]})");
  CHECK(round_trip(R"({"$NS":[12345678901234567890123456789012345678,0.1]})") ==
        R"({"$NS":[12345678901234567890123456789012345678,0.1]})");
  CHECK(round_trip(R"({"$B":"AAEC"})") == R"({"$B":"AAEC"})");
  CHECK(round_trip(R"({"$BS":["AAEC"]})") == R"({"$BS":["AAEC"]})");
}

TEST_CASE("a marker with the wrong shape stays a map, which the Lambda refuses") {
  const auto value = core::attribute_from_json(fixtures::parse(R"({"$NS":["1"]})"));
  CHECK(value.type == AttributeType::Map);
  CHECK(round_trip(R"({"$NS":["1"]})") == R"({"$NS":["1"]})");
  const auto diagnostics = core::check_attribute(value, "payload.Item.n");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].field == "payload.Item.n.$NS");
  CHECK(diagnostics[0].severity == core::Severity::Error);
  const auto with_others = core::attribute_from_json(fixtures::parse(R"({"$SS":["a"],"x":1})"));
  CHECK(with_others.type == AttributeType::Map);
  CHECK(core::check_attribute(with_others, "v").size() == 1);
  CHECK(core::check_attribute(core::attribute_from_json(fixtures::parse(R"({"SS":["a"],"x":1})")), "v").empty());
}

TEST_CASE("a value's type is known without building its tree, with the same marker rules") {
  for (const char* text : {R"("s")", "1.5", "true", "null", "[1]", R"({"a":1})", R"({"$SS":["a"]})",
                           R"({"$NS":[1,2.5]})", R"({"$B":"AAEC"})", R"({"$BS":["AA=="]})", R"({"$NS":["1"]})",
                           R"({"$SS":[1]})", R"({"$B":5})", R"({"$SS":["a"],"b":1})", R"({"$XS":[]})"}) {
    CAPTURE(text);
    CHECK(core::attribute_type_of(fixtures::parse(text)) == core::attribute_from_json(fixtures::parse(text)).type);
  }
  CHECK(core::attribute_type_of(fixtures::parse(R"({"$NS":[1]})")) == AttributeType::NumberSet);
  CHECK(core::attribute_type_of(fixtures::parse(R"({"$NS":["1"]})")) == AttributeType::Map);
}

TEST_CASE("a map that would read back as a set can't be written") {
  const auto map = AttributeValue::map({{"$SS", AttributeValue::list({AttributeValue::string("a")})}});
  const auto writing = core::attribute_to_json(map, "v");
  REQUIRE(writing.diagnostics.size() == 1);
  CHECK(writing.diagnostics[0].severity == core::Severity::Error);
  CHECK(writing.diagnostics[0].field == "v.$SS");
}

TEST_CASE("nested lists and maps keep their order through JSON") {
  const std::string text = R"({"z":[1,"two",true,null,{"y":[],"b":{}}],"a":{"k":0.10}})";
  CHECK(round_trip(text) == text);
  const auto value = core::attribute_from_json(fixtures::parse(text));
  CHECK(value.members[0].first == "z");
  CHECK(value.members[0].second.items[1] == AttributeValue::string("two"));
}

TEST_CASE("number text that is not a number is written as a string with an error") {
  const auto writing = core::attribute_to_json(AttributeValue::number("twelve"), "payload.Item.n");
  CHECK(writing.json == JsonValue::string("twelve"));
  REQUIRE(writing.diagnostics.size() == 1);
  CHECK(writing.diagnostics[0].field == "payload.Item.n");
  CHECK(writing.diagnostics[0].severity == core::Severity::Error);
}

TEST_CASE("out of range numbers are errors at their path") {
  const auto diagnostics =
      core::check_attribute(core::attribute_from_json(fixtures::parse(R"({"a":[1,1E+200]})")), "payload.Item.m");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].field == "payload.Item.m.a[1]");
  CHECK(mentions(diagnostics, "too large"));
}

TEST_CASE("sets must be non-empty and without duplicates") {
  CHECK(mentions(core::check_attribute(AttributeValue::set(AttributeType::StringSet, {}), "v"), "empty set"));
  CHECK(mentions(core::check_attribute(AttributeValue::set(AttributeType::StringSet, {"a", "b", "a"}), "v"),
                 "already in this set"));
  // Number sets compare by value.
  const auto numbers = core::check_attribute(AttributeValue::set(AttributeType::NumberSet, {"1", "2", "1.0"}), "v");
  REQUIRE(numbers.size() == 1);
  CHECK(numbers[0].field == "v[2]");
  CHECK(core::check_attribute(AttributeValue::set(AttributeType::NumberSet, {"1", "10", "0.1"}), "v").empty());
  CHECK(mentions(core::check_attribute(AttributeValue::set(AttributeType::NumberSet, {"x"}), "v"), "not a number"));
}

TEST_CASE("binary values must be base64") {
  CHECK(core::is_base64("AAEC"));
  CHECK(core::is_base64("/w=="));
  CHECK(core::is_base64(""));
  CHECK_FALSE(core::is_base64("AAE"));
  CHECK_FALSE(core::is_base64("A=EC"));
  CHECK_FALSE(core::is_base64("a-b_"));
  CHECK(core::base64_decoded_size("/w==") == 1);
  CHECK(core::base64_decoded_size("AAEC") == 3);
  CHECK(core::check_attribute(AttributeValue::binary("AAEC"), "v").empty());
  CHECK(mentions(core::check_attribute(AttributeValue::binary("not base64"), "v"), "base64"));
  CHECK(mentions(core::check_attribute(AttributeValue::set(AttributeType::BinarySet, {"AAEC", "%%"}), "v"), "base64"));
}

TEST_CASE("duplicate map member names are errors") {
  const auto map = AttributeValue::map({{"a", AttributeValue::null()}, {"a", AttributeValue::null()}});
  const auto diagnostics = core::check_attribute(map, "v");
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].field == "v.a");
}

TEST_CASE("lists and maps nest at most 32 levels") {
  AttributeValue deep = AttributeValue::string("x");
  for (std::size_t i = 0; i < core::kMaxAttributeDepth; ++i) deep = AttributeValue::list({deep});
  CHECK(core::check_attribute(deep, "v").empty());
  deep = AttributeValue::list({deep});
  CHECK(mentions(core::check_attribute(deep, "v"), "nest"));
}

TEST_CASE("attribute sizes follow DynamoDB's size rules") {
  CHECK(core::attribute_size(AttributeValue::string("héllo")) == 6);
  CHECK(core::attribute_size(AttributeValue::number("4")) == 2);
  CHECK(core::attribute_size(AttributeValue::number("12345678901234567890123456789012345678")) == 20);
  CHECK(core::attribute_size(AttributeValue::number("1000")) == 2);
  CHECK(core::attribute_size(AttributeValue::number("0")) == 1);
  CHECK(core::attribute_size(AttributeValue::binary("AAEC")) == 3);
  CHECK(core::attribute_size(AttributeValue::from_bool(true)) == 1);
  CHECK(core::attribute_size(AttributeValue::null()) == 1);
  CHECK(core::attribute_size(AttributeValue::list()) == 3);
  CHECK(core::attribute_size(AttributeValue::list({AttributeValue::string("ab")})) == 3 + 1 + 2);
  CHECK(core::attribute_size(AttributeValue::map({{"key", AttributeValue::string("ab")}})) == 3 + 1 + 3 + 2);
  CHECK(core::attribute_size(AttributeValue::set(AttributeType::StringSet, {"a", "bc"})) == 3);
}

TEST_CASE("changing a value's type keeps what carries over") {
  CHECK(core::convert_attribute(AttributeValue::string("42"), AttributeType::Number) == AttributeValue::number("42"));
  CHECK(core::convert_attribute(AttributeValue::string("true"), AttributeType::Bool) ==
        AttributeValue::from_bool(true));
  CHECK(core::convert_attribute(AttributeValue::from_bool(false), AttributeType::String) ==
        AttributeValue::string("false"));
  const auto list = AttributeValue::list({AttributeValue::number("1"), AttributeValue::number("2")});
  CHECK(core::convert_attribute(list, AttributeType::NumberSet) ==
        AttributeValue::set(AttributeType::NumberSet, {"1", "2"}));
  CHECK(core::convert_attribute(AttributeValue::set(AttributeType::NumberSet, {"1", "2"}), AttributeType::List) ==
        list);
  CHECK(core::convert_attribute(AttributeValue::string("a"), AttributeType::StringSet) ==
        AttributeValue::set(AttributeType::StringSet, {"a"}));
  CHECK(core::convert_attribute(AttributeValue::string("a"), AttributeType::Map) == AttributeValue::map());
  CHECK(core::convert_attribute(AttributeValue::string("a"), AttributeType::List) ==
        AttributeValue::list({AttributeValue::string("a")}));
}

TEST_CASE("messages quote long values cut between UTF-8 characters") {
  // The 40-byte cut falls inside "é".
  const auto problem = core::number_problem(std::string(39, 'x') + "é" + std::string(60, 'x'));
  REQUIRE(problem);
  CHECK(problem->find("…") != std::string::npos);
  // Printing replaces invalid UTF-8 with U+FFFD; a clean cut leaves none.
  CHECK(core::to_json_text(JsonValue::string(*problem)).find("\xEF\xBF\xBD") == std::string::npos);
}
