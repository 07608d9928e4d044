#include <doctest/doctest.h>

#include "core/response.hpp"

TEST_CASE("pong answer is a success shown as one value") {
  const auto view = core::view_response({.status = 200, .body = "\"pong\""});
  CHECK(view.ok);
  CHECK(view.text == "\"pong\"");
  REQUIRE(view.table.rows.size() == 1);
  CHECK(view.table.rows[0][0] == "pong");
}

TEST_CASE("read answer's item becomes a one-row table without metadata") {
  const auto view = core::view_response(
      {.status = 200, .body = R"({"Item":{"id":"2377ab","number":4},"ResponseMetadata":{"HTTPStatusCode":200}})"});
  CHECK(view.ok);
  CHECK(view.table.columns == std::vector<std::string>{"id", "number"});
  CHECK(view.table.rows.at(0) == std::vector<std::string>{"2377ab", "4"});
}

TEST_CASE("lambda error in a 200 body is not a success") {
  const auto view = core::view_response(
      {.status = 200, .body = R"({"errorMessage":"Unrecognized operation \"x\"","errorType":"ValueError"})"});
  CHECK_FALSE(view.ok);
  CHECK(view.summary.find("Unrecognized operation") != std::string::npos);
}

TEST_CASE("transport failure says no answer arrived") {
  const auto view = core::view_response({.transport_error = "Failed to fetch"});
  CHECK_FALSE(view.ok);
  CHECK(view.summary == "No answer: Failed to fetch");
}

TEST_CASE("body that is not JSON is kept as text") {
  const auto view = core::view_response({.status = 502, .body = "<html>bad gateway</html>"});
  CHECK_FALSE(view.ok);
  CHECK(view.text == "<html>bad gateway</html>");
}
