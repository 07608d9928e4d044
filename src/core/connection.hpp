// The connection settings a person enters once (endpoint, API key, custom
// headers, timeout): the headers they put on every request, the checks that
// stop a request the browser would refuse to send, and how they are
// remembered in browser storage (secrets only when the person asks for it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/http.hpp"

namespace core {

inline constexpr int kDefaultTimeoutSeconds = 30;
inline constexpr int kMinTimeoutSeconds = 1;
inline constexpr int kMaxTimeoutSeconds = 600;
inline constexpr std::string_view kApiKeyHeader = "x-api-key";
inline constexpr std::string_view kMaskedValue = "••••••";

struct HeaderRow {
  std::string name;
  std::string value;
  bool secret = false;  // masked on screen, never in a link, remembered only with the key
  friend bool operator==(const HeaderRow&, const HeaderRow&) = default;
};

struct ConnectionSettings {
  std::string endpoint;
  std::string api_key;
  bool remember_secrets = false;  // the "Remember key" box: the key and secret header values persist
  std::vector<HeaderRow> headers;
  int timeout_seconds = kDefaultTimeoutSeconds;
  friend bool operator==(const ConnectionSettings&, const ConnectionSettings&) = default;
};

// What is wrong with the settings, per field ("endpoint", "api_key",
// "headers[2].name", ...). Errors block sending; warnings do not.
Diagnostics check_connection(const ConnectionSettings& settings);

// Content-Type, then x-api-key when a key is set, then each custom header
// with a name (names and values trimmed).
HeaderList request_headers(const ConnectionSettings& settings);

// request_headers as a person may see them: the API key and secret values masked.
HeaderList masked_request_headers(const ConnectionSettings& settings);

// A POST of `body` (JSON text) to the endpoint with `request_headers`.
HttpRequest http_request_for(const ConnectionSettings& settings, std::string body);

// The host (and port) of an endpoint URL, for labels: "127.0.0.1:3000";
// empty when the text is not an http(s) URL.
std::string endpoint_host(std::string_view endpoint);

// The path of an endpoint URL without query or fragment: "/prod/DynamoDBManager".
std::string endpoint_path(std::string_view endpoint);

// JSON text for browser storage. The API key and secret header values are
// left out unless `remember_secrets` is set.
std::string connection_to_storage(const ConnectionSettings& settings);

// Reads what connection_to_storage wrote. Anything missing, malformed or out
// of range keeps the value from `defaults`; it never fails.
ConnectionSettings connection_from_storage(std::string_view text, const ConnectionSettings& defaults);

}  // namespace core
