// What the app remembers about the connection (core::Connection from
// request.hpp, plus the "Remember key" choice and the timeout): its checks,
// the request headers as a person may see them (secrets masked), labels from
// the endpoint URL, and how it is kept in browser storage, where the API key
// and secret header values go only when the person asks for it.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "core/http.hpp"
#include "core/request.hpp"

namespace core {

inline constexpr int kDefaultTimeoutSeconds = 30;
inline constexpr int kMinTimeoutSeconds = 1;
inline constexpr int kMaxTimeoutSeconds = 600;
inline constexpr std::string_view kMaskedValue = "••••••";

struct ConnectionSettings {
  Connection connection;          // endpoint, API key, custom headers
  bool remember_secrets = false;  // the "Remember key" box: the key and secret header values persist
  int timeout_seconds = kDefaultTimeoutSeconds;
  friend bool operator==(const ConnectionSettings&, const ConnectionSettings&) = default;
};

// validate_connection, and the timeout ("timeout_seconds") within its bounds.
Diagnostics check_connection(const ConnectionSettings& settings);

// The headers of `sent` with the API key's and secret headers' values masked.
HeaderList masked_headers(const HttpRequest& sent, const Connection& connection);

// The host (and port) of an endpoint URL, for labels: "127.0.0.1:3000";
// empty when the text is not an http(s) URL.
std::string endpoint_host(std::string_view endpoint);

// The path of an endpoint URL without query or fragment: "/prod/DynamoDBManager".
std::string endpoint_path(std::string_view endpoint);

// JSON text for browser storage. The API key and secret header values are
// left out unless `remember_secrets` is set (secret rows keep their name).
std::string connection_to_storage(const ConnectionSettings& settings);

// Reads what connection_to_storage wrote. Anything missing, malformed or out
// of range keeps the value from `defaults`; it never fails.
ConnectionSettings connection_from_storage(std::string_view text, const ConnectionSettings& defaults);

}  // namespace core
