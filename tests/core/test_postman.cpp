#include <doctest/doctest.h>

#include "checks.hpp"
#include "core/postman.hpp"
#include "fixtures.hpp"

namespace {

const core::Preset* find(const core::PresetImport& imported, std::string_view name) {
  for (const auto& preset : imported.presets) {
    if (preset.name == name) return &preset;
  }
  return nullptr;
}

// A v2.1 collection around the given items.
std::string collection(const std::string& items, const std::string& extra = "") {
  return R"({"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[)" +
         items + "]" + extra + "}";
}

std::string request(const std::string& name, const std::string& raw_json_string, const std::string& more = "") {
  return R"({"name":")" + name + R"(","request":{"method":"POST","body":{"mode":"raw","raw":)" + raw_json_string + "}" +
         more + "}}";
}

}  // namespace

TEST_CASE("the seed's Postman collection imports as its six requests") {
  const auto imported = core::import_postman_collection(fixtures::text("postman/seed.postman_collection.json"));
  CHECK(imported.diagnostics.empty());
  REQUIRE(imported.presets.size() == 6);
  const struct {
    const char* name;
    const char* file;
  } expected[] = {{"create", "1_create.json"},
                  {"read", "2_read.json"},
                  {"updates / set attributeName", "3_update_attribute.json"},
                  {"updates / set FirstName", "4_update_first_name.json"},
                  {"updates / set LastName", "5_update_last_name.json"},
                  {"delete", "6_delete.json"}};
  for (std::size_t i = 0; i < 6; ++i) {
    CAPTURE(expected[i].name);
    CHECK(imported.presets[i].name == expected[i].name);
    CHECK(imported.presets[i].event == fixtures::json(std::string("seed/") + expected[i].file));
  }
}

TEST_CASE("collection variables fill in the endpoint") {
  const auto imported = core::import_postman_collection(fixtures::text("postman/seed.postman_collection.json"));
  REQUIRE_FALSE(imported.presets.empty());
  CHECK(imported.presets[0].connection.endpoint ==
        "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager");
  CHECK(imported.presets[0].connection.headers.empty());  // Content-Type is the workbench's own
}

TEST_CASE("requests that are not operation events are skipped and named") {
  const auto imported = core::import_postman_collection(
      collection(request("good", R"("{\"operation\":\"ping\"}")") + "," +
                 R"({"name":"health","request":{"method":"GET","url":"https://x.org/health"}},)" +
                 R"({"name":"form","request":{"method":"POST","body":{"mode":"formdata","formdata":[]}}},)" +
                 request("not json", R"("{oops")") + "," + request("other json", R"("{\"user\":\"x\"}")")));
  REQUIRE(imported.presets.size() == 1);
  CHECK(imported.presets[0].name == "good");
  CHECK(mentions(imported.diagnostics, "Skipped \"health\": it has no body"));
  CHECK(mentions(imported.diagnostics, "Skipped \"form\": its body is in \"formdata\" mode"));
  CHECK(mentions(imported.diagnostics, "Skipped \"not json\": its body is not valid JSON"));
  CHECK(mentions(imported.diagnostics, "Skipped \"other json\": its body is not an operation event"));
  CHECK(imported.diagnostics[0].field == "item[1]");
}

TEST_CASE("folders nest to any depth and name their requests") {
  const auto imported = core::import_postman_collection(collection(
      R"({"name":"a","item":[{"name":"b","item":[)" + request("c", R"("{\"operation\":\"ping\"}")") + "]}]}"));
  REQUIRE(imported.presets.size() == 1);
  CHECK(imported.presets[0].name == "a / b / c");
}

TEST_CASE("API keys from headers or auth become the preset's key: credentials become secret headers") {
  const auto imported = core::import_postman_collection(collection(
      request(
          "header key", R"("{\"operation\":\"ping\"}")",
          R"(,"header":[{"key":"x-api-key","value":"{{key}}"},{"key":"X-Off","value":"1","disabled":true},{"key":"Authorization","value":"Basic abc"},{"key":"X-Trace","value":"t"}])") +
          "," +
          R"({"name":"folder","auth":{"type":"apikey","apikey":[{"key":"key","value":"x-api-key"},{"key":"value","value":"folder-key"},{"key":"in","value":"header"}]},"item":[)" +
          request("inherits", R"("{\"operation\":\"ping\"}")") + "]}",
      R"(,"variable":[{"key":"key","value":"collection-key"}],"auth":{"type":"bearer","bearer":[{"key":"token","value":"tok"}]})"));
  const core::Preset* header_key = find(imported, "header key");
  REQUIRE(header_key);
  CHECK(header_key->connection.api_key == "collection-key");
  REQUIRE(header_key->connection.headers.size() == 3);  // Authorization, X-Trace, and the collection's bearer token
  CHECK(header_key->connection.headers[0].name == "Authorization");
  CHECK(header_key->connection.headers[0].secret);
  CHECK(header_key->connection.headers[1].name == "X-Trace");
  CHECK_FALSE(header_key->connection.headers[1].secret);
  CHECK(header_key->connection.headers[2].value == "Bearer tok");
  CHECK(header_key->connection.headers[2].secret);
  const core::Preset* inherits = find(imported, "folder / inherits");
  REQUIRE(inherits);
  CHECK(inherits->connection.api_key == "folder-key");
}

TEST_CASE("a URL with undefined variables is not kept as the endpoint") {
  const auto imported = core::import_postman_collection(collection(
      request("r", R"("{\"operation\":\"ping\"}")", R"(,"url":{"raw":"{{nowhere}}/prod/DynamoDBManager"})")));
  REQUIRE(imported.presets.size() == 1);
  CHECK(imported.presets[0].connection.endpoint.empty());
  CHECK(mentions(imported.diagnostics, "does not define"));
}

TEST_CASE("a request that was not a POST is imported with a note") {
  const auto imported = core::import_postman_collection(
      collection(R"({"name":"g","request":{"method":"PUT","body":{"mode":"raw","raw":"{\"operation\":\"ping\"}"}}})"));
  REQUIRE(imported.presets.size() == 1);
  CHECK(mentions(imported.diagnostics, "was a PUT request"));
  CHECK_FALSE(core::has_errors(imported.diagnostics));
}

TEST_CASE("a Postman v1 collection asks for a v2.1 export") {
  const auto imported = core::import_postman_collection(R"({"id":"x","name":"old","order":[],"requests":[]})");
  CHECK(imported.presets.empty());
  CHECK(mentions(imported.diagnostics, "v2.1"));
}

TEST_CASE("a collection with no operation events says so") {
  const auto imported = core::import_postman_collection(collection(request("x", R"("{\"a\":1}")")));
  CHECK(imported.presets.empty());
  CHECK(core::has_errors(imported.diagnostics));
  CHECK(mentions(imported.diagnostics, "no request whose body is an operation event"));
}

TEST_CASE("text that is not JSON is not a Postman collection") {
  const auto imported = core::import_postman_collection("{\"info\": ");
  CHECK(imported.presets.empty());
  CHECK(mentions(imported.diagnostics, "not valid JSON"));
}
