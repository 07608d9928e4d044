// Presets: a named request a person keeps (the operation event, optionally the
// connection: endpoint, API key, headers), and the JSON form a preset takes in
// collection files and share links.
//
// Secrets: the API key and every header marked secret (or named like a
// credential: Authorization, x-api-key, ...) are secrets. Share links never
// carry them; collection files carry them only when asked to.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/json_value.hpp"
#include "core/request.hpp"

namespace core {

struct Preset {
  std::string name;
  JsonValue event;  // {"operation", "tableName", "payload"}
  // Where and how to send it. Empty parts (no endpoint, no API key) are not
  // part of the preset: using it keeps what the person has set.
  Connection connection;
  friend bool operator==(const Preset&, const Preset&) = default;
};

// Marked secret, or named like a credential whatever its mark.
bool is_secret_header(const HeaderRow& header);
bool has_secrets(const Preset& preset);
// The preset without its API key and secret headers.
Preset without_secrets(Preset preset);

// An operation event is an object with a non-empty string "operation"; a
// "tableName", when present, is a string. Errors name `field` (e.g. "link.event").
Diagnostics check_operation_event(const JsonValue& event, std::string_view field);

// {"name", "event", "endpoint"?, "headers"?: [{"name", "value", "secret"?}], "apiKey"?}
// (empty parts are left out).
// Writes whatever the preset holds: strip secrets first where they must not go.
JsonValue preset_to_json(const Preset& preset);

struct PresetRead {
  std::optional<Preset> preset;  // empty when the JSON cannot be a preset
  Diagnostics diagnostics;       // why not, or what was left out (warnings)
};
// Reads the JSON form back; `field` prefixes every diagnostic's field.
PresetRead preset_from_json(const JsonValue& json, std::string_view field);

// What importing a file gives: the presets it held, and what was skipped and why.
struct PresetImport {
  std::vector<Preset> presets;
  Diagnostics diagnostics;
};

// "<what> is not valid JSON (line L, column C: ...)", positioned at the error.
Diagnostic invalid_json_diagnostic(std::string field, std::string_view what, const JsonError& error);

// `wanted`, or "wanted (2)", "wanted (3)", ... when a preset already has that name.
std::string unique_preset_name(std::span<const Preset> existing, std::string_view wanted);

}  // namespace core
