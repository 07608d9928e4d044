#include <doctest/doctest.h>

#include <algorithm>

#include "core/connection.hpp"

using core::ConnectionSettings;
using core::HeaderRow;

namespace {

const char* const kEndpoint = "https://abc123.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager";

bool has_error_on(const core::Diagnostics& diagnostics, const std::string& field) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const core::Diagnostic& d) {
    return d.field == field && d.severity == core::Severity::Error;
  });
}

}  // namespace

TEST_CASE("a complete https endpoint with no headers has nothing to report") {
  CHECK(core::check_connection({.endpoint = kEndpoint}).empty());
}

TEST_CASE("an empty or scheme-less endpoint is an error that says what to enter") {
  const auto empty = core::check_connection({.endpoint = "  "});
  REQUIRE(has_error_on(empty, "endpoint"));
  CHECK(empty[0].message.find("execute-api") != std::string::npos);
  CHECK(has_error_on(core::check_connection({.endpoint = "abc.execute-api.amazonaws.com/prod"}), "endpoint"));
  CHECK(has_error_on(core::check_connection({.endpoint = "https://"}), "endpoint"));
  CHECK(has_error_on(core::check_connection({.endpoint = "https://a b/prod"}), "endpoint"));
}

TEST_CASE("headers go out as content type then the api key then the custom rows trimmed") {
  ConnectionSettings settings{.endpoint = kEndpoint, .api_key = " k3y ",
                              .headers = {{"X-Trace", " t1 ", false}, {"", "", false}, {"X-Token", "s", true}}};
  const core::HeaderList expected = {
      {"Content-Type", "application/json"}, {"x-api-key", "k3y"}, {"X-Trace", "t1"}, {"X-Token", "s"}};
  CHECK(core::request_headers(settings) == expected);
}

TEST_CASE("headers shown to a person hide the api key and secret values") {
  ConnectionSettings settings{.endpoint = kEndpoint, .api_key = "k3y",
                              .headers = {{"X-Trace", "t1", false}, {"X-Token", "s", true}}};
  const core::HeaderList expected = {{"Content-Type", "application/json"}, {"x-api-key", "••••••"},
                                     {"X-Trace", "t1"}, {"X-Token", "••••••"}};
  CHECK(core::masked_request_headers(settings) == expected);
}

TEST_CASE("no x-api-key header is sent without a key") {
  const auto headers = core::request_headers({.endpoint = kEndpoint, .api_key = "  "});
  CHECK(headers == core::HeaderList{{"Content-Type", "application/json"}});
}

TEST_CASE("the http request posts the body to the trimmed endpoint with the headers") {
  const auto request = core::http_request_for({.endpoint = std::string(" ") + kEndpoint + " ", .api_key = "k"},
                                              R"({"operation":"ping"})");
  CHECK(request.method == "POST");
  CHECK(request.url == kEndpoint);
  CHECK(request.body == R"({"operation":"ping"})");
  CHECK(request.headers.size() == 2);
}

TEST_CASE("a header row needs a valid and unique name that the browser may send") {
  ConnectionSettings settings{.endpoint = kEndpoint,
                              .headers = {{"", "orphan value", false},
                                          {"Bad Name", "v", false},
                                          {"X-Dup", "1", false},
                                          {"x-dup", "2", false},
                                          {"Content-Type", "text/plain", false},
                                          {"X-API-Key", "k", false},
                                          {"X-Ok", "caf\xc3\xa9", false}}};
  const auto diagnostics = core::check_connection(settings);
  CHECK(has_error_on(diagnostics, "headers[0].name"));
  CHECK(has_error_on(diagnostics, "headers[1].name"));
  CHECK_FALSE(has_error_on(diagnostics, "headers[2].name"));
  CHECK(has_error_on(diagnostics, "headers[3].name"));
  CHECK(has_error_on(diagnostics, "headers[4].name"));
  CHECK(has_error_on(diagnostics, "headers[5].name"));
  CHECK(has_error_on(diagnostics, "headers[6].value"));
}

TEST_CASE("a header the browser refuses to send is a warning and not an error") {
  const auto diagnostics = core::check_connection({.endpoint = kEndpoint, .headers = {{"Origin", "x", false}}});
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == core::Severity::Warning);
  CHECK(diagnostics[0].message.find("will not be sent") != std::string::npos);
}

TEST_CASE("an api key is trimmed and characters fetch cannot send in it are an error") {
  CHECK_FALSE(has_error_on(core::check_connection({.endpoint = kEndpoint, .api_key = " key\n"}), "api_key"));
  CHECK(has_error_on(core::check_connection({.endpoint = kEndpoint, .api_key = "k\xc3\xa9y"}), "api_key"));
}

TEST_CASE("the timeout must lie between one second and ten minutes") {
  CHECK(has_error_on(core::check_connection({.endpoint = kEndpoint, .timeout_seconds = 0}), "timeout_seconds"));
  CHECK(has_error_on(core::check_connection({.endpoint = kEndpoint, .timeout_seconds = 601}), "timeout_seconds"));
  CHECK(core::check_connection({.endpoint = kEndpoint, .timeout_seconds = 600}).empty());
}

TEST_CASE("the host and path of an endpoint are read for labels and advice") {
  CHECK(core::endpoint_host("http://127.0.0.1:3000/prod/DynamoDBManager") == "127.0.0.1:3000");
  CHECK(core::endpoint_host("HTTPS://user@api.example.com?x=1") == "api.example.com");
  CHECK(core::endpoint_host("ftp://example.com") == "");
  CHECK(core::endpoint_path("http://127.0.0.1:3000/prod/DynamoDBManager?a=b#c") == "/prod/DynamoDBManager");
  CHECK(core::endpoint_path("http://127.0.0.1:3000") == "/");
}

TEST_CASE("settings survive storage but the key and secret values only when remembered") {
  ConnectionSettings settings{.endpoint = kEndpoint, .api_key = "k3y", .remember_secrets = false,
                              .headers = {{"X-Plain", "p", false}, {"X-Secret", "s", true}}, .timeout_seconds = 12};
  const auto forgotten = core::connection_from_storage(core::connection_to_storage(settings), {});
  CHECK(forgotten.endpoint == kEndpoint);
  CHECK(forgotten.api_key.empty());
  CHECK(forgotten.timeout_seconds == 12);
  CHECK(forgotten.headers == std::vector<HeaderRow>{{"X-Plain", "p", false}, {"X-Secret", "", true}});
  CHECK(core::connection_to_storage(settings).find("k3y") == std::string::npos);

  settings.remember_secrets = true;
  CHECK(core::connection_from_storage(core::connection_to_storage(settings), {}) == settings);
}

TEST_CASE("damaged stored settings fall back to the defaults field by field") {
  const ConnectionSettings defaults{.endpoint = "http://127.0.0.1:3000/prod/DynamoDBManager"};
  CHECK(core::connection_from_storage("not json", defaults) == defaults);
  CHECK(core::connection_from_storage("[1,2]", defaults) == defaults);
  const auto partial = core::connection_from_storage(
      R"({"endpoint": 5, "timeoutSeconds": 99999, "headers": [7, {"name": "X-A", "secret": "yes"}]})", defaults);
  CHECK(partial.endpoint == defaults.endpoint);
  CHECK(partial.timeout_seconds == core::kDefaultTimeoutSeconds);
  CHECK(partial.headers == std::vector<HeaderRow>{{"X-A", "", false}});
}
