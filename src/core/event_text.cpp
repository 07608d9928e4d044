#include "core/event_text.hpp"

#include <algorithm>

#include "core/validation.hpp"

namespace core {
namespace {

std::string_view example_payload_text(Operation operation) {
  switch (operation) {
    case Operation::Create: return R"({"Item": {"id": "2377ab", "number": 4}})";
    case Operation::Read:
    case Operation::Delete: return R"({"Key": {"id": "2377ab"}})";
    case Operation::Update:
      return R"({"Key": {"id": "2377ab"}, "UpdateExpression": "SET FirstName = :newValue",
                 "ExpressionAttributeValues": {":newValue": "Sarvesh"}})";
    case Operation::List: return R"({"Limit": 25})";
    case Operation::Echo: return R"({"message": "hello"})";
    case Operation::Ping: break;
  }
  return {};
}

std::optional<JsonValue> example_payload(std::optional<Operation> operation) {
  const std::string_view text = operation ? example_payload_text(*operation) : std::string_view();
  if (text.empty()) return std::nullopt;
  return parse_json(text).value;
}

std::string string_member(const JsonValue& object, std::string_view key) {
  const JsonValue* member = object.find(key);
  return member && member->is_string() ? member->text : std::string();
}

// Sets `key`, at `index` when the object lacks it, so events read in their usual order.
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
    check.diagnostics = validate_event_text(text);
    return check;
  }
  check.event = std::move(parsed.value);
  check.diagnostics = validate_event(*check.event);
  check.operation = string_member(*check.event, "operation");
  check.table_name = string_member(*check.event, "tableName");
  return check;
}

JsonValue example_event(Operation operation, std::string_view table_name) {
  JsonValue event = JsonValue::make_object();
  event.set("operation", JsonValue::string(std::string(operation_name(operation))));
  if (auto payload = example_payload(operation)) {
    if (!table_name.empty()) event.set("tableName", JsonValue::string(std::string(table_name)));
    event.set("payload", std::move(*payload));
  }
  return event;
}

std::optional<std::string> with_operation(std::string_view text, Operation operation) {
  auto event = parse_object(text);
  if (!event) return std::nullopt;
  const JsonValue* payload = event->find("payload");
  const auto previous_example = example_payload(operation_named(string_member(*event, "operation")));
  const bool untouched = payload == nullptr || (previous_example && *payload == *previous_example);
  set_at(*event, "operation", JsonValue::string(std::string(operation_name(operation))), 0);
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
