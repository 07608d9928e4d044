#include "core/validation.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <unordered_set>

#include "core/attribute_value.hpp"
#include "core/text.hpp"
#include "core/url.hpp"

namespace core {

namespace {

constexpr std::size_t kMinTableName = 3;
constexpr std::size_t kMaxTableName = 255;
constexpr std::string_view kEndpointExample =
    "https://{api-id}.execute-api.{region}.amazonaws.com/prod/DynamoDBManager";

// Headers a browser does not let a page set on fetch (the Fetch standard's
// forbidden request headers); names starting with Proxy- or Sec- are too.
constexpr std::array<std::string_view, 21> kForbiddenHeaders = {"accept-charset",
                                                                "accept-encoding",
                                                                "access-control-request-headers",
                                                                "access-control-request-method",
                                                                "connection",
                                                                "content-length",
                                                                "cookie",
                                                                "cookie2",
                                                                "date",
                                                                "dnt",
                                                                "expect",
                                                                "host",
                                                                "keep-alive",
                                                                "origin",
                                                                "referer",
                                                                "set-cookie",
                                                                "te",
                                                                "trailer",
                                                                "transfer-encoding",
                                                                "upgrade",
                                                                "via"};

// The parameters boto3 takes for each operation besides the form's fields
// (and TableName, which the Lambda sets from tableName): the Lambda passes
// them on, so they are not errors, but nothing here checks them.
constexpr std::array<std::string_view, 5> kOtherPutParameters = {"Expected", "ReturnConsumedCapacity",
                                                                 "ReturnItemCollectionMetrics", "ConditionalOperator",
                                                                 "ReturnValuesOnConditionCheckFailure"};
constexpr std::array<std::string_view, 2> kOtherGetParameters = {"AttributesToGet", "ReturnConsumedCapacity"};
constexpr std::array<std::string_view, 6> kOtherUpdateParameters = {"AttributeUpdates",
                                                                    "Expected",
                                                                    "ConditionalOperator",
                                                                    "ReturnConsumedCapacity",
                                                                    "ReturnItemCollectionMetrics",
                                                                    "ReturnValuesOnConditionCheckFailure"};
constexpr std::array<std::string_view, 9> kOtherScanParameters = {
    "IndexName",     "AttributesToGet", "Select",        "ScanFilter", "ConditionalOperator", "ReturnConsumedCapacity",
    "TotalSegments", "Segment",         "ConsistentRead"};

std::span<const std::string_view> other_parameters(Operation operation) {
  switch (operation) {
    case Operation::Create:
    case Operation::Delete: return kOtherPutParameters;
    case Operation::Read: return kOtherGetParameters;
    case Operation::Update: return kOtherUpdateParameters;
    case Operation::List: return kOtherScanParameters;
    default: return {};
  }
}

void add(Diagnostics& out, std::string field, Severity severity, std::string message,
         std::optional<TextSpan> position = std::nullopt) {
  out.push_back({.field = std::move(field), .position = position, .severity = severity, .message = std::move(message)});
}

void error(Diagnostics& out, std::string field, std::string message) {
  add(out, std::move(field), Severity::Error, std::move(message));
}

std::string join(std::span<const std::string_view> words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

const JsonValue* find(const JsonObject& members, std::string_view name) {
  for (const auto& [key, value] : members) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::optional<Operation> operation_of(const JsonObject& event_members) {
  const JsonValue* operation = find(event_members, "operation");
  return operation && operation->is_string() ? operation_named(operation->text) : std::nullopt;
}

bool is_placeholder(std::string_view text, char prefix) {
  return text.size() > 1 && text.front() == prefix && std::all_of(text.begin() + 1, text.end(), is_word_char);
}

// --- attribute objects: Item, Key, ExclusiveStartKey, ExpressionAttributeValues ---

using AttributeRows = std::vector<AttributeMember>;

// Reads an object of named attribute values, checking each value and that no
// name repeats. nullopt (with an error) when it is not an object.
std::optional<AttributeRows> read_attributes(const JsonValue& json, const std::string& field, std::string_view what,
                                             Diagnostics& out) {
  if (!json.is_object()) {
    error(out, field, field + " must be an object of " + std::string(what) + ".");
    return std::nullopt;
  }
  AttributeRows rows;
  std::unordered_set<std::string_view> names;
  for (const auto& [name, value] : json.object) {
    const std::string path = field + "." + name;
    if (!names.insert(name).second)
      error(out, path, quoted(name) + " appears more than once in " + field + "; only the last one would be kept.");
    auto attribute = attribute_from_json(value);
    auto problems = check_attribute(attribute, path);
    out.insert(out.end(), problems.begin(), problems.end());
    rows.emplace_back(name, std::move(attribute));
  }
  return rows;
}

std::size_t rows_size(const AttributeRows& rows) {
  std::size_t size = 0;
  for (const auto& [name, value] : rows) size += name.size() + attribute_size(value);
  return size;
}

void check_item(const JsonValue& json, Diagnostics& out) {
  const std::string field = "payload.Item";
  const auto rows = read_attributes(json, field, "attribute names and values", out);
  if (!rows) return;
  if (rows->empty()) error(out, field, "The Item is empty; it needs at least the table's key attributes.");
  if (std::any_of(rows->begin(), rows->end(), [](const AttributeMember& r) { return r.first.empty(); }))
    error(out, field,
          "An attribute of the Item has an empty name; DynamoDB attribute names have at least 1 character.");
  const std::size_t size = rows_size(*rows);
  if (size > kMaxItemBytes) {
    error(out, field,
          "The Item is " + std::to_string(size) + " bytes; DynamoDB items are at most 400 KB (" +
              std::to_string(kMaxItemBytes) + " bytes, names and values counted).");
  }
}

// A key names the item: its values are non-empty strings, numbers or binary.
void check_key(const JsonValue& json, std::string_view member, std::size_t max_attributes, Diagnostics& out) {
  const std::string field = "payload." + std::string(member);
  const auto rows = read_attributes(json, field, "key attribute names and values", out);
  if (!rows) return;
  if (rows->empty()) {
    error(out, field,
          "The " + std::string(member) +
              " is empty; give the item's partition key (and sort key, if the table has one), e.g. "
              "{\"id\": \"2377ab\"}.");
  }
  if (rows->size() > max_attributes) {
    error(out, field,
          "A key has the partition key and at most a sort key; this one has " + std::to_string(rows->size()) +
              " attributes.");
  }
  for (const auto& [name, value] : *rows) {
    const std::string path = field + "." + name;
    const bool scalar = value.type == AttributeType::String || value.type == AttributeType::Number ||
                        value.type == AttributeType::Binary;
    if (!scalar) {
      error(out, path, "Key attributes are strings, numbers or binary, not " + lower(type_label(value.type)) + ".");
    } else if (value.type != AttributeType::Number && value.text.empty()) {
      error(out, path, "Key attribute values can't be empty.");
    }
  }
}

void check_names(const JsonValue& json, Diagnostics& out) {
  const std::string field = "payload.ExpressionAttributeNames";
  if (!json.is_object()) {
    error(out, field, "ExpressionAttributeNames must be an object such as {\"#num\": \"number\"}.");
    return;
  }
  if (json.object.empty()) error(out, field, "ExpressionAttributeNames is empty; leave it out instead.");
  std::unordered_set<std::string_view> seen;
  for (const auto& [placeholder, name] : json.object) {
    const std::string path = field + "." + placeholder;
    if (!is_placeholder(placeholder, '#'))
      error(out, path,
            quoted(placeholder) + " is not a name placeholder: write # and letters, digits or _, e.g. #num.");
    if (!seen.insert(placeholder).second) error(out, path, quoted(placeholder) + " is defined more than once.");
    if (!name.is_string() || name.text.empty())
      error(out, path, placeholder + " must stand for a non-empty attribute name.");
  }
}

void check_values(const JsonValue& json, Diagnostics& out) {
  const std::string field = "payload.ExpressionAttributeValues";
  const auto rows = read_attributes(json, field, "placeholders and values, such as {\":n\": 5}", out);
  if (!rows) return;
  if (rows->empty()) error(out, field, "ExpressionAttributeValues is empty; leave it out instead.");
  for (const auto& [placeholder, value] : *rows) {
    if (!is_placeholder(placeholder, ':'))
      error(out, field + "." + placeholder,
            quoted(placeholder) + " is not a value placeholder: write : and letters, digits or _, e.g. :newNum.");
  }
}

// A JSON number that is a whole number between 1 and 2^31 - 1, as DynamoDB's
// Limit is (and as Python reads it: 1e2 would be a float, which boto3 refuses).
void check_limit(const JsonValue& json, Diagnostics& out) {
  constexpr std::string_view kMaxLimit = "2147483647";
  const auto& t = json.text;
  const bool digits = json.is_number() && !t.empty() && std::all_of(t.begin(), t.end(), is_digit);
  const bool in_range =
      digits && t != "0" && (t.size() < kMaxLimit.size() || (t.size() == kMaxLimit.size() && t <= kMaxLimit));
  if (!in_range) error(out, "payload.Limit", "Limit must be a whole number from 1 to 2147483647, like 25.");
}

void check_member(Operation operation, const std::string& name, const JsonValue& value, Diagnostics& out) {
  const std::string field = "payload." + name;
  if (name == "Item") return check_item(value, out);
  if (name == "Key") return check_key(value, name, 2, out);
  if (name == "ExclusiveStartKey") return check_key(value, name, std::numeric_limits<std::size_t>::max(), out);
  if (name == "ExpressionAttributeNames") return check_names(value, out);
  if (name == "ExpressionAttributeValues") return check_values(value, out);
  if (name == "Limit") return check_limit(value, out);
  if (name == "ConsistentRead") {
    if (!value.is_bool()) error(out, field, "ConsistentRead must be true or false.");
    return;
  }
  if (name == "ReturnValues") {
    const auto choices = return_values_choices(operation);
    if (!value.is_string() || std::find(choices.begin(), choices.end(), value.text) == choices.end())
      error(out, field, std::string(operation_name(operation)) + " takes ReturnValues " + join(choices) + ".");
    return;
  }
  // The expressions: their grammar is checked with the placeholders, below.
  if (!value.is_string() || value.text.empty()) error(out, field, name + " must be a non-empty string.");
}

std::string_view payload_hint(Operation operation) {
  switch (operation) {
    case Operation::Create:
      return "create needs a payload with the Item to put, e.g. {\"Item\": {\"id\": \"2377ab\"}}.";
    case Operation::List: return "list needs a payload object; {} scans the whole table.";
    default: return "This operation needs a payload with the Key of the item, e.g. {\"Key\": {\"id\": \"2377ab\"}}.";
  }
}

ExpressionContext context_of(Operation operation, const JsonObject& payload) {
  ExpressionContext context;
  const auto fields = payload_fields(operation);
  const auto takes = [&](std::string_view name) {
    return std::find(fields.begin(), fields.end(), name) != fields.end();
  };
  constexpr std::array<std::pair<std::string_view, ExpressionKind>, 4> kExpressions = {
      {{"UpdateExpression", ExpressionKind::Update},
       {"ConditionExpression", ExpressionKind::Condition},
       {"FilterExpression", ExpressionKind::Condition},
       {"ProjectionExpression", ExpressionKind::Projection}}};
  for (const auto& [name, kind] : kExpressions) {
    const JsonValue* text = find(payload, name);
    if (takes(name) && text && text->is_string() && !text->text.empty())
      context.expressions.push_back({"payload." + std::string(name), text->text, kind});
  }
  // Malformed placeholders are reported where they are defined; leaving them
  // out here keeps them from also being reported as unused.
  if (const JsonValue* names = find(payload, "ExpressionAttributeNames"); names && takes("ExpressionAttributeNames")) {
    for (const auto& [placeholder, name] : names->object) {
      if (is_placeholder(placeholder, '#')) context.names.emplace_back(placeholder, name.text);
    }
  }
  if (const JsonValue* values = find(payload, "ExpressionAttributeValues");
      values && takes("ExpressionAttributeValues")) {
    for (const auto& member : values->object) {
      if (is_placeholder(member.first, ':')) context.values.push_back(member.first);
    }
  }
  if (const JsonValue* key = find(payload, "Key"); key && takes("Key")) {
    for (const auto& member : key->object) context.key_attributes.push_back(member.first);
  }
  return context;
}

void check_payload(Operation operation, const JsonValue* payload, Diagnostics& out) {
  const std::string op(operation_name(operation));
  if (operation == Operation::Echo) return;
  if (operation == Operation::Ping) {
    if (payload) add(out, "payload", Severity::Info, "ping takes no payload; the Lambda ignores it.");
    return;
  }
  if (!payload) return error(out, "payload", std::string(payload_hint(operation)));
  if (!payload->is_object()) return error(out, "payload", "The payload of " + op + " must be a JSON object.");
  const JsonObject members = members_as_read(payload->object, "payload", out);
  const auto fields = payload_fields(operation);
  const auto others = other_parameters(operation);
  for (const auto& [name, value] : members) {
    if (std::find(fields.begin(), fields.end(), name) != fields.end()) {
      check_member(operation, name, value, out);
    } else if (std::find(others.begin(), others.end(), name) != others.end()) {
      add(out, "payload." + name, Severity::Warning,
          "The form has no field for " + name + "; it is sent as written, and only DynamoDB checks it.");
    } else {
      std::vector<std::string_view> taken(fields.begin(), fields.end());
      taken.insert(taken.end(), others.begin(), others.end());
      error(out, "payload." + name, op + " does not take " + quoted(name) + "; it takes " + join(taken) + ".");
    }
  }
  const std::string_view required = operation == Operation::Create ? "Item" : operation == Operation::List ? "" : "Key";
  if (!required.empty() && !find(members, required))
    error(out, "payload." + std::string(required), std::string(payload_hint(operation)));
  if (operation == Operation::Update && !find(members, "UpdateExpression")) {
    add(out, "payload.UpdateExpression", Severity::Warning,
        "Without an UpdateExpression, update changes nothing (it only creates the item with its key if it is "
        "missing).");
  }
  auto report = check_expressions(context_of(operation, members));
  out.insert(out.end(), report.diagnostics.begin(), report.diagnostics.end());
}

void check_table(Operation operation, const JsonValue* table, Diagnostics& out) {
  if (!uses_table(operation)) {
    if (table)
      add(out, "tableName", Severity::Info, std::string(operation_name(operation)) + " does not use tableName.");
    return;
  }
  if (!table) {
    add(out, "tableName", Severity::Warning,
        "No tableName: the Lambda uses its default table if it has one (the seed's Lambda needs a tableName).");
    return;
  }
  if (!table->is_string()) return error(out, "tableName", "tableName must be a string such as \"lambda-apigateway\".");
  auto problems = validate_table_name(table->text);
  out.insert(out.end(), problems.begin(), problems.end());
}

bool is_token_char(char c) {
  return is_letter_or_digit(c) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// A plain http URL to this machine.
bool is_local_http_url(std::string_view url) {
  const auto parts = parse_http_url(url);
  return parts && !parts->https && is_local_host(parts->host);
}

void check_header(const HeaderRow& header, const std::string& field, Diagnostics& out) {
  if (header.name.empty()) {
    if (!header.value.empty()) add(out, field, Severity::Warning, "This header has no name, so it is not sent.");
    return;
  }
  if (!std::all_of(header.name.begin(), header.name.end(), is_token_char)) {
    error(out, field,
          quoted(header.name) + " is not a valid header name: use letters, digits and - (e.g. X-Trace-Id).");
    return;
  }
  const std::string name = lower(header.name);
  if (std::find(kForbiddenHeaders.begin(), kForbiddenHeaders.end(), name) != kForbiddenHeaders.end() ||
      name.starts_with("proxy-") || name.starts_with("sec-")) {
    add(out, field, Severity::Warning, "Browsers do not let a page set " + header.name + "; it will not be sent.");
  }
  if (header.value.find_first_of("\r\n") != std::string::npos)
    error(out, field, "A header value can't contain a line break.");
}

}  // namespace

Diagnostics validate_table_name(std::string_view name) {
  Diagnostics out;
  if (name.size() < kMinTableName || name.size() > kMaxTableName) {
    error(out, "tableName", "A table name has 3 to 255 characters; this one has " + std::to_string(name.size()) + ".");
  }
  const auto bad =
      std::find_if(name.begin(), name.end(), [](char c) { return !(is_word_char(c) || c == '-' || c == '.'); });
  if (bad != name.end()) {
    const auto offset = static_cast<std::size_t>(bad - name.begin());
    add(out, "tableName", Severity::Error,
        "Table names use only letters, digits, '_', '-' and '.'; the character at position " +
            std::to_string(offset + 1) + " is not one of them.",
        TextSpan{offset, 1});
  }
  return out;
}

std::size_t item_size(const JsonValue& item) {
  std::size_t size = 0;
  for (const auto& [name, value] : item.object) size += name.size() + attribute_size(attribute_from_json(value));
  return size;
}

Diagnostics validate_event(const JsonValue& event) {
  Diagnostics out;
  if (!event.is_object()) {
    error(out, "event", "The event must be a JSON object such as {\"operation\": \"ping\"}.");
    return out;
  }
  const JsonObject members = members_as_read(event.object, "", out);
  const auto operation = operation_of(members);
  if (!operation) {
    const JsonValue* operation_json = find(members, "operation");
    const std::string given = operation_json && operation_json->is_string()
                                  ? "Unknown operation " + quoted(operation_json->text) + "; "
                                  : std::string("The event needs an \"operation\": ");
    error(out, "operation", given + "the Lambda takes create, read, update, delete, list, echo and ping.");
    return out;
  }
  check_table(*operation, find(members, "tableName"), out);
  for (const auto& [name, value] : members) {
    if (name != "operation" && name != "tableName" && name != "payload")
      add(out, name, Severity::Info, "The Lambda ignores " + quoted(name) + ".");
  }
  check_payload(*operation, find(members, "payload"), out);
  return out;
}

Diagnostics validate_event_text(std::string_view text) {
  const auto parsed = parse_json(text);
  if (parsed) return validate_event(*parsed.value);
  const auto& e = *parsed.error;
  Diagnostics out;
  add(out, "event", Severity::Error,
      "Invalid JSON at line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ": " + e.message +
          ".",
      TextSpan{e.offset, e.offset < text.size() ? std::size_t{1} : std::size_t{0}});
  return out;
}

EventBuild check_form(const RequestForm& form) {
  EventBuild out = event_from_form(form);
  auto problems = validate_event(out.event);
  out.diagnostics.insert(out.diagnostics.end(), problems.begin(), problems.end());
  return out;
}

Diagnostics validate_connection(const Connection& connection) {
  Diagnostics out;
  const std::string_view endpoint = trim(connection.endpoint);
  if (endpoint.empty()) {
    error(out, "connection.endpoint", "Enter the API's invoke URL, e.g. " + std::string(kEndpointExample) + ".");
  } else if (!endpoint.starts_with("https://") && !endpoint.starts_with("http://")) {
    error(out, "connection.endpoint",
          "The endpoint must start with https:// (or http:// for a local API), e.g. " + std::string(kEndpointExample) +
              ".");
  } else if (endpoint.find_first_of(" \t\r\n") != std::string_view::npos) {
    error(out, "connection.endpoint", "The endpoint can't contain spaces.");
  } else if (endpoint.starts_with("http://") && !is_local_http_url(endpoint)) {
    add(out, "connection.endpoint", Severity::Warning,
        "Requests to this endpoint travel unencrypted; API Gateway endpoints use https://.");
  }
  if (connection.api_key.find_first_of(" \t\r\n") != std::string::npos)
    error(out, "connection.api_key", "The API key can't contain spaces or line breaks.");
  for (std::size_t i = 0; i < connection.headers.size(); ++i)
    check_header(connection.headers[i], "connection.headers[" + std::to_string(i) + "]", out);
  return out;
}

ExpressionContext expression_context(const JsonValue& event) {
  if (!event.is_object()) return {};
  Diagnostics ignored;
  const JsonObject members = members_as_read(event.object, "", ignored);
  const auto operation = operation_of(members);
  const JsonValue* payload = find(members, "payload");
  if (!operation || !payload || !payload->is_object()) return {};
  return context_of(*operation, members_as_read(payload->object, "payload", ignored));
}

}  // namespace core
