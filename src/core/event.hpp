// Operation events: the JSON body the seed's Lambda takes,
// {"operation", "tableName", "payload"}, and the HTTP request that carries one.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/http.hpp"

namespace core {

inline constexpr std::string_view kSeedTableName = "lambda-apigateway";

// The seed's `ping` event: {"operation": "ping"}.
nlohmann::json ping_event();

// The seed's Postman `create` body: item id "2377ab", number 4.
nlohmann::json seed_create_event();

// A POST of `event` as JSON to `endpoint`, as API Gateway expects it.
HttpRequest build_http_request(const nlohmann::json& event, std::string_view endpoint);

}  // namespace core
