#include <doctest/doctest.h>

#include "core/site_config.hpp"

TEST_CASE("config.json as scripts/deploy writes it gives the endpoint and the stack's table") {
  const auto config = core::site_config_from_json(
      R"({"endpoint": "https://abc.execute-api.eu-west-1.amazonaws.com/prod/DynamoDBManager", "tableName": "wb-Table-1A2B"})");
  CHECK(config.endpoint == "https://abc.execute-api.eu-west-1.amazonaws.com/prod/DynamoDBManager");
  CHECK(config.table_name == "wb-Table-1A2B");
  CHECK(config.api_key.empty());
  CHECK(config.relay.empty());
  CHECK(core::site_table(config) == "wb-Table-1A2B");
}

TEST_CASE("config.json as scripts/demo serves it gives the key and the relay") {
  const auto config = core::site_config_from_json(
      R"({"endpoint": "http://127.0.0.1:3000/prod/DynamoDBManager", "apiKey": "k", "relay": "https://x.example/prod/DynamoDBManager"})");
  CHECK(config.api_key == "k");
  CHECK(config.relay == "https://x.example/prod/DynamoDBManager");
  CHECK(core::site_table(config) == "lambda-apigateway");
}

TEST_CASE("a missing, unreadable or odd config.json leaves every field empty") {
  for (const char* text : {"", "{}", "not json", "[1, 2]", R"({"endpoint": 5, "tableName": ["t"], "apiKey": null})"}) {
    INFO(text);
    CHECK(core::site_config_from_json(text) == core::SiteConfig{});
  }
}

TEST_CASE("a table name DynamoDB would refuse is not used") {
  CHECK(core::site_config_from_json(R"({"tableName": "two words"})").table_name.empty());
  CHECK(core::site_config_from_json(R"({"tableName": "ab"})").table_name.empty());
  CHECK(core::site_table(core::site_config_from_json(R"({"tableName": "two words"})")) == "lambda-apigateway");
}

TEST_CASE("the relay is named only while the endpoint is the relay's") {
  const core::SiteConfig config{.endpoint = "http://127.0.0.1:3000/prod/DynamoDBManager",
                                .relay = "https://abc.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager"};
  CHECK(core::relay_status("http://127.0.0.1:3000/prod/DynamoDBManager", config) ==
        "Through the local relay to https://abc.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager");
  CHECK(core::relay_status("https://abc.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager", config).empty());
  CHECK(core::relay_status("http://127.0.0.1:3000/prod/DynamoDBManager", core::SiteConfig{.endpoint = config.endpoint})
            .empty());
}

TEST_CASE("short labels say a request goes through the relay, and to which API") {
  const core::SiteConfig config{.endpoint = "http://127.0.0.1:3000/prod/DynamoDBManager",
                                .relay = "https://abc.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager"};
  CHECK(core::endpoint_place(config.endpoint, config) == "relay to abc.execute-api.us-east-1.amazonaws.com");
  CHECK(core::endpoint_place("http://127.0.0.1:3001/prod/DynamoDBManager", config) == "127.0.0.1:3001");
  CHECK(core::endpoint_place("", config).empty());
}
