#include <doctest/doctest.h>

#include "core/diagnostic.hpp"

TEST_CASE("only error diagnostics block a request") {
  core::Diagnostics list{{.field = "tableName", .severity = core::Severity::Warning, .message = "unusual"}};
  CHECK_FALSE(core::has_errors(list));
  list.push_back({.field = "payload.Key", .severity = core::Severity::Error, .message = "missing"});
  CHECK(core::has_errors(list));
}
