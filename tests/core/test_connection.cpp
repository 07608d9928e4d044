#include <doctest/doctest.h>

#include <algorithm>

#include "core/connection.hpp"

using core::Connection;
using core::ConnectionSettings;
using core::HeaderRow;

namespace {

const char* const kEndpoint = "https://abc123.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager";

bool has_error_on(const core::Diagnostics& diagnostics, const std::string& field) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const core::Diagnostic& d) {
    return d.field == field && d.severity == core::Severity::Error;
  });
}

ConnectionSettings settings_for(Connection connection, int timeout_seconds = core::kDefaultTimeoutSeconds) {
  return {.connection = std::move(connection), .timeout_seconds = timeout_seconds};
}

}  // namespace

TEST_CASE("the connection check adds the timeout bounds to the connection's own checks") {
  CHECK(core::check_connection(settings_for({.endpoint = kEndpoint})).empty());
  CHECK(has_error_on(core::check_connection(settings_for({.endpoint = ""})), "connection.endpoint"));
  CHECK(has_error_on(core::check_connection(settings_for({.endpoint = kEndpoint}, 0)), "timeout_seconds"));
  CHECK(has_error_on(core::check_connection(settings_for({.endpoint = kEndpoint}, 601)), "timeout_seconds"));
  CHECK(core::check_connection(settings_for({.endpoint = kEndpoint}, 600)).empty());
}

TEST_CASE("headers shown to a person hide the api key and secret values") {
  const Connection connection{
      .endpoint = kEndpoint, .api_key = "k3y", .headers = {{"X-Trace", "t1", false}, {" X-Token ", "s", true}}};
  const core::HttpRequest sent = core::build_http_request(core::JsonValue::null(), connection);
  const core::HeaderList expected = {
      {"Content-Type", "application/json"}, {"x-api-key", "••••••"}, {"X-Trace", "t1"}, {"X-Token", "••••••"}};
  CHECK(core::masked_headers(sent, connection) == expected);
}

TEST_CASE("the host and path of an endpoint are read for labels and advice") {
  CHECK(core::endpoint_host("http://127.0.0.1:3000/prod/DynamoDBManager") == "127.0.0.1:3000");
  CHECK(core::endpoint_host(" HTTPS://user@api.example.com?x=1") == "api.example.com");
  CHECK(core::endpoint_host("ftp://example.com") == "");
  CHECK(core::endpoint_path("http://127.0.0.1:3000/prod/DynamoDBManager?a=b#c") == "/prod/DynamoDBManager");
  CHECK(core::endpoint_path("http://127.0.0.1:3000") == "/");
  CHECK(core::endpoint_path("not a url") == "");
}

TEST_CASE("settings survive storage but the key and secret values only when remembered") {
  ConnectionSettings settings{.connection = {.endpoint = kEndpoint,
                                             .api_key = "k3y",
                                             .headers = {{"X-Plain", "p", false}, {"X-Secret", "s", true}}},
                              .remember_secrets = false,
                              .timeout_seconds = 12};
  const std::string stored = core::connection_to_storage(settings);
  CHECK(stored.find("k3y") == std::string::npos);
  const auto forgotten = core::connection_from_storage(stored, {});
  CHECK(forgotten.connection.endpoint == kEndpoint);
  CHECK(forgotten.connection.api_key.empty());
  CHECK(forgotten.timeout_seconds == 12);
  CHECK(forgotten.connection.headers == std::vector<HeaderRow>{{"X-Plain", "p", false}, {"X-Secret", "", true}});

  settings.remember_secrets = true;
  CHECK(core::connection_from_storage(core::connection_to_storage(settings), {}) == settings);
}

TEST_CASE("damaged stored settings fall back to the defaults field by field") {
  const ConnectionSettings defaults{.connection = {.endpoint = "http://127.0.0.1:3000/prod/DynamoDBManager"}};
  CHECK(core::connection_from_storage("not json", defaults) == defaults);
  CHECK(core::connection_from_storage("[1,2]", defaults) == defaults);
  const auto partial = core::connection_from_storage(
      R"({"endpoint": 5, "timeoutSeconds": 99999, "headers": [7, {"name": "X-A", "secret": "yes"}]})", defaults);
  CHECK(partial.connection.endpoint == defaults.connection.endpoint);
  CHECK(partial.timeout_seconds == core::kDefaultTimeoutSeconds);
  CHECK(partial.connection.headers == std::vector<HeaderRow>{{"X-A", "", false}});
}

TEST_CASE("a stored timeout is read only as a whole number of seconds in range") {
  const ConnectionSettings defaults;
  CHECK(core::connection_from_storage(R"({"timeoutSeconds": 45})", defaults).timeout_seconds == 45);
  for (const char* bad : {R"({"timeoutSeconds": 45.5})", R"({"timeoutSeconds": 4e1})", R"({"timeoutSeconds": "45"})",
                          R"({"timeoutSeconds": 99999999999})", R"({"timeoutSeconds": -5})"}) {
    CAPTURE(bad);
    CHECK(core::connection_from_storage(bad, defaults).timeout_seconds == core::kDefaultTimeoutSeconds);
  }
}

TEST_CASE("a stored api key is not read back when remembering was not asked for") {
  const auto settings =
      core::connection_from_storage(R"({"rememberSecrets": false, "apiKey": "leaked"})", ConnectionSettings{});
  CHECK(settings.connection.api_key.empty());
}
