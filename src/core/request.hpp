// Requests. The operation event the seed's Lambda takes,
// {"operation", "tableName", "payload"}, is the one canonical form of a
// request (a JsonValue, numbers exact); this module adds
//   - the seven operations and the payload fields each one takes,
//   - RequestForm, plain fields a UI binds widgets to, and the two-way
//     conversion between a form and an event: event -> form -> event loses
//     nothing, because what the form's fields cannot hold is kept beside them
//     as raw JSON, with a diagnostic saying why,
//   - the HTTP request value that carries an event to an endpoint.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/attribute_value.hpp"
#include "core/diagnostic.hpp"
#include "core/http.hpp"
#include "core/json_value.hpp"

namespace core {

enum class Operation { Create, Read, Update, Delete, List, Echo, Ping };

inline constexpr std::array kOperations = {Operation::Create, Operation::Read, Operation::Update, Operation::Delete,
                                           Operation::List,   Operation::Echo, Operation::Ping};

// "create", "read", ... as in the event.
std::string_view operation_name(Operation operation);
std::optional<Operation> operation_named(std::string_view name);

// The payload members an operation takes, as the Lambda passes them to boto3
// (put_item, get_item, update_item, delete_item, scan). Echo takes any JSON,
// ping nothing: both return an empty list.
std::span<const std::string_view> payload_fields(Operation operation);

// Operations that work on a DynamoDB table and so read `tableName`.
bool uses_table(Operation operation);

// The ReturnValues choices an operation accepts (empty when it takes none).
std::span<const std::string_view> return_values_choices(Operation operation);

struct AttributeRow {
  std::string name;
  AttributeValue value;
  friend bool operator==(const AttributeRow&, const AttributeRow&) = default;
};

struct NameRow {  // ExpressionAttributeNames: "#num" -> "number"
  std::string placeholder;
  std::string name;
  friend bool operator==(const NameRow&, const NameRow&) = default;
};

struct ValueRow {  // ExpressionAttributeValues: ":newNum" -> 20
  std::string placeholder;
  AttributeValue value;
  friend bool operator==(const ValueRow&, const ValueRow&) = default;
};

// Every field of every operation; an event is built from the fields its
// operation takes, so switching operation keeps what was typed.
struct RequestForm {
  Operation operation = Operation::Ping;
  std::string table_name;  // empty: no tableName (the Lambda's default table)

  std::vector<AttributeRow> item;  // create: Item
  std::vector<AttributeRow> key;   // read, update, delete: Key
  std::string update_expression;   // empty strings and rows are not sent
  std::string condition_expression;
  std::string filter_expression;
  std::string projection_expression;
  std::vector<NameRow> names;
  std::vector<ValueRow> values;
  std::string return_values;                      // "NONE", "ALL_OLD", ...; empty: not sent
  std::optional<bool> consistent_read;            // read
  std::optional<int> limit;                       // list
  std::vector<AttributeRow> exclusive_start_key;  // list

  // Raw JSON the fields cannot hold, kept so that nothing is lost:
  // when set, the payload as it is (echo's payload is any JSON; for other
  // operations, a payload that is not an object) and the fields are not used.
  std::optional<JsonValue> payload_json;
  JsonObject extra_payload;  // members no field of this operation holds, or whose value does not fit one
  JsonObject extra_event;    // event members besides operation, tableName and payload
  // Member order as read, so an event comes back in the order it was written.
  std::vector<std::string> payload_order;
  std::vector<std::string> event_order;

  friend bool operator==(const RequestForm&, const RequestForm&) = default;
};

struct EventBuild {
  JsonValue event;
  Diagnostics diagnostics;  // what could not be written as typed (a number that is not one)
};

// The event for the form's operation. Required members are always written,
// empty if need be, unless raw JSON is kept for them (create: Item; read,
// update, delete: Key; list: a payload); optional ones when they hold
// something.
EventBuild event_from_form(const RequestForm& form);

struct FormRead {
  std::optional<RequestForm> form;  // nullopt: the event has no operation the form knows
  Diagnostics diagnostics;          // Info/Warning: what stays raw JSON and why; Error: why there is no form
};

FormRead form_from_event(const JsonValue& event);

// An object's members as the Lambda's JSON reader (Python's json) sees them:
// a name given twice keeps its first place and its last value. Each repeat is
// reported as a Warning on "<where>.<name>".
JsonObject members_as_read(const JsonObject& members, std::string_view where, Diagnostics& diagnostics);

struct HeaderRow {
  std::string name;
  std::string value;
  bool secret = false;  // never put in a share link or saved without consent
  friend bool operator==(const HeaderRow&, const HeaderRow&) = default;
};

struct Connection {
  std::string endpoint;  // https://{api-id}.execute-api.{region}.amazonaws.com/prod/DynamoDBManager
  std::string api_key;   // sent as x-api-key when set
  std::vector<HeaderRow> headers;
  friend bool operator==(const Connection&, const Connection&) = default;
};

// A POST of the event as JSON, as API Gateway expects it: Content-Type
// application/json, x-api-key when set, then the custom headers (a custom
// header replaces a default one of the same name; rows without a name are
// skipped).
HttpRequest build_http_request(const JsonValue& event, const Connection& connection);

}  // namespace core
