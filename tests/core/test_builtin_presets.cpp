#include <doctest/doctest.h>

#include "core/builtin_presets.hpp"
#include "fixtures.hpp"

TEST_CASE("the built-in presets are the seed's six requests, in the seed's order") {
  const auto presets = core::builtin_presets();
  REQUIRE(presets.size() == fixtures::kSeedBodies.size());
  for (std::size_t i = 0; i < presets.size(); ++i) {
    INFO(fixtures::kSeedBodies[i]);
    CHECK(presets[i].event == fixtures::json(fixtures::kSeedBodies[i]));
  }
}

TEST_CASE("the built-in presets have distinct names and no connection of their own") {
  const auto presets = core::builtin_presets();
  for (std::size_t i = 0; i < presets.size(); ++i) {
    CHECK(presets[i].connection == core::Connection{});
    for (std::size_t j = i + 1; j < presets.size(); ++j) CHECK(presets[i].name != presets[j].name);
  }
}

TEST_CASE("on another table the built-in presets are the seed's requests naming that table") {
  const auto seed = core::builtin_presets();
  const auto deployed = core::builtin_presets("crud-workbench-Table-1A2B3C");
  REQUIRE(deployed.size() == seed.size());
  for (std::size_t i = 0; i < seed.size(); ++i) {
    CHECK(deployed[i].name == seed[i].name);
    core::JsonValue expected = seed[i].event;
    expected.set("tableName", core::JsonValue::string("crud-workbench-Table-1A2B3C"));
    CHECK(deployed[i].event == expected);
    CHECK(deployed[i].event.find("tableName")->text == "crud-workbench-Table-1A2B3C");
  }
}
