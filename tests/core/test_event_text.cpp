#include <doctest/doctest.h>

#include "core/event_text.hpp"
#include "fixtures.hpp"

using core::check_event_text;
using core::Operation;

TEST_CASE("each of the seed's six postman bodies can be sent as it is") {
  for (const std::string& name : fixtures::kSeedBodies) {
    const auto check = check_event_text(fixtures::text(name));
    INFO(name);
    CHECK(check.sendable());
    CHECK(check.table_name == "lambda-apigateway");
  }
}

TEST_CASE("the check reads the operation and table as written") {
  const auto check = check_event_text(R"({"operation": "scan", "tableName": "Orders"})");
  CHECK(check.operation == "scan");
  CHECK(check.table_name == "Orders");
  CHECK_FALSE(check.sendable());
}

TEST_CASE("invalid json is not sendable and its error points at the byte where it is") {
  const std::string text = "{\n  \"operation\": \"read\",\n  \"payload\": {\"Key\": }\n}";
  const auto check = check_event_text(text);
  CHECK_FALSE(check.sendable());
  CHECK_FALSE(check.event.has_value());
  REQUIRE(check.diagnostics.size() == 1);
  CHECK(check.diagnostics[0].message.find("line 3, column 22") != std::string::npos);
  REQUIRE(check.diagnostics[0].position.has_value());
  CHECK(text[check.diagnostics[0].position->offset] == '}');
}

TEST_CASE("a shape the lambda refuses is not sendable") {
  CHECK_FALSE(check_event_text("[1]").sendable());
  CHECK_FALSE(check_event_text(R"({"operation": "read", "tableName": "t1t", "payload": [1]})").sendable());
}

TEST_CASE("every example event can be sent") {
  for (const auto operation : core::kOperations) {
    INFO(core::operation_name(operation));
    CHECK(check_event_text(core::event_text(core::example_event(operation, "lambda-apigateway"))).sendable());
  }
}

TEST_CASE("the seed's create body is the create example and ping has no table") {
  CHECK(core::example_event(Operation::Create, "lambda-apigateway") == fixtures::json("seed/1_create.json"));
  CHECK(core::event_text(core::example_event(Operation::Ping, "lambda-apigateway")) ==
        "{\n  \"operation\": \"ping\"\n}");
}

TEST_CASE("choosing an operation replaces an untouched example payload") {
  const std::string create = core::event_text(core::example_event(Operation::Create, "t1t"));
  const auto read = core::with_operation(create, Operation::Read);
  REQUIRE(read);
  CHECK(*read == core::event_text(core::example_event(Operation::Read, "t1t")));
  const auto ping = core::with_operation(*read, Operation::Ping);
  REQUIRE(ping);
  CHECK(*ping == "{\n  \"operation\": \"ping\",\n  \"tableName\": \"t1t\"\n}");
  CHECK(*core::with_operation(*ping, Operation::Delete) ==
        core::event_text(core::example_event(Operation::Delete, "t1t")));
}

TEST_CASE("choosing an operation keeps a payload the person changed with its exact numbers") {
  const std::string mine =
      R"({"operation": "create", "tableName": "t1t", "payload": {"Item": {"id": "x", "n": 12345678901234567890123456789012345678}}})";
  const auto changed = core::with_operation(mine, Operation::Update);
  REQUIRE(changed);
  CHECK(check_event_text(*changed).operation == "update");
  CHECK(changed->find("12345678901234567890123456789012345678") != std::string::npos);
}

TEST_CASE("an operation chosen for an object without one goes first") {
  const auto text = core::with_operation(R"({"tableName": "t1t", "payload": {"Key": {"id": "1"}}})", Operation::Read);
  REQUIRE(text);
  CHECK(text->rfind("{\n  \"operation\": \"read\",", 0) == 0);
}

TEST_CASE("the table name is set after the operation or removed when emptied") {
  const auto set = core::with_table_name(R"({"operation": "list", "payload": {"Limit": 0.10}})", "Orders");
  REQUIRE(set);
  CHECK(*set ==
        "{\n  \"operation\": \"list\",\n  \"tableName\": \"Orders\",\n  \"payload\": {\n    \"Limit\": 0.10\n  }\n}");
  const auto removed = core::with_table_name(*set, "");
  REQUIRE(removed);
  CHECK(removed->find("tableName") == std::string::npos);
}

TEST_CASE("the operation and table cannot be changed in text that is not a json object") {
  CHECK_FALSE(core::with_operation("{\"operation\": ", Operation::Read));
  CHECK_FALSE(core::with_table_name("[1, 2]", "t1t"));
}
