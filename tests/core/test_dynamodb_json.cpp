#include <doctest/doctest.h>

#include "core/dynamodb_json.hpp"
#include "core/json_value.hpp"
#include "fixtures.hpp"
#include "hostile.hpp"

namespace {

std::string typed_text(std::string_view plain) {
  return core::to_json_text(core::to_dynamodb_json(fixtures::parse(plain)));
}

}  // namespace

TEST_CASE("each plain value has its DynamoDB type, numbers as their exact text") {
  CHECK(typed_text(R"("it's")") == R"({"S":"it's"})");
  CHECK(typed_text("12345678901234567890123456789012345678") == R"({"N":"12345678901234567890123456789012345678"})");
  CHECK(typed_text("1.50E+3") == R"({"N":"1.50E+3"})");
  CHECK(typed_text("true") == R"({"BOOL":true})");
  CHECK(typed_text("null") == R"({"NULL":true})");
  CHECK(typed_text(R"([1, "a"])") == R"({"L":[{"N":"1"},{"S":"a"}]})");
  CHECK(typed_text(R"({"a": {"b": 2}})") == R"({"M":{"a":{"M":{"b":{"N":"2"}}}}})");
  CHECK(typed_text(R"({"$SS": ["x", "y"]})") == R"({"SS":["x","y"]})");
  CHECK(typed_text(R"({"$NS": [1, 99999999999999999999999999999999999999]})") ==
        R"({"NS":["1","99999999999999999999999999999999999999"]})");
  CHECK(typed_text(R"({"$B": "AAEC/w=="})") == R"({"B":"AAEC/w=="})");
  CHECK(typed_text(R"({"$BS": ["AA==", "/w=="]})") == R"({"BS":["AA==","/w=="]})");
  // Not a marker's shape: a map like any other.
  CHECK(typed_text(R"({"$NS": ["1"]})") == R"({"M":{"$NS":{"L":[{"S":"1"}]}}})");
}

TEST_CASE("an item goes to DynamoDB JSON and back unchanged, hostile content included") {
  const core::JsonValue item = fixtures::parse(hostile::kItem);
  const core::JsonValue typed = core::item_to_dynamodb_json(item);
  CHECK(typed.find("id")->find("S")->text == item.find("id")->text);
  CHECK(typed.find("big")->find("N")->text == hostile::kBig);
  const auto back = core::item_from_dynamodb_json(typed);
  REQUIRE_MESSAGE(back.plain, back.error);
  CHECK(*back.plain == item);
  // Through text too: what the JSON tab and the AWS CLI show parses back.
  const auto reparsed = core::item_from_dynamodb_json(fixtures::parse(core::to_json_text(typed, 2)));
  REQUIRE(reparsed.plain);
  CHECK(core::to_json_text(*reparsed.plain) == core::to_json_text(item));
}

TEST_CASE("typed JSON that is not DynamoDB JSON says where and why") {
  const auto read = [](std::string_view text) { return core::from_dynamodb_json(fixtures::parse(text)); };
  CHECK(read(R"({"N": "abc"})").error == "N: \"abc\" is not a number");
  CHECK(read(R"({"N": 5})").error == "N: N holds the number as a string");
  CHECK(read(R"({"M": {"tags": {"X": 1}}})").error ==
        "M.tags: \"X\" is not a DynamoDB type (S, N, BOOL, NULL, L, M, SS, NS, B, BS)");
  CHECK(read(R"({"L": [{"S": "a"}, {"S": "b", "N": "1"}]})").error.starts_with("L[1]: a typed value is an object"));
  CHECK(read(R"({"NS": ["1", "x"]})").error == "NS[1]: \"x\" is not a number");
  CHECK(read(R"({"NULL": false})").error == "NULL: NULL holds true");
  CHECK_FALSE(read(R"({"NULL": false})").plain);
  CHECK(core::item_from_dynamodb_json(fixtures::parse("[1]")).error == "an item is an object of typed attributes");
}

TEST_CASE("an answer in DynamoDB JSON types its items and keeps the rest") {
  const core::JsonValue body = fixtures::parse(
      R"({"Items": [{"id": "a", "n": 1}], "Count": 1, "LastEvaluatedKey": {"id": "a"},
          "ResponseMetadata": {"HTTPStatusCode": 200}})");
  CHECK(core::to_json_text(core::answer_to_dynamodb_json(body)) ==
        R"({"Items":[{"id":{"S":"a"},"n":{"N":"1"}}],"Count":1,"LastEvaluatedKey":{"id":{"S":"a"}},)"
        R"("ResponseMetadata":{"HTTPStatusCode":200}})");
  CHECK(core::to_json_text(core::answer_to_dynamodb_json(fixtures::parse(R"({"Item": {"s": {"$SS": ["x"]}}})"))) ==
        R"({"Item":{"s":{"SS":["x"]}}})");
  CHECK(core::to_json_text(core::answer_to_dynamodb_json(fixtures::parse(R"({"Attributes": {"v": null}})"))) ==
        R"({"Attributes":{"v":{"NULL":true}}})");
  // An echo or a pong is no item: shown as it is.
  CHECK(core::answer_to_dynamodb_json(fixtures::parse(R"("pong")")) == fixtures::parse(R"("pong")"));
  CHECK(core::answer_to_dynamodb_json(fixtures::parse(R"({"a": 1})")) == fixtures::parse(R"({"a": 1})"));
}
