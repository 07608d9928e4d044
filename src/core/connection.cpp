#include "core/connection.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace core {
namespace {

constexpr int kStorageVersion = 1;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string trim(std::string_view text) {
  const auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!text.empty() && is_space(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && is_space(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

bool starts_with_scheme(std::string_view endpoint) {
  const std::string head = lower(endpoint.substr(0, 8));
  return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

// The "host[:port]" part of an http(s) URL, or nothing.
std::string_view authority(std::string_view endpoint) {
  if (!starts_with_scheme(endpoint)) return {};
  endpoint.remove_prefix(endpoint.find("://") + 3);
  endpoint = endpoint.substr(0, endpoint.find_first_of("/?#"));
  if (const auto at = endpoint.rfind('@'); at != std::string_view::npos) endpoint.remove_prefix(at + 1);
  return endpoint;
}

// RFC 9110 token characters: what a header name may contain.
bool is_token(std::string_view name) {
  static constexpr std::string_view kExtra = "!#$%&'*+-.^_`|~";
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || kExtra.find(c) != std::string_view::npos;
  });
}

// What fetch() accepts in a header value and every server reads the same way.
bool is_plain_header_value(std::string_view value) {
  return std::all_of(value.begin(), value.end(), [](char c) { return c == '\t' || (c >= 0x20 && c < 0x7f); });
}

// Header names a page may not set: fetch() drops them without a word.
bool browser_forbids(const std::string& lowered) {
  static constexpr std::array<std::string_view, 21> kForbidden = {
      "accept-charset", "accept-encoding", "access-control-request-headers", "access-control-request-method",
      "connection", "content-length", "cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive",
      "origin", "referer", "set-cookie", "te", "trailer", "transfer-encoding", "upgrade", "via"};
  return std::find(kForbidden.begin(), kForbidden.end(), lowered) != kForbidden.end() ||
         lowered.rfind("proxy-", 0) == 0 || lowered.rfind("sec-", 0) == 0;
}

// Copies object[key] into `into` when it holds a value of that type.
bool read_member(const nlohmann::json& object, const char* key, std::string& into) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return false;
  into = it->get<std::string>();
  return true;
}

bool read_member(const nlohmann::json& object, const char* key, bool& into) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_boolean()) return false;
  into = it->get<bool>();
  return true;
}

bool read_member(const nlohmann::json& object, const char* key, int& into) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return false;
  const auto value = it->get<long long>();
  if (value < INT32_MIN || value > INT32_MAX) return false;
  into = static_cast<int>(value);
  return true;
}

Diagnostic error(std::string field, std::string message, Severity severity = Severity::Error) {
  return Diagnostic{.field = std::move(field), .severity = severity, .message = std::move(message)};
}

void check_endpoint(const std::string& endpoint, Diagnostics& out) {
  const std::string trimmed = trim(endpoint);
  if (trimmed.empty()) {
    out.push_back(error("endpoint",
                        "Enter the API's URL, e.g. https://{api-id}.execute-api.{region}.amazonaws.com/prod/DynamoDBManager."));
  } else if (!starts_with_scheme(trimmed)) {
    out.push_back(error("endpoint", "The endpoint must start with https:// (or http:// for a local API)."));
  } else if (std::any_of(trimmed.begin(), trimmed.end(), [](unsigned char c) { return std::isspace(c) != 0; })) {
    out.push_back(error("endpoint", "The endpoint contains a space; remove it."));
  } else if (authority(trimmed).empty()) {
    out.push_back(error("endpoint", "The endpoint has no host name after the ://."));
  }
}

void check_header_row(const ConnectionSettings& settings, std::size_t index, Diagnostics& out) {
  const HeaderRow& row = settings.headers[index];
  const std::string field = "headers[" + std::to_string(index) + "]";
  const std::string name = trim(row.name);
  const std::string lowered = lower(name);
  if (name.empty()) {
    if (!trim(row.value).empty()) out.push_back(error(field + ".name", "Give this header a name, or remove the row."));
    return;
  }
  if (!is_token(name)) {
    out.push_back(error(field + ".name", "A header name may contain only letters, digits and !#$%&'*+-.^_`|~."));
  } else if (lowered == "content-type") {
    out.push_back(error(field + ".name", "Content-Type is always application/json; remove this row."));
  } else if (lowered == kApiKeyHeader) {
    out.push_back(error(field + ".name", "Put the API key in the API key field; remove this row."));
  } else if (browser_forbids(lowered)) {
    out.push_back(error(field + ".name", "Browsers do not let a page set " + name + "; it will not be sent.",
                        Severity::Warning));
  }
  for (std::size_t earlier = 0; earlier < index; ++earlier) {
    if (lower(trim(settings.headers[earlier].name)) == lowered) {
      out.push_back(error(field + ".name", name + " is already set in row " + std::to_string(earlier + 1) + "."));
      break;
    }
  }
  if (!is_plain_header_value(trim(row.value))) {
    out.push_back(error(field + ".value", "A header value may contain only printable ASCII characters."));
  }
}

}  // namespace

Diagnostics check_connection(const ConnectionSettings& settings) {
  Diagnostics out;
  check_endpoint(settings.endpoint, out);
  if (!is_plain_header_value(trim(settings.api_key))) {
    out.push_back(error("api_key", "An API key contains only printable ASCII characters; check what was pasted."));
  }
  for (std::size_t i = 0; i < settings.headers.size(); ++i) check_header_row(settings, i, out);
  if (settings.timeout_seconds < kMinTimeoutSeconds || settings.timeout_seconds > kMaxTimeoutSeconds) {
    out.push_back(error("timeout_seconds", "The timeout must be between " + std::to_string(kMinTimeoutSeconds) +
                                               " and " + std::to_string(kMaxTimeoutSeconds) + " seconds."));
  }
  return out;
}

HeaderList request_headers(const ConnectionSettings& settings) {
  HeaderList headers{{"Content-Type", "application/json"}};
  if (const std::string key = trim(settings.api_key); !key.empty()) headers.emplace_back(kApiKeyHeader, key);
  for (const HeaderRow& row : settings.headers) {
    if (std::string name = trim(row.name); !name.empty()) headers.emplace_back(std::move(name), trim(row.value));
  }
  return headers;
}

HeaderList masked_request_headers(const ConnectionSettings& settings) {
  HeaderList headers{{"Content-Type", "application/json"}};
  if (const std::string key = trim(settings.api_key); !key.empty()) headers.emplace_back(kApiKeyHeader, kMaskedValue);
  for (const HeaderRow& row : settings.headers) {
    if (std::string name = trim(row.name); !name.empty()) {
      headers.emplace_back(std::move(name), row.secret ? std::string(kMaskedValue) : trim(row.value));
    }
  }
  return headers;
}

HttpRequest http_request_for(const ConnectionSettings& settings, std::string body) {
  return HttpRequest{.method = "POST",
                     .url = trim(settings.endpoint),
                     .headers = request_headers(settings),
                     .body = std::move(body)};
}

std::string endpoint_host(std::string_view endpoint) { return std::string(authority(trim(endpoint))); }

std::string endpoint_path(std::string_view endpoint) {
  const std::string trimmed = trim(endpoint);
  const std::string_view host = authority(trimmed);
  if (host.empty()) return {};
  std::string_view rest = std::string_view(trimmed).substr(trimmed.find(host) + host.size());
  rest = rest.substr(0, rest.find_first_of("?#"));
  return rest.empty() ? "/" : std::string(rest);
}

std::string connection_to_storage(const ConnectionSettings& settings) {
  nlohmann::json headers = nlohmann::json::array();
  for (const HeaderRow& row : settings.headers) {
    const bool keep_value = !row.secret || settings.remember_secrets;
    headers.push_back({{"name", row.name}, {"value", keep_value ? row.value : ""}, {"secret", row.secret}});
  }
  nlohmann::json out = {{"version", kStorageVersion},
                        {"endpoint", settings.endpoint},
                        {"rememberSecrets", settings.remember_secrets},
                        {"headers", std::move(headers)},
                        {"timeoutSeconds", settings.timeout_seconds}};
  if (settings.remember_secrets) out["apiKey"] = settings.api_key;
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ConnectionSettings connection_from_storage(std::string_view text, const ConnectionSettings& defaults) {
  ConnectionSettings settings = defaults;
  const auto stored = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!stored.is_object()) return settings;
  read_member(stored, "endpoint", settings.endpoint);
  read_member(stored, "rememberSecrets", settings.remember_secrets);
  if (settings.remember_secrets) read_member(stored, "apiKey", settings.api_key);
  int seconds = 0;
  if (read_member(stored, "timeoutSeconds", seconds) && seconds >= kMinTimeoutSeconds &&
      seconds <= kMaxTimeoutSeconds) {
    settings.timeout_seconds = seconds;
  }
  if (const auto it = stored.find("headers"); it != stored.end() && it->is_array()) {
    settings.headers.clear();
    for (const auto& row : *it) {
      if (!row.is_object()) continue;
      HeaderRow header;
      read_member(row, "name", header.name);
      read_member(row, "value", header.value);
      read_member(row, "secret", header.secret);
      settings.headers.push_back(std::move(header));
    }
  }
  return settings;
}

}  // namespace core
