#include "core/event.hpp"

namespace core {

nlohmann::json ping_event() { return {{"operation", "ping"}}; }

nlohmann::json seed_create_event() {
  return {{"operation", "create"},
          {"tableName", std::string(kSeedTableName)},
          {"payload", {{"Item", {{"id", "2377ab"}, {"number", 4}}}}}};
}

HttpRequest build_http_request(const nlohmann::json& event, std::string_view endpoint) {
  HttpRequest request;
  request.method = "POST";
  request.url = std::string(endpoint);
  request.headers.emplace_back("Content-Type", "application/json");
  request.body = event.dump();
  return request;
}

}  // namespace core
