#include "core/connection.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "core/json_value.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "core/validation.hpp"

namespace core {
namespace {

constexpr int kStorageVersion = 1;

bool is_secret_header(const std::string& name, const Connection& connection) {
  const std::string wanted = lower(name);
  if (wanted == "x-api-key") return true;
  return std::any_of(connection.headers.begin(), connection.headers.end(),
                     [&](const HeaderRow& row) { return row.secret && lower(trim(row.name)) == wanted; });
}

// Copies object[key] into `into` when it holds a value of that type.
bool read_member(const JsonValue& object, const char* key, std::string& into) {
  const JsonValue* member = object.find(key);
  if (member == nullptr || !member->is_string()) return false;
  into = member->text;
  return true;
}

bool read_member(const JsonValue& object, const char* key, bool& into) {
  const JsonValue* member = object.find(key);
  if (member == nullptr || !member->is_bool()) return false;
  into = member->boolean;
  return true;
}

bool read_member(const JsonValue& object, const char* key, int& into) {
  const JsonValue* member = object.find(key);
  if (member == nullptr || !member->is_number()) return false;
  const std::string& text = member->text;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return false;  // a fraction, exponent or out of range
  into = value;
  return true;
}

}  // namespace

Diagnostics check_connection(const ConnectionSettings& settings) {
  Diagnostics out = validate_connection(settings.connection);
  if (settings.timeout_seconds < kMinTimeoutSeconds || settings.timeout_seconds > kMaxTimeoutSeconds) {
    out.push_back(Diagnostic{.field = "timeout_seconds",
                             .message = "The timeout must be between " + std::to_string(kMinTimeoutSeconds) + " and " +
                                        std::to_string(kMaxTimeoutSeconds) + " seconds."});
  }
  return out;
}

HeaderList masked_headers(const HttpRequest& sent, const Connection& connection) {
  HeaderList shown = sent.headers;
  for (auto& [name, value] : shown) {
    if (is_secret_header(name, connection)) value = kMaskedValue;
  }
  return shown;
}

std::string endpoint_host(std::string_view endpoint) {
  const auto url = parse_http_url(trim(endpoint));
  return url ? std::string(url->authority) : std::string();
}

std::string endpoint_path(std::string_view endpoint) {
  const auto url = parse_http_url(trim(endpoint));
  if (!url || url->authority.empty()) return {};
  return url->path.empty() ? "/" : std::string(url->path);
}

std::string connection_to_storage(const ConnectionSettings& settings) {
  JsonValue headers = JsonValue::make_array();
  for (const HeaderRow& row : settings.connection.headers) {
    const bool keep_value = !row.secret || settings.remember_secrets;
    headers.array.push_back(JsonValue::make_object({{"name", JsonValue::string(row.name)},
                                                    {"value", JsonValue::string(keep_value ? row.value : "")},
                                                    {"secret", JsonValue::from_bool(row.secret)}}));
  }
  JsonValue out =
      JsonValue::make_object({{"version", JsonValue::number(std::to_string(kStorageVersion))},
                              {"endpoint", JsonValue::string(settings.connection.endpoint)},
                              {"rememberSecrets", JsonValue::from_bool(settings.remember_secrets)},
                              {"headers", std::move(headers)},
                              {"timeoutSeconds", JsonValue::number(std::to_string(settings.timeout_seconds))}});
  if (settings.remember_secrets) out.set("apiKey", JsonValue::string(settings.connection.api_key));
  return to_json_text(out);
}

ConnectionSettings connection_from_storage(std::string_view text, const ConnectionSettings& defaults) {
  ConnectionSettings settings = defaults;
  const auto parsed = parse_json(text);
  if (!parsed || !parsed.value->is_object()) return settings;
  const JsonValue& stored = *parsed.value;
  read_member(stored, "endpoint", settings.connection.endpoint);
  read_member(stored, "rememberSecrets", settings.remember_secrets);
  if (settings.remember_secrets) read_member(stored, "apiKey", settings.connection.api_key);
  int seconds = 0;
  if (read_member(stored, "timeoutSeconds", seconds) && seconds >= kMinTimeoutSeconds &&
      seconds <= kMaxTimeoutSeconds) {
    settings.timeout_seconds = seconds;
  }
  if (const JsonValue* rows = stored.find("headers"); rows != nullptr && rows->is_array()) {
    settings.connection.headers.clear();
    for (const auto& row : rows->array) {
      if (!row.is_object()) continue;
      HeaderRow header;
      read_member(row, "name", header.name);
      read_member(row, "value", header.value);
      read_member(row, "secret", header.secret);
      settings.connection.headers.push_back(std::move(header));
    }
  }
  return settings;
}

}  // namespace core
