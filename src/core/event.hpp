// The seed's ping and create events as nlohmann::json, and their HTTP
// request, for the app's first buttons. Requests in general are JsonValue
// events built by core/request.hpp, which keeps numbers exact.
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
