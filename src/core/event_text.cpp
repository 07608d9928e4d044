#include "core/event_text.hpp"

#include <algorithm>

namespace core {
namespace {

// Operations whose payload is passed to boto3 as keyword arguments.
bool needs_object_payload(std::string_view operation) {
  return operation == "create" || operation == "read" || operation == "update" || operation == "delete" ||
         operation == "list";
}

bool is_operation(std::string_view name) {
  return std::find(kOperations.begin(), kOperations.end(), name) != kOperations.end();
}

std::string operation_list() {
  std::string out;
  for (const auto operation : kOperations) out += (out.empty() ? "" : ", ") + std::string(operation);
  return out;
}

Diagnostic event_error(std::string message, Severity severity = Severity::Error) {
  return Diagnostic{.field = "event", .severity = severity, .message = std::move(message)};
}

std::string_view example_payload_text(std::string_view operation) {
  if (operation == "create") return R"({"Item": {"id": "2377ab", "number": 4}})";
  if (operation == "read" || operation == "delete") return R"({"Key": {"id": "2377ab"}})";
  if (operation == "update") {
    return R"({"Key": {"id": "2377ab"}, "UpdateExpression": "SET FirstName = :newValue",
               "ExpressionAttributeValues": {":newValue": "Sarvesh"}})";
  }
  if (operation == "list") return R"({"Limit": 25})";
  if (operation == "echo") return R"({"message": "hello"})";
  return {};
}

std::optional<JsonValue> example_payload(std::string_view operation) {
  const std::string_view text = example_payload_text(operation);
  if (text.empty()) return std::nullopt;
  return parse_json(text).value;
}

std::string string_member(const JsonValue& object, std::string_view key) {
  const JsonValue* member = object.find(key);
  return member && member->is_string() ? member->text : std::string();
}

void check_shape(const JsonValue& event, EventCheck& check) {
  if (!event.is_object()) {
    check.diagnostics.push_back(event_error(
        R"(The event must be a JSON object: {"operation": ..., "tableName": ..., "payload": {...}}.)"));
    return;
  }
  const JsonValue* operation = event.find("operation");
  if (operation == nullptr) {
    check.diagnostics.push_back(event_error("The event needs an \"operation\": one of " + operation_list() + "."));
  } else if (!operation->is_string() || !is_operation(operation->text)) {
    const std::string shown = operation->is_string() ? "\"" + operation->text + "\"" : to_json_text(*operation);
    check.diagnostics.push_back(event_error(shown + " is not an operation; use one of " + operation_list() + "."));
  }
  const JsonValue* table = event.find("tableName");
  if (table != nullptr && !table->is_string()) {
    check.diagnostics.push_back(event_error("\"tableName\" must be a string, e.g. \"lambda-apigateway\"."));
  }
  const JsonValue* payload = event.find("payload");
  if (needs_object_payload(check.operation)) {
    if (payload == nullptr) {
      check.diagnostics.push_back(event_error("A " + check.operation + " needs a \"payload\" object."));
    } else if (!payload->is_object()) {
      check.diagnostics.push_back(event_error("The \"payload\" of a " + check.operation + " must be an object."));
    }
    if (table == nullptr) {
      check.diagnostics.push_back(event_error(
          "No \"tableName\": the Lambda will use its default table, if it has one.", Severity::Warning));
    }
  }
}

// Sets `key` at `index` when the object lacks it, so events read in their usual order.
void set_at(JsonValue& object, std::string key, JsonValue value, std::size_t index) {
  if (JsonValue* existing = object.find(key)) {
    *existing = std::move(value);
    return;
  }
  index = std::min(index, object.object.size());
  object.object.insert(object.object.begin() + static_cast<std::ptrdiff_t>(index),
                       JsonMember(std::move(key), std::move(value)));
}

std::optional<JsonValue> parse_object(std::string_view text) {
  auto parsed = parse_json(text);
  if (!parsed || !parsed.value->is_object()) return std::nullopt;
  return std::move(parsed.value);
}

}  // namespace

EventCheck check_event_text(std::string_view text) {
  EventCheck check;
  auto parsed = parse_json(text);
  if (!parsed) {
    const JsonError& error = *parsed.error;
    Diagnostic diagnostic = event_error("Line " + std::to_string(error.line) + ", column " +
                                        std::to_string(error.column) + ": " + error.message);
    diagnostic.position = TextSpan{error.offset, 0};
    check.diagnostics.push_back(std::move(diagnostic));
    return check;
  }
  check.event = std::move(parsed.value);
  if (check.event->is_object()) {
    check.operation = string_member(*check.event, "operation");
    check.table_name = string_member(*check.event, "tableName");
  }
  check_shape(*check.event, check);
  return check;
}

JsonValue example_event(std::string_view operation, std::string_view table_name) {
  JsonValue event = JsonValue::make_object();
  event.set("operation", JsonValue::string(std::string(operation)));
  if (auto payload = example_payload(operation)) {
    if (!table_name.empty()) event.set("tableName", JsonValue::string(std::string(table_name)));
    event.set("payload", std::move(*payload));
  }
  return event;
}

std::optional<std::string> with_operation(std::string_view text, std::string_view operation) {
  auto event = parse_object(text);
  if (!event) return std::nullopt;
  const std::string previous = string_member(*event, "operation");
  const JsonValue* payload = event->find("payload");
  const auto previous_example = example_payload(previous);
  const bool untouched = payload == nullptr || (previous_example && *payload == *previous_example);
  set_at(*event, "operation", JsonValue::string(std::string(operation)), 0);
  if (untouched) {
    if (auto next = example_payload(operation)) {
      set_at(*event, "payload", std::move(*next), event->object.size());
    } else {
      event->erase("payload");
    }
  }
  return event_text(*event);
}

std::optional<std::string> with_table_name(std::string_view text, std::string_view table_name) {
  auto event = parse_object(text);
  if (!event) return std::nullopt;
  if (table_name.empty()) {
    event->erase("tableName");
  } else {
    set_at(*event, "tableName", JsonValue::string(std::string(table_name)), event->find("operation") ? 1 : 0);
  }
  return event_text(*event);
}

std::string event_text(const JsonValue& event) { return to_json_text(event, 2); }

}  // namespace core
