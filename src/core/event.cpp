#include "core/event.hpp"

#include "core/request.hpp"

namespace core {

nlohmann::json ping_event() { return {{"operation", "ping"}}; }

nlohmann::json seed_create_event() {
  return {{"operation", "create"},
          {"tableName", std::string(kSeedTableName)},
          {"payload", {{"Item", {{"id", "2377ab"}, {"number", 4}}}}}};
}

HttpRequest build_http_request(const nlohmann::json& event, std::string_view endpoint) {
  // A dump of a json value always parses.
  return build_http_request(*parse_json(event.dump()).value, Connection{.endpoint = std::string(endpoint)});
}

}  // namespace core
