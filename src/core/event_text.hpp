// The raw JSON editor of a whole operation event ({"operation", "tableName",
// "payload"}): checking the text before it is sent (validation.hpp's rules,
// invalid JSON at its line and column), reading and changing its operation
// and table name in place, and an example event for each operation.
// Numbers stay exact: the text goes through core::JsonValue, never a double.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "core/json_value.hpp"
#include "core/request.hpp"

namespace core {

// The seed's table, the default for a fresh editor.
inline constexpr std::string_view kDefaultTableName = "lambda-apigateway";

struct EventCheck {
  std::optional<JsonValue> event;  // the document, when the text is JSON
  std::string operation;           // as written; empty when missing or not a string
  std::string table_name;          // empty when missing or not a string
  Diagnostics diagnostics;         // validate_event's, or the JSON error with its byte position
  bool sendable() const { return event.has_value() && !has_errors(diagnostics); }
};

EventCheck check_event_text(std::string_view text);

// The example event of `operation` (the seed's Postman bodies where it has
// one) on `table_name`; ping has neither table nor payload.
JsonValue example_event(Operation operation, std::string_view table_name);

// The text with its operation set to `operation`. A payload that is missing
// or still equal to the previous operation's example becomes the new
// operation's example; a payload the person changed is kept. Nothing when
// the text is not a JSON object.
std::optional<std::string> with_operation(std::string_view text, Operation operation);

// The text with "tableName" set, or removed when `table_name` is empty.
// Nothing when the text is not a JSON object.
std::optional<std::string> with_table_name(std::string_view text, std::string_view table_name);

// How the editor shows an event: two-space indented JSON.
std::string event_text(const JsonValue& event);

}  // namespace core
