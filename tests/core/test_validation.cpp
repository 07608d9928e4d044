#include <doctest/doctest.h>

#include <string>

#include "core/validation.hpp"
#include "fixtures.hpp"

using core::AttributeValue;
using core::Diagnostics;
using core::Severity;

namespace {

Diagnostics validate(std::string_view text) { return core::validate_event(fixtures::parse(text)); }

// The diagnostics of one severity on a field.
Diagnostics on(const Diagnostics& diagnostics, std::string_view field, Severity severity = Severity::Error) {
  Diagnostics out;
  for (const auto& d : diagnostics) {
    if (d.field == field && d.severity == severity) out.push_back(d);
  }
  return out;
}

Diagnostics errors(const Diagnostics& diagnostics) {
  Diagnostics out;
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::Error) out.push_back(d);
  }
  return out;
}

std::string event_with(std::string_view operation, std::string_view payload) {
  return R"({"operation":")" + std::string(operation) + R"(","tableName":"lambda-apigateway","payload":)" +
         std::string(payload) + "}";
}

}  // namespace

TEST_CASE("the seed's Postman bodies are valid") {
  for (const auto& name : fixtures::kSeedBodies) {
    CAPTURE(name);
    CHECK(core::validate_event(fixtures::json(name)).empty());
  }
}

TEST_CASE("the tutorial's events are valid, tableName aside") {
  for (const auto& name : fixtures::kTutorialEvents) {
    if (name == "tutorial/update_reserved_word_bare.json") continue;
    CAPTURE(name);
    const auto diagnostics = core::validate_event(fixtures::json(name));
    CHECK(errors(diagnostics).empty());
  }
  // The newer events leave tableName to the Lambda.
  CHECK(on(core::validate_event(fixtures::json("tutorial/create.json")), "tableName", Severity::Warning).size() == 1);
}

TEST_CASE("a reserved word used bare in an update is an error at its position") {
  const auto diagnostics = core::validate_event(fixtures::json("tutorial/update_reserved_word_bare.json"));
  const auto found = on(diagnostics, "payload.UpdateExpression");
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].position);
  CHECK(found[0].position->offset == 4);
  CHECK(found[0].position->length == 6);
}

TEST_CASE("table names have 3 to 255 letters, digits, underscores, dashes and dots") {
  CHECK(core::validate_table_name("lambda-apigateway").empty());
  CHECK(core::validate_table_name("a_b.C-9").empty());
  CHECK(core::validate_table_name(std::string(255, 't')).empty());
  CHECK(core::validate_table_name("ab").size() == 1);
  CHECK(core::validate_table_name(std::string(256, 't')).size() == 1);
  const auto bad = core::validate_table_name("my table");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].position == core::TextSpan{2, 1});
  CHECK(bad[0].field == "tableName");
  CHECK(on(validate(R"({"operation":"read","tableName":7,"payload":{"Key":{"id":"a"}}})"), "tableName").size() == 1);
  CHECK(on(validate(R"({"operation":"read","tableName":"x","payload":{"Key":{"id":"a"}}})"), "tableName").size() == 1);
}

TEST_CASE("an event has a known operation") {
  CHECK(on(validate("[]"), "event").size() == 1);
  CHECK(on(validate(R"({"tableName":"t"})"), "operation").size() == 1);
  const auto unknown = on(validate(R"({"operation":"scan"})"), "operation");
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].message.find("“scan”") != std::string::npos);
}

TEST_CASE("operations on a table need a payload object") {
  CHECK(on(validate(R"({"operation":"create","tableName":"tbl"})"), "payload").size() == 1);
  CHECK(on(validate(R"({"operation":"list","tableName":"tbl"})"), "payload").size() == 1);
  CHECK(on(validate(R"({"operation":"delete","tableName":"tbl","payload":"id"})"), "payload").size() == 1);
  CHECK(validate(R"({"operation":"list","tableName":"tbl","payload":{}})").empty());
  CHECK(validate(R"({"operation":"ping"})").empty());
  CHECK(validate(R"({"operation":"echo","payload":[1,"two"]})").empty());
  CHECK(on(validate(R"({"operation":"ping","payload":{}})"), "payload", Severity::Info).size() == 1);
}

TEST_CASE("payload members the operation does not take are errors") {
  const auto found = on(validate(event_with("read", R"({"Key":{"id":"a"},"Item":{"id":"a"}})")), "payload.Item");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("ProjectionExpression") != std::string::npos);
  CHECK(on(validate(event_with("list", R"({"Selekt":"COUNT"})")), "payload.Selekt").size() == 1);
  CHECK(on(validate(event_with("create", R"({"Item":{"id":"a"},"TableName":"t"})")), "payload.TableName").size() == 1);
}

TEST_CASE("boto3 parameters the form has no field for are sent with a warning") {
  const auto diagnostics = validate(event_with("list", R"({"Select":"COUNT","ReturnConsumedCapacity":"TOTAL"})"));
  CHECK(errors(diagnostics).empty());
  CHECK(on(diagnostics, "payload.Select", Severity::Warning).size() == 1);
  CHECK(on(diagnostics, "payload.ReturnConsumedCapacity", Severity::Warning).size() == 1);
  CHECK(on(validate(event_with("read", R"({"Key":{"id":"a"},"Select":"COUNT"})")), "payload.Select").size() == 1);
}

TEST_CASE("a key is present and non-empty, with non-empty scalar values") {
  CHECK(on(validate(event_with("read", "{}")), "payload.Key").size() == 1);
  CHECK(on(validate(event_with("read", R"({"Key":{}})")), "payload.Key").size() == 1);
  CHECK(on(validate(event_with("delete", R"({"Key":"2377ab"})")), "payload.Key").size() == 1);
  CHECK(on(validate(event_with("read", R"({"Key":{"id":""}})")), "payload.Key.id").size() == 1);
  CHECK(on(validate(event_with("read", R"({"Key":{"id":{"a":1}}})")), "payload.Key.id").size() == 1);
  CHECK(on(validate(event_with("read", R"({"Key":{"a":"1","b":"2","c":"3"}})")), "payload.Key").size() == 1);
  CHECK(validate(event_with("read", R"({"Key":{"pk":"1","sk":2}})")).empty());
  CHECK(validate(event_with("read", R"({"Key":{"id":{"$B":"AAEC"}}})")).empty());
}

TEST_CASE("an item is an object with at least one named attribute") {
  CHECK(on(validate(event_with("create", R"({"Item":{}})")), "payload.Item").size() == 1);
  CHECK(on(validate(event_with("create", R"({"Item":[1]})")), "payload.Item").size() == 1);
  CHECK(on(validate(event_with("create", R"({"Item":{"id":"a","":1}})")), "payload.Item").size() == 1);
  CHECK(on(validate(event_with("create", R"({"Item":{"id":"a","id":"b"}})")), "payload.Item.id").size() == 1);
}

TEST_CASE("item sizes count attribute names and values") {
  CHECK(core::item_size(fixtures::parse(R"({"id":"2377ab","number":4})")) == 2 + 6 + 6 + 2);
  CHECK(core::item_size(fixtures::parse(R"({"tags":{"$SS":["a","bc"]},"m":{"k":true}})")) == 4 + 3 + 1 + 3 + 1 + 1 + 1);
}

TEST_CASE("items above 400 KB are errors") {
  const auto item = [](std::size_t value_bytes) {
    return event_with("create", R"({"Item":{"id":")" + std::string(value_bytes, 'x') + R"("}})");
  };
  CHECK(validate(item(core::kMaxItemBytes - 2)).empty());
  const auto found = on(validate(item(core::kMaxItemBytes - 1)), "payload.Item");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("409601 bytes") != std::string::npos);
}

TEST_CASE("numbers anywhere in a request follow DynamoDB's range and precision") {
  const auto diagnostics = validate(event_with(
      "update",
      R"({"Key":{"id":1E+126},"UpdateExpression":"SET a = :v, b = :w",)"
      R"("ExpressionAttributeValues":{":v":{"$NS":[1,123456789012345678901234567890123456789]},":w":1E-131}})"));
  CHECK(on(diagnostics, "payload.Key.id").size() == 1);
  CHECK(on(diagnostics, "payload.ExpressionAttributeValues.:v[1]").size() == 1);
  CHECK(on(diagnostics, "payload.ExpressionAttributeValues.:w").size() == 1);
  CHECK(validate(event_with("create", R"({"Item":{"id":"a","n":12345678901234567890123456789012345678,"f":0.1}})"))
            .empty());
}

TEST_CASE("ReturnValues takes the choices of its operation") {
  CHECK(validate(event_with("delete", R"({"Key":{"id":"a"},"ReturnValues":"ALL_OLD"})")).empty());
  CHECK(validate(event_with("update", R"({"Key":{"id":"a"},"UpdateExpression":"REMOVE b","ReturnValues":"ALL_NEW"})"))
            .empty());
  CHECK(on(validate(event_with("create", R"({"Item":{"id":"a"},"ReturnValues":"ALL_NEW"})")), "payload.ReturnValues")
            .size() == 1);
}

TEST_CASE("Limit is a whole number from 1 and ConsistentRead a boolean") {
  CHECK(validate(event_with("list", R"({"Limit":25})")).empty());
  for (const char* limit : {"0", "-1", "1.5", "1e2", "\"25\"", "2147483648"}) {
    CAPTURE(limit);
    CHECK(on(validate(event_with("list", std::string(R"({"Limit":)") + limit + "}")), "payload.Limit").size() == 1);
  }
  CHECK(validate(event_with("read", R"({"Key":{"id":"a"},"ConsistentRead":true})")).empty());
  CHECK(on(validate(event_with("read", R"({"Key":{"id":"a"},"ConsistentRead":"yes"})")), "payload.ConsistentRead")
            .size() == 1);
}

TEST_CASE("placeholder maps are non-empty objects of well-formed placeholders") {
  CHECK(on(validate(event_with("list", R"({"ExpressionAttributeNames":{}})")), "payload.ExpressionAttributeNames")
            .size() == 1);
  CHECK(on(validate(event_with("list", R"({"FilterExpression":"#a = :v","ExpressionAttributeNames":{"a":"a"},)"
                                       R"("ExpressionAttributeValues":{":v":1}})")),
           "payload.ExpressionAttributeNames.a")
            .size() == 1);
  CHECK(on(validate(event_with("list", R"({"FilterExpression":"a = :v","ExpressionAttributeValues":{"v":1}})")),
           "payload.ExpressionAttributeValues.v")
            .size() == 1);
  CHECK(on(validate(event_with("list", R"({"FilterExpression":"#a = :v","ExpressionAttributeNames":{"#a":3},)"
                                       R"("ExpressionAttributeValues":{":v":1}})")),
           "payload.ExpressionAttributeNames.#a")
            .size() == 1);
}

TEST_CASE("expressions are checked against the request's placeholders and key") {
  const auto diagnostics = validate(event_with(
      "update", R"({"Key":{"id":"a"},"UpdateExpression":"SET id = :v, #x = :missing","ConditionExpression":"",)"
                R"("ExpressionAttributeNames":{"#x":"x","#unused":"y"},"ExpressionAttributeValues":{":v":1}})"));
  CHECK(on(diagnostics, "payload.UpdateExpression").size() == 2);  // key update, undefined :missing
  CHECK(on(diagnostics, "payload.ConditionExpression").size() == 1);
  CHECK(on(diagnostics, "payload.ExpressionAttributeNames.#unused").size() == 1);
  const auto filter = validate(event_with("list", R"({"FilterExpression":"size(tags) >"})"));
  CHECK(on(filter, "payload.FilterExpression").size() == 1);
}

TEST_CASE("an update without an UpdateExpression is a warning") {
  CHECK(on(validate(event_with("update", R"({"Key":{"id":"a"}})")), "payload.UpdateExpression", Severity::Warning)
            .size() == 1);
}

TEST_CASE("event members the Lambda ignores are noted") {
  CHECK(on(validate(R"({"operation":"ping","extra":1})"), "extra", Severity::Info).size() == 1);
}

TEST_CASE("invalid JSON text is reported with its line and column") {
  const std::string text = "{\n  \"operation\": \"read\",\n  \"payload\": {\"Key\": {\"id\": \"a\",}}\n}";
  const auto diagnostics = core::validate_event_text(text);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].field == "event");
  CHECK(diagnostics[0].message.find("line 3, column 33") != std::string::npos);
  REQUIRE(diagnostics[0].position);
  CHECK(text[diagnostics[0].position->offset] == '}');
  CHECK(core::validate_event_text(fixtures::text("seed/2_read.json")).empty());
  CHECK(core::validate_event_text("").size() == 1);
}

TEST_CASE("no input makes validation throw") {
  for (const std::string& text :
       {std::string("\xff\xfe{"), std::string(300, '['),
        std::string(R"({"operation":"create","payload":{"Item":)") + std::string(200, '[') + std::string(200, ']') +
            "}}",
        std::string(R"({"operation":"update","payload":{"Key":{"id":1e99999999999999999999},"UpdateExpression":")") +
            std::string(5000, '(') + "\"}}",
        std::string(R"({"operation":"list","payload":{"Limit":-0,"ExclusiveStartKey":{"$SS":[]}}})")}) {
    CHECK_NOTHROW(core::validate_event_text(text));
  }
}

TEST_CASE("a form's check joins conversion and validation diagnostics") {
  core::RequestForm form;
  form.operation = core::Operation::Update;
  form.table_name = "lambda-apigateway";
  form.key = {{"id", AttributeValue::string("127748AB")}};
  form.update_expression = "SET number = :n";
  form.values = {{":n", AttributeValue::number("four")}};
  const auto checked = core::check_form(form);
  CHECK(on(checked.diagnostics, "payload.ExpressionAttributeValues.:n").size() == 1);  // not a number
  CHECK(on(checked.diagnostics, "payload.UpdateExpression").size() == 1);              // reserved word
  CHECK(core::has_errors(checked.diagnostics));
}

TEST_CASE("a connection has an http(s) endpoint and headers a browser can send") {
  CHECK(core::validate_connection({.endpoint = "https://abc.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager"})
            .empty());
  CHECK(core::validate_connection({.endpoint = "http://127.0.0.1:3000/prod/DynamoDBManager"}).empty());
  CHECK(on(core::validate_connection({.endpoint = ""}), "connection.endpoint").size() == 1);
  CHECK(on(core::validate_connection({.endpoint = "abc.example/prod"}), "connection.endpoint").size() == 1);
  CHECK(on(core::validate_connection({.endpoint = "https://a b"}), "connection.endpoint").size() == 1);
  CHECK(on(core::validate_connection({.endpoint = "http://api.example/prod"}), "connection.endpoint", Severity::Warning)
            .size() == 1);
  CHECK(on(core::validate_connection({.endpoint = "http://localhost.evil/prod"}), "connection.endpoint",
           Severity::Warning)
            .size() == 1);
  // Local as the transport explanation reads it (core/url.hpp): any *.localhost, user info, trailing whitespace.
  for (const char* local : {"http://api.localhost:3000/prod", "http://user@localhost/prod", "http://[::1]?x=1",
                            "\f http://LOCALHOST:3000/prod\v\n"}) {
    CAPTURE(local);
    CHECK(core::validate_connection({.endpoint = local}).empty());
  }
  const core::Connection connection{.endpoint = "https://h/p",
                                    .api_key = "key with space",
                                    .headers = {{"X-Ok", "1"}, {"Bad Name", "1"}, {"Cookie", "a=b"}, {"X-Nl", "a\nb"}}};
  const auto diagnostics = core::validate_connection(connection);
  CHECK(on(diagnostics, "connection.api_key").size() == 1);
  CHECK(on(diagnostics, "connection.headers[0]").empty());
  CHECK(on(diagnostics, "connection.headers[1]").size() == 1);
  CHECK(on(diagnostics, "connection.headers[2]", Severity::Warning).size() == 1);
  CHECK(on(diagnostics, "connection.headers[3]").size() == 1);
}

TEST_CASE("an event's expression context holds its expressions, placeholders and key") {
  const auto context = core::expression_context(fixtures::json("tutorial/update_reserved_word.json"));
  REQUIRE(context.expressions.size() == 1);
  CHECK(context.expressions[0].field == "payload.UpdateExpression");
  CHECK(context.expressions[0].kind == core::ExpressionKind::Update);
  CHECK(context.names == core::NameMap{{"#num", "number"}});
  CHECK(context.values == std::vector<std::string>{":newNum"});
  CHECK(context.key_attributes == std::vector<std::string>{"id"});
  CHECK(core::expression_context(fixtures::parse("[]")).expressions.empty());
}
