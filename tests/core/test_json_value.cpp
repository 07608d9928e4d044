#include <doctest/doctest.h>

#include <cmath>

#include "core/json_value.hpp"

using core::JsonValue;
using core::parse_json;
using core::to_json_text;

TEST_CASE("numbers keep their exact decimal text through parse and print") {
  for (const char* number : {"12345678901234567890123456789012345678", "0.1", "1E+2", "-3.50", "9.99E+125", "1E-130",
                             "4", "-17", "18446744073709551615", "18446744073709551616"}) {
    const std::string text = std::string("[") + number + "]";
    const auto parsed = parse_json(text);
    REQUIRE(parsed);
    CHECK(parsed.value->array.at(0).text == number);
    CHECK(to_json_text(*parsed.value) == text);
  }
}

TEST_CASE("object members keep their order") {
  const auto parsed = parse_json(R"({"z":1,"a":2,"m":{"y":true,"b":null}})");
  REQUIRE(parsed);
  CHECK(to_json_text(*parsed.value) == R"({"z":1,"a":2,"m":{"y":true,"b":null}})");
  CHECK(parsed.value->object.front().first == "z");
}

TEST_CASE("pretty printing indents nested values") {
  const auto parsed = parse_json(R"({"a":[1,{"b":"x"}],"c":{}})");
  REQUIRE(parsed);
  CHECK(to_json_text(*parsed.value, 2) ==
        "{\n  \"a\": [\n    1,\n    {\n      \"b\": \"x\"\n    }\n  ],\n  \"c\": {}\n}");
}

TEST_CASE("invalid json reports line and column") {
  const auto parsed = parse_json("{\n  \"a\": 1,\n  \"b\": ]\n}");
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error->line == 3);
  CHECK(parsed.error->column == 8);
  CHECK_FALSE(parsed.error->message.empty());
}

TEST_CASE("empty input is an error, not a crash") {
  const auto parsed = parse_json("");
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error->line == 1);
}

TEST_CASE("nesting beyond the depth limit is refused") {
  const std::string deep(core::kMaxJsonDepth + 1, '[');
  const auto parsed = parse_json(deep + std::string(core::kMaxJsonDepth + 1, ']'));
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error->message.find("levels deep") != std::string::npos);
}

TEST_CASE("strings are escaped and unicode survives") {
  const auto parsed = parse_json(R"(["a\"b\\c\n\u00e9✓"])");
  REQUIRE(parsed);
  CHECK(parsed.value->array[0].text == "a\"b\\c\né✓");
  CHECK(to_json_text(*parsed.value) == "[\"a\\\"b\\\\c\\né✓\"]");
}

TEST_CASE("invalid utf-8 in a string still prints as valid json") {
  const auto printed = to_json_text(JsonValue::string(std::string("a\xff") + "b"));
  CHECK(parse_json(printed));
}

TEST_CASE("set replaces a member or appends it: erase removes it") {
  JsonValue object = JsonValue::make_object();
  object.set("a", JsonValue::number("1"));
  object.set("b", JsonValue::string("x"));
  object.set("a", JsonValue::from_bool(true));
  CHECK(to_json_text(object) == R"({"a":true,"b":"x"})");
  CHECK(object.erase("a"));
  CHECK_FALSE(object.erase("a"));
  CHECK(to_json_text(object) == R"({"b":"x"})");
}

TEST_CASE("a number beyond any double keeps its text: range is checked by validation") {
  const auto parsed = parse_json("{\"n\": 1e400}");
  REQUIRE(parsed);
  CHECK(parsed.value->find("n")->text == "1e400");
}

TEST_CASE("reading stops at the first fault with a message that names it") {
  struct Case {
    const char* text;
    std::size_t offset;
    const char* message;
  };
  const Case cases[] = {
      {"{\"a\" 1}", 5, "unexpected '1'; expected ':' after the member name"},
      {"[1 2]", 3, "unexpected '2'; expected ',' or ']' after an array element"},
      {"{\"a\":1,}", 7, "unexpected '}'; expected a member name in double quotes"},
      {"[01]", 2, "invalid number: a leading zero must stand alone"},
      {"[1.]", 3, "invalid number: expected a digit after '.'"},
      {"[-]", 2, "invalid number: expected a digit after '-'"},
      {"\"abc", 0, "a string is not closed: missing '\"'"},
      {"\"a\\x\"", 2, "invalid escape '\\x' in a string"},
      {"\"\\ud800\"", 1, "invalid \\u escape: a high surrogate without its pair"},
      {"\"a\tb\"", 2, "a control character (byte 0x09) must be escaped inside a string"},
      {"\"\xc3\x28\"", 1, "invalid UTF-8 (byte 0xC3) inside a string"},
      {"[true] x", 7, "unexpected 'x' after the JSON value"},
      {"nul", 0, "unexpected 'n'; expected a value"},
      {"", 0, "unexpected end of input; expected a value"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto parsed = parse_json(c.text);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error->offset == c.offset);
    CHECK(parsed.error->message == c.message);
  }
}

TEST_CASE("escapes decode to UTF-8, surrogate pairs included") {
  const auto parsed = parse_json(R"(["\u00e9\ud83d\ude00\/\b\f\r"])");
  REQUIRE(parsed);
  CHECK(parsed.value->array[0].text == "\u00e9\U0001F600/\b\f\r");
}

TEST_CASE("string literals escape quotes, backslashes and control characters and keep UTF-8") {
  CHECK(core::json_string_literal("a\"b\\c") == R"("a\"b\\c")");
  CHECK(core::json_string_literal("\b\f\n\r\t") == R"("\b\f\n\r\t")");
  CHECK(core::json_string_literal(std::string("\x01\x1f\x00", 3)) == R"("\u0001\u001f\u0000")");
  CHECK(core::json_string_literal("é ✓ 😀 \x7f") == "\"é ✓ 😀 \x7f\"");
  CHECK(core::json_string_literal("") == "\"\"");
}

TEST_CASE("string literals replace each byte of invalid UTF-8 with U+FFFD") {
  const std::string replacement = "\xEF\xBF\xBD";
  CHECK(core::json_string_literal("a\xff") == "\"a" + replacement + "\"");
  // A cut sequence, a UTF-16 surrogate and an overlong '/'.
  CHECK(core::json_string_literal("\xe2\x9c") == "\"" + replacement + replacement + "\"");
  CHECK(core::json_string_literal("\xed\xa0\x80") == "\"" + replacement + replacement + replacement + "\"");
  CHECK(core::json_string_literal("\xc0\xaf") == "\"" + replacement + replacement + "\"");
  // What the replacement produces reads back.
  CHECK(parse_json(core::json_string_literal("x\xf5\x80y")));
}

TEST_CASE("measured numbers print as integers when whole and otherwise with float precision") {
  CHECK(JsonValue::from_double(42) == JsonValue::number("42"));
  CHECK(JsonValue::from_double(-3) == JsonValue::number("-3"));
  CHECK(JsonValue::from_double(0.5) == JsonValue::number("0.5"));
  CHECK(JsonValue::from_double(1.0 / 3) == JsonValue::number("0.333333333"));
  CHECK(JsonValue::from_double(1e300) == JsonValue::number("1e+300"));
  CHECK(JsonValue::from_double(std::nan("")).is_null());
  CHECK(JsonValue::from_double(HUGE_VAL).is_null());
}

TEST_CASE("a streamed member's elements are handed over one by one and not kept in the tree") {
  std::vector<std::string> seen;
  const auto parsed =
      core::parse_json_streaming(R"({"Items": [{"a": 1}, "x", [2]], "Count": 3, "Nested": {"Items": [9]}})", "Items",
                                 [&](core::JsonValue&& v) { seen.push_back(core::to_json_text(v)); });
  REQUIRE(parsed);
  CHECK(seen == std::vector<std::string>{R"({"a":1})", R"("x")", "[2]"});
  CHECK(parsed.value->find("Items")->array.empty());
  CHECK(parsed.value->find("Count")->text == "3");
  CHECK(parsed.value->find("Nested")->find("Items")->array.size() == 1);  // only the top-level member streams
  CHECK_FALSE(core::parse_json_streaming(R"({"Items": [1, }])", "Items", [](core::JsonValue&&) {}));
}

TEST_CASE("reindenting valid text gives what to_json_text gives for its value, without a tree") {
  const std::string text = R"( {"a" : [1, 2.50, {"b": {}, "c": []}], "s": "x\"y", "m": {"k": [true, null]}, "e": {}} )";
  const auto parsed = core::parse_json(text);
  REQUIRE(parsed);
  CHECK(core::reindent_json_text(text, 2) == core::to_json_text(*parsed.value, 2));
  CHECK(core::reindent_json_text(R"({"a": 1, "ResponseMetadata": {"x": [1]}, "b": 2})", 2, "ResponseMetadata") ==
        "{\n  \"a\": 1,\n  \"b\": 2\n}");
  CHECK(core::reindent_json_text(R"({"ResponseMetadata": 1})", 2, "ResponseMetadata") == "{}");
  CHECK(core::reindent_json_text("[]", 2) == "[]");
}
