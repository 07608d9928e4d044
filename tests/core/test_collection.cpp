#include <doctest/doctest.h>

#include "checks.hpp"
#include "core/collection.hpp"
#include "core/share_link.hpp"
#include "fixtures.hpp"

namespace {

std::vector<core::Preset> seed_presets() {
  std::vector<core::Preset> presets;
  for (const std::string& body : fixtures::kSeedBodies) {
    core::Preset preset;
    preset.name = body;
    preset.event = fixtures::json(body);
    presets.push_back(std::move(preset));
  }
  presets[1].connection.endpoint = "http://127.0.0.1:3000/prod/DynamoDBManager";
  presets[1].connection.headers = {{"X-Trace", "1", false}, {"X-Session", "secret-session", true}};
  presets[1].connection.api_key = "secret-key";
  return presets;
}

}  // namespace

TEST_CASE("a collection file round-trips every preset, secrets included when asked") {
  const auto presets = seed_presets();
  const auto imported = core::import_collection(core::export_collection(presets, core::SecretHandling::Include));
  CHECK(imported.diagnostics.empty());
  CHECK(imported.presets == presets);
}

TEST_CASE("a collection file leaves secrets out unless asked") {
  const auto presets = seed_presets();
  const std::string file = core::export_collection(presets, core::SecretHandling::LeaveOut);
  CHECK(file.find("secret-") == std::string::npos);
  const auto imported = core::import_collection(file);
  REQUIRE(imported.presets.size() == presets.size());
  CHECK(imported.presets[1].connection.api_key.empty());
  CHECK(imported.presets[1].connection.headers.size() == 1);
  CHECK(imported.presets[1].event == presets[1].event);
}

TEST_CASE("a collection file is versioned") {
  const auto file = fixtures::parse(core::export_collection(seed_presets(), core::SecretHandling::LeaveOut));
  CHECK(file.find("format")->text == "crud-workbench-collection");
  CHECK(file.find("version")->text == "1");
}

TEST_CASE("a preset goes from link to collection file and back unchanged") {
  const auto presets = seed_presets();
  const auto from_link = core::read_share_link(core::share_link("http://127.0.0.1:8080/", presets[3]));
  REQUIRE(from_link.preset);
  const std::vector<core::Preset> one = {*from_link.preset};
  const auto imported = core::import_collection(core::export_collection(one, core::SecretHandling::LeaveOut));
  REQUIRE(imported.presets.size() == 1);
  CHECK(imported.presets[0] == presets[3]);
  const auto again = core::read_share_link(core::share_link("http://127.0.0.1:8080/", imported.presets[0]));
  CHECK(*again.preset == presets[3]);
}

TEST_CASE("a collection from a newer version is refused with a reason") {
  const auto imported = core::import_collection(R"({"format":"crud-workbench-collection","version":2,"presets":[]})");
  CHECK(imported.presets.empty());
  CHECK(mentions(imported.diagnostics, "newer version"));
}

TEST_CASE("a bad preset in a collection is skipped and named: the others are kept") {
  const auto imported = core::import_collection(
      R"({"format":"crud-workbench-collection","version":1,"presets":[
        {"name":"good","event":{"operation":"ping"}},
        {"name":"broken","event":{"tableName":"t"}},
        {"name":"also good","event":{"operation":"list","tableName":"t","payload":{}}}]})");
  REQUIRE(imported.presets.size() == 2);
  CHECK(imported.presets[1].name == "also good");
  CHECK(mentions(imported.diagnostics, "Preset 2 (\"broken\") was skipped"));
  CHECK(imported.diagnostics[0].field == "presets[1].event.operation");
}

TEST_CASE("an empty collection says it holds nothing") {
  const auto imported = core::import_collection(core::export_collection({}, core::SecretHandling::LeaveOut));
  CHECK(imported.presets.empty());
  CHECK(mentions(imported.diagnostics, "holds no presets"));
  CHECK_FALSE(core::has_errors(imported.diagnostics));
}

TEST_CASE("a file that is not a collection says what it is") {
  CHECK(mentions(core::import_collection("{\"presets\": [").diagnostics, "not valid JSON (line 1"));
  CHECK(mentions(core::import_collection(R"({"a":1})").diagnostics, "not a workbench collection"));
  CHECK(mentions(core::import_collection(fixtures::text("postman/seed.postman_collection.json")).diagnostics,
                 "Postman collection"));
}

TEST_CASE("importing any file recognises collections, Postman collections and single events") {
  const auto collection = core::import_presets(core::export_collection(seed_presets(), core::SecretHandling::LeaveOut));
  CHECK(collection.presets.size() == 6);
  const auto postman = core::import_presets(fixtures::text("postman/seed.postman_collection.json"));
  CHECK(postman.presets.size() == 6);
  const auto event = core::import_presets(fixtures::text("seed/2_read.json"));
  REQUIRE(event.presets.size() == 1);
  CHECK(event.presets[0].name == "Imported read");
  CHECK(event.presets[0].event == fixtures::json("seed/2_read.json"));
  CHECK(mentions(core::import_presets("[1,2]").diagnostics, "neither"));
}
