#include "core/preset.hpp"

#include <algorithm>
#include <array>

#include "core/json_fields.hpp"
#include "core/text.hpp"

namespace core {
namespace {

// Header names that carry credentials, in lower case.
constexpr std::array<std::string_view, 5> kCredentialHeaders = {"authorization", "x-api-key", "cookie",
                                                                "proxy-authorization", "x-amz-security-token"};

Diagnostic error(std::string field, std::string message, Severity severity = Severity::Error) {
  return Diagnostic{std::move(field), std::nullopt, severity, std::move(message)};
}

std::string join(std::string_view field, std::string_view member) {
  return field.empty() ? std::string(member) : std::string(field) + "." + std::string(member);
}

// An optional string member: absent is empty, another type is reported and ignored.
std::string optional_string(const JsonValue& json, std::string_view key, std::string_view field,
                            Diagnostics& diagnostics) {
  const JsonValue* value = json.find(key);
  if (!value || value->is_null()) return {};
  if (value->is_string()) return value->text;
  diagnostics.push_back(error(join(field, key), "is not a string; it was left out.", Severity::Warning));
  return {};
}

std::vector<HeaderRow> read_headers(const JsonValue& json, std::string_view field, Diagnostics& diagnostics) {
  std::vector<HeaderRow> headers;
  const JsonValue* list = json.find("headers");
  if (!list || list->is_null()) return headers;
  const std::string list_field = join(field, "headers");
  if (!list->is_array()) {
    diagnostics.push_back(error(list_field, "is not a list of headers; it was left out.", Severity::Warning));
    return headers;
  }
  for (std::size_t i = 0; i < list->array.size(); ++i) {
    const JsonValue& entry = list->array[i];
    const JsonValue* name = member_of(entry, "name");
    const JsonValue* value = member_of(entry, "value");
    if (!name || !name->is_string() || name->text.empty() || !value || !value->is_string()) {
      diagnostics.push_back(error(list_field + "[" + std::to_string(i) + "]",
                                  "is not a header {\"name\", \"value\"}; it was left out.", Severity::Warning));
      continue;
    }
    const JsonValue* secret = entry.find("secret");
    headers.push_back(HeaderRow{name->text, value->text, secret && secret->is_bool() && secret->boolean});
  }
  return headers;
}

}  // namespace

bool is_secret_header(const HeaderRow& header) {
  if (header.secret) return true;
  const std::string name = lower(header.name);
  return std::find(kCredentialHeaders.begin(), kCredentialHeaders.end(), name) != kCredentialHeaders.end();
}

bool has_secrets(const Preset& preset) {
  const auto& headers = preset.connection.headers;
  return !preset.connection.api_key.empty() || std::any_of(headers.begin(), headers.end(), is_secret_header);
}

Preset without_secrets(Preset preset) {
  preset.connection.api_key.clear();
  std::erase_if(preset.connection.headers, is_secret_header);
  return preset;
}

Diagnostics check_operation_event(const JsonValue& event, std::string_view field) {
  Diagnostics diagnostics;
  if (!event.is_object()) {
    diagnostics.push_back(error(std::string(field), "is not an operation event: it must be a JSON object."));
    return diagnostics;
  }
  const JsonValue* operation = event.find("operation");
  if (!operation || !operation->is_string() || operation->text.empty()) {
    diagnostics.push_back(error(join(field, "operation"),
                                "is missing: an operation event names its operation "
                                "(create, read, update, delete, list, echo or ping)."));
  }
  const JsonValue* table = event.find("tableName");
  if (table && !table->is_string())
    diagnostics.push_back(error(join(field, "tableName"), "must be a string: the table's name."));
  return diagnostics;
}

JsonValue preset_to_json(const Preset& preset) {
  JsonValue json = JsonValue::make_object();
  json.set("name", JsonValue::string(preset.name));
  json.set("event", preset.event);
  const Connection& connection = preset.connection;
  if (!connection.endpoint.empty()) json.set("endpoint", JsonValue::string(connection.endpoint));
  if (!connection.headers.empty()) {
    JsonValue headers = JsonValue::make_array();
    for (const auto& header : connection.headers) {
      JsonValue entry = JsonValue::make_object();
      entry.set("name", JsonValue::string(header.name));
      entry.set("value", JsonValue::string(header.value));
      if (header.secret) entry.set("secret", JsonValue::from_bool(true));
      headers.array.push_back(std::move(entry));
    }
    json.set("headers", std::move(headers));
  }
  if (!connection.api_key.empty()) json.set("apiKey", JsonValue::string(connection.api_key));
  return json;
}

PresetRead preset_from_json(const JsonValue& json, std::string_view field) {
  PresetRead read;
  if (!json.is_object()) {
    read.diagnostics.push_back(error(std::string(field), "is not a preset: it must be a JSON object."));
    return read;
  }
  const JsonValue* name = json.find("name");
  if (!name || !name->is_string() || name->text.empty())
    read.diagnostics.push_back(error(join(field, "name"), "is missing: a preset needs a name."));
  const JsonValue* event = json.find("event");
  if (!event) {
    read.diagnostics.push_back(error(join(field, "event"), "is missing: a preset holds an operation event."));
  } else {
    Diagnostics event_problems = check_operation_event(*event, join(field, "event"));
    read.diagnostics.insert(read.diagnostics.end(), event_problems.begin(), event_problems.end());
  }
  if (has_errors(read.diagnostics)) return read;

  Preset preset;
  preset.name = name->text;
  preset.event = *event;
  preset.connection.endpoint = optional_string(json, "endpoint", field, read.diagnostics);
  preset.connection.headers = read_headers(json, field, read.diagnostics);
  preset.connection.api_key = optional_string(json, "apiKey", field, read.diagnostics);
  read.preset = std::move(preset);
  return read;
}

Diagnostic invalid_json_diagnostic(std::string field, std::string_view what, const JsonError& error) {
  return Diagnostic{std::move(field), TextSpan{error.offset, 0}, Severity::Error,
                    std::string(what) + " is not valid JSON (line " + std::to_string(error.line) + ", column " +
                        std::to_string(error.column) + ": " + error.message + ")."};
}

std::string unique_preset_name(std::span<const Preset> existing, std::string_view wanted) {
  const auto taken = [&](std::string_view name) {
    return std::any_of(existing.begin(), existing.end(), [&](const Preset& p) { return p.name == name; });
  };
  std::string name(wanted);
  for (int n = 2; taken(name); ++n) name = std::string(wanted) + " (" + std::to_string(n) + ")";
  return name;
}

}  // namespace core
