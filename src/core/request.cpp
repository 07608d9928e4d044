#include "core/request.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "core/text.hpp"

namespace core {

namespace {

constexpr std::string_view kItem = "Item";
constexpr std::string_view kKey = "Key";
constexpr std::string_view kUpdateExpression = "UpdateExpression";
constexpr std::string_view kConditionExpression = "ConditionExpression";
constexpr std::string_view kFilterExpression = "FilterExpression";
constexpr std::string_view kProjectionExpression = "ProjectionExpression";
constexpr std::string_view kNames = "ExpressionAttributeNames";
constexpr std::string_view kValues = "ExpressionAttributeValues";
constexpr std::string_view kReturnValues = "ReturnValues";
constexpr std::string_view kConsistentRead = "ConsistentRead";
constexpr std::string_view kLimit = "Limit";
constexpr std::string_view kExclusiveStartKey = "ExclusiveStartKey";

constexpr std::array kCreateFields = {kItem, kConditionExpression, kNames, kValues, kReturnValues};
constexpr std::array kReadFields = {kKey, kProjectionExpression, kConsistentRead, kNames};
constexpr std::array kUpdateFields = {kKey, kUpdateExpression, kConditionExpression, kNames, kValues, kReturnValues};
constexpr std::array kDeleteFields = {kKey, kConditionExpression, kNames, kValues, kReturnValues};
constexpr std::array kListFields = {kLimit, kExclusiveStartKey, kFilterExpression, kProjectionExpression, kNames,
                                    kValues};

constexpr std::array<std::string_view, 2> kWriteReturnValues = {"NONE", "ALL_OLD"};
constexpr std::array<std::string_view, 5> kUpdateReturnValues = {"NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW",
                                                                 "UPDATED_NEW"};

constexpr std::string_view kOperationMember = "operation";
constexpr std::string_view kTableMember = "tableName";
constexpr std::string_view kPayloadMember = "payload";

// Members the operation cannot work without: written (empty if need be) so
// that the event shows what is missing, unless raw JSON is kept for them.
bool is_required(std::string_view member) { return member == kItem || member == kKey; }

bool has_member(const JsonObject& members, std::string_view name) {
  return std::any_of(members.begin(), members.end(), [&](const JsonMember& m) { return m.first == name; });
}

std::string payload_path(std::string_view member) { return "payload." + std::string(member); }

// --- form -> event ---

std::optional<JsonValue> rows_json(const std::vector<AttributeRow>& rows, std::string_view member,
                                   Diagnostics& diagnostics) {
  if (rows.empty()) return std::nullopt;
  JsonObject members;
  for (const auto& row : rows) {
    auto written = attribute_to_json(row.value, payload_path(member) + "." + row.name);
    diagnostics.insert(diagnostics.end(), written.diagnostics.begin(), written.diagnostics.end());
    members.emplace_back(row.name, std::move(written.json));
  }
  return JsonValue::make_object(std::move(members));
}

std::optional<JsonValue> text_json(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return JsonValue::string(text);
}

std::optional<JsonValue> names_json(const std::vector<NameRow>& rows) {
  if (rows.empty()) return std::nullopt;
  JsonObject members;
  for (const auto& row : rows) members.emplace_back(row.placeholder, JsonValue::string(row.name));
  return JsonValue::make_object(std::move(members));
}

std::optional<JsonValue> values_json(const std::vector<ValueRow>& rows, Diagnostics& diagnostics) {
  if (rows.empty()) return std::nullopt;
  JsonObject members;
  for (const auto& row : rows) {
    auto written = attribute_to_json(row.value, payload_path(kValues) + "." + row.placeholder);
    diagnostics.insert(diagnostics.end(), written.diagnostics.begin(), written.diagnostics.end());
    members.emplace_back(row.placeholder, std::move(written.json));
  }
  return JsonValue::make_object(std::move(members));
}

// The JSON of one payload member from the form; nullopt when the form holds
// nothing for it (then it is not written).
std::optional<JsonValue> write_field(const RequestForm& form, std::string_view member, Diagnostics& diagnostics) {
  if (member == kItem) return rows_json(form.item, member, diagnostics);
  if (member == kKey) return rows_json(form.key, member, diagnostics);
  if (member == kExclusiveStartKey) return rows_json(form.exclusive_start_key, member, diagnostics);
  if (member == kUpdateExpression) return text_json(form.update_expression);
  if (member == kConditionExpression) return text_json(form.condition_expression);
  if (member == kFilterExpression) return text_json(form.filter_expression);
  if (member == kProjectionExpression) return text_json(form.projection_expression);
  if (member == kReturnValues) return text_json(form.return_values);
  if (member == kNames) return names_json(form.names);
  if (member == kValues) return values_json(form.values, diagnostics);
  if (member == kConsistentRead && form.consistent_read) return JsonValue::from_bool(*form.consistent_read);
  if (member == kLimit && form.limit) return JsonValue::number(std::to_string(*form.limit));
  return std::nullopt;
}

// Lays out members: first in the recorded order, then the remaining fields in
// their canonical order, then the remaining raw extras. An extra with the
// name of a field the form now holds is superseded by it.
JsonObject arrange(JsonObject fields, JsonObject extras, const std::vector<std::string>& order) {
  std::erase_if(extras, [&](const JsonMember& extra) { return has_member(fields, extra.first); });
  JsonObject out;
  const auto move_named = [&](JsonObject& from, const std::string& name) {
    const auto it = std::find_if(from.begin(), from.end(), [&](const JsonMember& m) { return m.first == name; });
    if (it == from.end()) return false;
    out.push_back(std::move(*it));
    from.erase(it);
    return true;
  };
  for (const auto& name : order) {
    if (!move_named(fields, name)) move_named(extras, name);
  }
  for (auto& m : fields) out.push_back(std::move(m));
  for (auto& m : extras) out.push_back(std::move(m));
  return out;
}

std::optional<JsonValue> payload_from_form(const RequestForm& form, Diagnostics& diagnostics) {
  if (form.payload_json) return form.payload_json;
  if (form.operation == Operation::Echo || form.operation == Operation::Ping) return std::nullopt;
  JsonObject fields;
  for (std::string_view member : payload_fields(form.operation)) {
    if (auto json = write_field(form, member, diagnostics)) {
      fields.emplace_back(std::string(member), std::move(*json));
    } else if (is_required(member) && !has_member(form.extra_payload, member)) {
      fields.emplace_back(std::string(member), JsonValue::make_object());
    }
  }
  return JsonValue::make_object(arrange(std::move(fields), form.extra_payload, form.payload_order));
}

// --- event -> form ---

void note(Diagnostics& diagnostics, std::string field, Severity severity, std::string message) {
  diagnostics.push_back({.field = std::move(field), .severity = severity, .message = std::move(message)});
}

std::optional<std::vector<AttributeRow>> read_rows(const JsonValue& json) {
  if (!json.is_object()) return std::nullopt;
  std::vector<AttributeRow> rows;
  for (const auto& [name, value] : json.object) rows.push_back({name, attribute_from_json(value)});
  return rows;
}

std::optional<std::vector<NameRow>> read_names(const JsonValue& json) {
  if (!json.is_object() || json.object.empty()) return std::nullopt;
  std::vector<NameRow> rows;
  for (const auto& [placeholder, name] : json.object) {
    if (!name.is_string()) return std::nullopt;
    rows.push_back({placeholder, name.text});
  }
  return rows;
}

std::optional<std::vector<ValueRow>> read_values(const JsonValue& json) {
  if (!json.is_object() || json.object.empty()) return std::nullopt;
  std::vector<ValueRow> rows;
  for (const auto& [placeholder, value] : json.object) rows.push_back({placeholder, attribute_from_json(value)});
  return rows;
}

// A JSON number whose text an int prints back exactly.
std::optional<int> read_int(const JsonValue& json) {
  if (!json.is_number()) return std::nullopt;
  int value = 0;
  const auto* end = json.text.data() + json.text.size();
  const auto [ptr, ec] = std::from_chars(json.text.data(), end, value);
  if (ec != std::errc() || ptr != end || std::to_string(value) != json.text) return std::nullopt;
  return value;
}

// Puts a payload member into its form field. Returns why it does not fit
// (the caller then keeps it as raw JSON), or nullopt when it does. Optional
// fields hold only non-empty values, since the form does not write empty ones.
std::optional<std::string> read_field(RequestForm& form, std::string_view member, const JsonValue& json) {
  const auto into_text = [&](std::string& field) -> std::optional<std::string> {
    if (!json.is_string() || json.text.empty()) return "must be a non-empty string";
    field = json.text;
    return std::nullopt;
  };
  const auto into_rows = [&](std::vector<AttributeRow>& field, bool required) -> std::optional<std::string> {
    auto rows = read_rows(json);
    if (!rows) return "must be an object of attribute names and values";
    if (rows->empty() && !required) return "is empty, which DynamoDB refuses";
    field = std::move(*rows);
    return std::nullopt;
  };
  if (member == kItem) return into_rows(form.item, true);
  if (member == kKey) return into_rows(form.key, true);
  if (member == kExclusiveStartKey) return into_rows(form.exclusive_start_key, false);
  if (member == kUpdateExpression) return into_text(form.update_expression);
  if (member == kConditionExpression) return into_text(form.condition_expression);
  if (member == kFilterExpression) return into_text(form.filter_expression);
  if (member == kProjectionExpression) return into_text(form.projection_expression);
  if (member == kReturnValues) return into_text(form.return_values);
  if (member == kNames) {
    auto rows = read_names(json);
    if (!rows) return "must be a non-empty object of #placeholders and attribute names";
    form.names = std::move(*rows);
    return std::nullopt;
  }
  if (member == kValues) {
    auto rows = read_values(json);
    if (!rows) return "must be a non-empty object of :placeholders and values";
    form.values = std::move(*rows);
    return std::nullopt;
  }
  if (member == kConsistentRead) {
    if (!json.is_bool()) return "must be true or false";
    form.consistent_read = json.boolean;
    return std::nullopt;
  }
  if (member == kLimit) {
    const auto limit = read_int(json);
    if (!limit) return "must be a whole number";
    form.limit = limit;
    return std::nullopt;
  }
  return "is not a field of this operation";
}

void read_payload(RequestForm& form, const JsonValue& payload, Diagnostics& diagnostics) {
  const std::string_view operation = operation_name(form.operation);
  if (form.operation == Operation::Echo) {
    form.payload_json = payload;
    return;
  }
  if (form.operation == Operation::Ping) {
    form.payload_json = payload;
    note(diagnostics, "payload", Severity::Info, "ping takes no payload; it is kept as raw JSON.");
    return;
  }
  if (!payload.is_object()) {
    form.payload_json = payload;
    note(diagnostics, "payload", Severity::Warning,
         "The payload of " + std::string(operation) + " must be a JSON object; it is kept as raw JSON.");
    return;
  }
  const auto fields = payload_fields(form.operation);
  for (auto& [member, value] : members_as_read(payload.object, "payload", diagnostics)) {
    form.payload_order.push_back(member);
    std::optional<std::string> misfit = "has no field in the " + std::string(operation) + " form";
    if (std::find(fields.begin(), fields.end(), member) != fields.end()) misfit = read_field(form, member, value);
    if (!misfit) continue;
    note(diagnostics, payload_path(member), Severity::Warning,
         payload_path(member) + " " + *misfit + "; it is kept as raw JSON.");
    form.extra_payload.emplace_back(member, std::move(value));
  }
}

void set_header(HeaderList& headers, const std::string& name, const std::string& value) {
  const auto it = std::find_if(headers.begin(), headers.end(),
                               [&](const auto& header) { return equals_ignoring_case(header.first, name); });
  if (it != headers.end()) {
    *it = {name, value};
  } else {
    headers.emplace_back(name, value);
  }
}

}  // namespace

std::string_view operation_name(Operation operation) {
  switch (operation) {
    case Operation::Create: return "create";
    case Operation::Read: return "read";
    case Operation::Update: return "update";
    case Operation::Delete: return "delete";
    case Operation::List: return "list";
    case Operation::Echo: return "echo";
    case Operation::Ping: return "ping";
  }
  return "ping";
}

std::optional<Operation> operation_named(std::string_view name) {
  for (Operation operation : kOperations) {
    if (operation_name(operation) == name) return operation;
  }
  return std::nullopt;
}

std::span<const std::string_view> payload_fields(Operation operation) {
  switch (operation) {
    case Operation::Create: return kCreateFields;
    case Operation::Read: return kReadFields;
    case Operation::Update: return kUpdateFields;
    case Operation::Delete: return kDeleteFields;
    case Operation::List: return kListFields;
    case Operation::Echo:
    case Operation::Ping: return {};
  }
  return {};
}

bool uses_table(Operation operation) { return operation != Operation::Echo && operation != Operation::Ping; }

std::span<const std::string_view> return_values_choices(Operation operation) {
  switch (operation) {
    case Operation::Create:
    case Operation::Delete: return kWriteReturnValues;
    case Operation::Update: return kUpdateReturnValues;
    default: return {};
  }
}

EventBuild event_from_form(const RequestForm& form) {
  EventBuild out;
  JsonObject fields;
  fields.emplace_back(kOperationMember, JsonValue::string(std::string(operation_name(form.operation))));
  if (uses_table(form.operation) && !form.table_name.empty())
    fields.emplace_back(kTableMember, JsonValue::string(form.table_name));
  if (auto payload = payload_from_form(form, out.diagnostics)) fields.emplace_back(kPayloadMember, std::move(*payload));
  out.event = JsonValue::make_object(arrange(std::move(fields), form.extra_event, form.event_order));
  return out;
}

FormRead form_from_event(const JsonValue& event) {
  FormRead out;
  if (!event.is_object()) {
    note(out.diagnostics, "event", Severity::Error,
         "The event must be a JSON object such as {\"operation\": \"ping\"}; it stays in the raw editor.");
    return out;
  }
  const JsonObject members = members_as_read(event.object, "", out.diagnostics);
  const auto operation_member =
      std::find_if(members.begin(), members.end(), [](const JsonMember& m) { return m.first == kOperationMember; });
  const auto operation = operation_member != members.end() && operation_member->second.is_string()
                             ? operation_named(operation_member->second.text)
                             : std::nullopt;
  if (!operation) {
    note(out.diagnostics, std::string(kOperationMember), Severity::Error,
         "The event needs an \"operation\": create, read, update, delete, list, echo or ping; it stays in the raw "
         "editor.");
    return out;
  }
  RequestForm form;
  form.operation = *operation;
  for (const auto& [name, value] : members) {
    form.event_order.push_back(name);
    if (name == kOperationMember) continue;
    if (name == kPayloadMember) {
      read_payload(form, value, out.diagnostics);
    } else if (name == kTableMember && uses_table(form.operation) && value.is_string() && !value.text.empty()) {
      form.table_name = value.text;
    } else {
      const std::string why =
          name == kTableMember
              ? (uses_table(form.operation) ? "tableName must be a non-empty string"
                                            : std::string(operation_name(form.operation)) + " does not use tableName")
              : "The Lambda does not read " + quoted(name);
      note(out.diagnostics, name, name == kTableMember ? Severity::Warning : Severity::Info,
           why + "; it is kept as raw JSON.");
      form.extra_event.emplace_back(name, value);
    }
  }
  out.form = std::move(form);
  return out;
}

JsonObject members_as_read(const JsonObject& members, std::string_view where, Diagnostics& diagnostics) {
  JsonObject out;
  std::unordered_map<std::string_view, std::size_t> place;
  for (const auto& [name, value] : members) {
    const auto [it, first] = place.emplace(name, out.size());
    if (first) {
      out.emplace_back(name, value);
      continue;
    }
    out[it->second].second = value;
    note(diagnostics, where.empty() ? name : std::string(where) + "." + name, Severity::Warning,
         quoted(name) + " appears more than once; the Lambda reads the last one.");
  }
  return out;
}

HttpRequest build_http_request(const JsonValue& event, const Connection& connection) {
  HttpRequest request;
  request.method = "POST";
  request.url = trim(connection.endpoint);
  request.headers.emplace_back("Content-Type", "application/json");
  if (!connection.api_key.empty()) request.headers.emplace_back("x-api-key", connection.api_key);
  for (const auto& header : connection.headers) {
    const std::string name(trim(header.name));
    if (!name.empty()) set_header(request.headers, name, header.value);
  }
  request.body = to_json_text(event);
  return request;
}

}  // namespace core
