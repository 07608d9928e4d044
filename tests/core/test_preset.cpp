#include <doctest/doctest.h>

#include "core/preset.hpp"
#include "fixtures.hpp"

namespace {

core::Preset full_preset() {
  core::Preset preset;
  preset.name = "seed: create";
  preset.event = fixtures::json("seed/1_create.json");
  preset.connection.endpoint = "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager";
  preset.connection.headers = {{"X-Trace", "abc", false}, {"X-Session", "s3cr3t", true}};
  preset.connection.api_key = "key-123";
  return preset;
}

}  // namespace

TEST_CASE("a preset round-trips through its JSON form") {
  const core::Preset preset = full_preset();
  const auto read = core::preset_from_json(core::preset_to_json(preset), "preset");
  REQUIRE(read.preset);
  CHECK(*read.preset == preset);
  CHECK(read.diagnostics.empty());
}

TEST_CASE("a preset's event keeps exact numbers through its JSON form") {
  core::Preset preset = full_preset();
  preset.event = fixtures::parse(
      R"({"operation":"create","tableName":"t","payload":{"Item":{"id":"x","n":12345678901234567890123456789012345678,"f":0.10}}})");
  const std::string text = core::to_json_text(core::preset_to_json(preset));
  CHECK(text.find("12345678901234567890123456789012345678") != std::string::npos);
  CHECK(text.find("0.10") != std::string::npos);
  CHECK(core::preset_from_json(fixtures::parse(text), "preset").preset->event == preset.event);
}

TEST_CASE("headers marked secret and credential headers are secrets") {
  CHECK(core::is_secret_header({"X-Session", "v", true}));
  CHECK(core::is_secret_header({"Authorization", "Bearer x", false}));
  CHECK(core::is_secret_header({"X-API-Key", "k", false}));
  CHECK(core::is_secret_header({"cookie", "a=b", false}));
  CHECK_FALSE(core::is_secret_header({"X-Trace", "abc", false}));
}

TEST_CASE("removing secrets drops the API key and every secret header") {
  core::Preset preset = full_preset();
  preset.connection.headers.push_back({"Authorization", "Bearer t", false});
  CHECK(core::has_secrets(preset));
  const core::Preset clean = core::without_secrets(preset);
  CHECK(clean.connection.api_key.empty());
  REQUIRE(clean.connection.headers.size() == 1);
  CHECK(clean.connection.headers[0].name == "X-Trace");
  CHECK_FALSE(core::has_secrets(clean));
  CHECK(clean.event == preset.event);
}

TEST_CASE("an operation event needs an operation") {
  CHECK(core::check_operation_event(fixtures::json("seed/2_read.json"), "event").empty());
  CHECK(core::check_operation_event(fixtures::parse(R"({"operation":"ping"})"), "event").empty());
  const auto missing = core::check_operation_event(fixtures::parse(R"({"tableName":"t"})"), "event");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].field == "event.operation");
  CHECK(core::has_errors(core::check_operation_event(fixtures::parse("[1]"), "event")));
  CHECK(
      core::has_errors(core::check_operation_event(fixtures::parse(R"({"operation":"read","tableName":5})"), "event")));
}

TEST_CASE("a preset without a name or an event is refused with the field named") {
  const auto read = core::preset_from_json(fixtures::parse(R"({"event":{"tableName":"t"}})"), "presets[0]");
  CHECK_FALSE(read.preset);
  REQUIRE(read.diagnostics.size() == 2);
  CHECK(read.diagnostics[0].field == "presets[0].name");
  CHECK(read.diagnostics[1].field == "presets[0].event.operation");
}

TEST_CASE("wrongly typed optional parts of a preset are left out with a warning") {
  const auto read = core::preset_from_json(
      fixtures::parse(
          R"({"name":"n","event":{"operation":"ping"},"endpoint":5,"headers":[{"name":"a","value":"b"},{"name":1}],"apiKey":[]})"),
      "p");
  REQUIRE(read.preset);
  CHECK(read.preset->connection.endpoint.empty());
  CHECK(read.preset->connection.headers.size() == 1);
  CHECK(read.preset->connection.api_key.empty());
  CHECK(read.diagnostics.size() == 3);
  CHECK_FALSE(core::has_errors(read.diagnostics));
}

TEST_CASE("a taken preset name gets a number") {
  std::vector<core::Preset> presets(2);
  presets[0].name = "read";
  presets[1].name = "read (2)";
  CHECK(core::unique_preset_name(presets, "create") == "create");
  CHECK(core::unique_preset_name(presets, "read") == "read (3)");
}
