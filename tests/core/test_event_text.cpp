#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/event_text.hpp"

using core::check_event_text;
using core::Severity;

namespace {

std::string fixture(const char* name) {
  std::ifstream in(std::string(FIXTURES_DIR) + "/seed/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool has_error_saying(const core::EventCheck& check, std::string_view words) {
  for (const auto& d : check.diagnostics) {
    if (d.severity == Severity::Error && d.message.find(words) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("each of the seed's six postman bodies can be sent as it is") {
  for (const char* name : {"1_create.json", "2_read.json", "3_update_attribute.json", "4_update_first_name.json",
                           "5_update_last_name.json", "6_delete.json"}) {
    const auto check = check_event_text(fixture(name));
    INFO(name);
    CHECK(check.sendable());
    CHECK(check.diagnostics.empty());
    CHECK(check.table_name == "lambda-apigateway");
  }
}

TEST_CASE("invalid json is not sendable and the error gives its line and column and byte position") {
  const std::string text = "{\n  \"operation\": \"read\",\n  \"payload\": {\"Key\": }\n}";
  const auto check = check_event_text(text);
  CHECK_FALSE(check.sendable());
  REQUIRE(check.diagnostics.size() == 1);
  CHECK(check.diagnostics[0].message.rfind("Line 3, column 22: ", 0) == 0);
  REQUIRE(check.diagnostics[0].position.has_value());
  CHECK(text[check.diagnostics[0].position->offset] == '}');
}

TEST_CASE("an event must be an object with one of the seven operations") {
  CHECK(has_error_saying(check_event_text("[1]"), "must be a JSON object"));
  CHECK(has_error_saying(check_event_text("{}"), "needs an \"operation\""));
  CHECK(has_error_saying(check_event_text(R"({"operation": "scan"})"), "\"scan\" is not an operation"));
  CHECK(has_error_saying(check_event_text(R"({"operation": 7})"), "7 is not an operation"));
  for (const auto operation : core::kOperations) {
    CHECK(check_event_text(core::event_text(core::example_event(operation, "t1"))).sendable());
  }
}

TEST_CASE("a table operation needs a payload object and warns without a table name") {
  CHECK(has_error_saying(check_event_text(R"({"operation": "read", "tableName": "t"})"), "needs a \"payload\""));
  CHECK(has_error_saying(check_event_text(R"({"operation": "read", "tableName": "t", "payload": [1]})"),
                         "must be an object"));
  CHECK(has_error_saying(check_event_text(R"({"operation": "list", "tableName": 5, "payload": {}})"),
                         "\"tableName\" must be a string"));
  const auto no_table = check_event_text(R"({"operation": "list", "payload": {}})");
  CHECK(no_table.sendable());
  REQUIRE(no_table.diagnostics.size() == 1);
  CHECK(no_table.diagnostics[0].severity == Severity::Warning);
}

TEST_CASE("echo takes any payload and ping none") {
  CHECK(check_event_text(R"({"operation": "echo", "payload": [1, "two"]})").sendable());
  CHECK(check_event_text(R"({"operation": "ping"})").diagnostics.empty());
}

TEST_CASE("the seed's create body is the create example") {
  const auto seed = core::parse_json(fixture("1_create.json"));
  REQUIRE(seed);
  CHECK(core::example_event("create", "lambda-apigateway") == *seed.value);
  CHECK(core::event_text(core::example_event("ping", "lambda-apigateway")) == "{\n  \"operation\": \"ping\"\n}");
}

TEST_CASE("choosing an operation replaces an untouched example payload") {
  const std::string create = core::event_text(core::example_event("create", "t1"));
  const auto read = core::with_operation(create, "read");
  REQUIRE(read);
  CHECK(*read == core::event_text(core::example_event("read", "t1")));
  const auto ping = core::with_operation(*read, "ping");
  REQUIRE(ping);
  CHECK(*ping == "{\n  \"operation\": \"ping\",\n  \"tableName\": \"t1\"\n}");
  CHECK(*core::with_operation(*ping, "delete") == core::event_text(core::example_event("delete", "t1")));
}

TEST_CASE("choosing an operation keeps a payload the person changed with its exact numbers") {
  const std::string mine =
      R"({"operation": "create", "tableName": "t", "payload": {"Item": {"id": "x", "n": 12345678901234567890123456789012345678}}})";
  const auto changed = core::with_operation(mine, "update");
  REQUIRE(changed);
  const auto check = check_event_text(*changed);
  CHECK(check.operation == "update");
  CHECK(changed->find("12345678901234567890123456789012345678") != std::string::npos);
}

TEST_CASE("an operation chosen for an object without one goes first") {
  const auto text = core::with_operation(R"({"tableName": "t", "payload": {"Key": {"id": "1"}}})", "read");
  REQUIRE(text);
  CHECK(text->rfind("{\n  \"operation\": \"read\",", 0) == 0);
}

TEST_CASE("the table name is set after the operation or removed when emptied") {
  const auto set = core::with_table_name(R"({"operation": "list", "payload": {"Limit": 0.10}})", "Orders");
  REQUIRE(set);
  CHECK(*set == "{\n  \"operation\": \"list\",\n  \"tableName\": \"Orders\",\n  \"payload\": {\n    \"Limit\": 0.10\n  }\n}");
  const auto removed = core::with_table_name(*set, "");
  REQUIRE(removed);
  CHECK(removed->find("tableName") == std::string::npos);
}

TEST_CASE("the operation and table cannot be changed in text that is not a json object") {
  CHECK_FALSE(core::with_operation("{\"operation\": ", "read"));
  CHECK_FALSE(core::with_table_name("[1, 2]", "t"));
}
