// Test fixtures: the seed's six Postman bodies and the AWS tutorial's events
// (tests/fixtures/), read as JsonValue.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/json_value.hpp"

namespace fixtures {

inline const std::vector<std::string> kSeedBodies = {"seed/1_create.json",           "seed/2_read.json",
                                                     "seed/3_update_attribute.json", "seed/4_update_first_name.json",
                                                     "seed/5_update_last_name.json", "seed/6_delete.json"};

inline const std::vector<std::string> kTutorialEvents = {"tutorial/create_named_table.json",
                                                         "tutorial/read_named_table.json",
                                                         "tutorial/echo.json",
                                                         "tutorial/create.json",
                                                         "tutorial/read.json",
                                                         "tutorial/update_reserved_word.json",
                                                         "tutorial/update_reserved_word_bare.json"};

inline std::string text(const std::string& name) {
  std::ifstream file(std::string(FIXTURES_DIR) + "/" + name, std::ios::binary);
  REQUIRE_MESSAGE(file.good(), "missing fixture " << name);
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

inline core::JsonValue json(const std::string& name) {
  auto parsed = core::parse_json(text(name));
  REQUIRE_MESSAGE(parsed, "fixture " << name << " is not JSON");
  return *parsed.value;
}

}  // namespace fixtures
