#include <doctest/doctest.h>

#include "core/event.hpp"

using nlohmann::json;

TEST_CASE("ping event carries only the operation") {
  CHECK(core::ping_event() == json{{"operation", "ping"}});
}

TEST_CASE("seed create event matches the seed's Postman body") {
  const auto seed = json::parse(R"({
    "operation": "create", "tableName": "lambda-apigateway",
    "payload": {"Item": {"id": "2377ab", "number": 4}}})");
  CHECK(core::seed_create_event() == seed);
}

TEST_CASE("http request posts the event as JSON to the endpoint") {
  const auto request = core::build_http_request(core::ping_event(), "http://127.0.0.1:3000/prod/DynamoDBManager");
  CHECK(request.method == "POST");
  CHECK(request.url == "http://127.0.0.1:3000/prod/DynamoDBManager");
  CHECK(json::parse(request.body) == core::ping_event());
  REQUIRE(request.headers.size() == 1);
  CHECK(request.headers[0] == std::pair<std::string, std::string>{"Content-Type", "application/json"});
}
