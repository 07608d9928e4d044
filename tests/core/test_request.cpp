#include <doctest/doctest.h>

#include <string>

#include "core/request.hpp"
#include "fixtures.hpp"

using core::AttributeValue;
using core::JsonValue;
using core::Operation;
using core::RequestForm;
using core::Severity;

namespace {

RequestForm form_of(const JsonValue& event) {
  auto read = core::form_from_event(event);
  REQUIRE(read.form);
  return *read.form;
}

std::string event_text(const RequestForm& form) {
  const auto built = core::event_from_form(form);
  CHECK(built.diagnostics.empty());
  return core::to_json_text(built.event);
}

// event -> form -> event
JsonValue round_trip(const JsonValue& event) { return core::event_from_form(form_of(event)).event; }

bool has(const core::Diagnostics& diagnostics, std::string_view field, Severity severity) {
  for (const auto& d : diagnostics) {
    if (d.field == field && d.severity == severity) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("operations are named as in the event") {
  for (Operation operation : core::kOperations) {
    CHECK(core::operation_named(core::operation_name(operation)) == operation);
  }
  CHECK(core::operation_name(Operation::List) == "list");
  CHECK_FALSE(core::operation_named("scan"));
  CHECK_FALSE(core::operation_named("Create"));
}

TEST_CASE("each operation takes the payload fields boto3 takes for it") {
  using V = std::vector<std::string_view>;
  const auto fields = [](Operation op) {
    const auto span = core::payload_fields(op);
    return V(span.begin(), span.end());
  };
  CHECK(fields(Operation::Create) ==
        V{"Item", "ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValues"});
  CHECK(fields(Operation::Read) == V{"Key", "ProjectionExpression", "ConsistentRead", "ExpressionAttributeNames"});
  CHECK(fields(Operation::Update) == V{"Key", "UpdateExpression", "ConditionExpression", "ExpressionAttributeNames",
                                       "ExpressionAttributeValues", "ReturnValues"});
  CHECK(fields(Operation::Delete) ==
        V{"Key", "ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValues"});
  CHECK(fields(Operation::List) == V{"Limit", "ExclusiveStartKey", "FilterExpression", "ProjectionExpression",
                                     "ExpressionAttributeNames", "ExpressionAttributeValues"});
  CHECK(fields(Operation::Echo).empty());
  CHECK(fields(Operation::Ping).empty());
  CHECK(core::return_values_choices(Operation::Update).size() == 5);
  CHECK(core::return_values_choices(Operation::Create).size() == 2);
  CHECK(core::return_values_choices(Operation::List).empty());
}

TEST_CASE("the seed's Postman bodies go through the form and back unchanged") {
  for (const auto& name : fixtures::kSeedBodies) {
    CAPTURE(name);
    const auto event = fixtures::json(name);
    const auto read = core::form_from_event(event);
    CHECK(read.diagnostics.empty());
    REQUIRE(read.form);
    CHECK(read.form->table_name == "lambda-apigateway");
    CHECK(read.form->extra_payload.empty());
    CHECK(core::event_from_form(*read.form).event == event);
  }
}

TEST_CASE("raw JSON text goes to the form and back to the same text") {
  for (const auto& name : fixtures::kSeedBodies) {
    CAPTURE(name);
    std::string text = fixtures::text(name);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    CHECK(core::to_json_text(round_trip(fixtures::parse(text)), 4) == text);
  }
}

TEST_CASE("the tutorial's events go through the form and back unchanged") {
  for (const auto& name : fixtures::kTutorialEvents) {
    CAPTURE(name);
    const auto event = fixtures::json(name);
    CHECK(round_trip(event) == event);
  }
}

TEST_CASE("the form holds each field of the seed's update") {
  const auto form = form_of(fixtures::json("seed/3_update_attribute.json"));
  CHECK(form.operation == Operation::Update);
  CHECK(form.key == std::vector<core::AttributeRow>{{"id", AttributeValue::string("127748AB")}});
  CHECK(form.update_expression == "SET attributeName = :newValue");
  CHECK(form.values == std::vector<core::ValueRow>{{":newValue", AttributeValue::string("674899B")}});
  const auto tutorial = form_of(fixtures::json("tutorial/update_reserved_word.json"));
  CHECK(tutorial.names == std::vector<core::NameRow>{{"#num", "number"}});
  CHECK(tutorial.values == std::vector<core::ValueRow>{{":newNum", AttributeValue::number("10")}});
  CHECK(tutorial.table_name.empty());
}

TEST_CASE("a form builds the event of each operation with that operation's fields") {
  RequestForm form;
  form.table_name = "lambda-apigateway";
  form.item = {{"id", AttributeValue::string("2377ab")}, {"number", AttributeValue::number("4")}};
  form.key = {{"id", AttributeValue::string("2377ab")}};
  form.update_expression = "SET #n = :n";
  form.condition_expression = "attribute_exists(id)";
  form.filter_expression = "#n > :n";
  form.projection_expression = "id, #n";
  form.names = {{"#n", "number"}};
  form.values = {{":n", AttributeValue::number("5")}};
  form.return_values = "ALL_NEW";
  form.consistent_read = true;
  form.limit = 10;
  form.exclusive_start_key = {{"id", AttributeValue::string("a")}};

  form.operation = Operation::Create;
  CHECK(event_text(form) ==
        R"j({"operation":"create","tableName":"lambda-apigateway","payload":{"Item":{"id":"2377ab","number":4},)j"
        R"j("ConditionExpression":"attribute_exists(id)","ExpressionAttributeNames":{"#n":"number"},)j"
        R"j("ExpressionAttributeValues":{":n":5},"ReturnValues":"ALL_NEW"}})j");
  form.operation = Operation::Read;
  CHECK(event_text(form) ==
        R"j({"operation":"read","tableName":"lambda-apigateway","payload":{"Key":{"id":"2377ab"},)j"
        R"j("ProjectionExpression":"id, #n","ConsistentRead":true,"ExpressionAttributeNames":{"#n":"number"}}})j");
  form.operation = Operation::Update;
  CHECK(
      event_text(form) ==
      R"j({"operation":"update","tableName":"lambda-apigateway","payload":{"Key":{"id":"2377ab"},)j"
      R"j("UpdateExpression":"SET #n = :n","ConditionExpression":"attribute_exists(id)",)j"
      R"j("ExpressionAttributeNames":{"#n":"number"},"ExpressionAttributeValues":{":n":5},"ReturnValues":"ALL_NEW"}})j");
  form.operation = Operation::Delete;
  CHECK(event_text(form) ==
        R"j({"operation":"delete","tableName":"lambda-apigateway","payload":{"Key":{"id":"2377ab"},)j"
        R"j("ConditionExpression":"attribute_exists(id)","ExpressionAttributeNames":{"#n":"number"},)j"
        R"j("ExpressionAttributeValues":{":n":5},"ReturnValues":"ALL_NEW"}})j");
  form.operation = Operation::List;
  CHECK(event_text(form) ==
        R"j({"operation":"list","tableName":"lambda-apigateway","payload":{"Limit":10,)j"
        R"j("ExclusiveStartKey":{"id":"a"},"FilterExpression":"#n > :n","ProjectionExpression":"id, #n",)j"
        R"j("ExpressionAttributeNames":{"#n":"number"},"ExpressionAttributeValues":{":n":5}}})j");
  form.operation = Operation::Ping;
  CHECK(event_text(form) == R"j({"operation":"ping"})j");
  form.operation = Operation::Echo;
  form.payload_json = fixtures::parse(R"j([1,{"a":null}])j");
  CHECK(event_text(form) == R"j({"operation":"echo","payload":[1,{"a":null}]})j");
}

TEST_CASE("required payload members are written even when empty") {
  RequestForm form;
  form.operation = Operation::Create;
  CHECK(event_text(form) == R"j({"operation":"create","payload":{"Item":{}}})j");
  form.operation = Operation::Delete;
  CHECK(event_text(form) == R"j({"operation":"delete","payload":{"Key":{}}})j");
  form.operation = Operation::List;
  CHECK(event_text(form) == R"j({"operation":"list","payload":{}})j");
}

TEST_CASE("numbers typed in the form reach the event exactly") {
  RequestForm form;
  form.operation = Operation::Create;
  form.item = {{"big", AttributeValue::number("12345678901234567890123456789012345678")},
               {"tenth", AttributeValue::number("0.1")},
               {"typed", AttributeValue::number(" +.5 ")},
               {"set", AttributeValue::set(core::AttributeType::NumberSet, {"1", "2.50"})}};
  CHECK(event_text(form) ==
        R"j({"operation":"create","payload":{"Item":{"big":12345678901234567890123456789012345678,"tenth":0.1,)j"
        R"j("typed":0.5,"set":{"$NS":[1,2.50]}}}})j");
}

TEST_CASE("number text that is not a number is reported at its row") {
  RequestForm form;
  form.operation = Operation::Update;
  form.key = {{"id", AttributeValue::string("a")}};
  form.values = {{":n", AttributeValue::number("ten")}};
  form.update_expression = "SET a = :n";
  const auto built = core::event_from_form(form);
  CHECK(has(built.diagnostics, "payload.ExpressionAttributeValues.:n", Severity::Error));
}

TEST_CASE("payload members an operation does not take stay raw JSON with a warning") {
  const auto event =
      fixtures::parse(R"j({"operation":"list","tableName":"t","payload":{"Select":"COUNT","Limit":5}})j");
  const auto read = core::form_from_event(event);
  REQUIRE(read.form);
  CHECK(read.form->limit == 5);
  CHECK(read.form->extra_payload == core::JsonObject{{"Select", JsonValue::string("COUNT")}});
  CHECK(has(read.diagnostics, "payload.Select", Severity::Warning));
  CHECK(core::event_from_form(*read.form).event == event);
}

TEST_CASE("values that do not fit their field stay raw JSON with a warning") {
  for (const char* payload :
       {R"({"Limit":"ten"})", R"({"Limit":1.5})", R"({"Limit":99999999999})", R"({"FilterExpression":""})",
        R"({"FilterExpression":7})", R"({"ExpressionAttributeNames":{"#a":1}})", R"({"ExpressionAttributeNames":{}})",
        R"({"ExpressionAttributeValues":[]})", R"({"ExclusiveStartKey":{}})"}) {
    CAPTURE(payload);
    const auto event = fixtures::parse(std::string(R"j({"operation":"list","payload":)j") + payload + "}");
    const auto read = core::form_from_event(event);
    REQUIRE(read.form);
    CHECK(read.form->extra_payload.size() == 1);
    CHECK(read.diagnostics.size() == 1);
    CHECK(read.diagnostics[0].severity == Severity::Warning);
    CHECK(core::event_from_form(*read.form).event == event);
  }
  const auto event = fixtures::parse(R"j({"operation":"read","payload":{"Key":"abc","ConsistentRead":"yes"}})j");
  const auto read = core::form_from_event(event);
  REQUIRE(read.form);
  CHECK(has(read.diagnostics, "payload.Key", Severity::Warning));
  CHECK(has(read.diagnostics, "payload.ConsistentRead", Severity::Warning));
  CHECK(core::event_from_form(*read.form).event == event);
}

TEST_CASE("a field set in the form replaces the raw JSON kept for it") {
  auto form =
      form_of(fixtures::parse(R"j({"operation":"list","payload":{"Limit":"ten","FilterExpression":"a = :v"}})j"));
  form.limit = 5;
  CHECK(event_text(form) == R"j({"operation":"list","payload":{"Limit":5,"FilterExpression":"a = :v"}})j");
}

TEST_CASE("event members besides operation, tableName and payload stay raw JSON") {
  const auto event = fixtures::parse(R"j({"operation":"ping","requestId":"r1","tableName":"t"})j");
  const auto read = core::form_from_event(event);
  REQUIRE(read.form);
  CHECK(has(read.diagnostics, "requestId", Severity::Info));
  CHECK(has(read.diagnostics, "tableName", Severity::Warning));  // ping uses no table
  CHECK(read.form->table_name.empty());
  CHECK(core::event_from_form(*read.form).event == event);
  const auto blank_table = fixtures::parse(R"j({"operation":"read","tableName":"","payload":{"Key":{"id":"a"}}})j");
  CHECK(round_trip(blank_table) == blank_table);
}

TEST_CASE("a payload that is not an object stays raw JSON") {
  const auto event = fixtures::parse(R"j({"operation":"create","payload":[1,2]})j");
  const auto read = core::form_from_event(event);
  REQUIRE(read.form);
  CHECK(read.form->payload_json == fixtures::parse("[1,2]"));
  CHECK(has(read.diagnostics, "payload", Severity::Warning));
  CHECK(core::event_from_form(*read.form).event == event);
}

TEST_CASE("echo's payload is any JSON, kept as it is") {
  for (const char* payload : {"[1,2.50,\"x\"]", "12345678901234567890123456789012345678", "\"text\"", "null",
                              R"j({"somekey1":"somevalue1","n":0.1})j"}) {
    CAPTURE(payload);
    const auto event = fixtures::parse(std::string(R"j({"operation":"echo","payload":)j") + payload + "}");
    const auto read = core::form_from_event(event);
    REQUIRE(read.form);
    CHECK(read.diagnostics.empty());
    CHECK(core::event_from_form(*read.form).event == event);
  }
}

TEST_CASE("ping's payload stays raw JSON with a note") {
  const auto event = fixtures::parse(R"j({"operation":"ping","payload":{}})j");
  const auto read = core::form_from_event(event);
  REQUIRE(read.form);
  CHECK(has(read.diagnostics, "payload", Severity::Info));
  CHECK(core::event_from_form(*read.form).event == event);
}

TEST_CASE("an event without an operation the form knows has no form") {
  for (const char* text : {"[]", "42", R"({"tableName":"t"})", R"({"operation":5})", R"({"operation":"scan"})"}) {
    CAPTURE(text);
    const auto read = core::form_from_event(fixtures::parse(text));
    CHECK_FALSE(read.form);
    REQUIRE(read.diagnostics.size() == 1);
    CHECK(read.diagnostics[0].severity == Severity::Error);
  }
}

TEST_CASE("a member given twice keeps the last value, as the Lambda reads it") {
  const auto read = core::form_from_event(
      fixtures::parse(R"j({"operation":"read","payload":{"Key":{"id":"a"},"Key":{"id":"b"}},"operation":"delete"})j"));
  REQUIRE(read.form);
  CHECK(read.form->operation == Operation::Delete);
  CHECK(read.form->key == std::vector<core::AttributeRow>{{"id", AttributeValue::string("b")}});
  CHECK(has(read.diagnostics, "payload.Key", Severity::Warning));
  CHECK(has(read.diagnostics, "operation", Severity::Warning));
}

TEST_CASE("member order is kept through the form") {
  const auto event =
      fixtures::parse(R"j({"payload":{"ExpressionAttributeValues":{":v":1},"UpdateExpression":"SET a = :v",)j"
                      R"j("Key":{"id":"x"}},"operation":"update","tableName":"t"})j");
  CHECK(core::to_json_text(round_trip(event)) == core::to_json_text(event));
}

TEST_CASE("the http request posts the event as JSON with the connection's headers") {
  core::Connection connection{.endpoint = " http://127.0.0.1:3000/prod/DynamoDBManager ",
                              .api_key = "k3y",
                              .headers = {{"X-Trace", "abc", false}, {"", "ignored", false}, {"x-secret", "s", true}}};
  const auto event = fixtures::json("seed/1_create.json");
  const auto request = core::build_http_request(event, connection);
  CHECK(request.method == "POST");
  CHECK(request.url == "http://127.0.0.1:3000/prod/DynamoDBManager");
  CHECK(request.headers ==
        core::HeaderList{
            {"Content-Type", "application/json"}, {"x-api-key", "k3y"}, {"X-Trace", "abc"}, {"x-secret", "s"}});
  CHECK(request.body == core::to_json_text(event));
}

TEST_CASE("the http request has no x-api-key without a key, and custom headers replace defaults") {
  core::Connection connection{.endpoint = "http://h/p", .headers = {{"content-type", "application/json; x=1"}}};
  const auto request = core::build_http_request(fixtures::parse(R"j({"operation":"ping"})j"), connection);
  CHECK(request.headers == core::HeaderList{{"content-type", "application/json; x=1"}});
}

TEST_CASE("the http request body keeps numbers exact") {
  const auto event = fixtures::parse(
      R"j({"operation":"create","payload":{"Item":{"id":"a","n":12345678901234567890123456789012345678,"f":0.1}}})j");
  const auto request = core::build_http_request(event, {.endpoint = "http://h/p"});
  CHECK(request.body.find("12345678901234567890123456789012345678") != std::string::npos);
  CHECK(request.body.find("\"f\":0.1}") != std::string::npos);
}
