#include "core/site_config.hpp"

#include "core/connection.hpp"
#include "core/event_text.hpp"
#include "core/json_fields.hpp"
#include "core/json_value.hpp"
#include "core/validation.hpp"

namespace core {

SiteConfig site_config_from_json(std::string_view text) {
  SiteConfig config;
  const JsonParseResult parsed = parse_json(text);
  if (!parsed.value) return config;
  const JsonValue& json = *parsed.value;
  config.endpoint = string_member(json, "endpoint");
  config.table_name = string_member(json, "tableName");
  if (!validate_table_name(config.table_name).empty()) config.table_name.clear();
  config.api_key = string_member(json, "apiKey");
  config.relay = string_member(json, "relay");
  return config;
}

std::string site_table(const SiteConfig& config) {
  return config.table_name.empty() ? std::string(kDefaultTableName) : config.table_name;
}

std::string relay_status(std::string_view endpoint, const SiteConfig& config) {
  if (config.relay.empty() || config.endpoint.empty() || endpoint != config.endpoint) return {};
  return "Through the local relay to " + config.relay;
}

std::string endpoint_place(std::string_view endpoint, const SiteConfig& config) {
  if (!relay_status(endpoint, config).empty()) return "relay to " + endpoint_host(config.relay);
  return endpoint_host(endpoint);
}

}  // namespace core
