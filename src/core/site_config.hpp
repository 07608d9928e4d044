// What the config.json beside the page tells it. scripts/demo serves one (the
// local API; with --api-key the key; with --relay the API the relay forwards
// to), scripts/deploy publishes one naming the deployed API and the table it
// serves. Absent or unreadable, every field is empty and the page keeps its
// defaults. A deployed site's config never holds a key.
#pragma once

#include <string>
#include <string_view>

namespace core {

struct SiteConfig {
  std::string endpoint;    // "endpoint": the API the page starts with
  std::string table_name;  // "tableName": the table the API serves (kept only when a valid table name)
  std::string api_key;     // "apiKey": the local demo's key
  std::string relay;       // "relay": the API that `endpoint`, a local relay, forwards to
  friend bool operator==(const SiteConfig&, const SiteConfig&) = default;
};

// Reads config.json's text; never fails: what is missing, of another type or
// invalid stays empty.
SiteConfig site_config_from_json(std::string_view text);

// The table the built-in presets and a fresh editor use: the config's, else
// the seed's lambda-apigateway.
std::string site_table(const SiteConfig& config);

// What the connection status says when `endpoint` is the config's relay:
// "Through the local relay to <API>"; empty for any other endpoint.
std::string relay_status(std::string_view endpoint, const SiteConfig& config);

// Where requests go, for short labels: the endpoint's host ("127.0.0.1:3000"),
// or through the relay "relay to <API host>"; empty when the endpoint is no URL.
std::string endpoint_place(std::string_view endpoint, const SiteConfig& config);

}  // namespace core
