// Test fixtures: the seed's six Postman bodies and the AWS tutorial's events
// (tests/fixtures/), read as JsonValue, and recorded HTTP answers
// (tests/fixtures/responses/*.http: a status line "HTTP 200", header lines,
// a blank line, the body). Also JSON written inline in a test, parsed the same
// way, so every test stops with the parser's reason when its JSON is bad.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/http.hpp"
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

// JSON text a test holds, as a JsonValue; the test stops if it is not JSON.
inline core::JsonValue parse(std::string_view json_text) {
  auto parsed = core::parse_json(json_text);
  REQUIRE_MESSAGE(parsed, "not JSON (line " << parsed.error->line << ", column " << parsed.error->column << ": "
                                            << parsed.error->message << "): " << json_text);
  return std::move(*parsed.value);
}

// The fixture file `name` as a JsonValue.
inline core::JsonValue json(const std::string& name) {
  INFO("fixture " << name);
  return parse(text(name));
}

// responses/<name>.http as the response the platform would hand over.
inline core::HttpResponse response(const std::string& name) {
  const std::string recorded = text("responses/" + name + ".http");
  const auto head_end = recorded.find("\n\n");
  REQUIRE_MESSAGE(head_end != std::string::npos, name << ".http has no blank line after its headers");
  std::istringstream head(recorded.substr(0, head_end));
  std::string line;
  std::getline(head, line);
  REQUIRE_MESSAGE(line.rfind("HTTP ", 0) == 0, name << ".http does not start with a status line");
  core::HttpResponse response;
  response.status = std::stoi(line.substr(5));
  while (std::getline(head, line)) {
    const auto colon = line.find(": ");
    if (colon != std::string::npos) response.headers.emplace_back(line.substr(0, colon), line.substr(colon + 2));
  }
  response.body = recorded.substr(head_end + 2);
  return response;
}

}  // namespace fixtures
