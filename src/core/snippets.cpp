#include "core/snippets.hpp"

#include <optional>

#include "core/attribute_value.hpp"
#include "core/dynamodb_json.hpp"
#include "core/event_text.hpp"
#include "core/text.hpp"

namespace core {

namespace {

// U+2028 and U+2029 end a line in older JavaScript string literals.
constexpr std::string_view kLineSeparator = "\xE2\x80\xA8";
constexpr std::string_view kParagraphSeparator = "\xE2\x80\xA9";
// A double holds every decimal of up to 15 significant digits exactly.
constexpr std::size_t kDoubleExactDigits = 15;

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// ---- what the Lambda runs

struct DynamoDbCall {
  std::string_view python;  // boto3 Table method
  std::string_view cli;     // aws dynamodb sub-command
  std::string_view js;      // lib-dynamodb command class
};

std::optional<DynamoDbCall> dynamodb_call(Operation operation) {
  switch (operation) {
    case Operation::Create: return DynamoDbCall{"put_item", "put-item", "PutCommand"};
    case Operation::Read: return DynamoDbCall{"get_item", "get-item", "GetCommand"};
    case Operation::Update: return DynamoDbCall{"update_item", "update-item", "UpdateCommand"};
    case Operation::Delete: return DynamoDbCall{"delete_item", "delete-item", "DeleteCommand"};
    case Operation::List: return DynamoDbCall{"scan", "scan", "ScanCommand"};
    case Operation::Echo:
    case Operation::Ping: break;
  }
  return std::nullopt;
}

// Payload members that hold attribute values (directly as a map of them).
bool holds_attribute_map(std::string_view field) {
  return field == "Item" || field == "Key" || field == "ExpressionAttributeValues" || field == "ExclusiveStartKey";
}

// The older parameters whose members hold attribute values under "Value" and "AttributeValueList".
bool holds_legacy_conditions(std::string_view field) {
  return field == "Expected" || field == "ScanFilter" || field == "AttributeUpdates";
}

struct DirectRequest {
  DynamoDbCall call;
  std::string table;
  JsonObject payload;
};

std::optional<DirectRequest> direct_request(const JsonValue& event, std::string& unavailable) {
  const JsonValue* member = event.is_object() ? event.find("operation") : nullptr;
  const std::string name = member && member->is_string() ? member->text : "";
  const std::optional<Operation> operation = operation_named(name);
  const auto call = operation ? dynamodb_call(*operation) : std::nullopt;
  if (!call) {
    unavailable = name.empty() ? "The event has no operation, so it has no DynamoDB equivalent."
                               : "\"" + name + "\" is answered by the Lambda itself: it has no DynamoDB equivalent.";
    return std::nullopt;
  }
  const JsonValue* table = event.find("tableName");
  const JsonValue* payload = event.find("payload");
  if (payload && !payload->is_null() && !payload->is_object()) {
    unavailable = "The payload is not an object, so it is not the arguments of a DynamoDB call.";
    return std::nullopt;
  }
  return DirectRequest{*call, table && table->is_string() ? table->text : std::string(kDefaultTableName),
                       payload && payload->is_object() ? payload->object : JsonObject{}};
}

bool is_integer_text(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string indent_of(int depth) { return std::string(static_cast<std::size_t>(depth) * 4, ' '); }

// ---- Python (boto3)

// A set or binary attribute value (a `$SS`, `$NS`, `$B` or `$BS` marker) in the
// writer's language, through its set_of, number and bytes; nullopt for any other value.
template <typename Writer>
std::optional<std::string> marked_attribute_literal(Writer& writer, const JsonValue& json) {
  const auto members = [&json]() -> const JsonValue& { return json.object.front().second; };
  switch (attribute_type_of(json)) {
    case AttributeType::StringSet:
      return writer.set_of(members(), [](const JsonValue& m) { return js_string(m.text); });
    case AttributeType::NumberSet:
      return writer.set_of(members(), [&writer](const JsonValue& m) { return writer.number(m.text, true); });
    case AttributeType::Binary: return writer.bytes(members());
    case AttributeType::BinarySet:
      return writer.set_of(members(), [&writer](const JsonValue& m) { return writer.bytes(m); });
    default: return std::nullopt;
  }
}

struct PythonWriter {
  bool uses_decimal = false;
  bool uses_b64decode = false;

  std::string number(const std::string& text, bool attribute) {
    if (!attribute && is_integer_text(text)) return text;
    uses_decimal = true;
    return "Decimal(" + js_string(text) + ")";
  }

  std::string bytes(const JsonValue& base64) {
    uses_b64decode = true;
    return "b64decode(" + js_string(base64.text) + ")";
  }

  // A Python set literal of `members` (set() when empty: {} is a dict).
  template <typename Each>
  std::string set_of(const JsonValue& members, Each each) {
    if (members.array.empty()) return "set()";
    std::string out = "{";
    for (std::size_t i = 0; i < members.array.size(); ++i) out += (i ? ", " : "") + each(members.array[i]);
    return out + "}";
  }

  // `attribute`: inside an attribute value (numbers as Decimal, markers as sets and bytes).
  std::string value(const JsonValue& json, bool attribute, int depth) {
    if (attribute) {
      if (auto literal = marked_attribute_literal(*this, json)) return *literal;
    }
    switch (json.kind) {
      case JsonKind::Null: return "None";
      case JsonKind::Bool: return json.boolean ? "True" : "False";
      case JsonKind::Number: return number(json.text, attribute);
      case JsonKind::String: return js_string(json.text);
      case JsonKind::Array: {
        if (json.array.empty()) return "[]";
        std::string out = "[\n";
        for (const JsonValue& item : json.array)
          out += indent_of(depth + 1) + value(item, attribute, depth + 1) + ",\n";
        return out + indent_of(depth) + "]";
      }
      case JsonKind::Object: {
        if (json.object.empty()) return "{}";
        std::string out = "{\n";
        for (const auto& [name, member] : json.object)
          out += indent_of(depth + 1) + js_string(name) + ": " + value(member, attribute, depth + 1) + ",\n";
        return out + indent_of(depth) + "}";
      }
    }
    return "None";
  }

  std::string argument(const std::string& field, const JsonValue& json) {
    if (holds_legacy_conditions(field)) return value(json, true, 1);
    return value(json, holds_attribute_map(field), 1);
  }
};

std::string boto3_snippet(const DirectRequest& request) {
  PythonWriter writer;
  std::string call = "response = table." + std::string(request.call.python) + "(";
  if (request.payload.empty()) {
    call += ")\n";
  } else {
    call += "\n";
    for (const auto& [field, json] : request.payload) {
      // A keyword argument needs an identifier; anything else goes through a dict.
      call += "    " + (is_identifier(field) ? field + "=" : "**{" + js_string(field) + ": ") +
              writer.argument(field, json) + (is_identifier(field) ? ",\n" : "},\n");
    }
    call += ")\n";
  }
  std::string out = "# boto3: the DynamoDB call the Lambda runs for this event.\n";
  if (writer.uses_b64decode) out += "from base64 import b64decode\n";
  if (writer.uses_decimal) out += "from decimal import Decimal\n";
  if (writer.uses_b64decode || writer.uses_decimal) out += "\n";
  out += "import boto3\n\n";
  out += "table = boto3.resource(\"dynamodb\").Table(" + js_string(request.table) + ")\n";
  out += call;
  out += "print(response)\n";
  return out;
}

// ---- JavaScript (SDK v3 document client)

struct JsWriter {
  bool uses_number_value = false;

  std::string number(const std::string& text, bool attribute) {
    const auto decimal = parse_decimal(text);
    if (!attribute || (decimal && decimal->digits.size() <= kDoubleExactDigits)) return text;
    uses_number_value = true;
    return "NumberValue.from(" + js_string(text) + ")";
  }

  static std::string bytes(const JsonValue& base64) {
    return "Buffer.from(" + js_string(base64.text) + ", \"base64\")";
  }

  // An object literal key; "__proto__" written as a key would set the prototype instead.
  static std::string key(const std::string& name) {
    return name == "__proto__" ? "[" + js_string(name) + "]" : js_string(name);
  }

  template <typename Each>
  std::string set_of(const JsonValue& members, Each each) {
    std::string out = "new Set([";
    for (std::size_t i = 0; i < members.array.size(); ++i) out += (i ? ", " : "") + each(members.array[i]);
    return out + "])";
  }

  std::string value(const JsonValue& json, bool attribute, int depth) {
    const std::string pad((static_cast<std::size_t>(depth) + 1) * 2, ' ');
    const std::string close(static_cast<std::size_t>(depth) * 2, ' ');
    if (attribute) {
      if (auto literal = marked_attribute_literal(*this, json)) return *literal;
    }
    switch (json.kind) {
      case JsonKind::Null: return "null";
      case JsonKind::Bool: return json.boolean ? "true" : "false";
      case JsonKind::Number: return number(json.text, attribute);
      case JsonKind::String: return js_string(json.text);
      case JsonKind::Array: {
        if (json.array.empty()) return "[]";
        std::string out = "[\n";
        for (const JsonValue& item : json.array) out += pad + value(item, attribute, depth + 1) + ",\n";
        return out + close + "]";
      }
      case JsonKind::Object: {
        if (json.object.empty()) return "{}";
        std::string out = "{\n";
        for (const auto& [name, member] : json.object)
          out += pad + key(name) + ": " + value(member, attribute, depth + 1) + ",\n";
        return out + close + "}";
      }
    }
    return "null";
  }
};

std::string js_sdk_snippet(const DirectRequest& request) {
  JsWriter writer;
  std::string input = "{\n  TableName: " + js_string(request.table) + ",\n";
  for (const auto& [field, json] : request.payload) {
    const bool attribute = holds_attribute_map(field) || holds_legacy_conditions(field);
    const bool identifier = is_identifier(field) && field != "__proto__";
    input += "  " + (identifier ? field : JsWriter::key(field)) + ": " + writer.value(json, attribute, 1) + ",\n";
  }
  input += "}";
  std::string out = "// AWS SDK for JavaScript v3: the DynamoDB call the Lambda runs for this event.\n";
  out += "import { DynamoDBClient } from \"@aws-sdk/client-dynamodb\";\n";
  out += "import { DynamoDBDocumentClient, " + std::string(writer.uses_number_value ? "NumberValue, " : "") +
         std::string(request.call.js) + " } from \"@aws-sdk/lib-dynamodb\";\n\n";
  out += "// wrapNumbers: numbers come back exact (as NumberValue), not as doubles.\n";
  out += "const client = DynamoDBDocumentClient.from(new DynamoDBClient({}), {\n";
  out += "  unmarshallOptions: { wrapNumbers: true },\n});\n";
  out += "const response = await client.send(new " + std::string(request.call.js) + "(" + input + "));\n";
  out += "console.log(response);\n";
  return out;
}

// ---- AWS CLI

// "ExclusiveStartKey" -> "exclusive-start-key".
std::string cli_option(std::string_view field) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (is_upper(c)) {
      if (i > 0) out += '-';
      out += ascii_lower(c);
    } else {
      out += c;
    }
  }
  return out;
}

// A legacy condition map with its "Value" and "AttributeValueList" typed.
JsonValue typed_conditions(const JsonValue& conditions) {
  if (!conditions.is_object()) return conditions;
  JsonValue out = conditions;
  for (auto& [name, condition] : out.object) {
    if (!condition.is_object()) continue;
    for (auto& [member, content] : condition.object) {
      if (member == "Value") content = to_dynamodb_json(content);
      if (member == "AttributeValueList" && content.is_array()) {
        for (JsonValue& item : content.array) item = to_dynamodb_json(item);
      }
    }
  }
  return out;
}

std::string aws_cli_snippet(const DirectRequest& request) {
  std::string out =
      "aws dynamodb " + std::string(request.call.cli) + " \\\n  --table-name " + shell_quote(request.table);
  for (const auto& [field, json] : request.payload) {
    const std::string name = cli_option(field);
    // Not a parameter's name when it needs quoting; quoted, it stays one word.
    const auto option = [&](std::string_view prefix) {
      const std::string word = "--" + std::string(prefix) + name;
      return word.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos ? word
                                                                                                   : shell_quote(word);
    };
    if (json.is_bool()) {
      out += " \\\n  " + option(json.boolean ? "" : "no-");
      continue;
    }
    std::string argument;
    if (json.is_string()) {
      argument = json.text;
    } else if (json.is_number()) {
      argument = json.text;
    } else if (holds_attribute_map(field)) {
      argument = to_json_text(item_to_dynamodb_json(json));
    } else if (holds_legacy_conditions(field)) {
      argument = to_json_text(typed_conditions(json));
    } else {
      argument = to_json_text(json);
    }
    out += " \\\n  " + option("") + " " + shell_quote(argument);
  }
  return out + "\n";
}

}  // namespace

std::string_view snippet_label(SnippetKind kind) {
  switch (kind) {
    case SnippetKind::Curl: return "curl";
    case SnippetKind::Fetch: return "fetch";
    case SnippetKind::PythonRequests: return "Python requests";
    case SnippetKind::Httpie: return "HTTPie";
    case SnippetKind::AwsCli: return "AWS CLI";
    case SnippetKind::Boto3: return "boto3";
    case SnippetKind::JsSdkV3: return "JS SDK v3";
  }
  return "";
}

std::string_view snippet_name(SnippetKind kind) {
  switch (kind) {
    case SnippetKind::Curl: return "curl";
    case SnippetKind::Fetch: return "fetch";
    case SnippetKind::PythonRequests: return "python-requests";
    case SnippetKind::Httpie: return "httpie";
    case SnippetKind::AwsCli: return "aws-cli";
    case SnippetKind::Boto3: return "boto3";
    case SnippetKind::JsSdkV3: return "js-sdk-v3";
  }
  return "";
}

std::optional<SnippetKind> snippet_kind_named(std::string_view name) {
  for (const SnippetKind kind : kSnippetKinds) {
    if (snippet_name(kind) == name) return kind;
  }
  return std::nullopt;
}

bool snippet_calls_dynamodb(SnippetKind kind) {
  return kind == SnippetKind::AwsCli || kind == SnippetKind::Boto3 || kind == SnippetKind::JsSdkV3;
}

Snippet make_snippet(SnippetKind kind, const JsonValue& event, const Connection& connection) {
  if (!snippet_calls_dynamodb(kind)) {
    const HttpRequest request = build_http_request(event, connection);
    switch (kind) {
      case SnippetKind::Curl: return {curl_command(request), ""};
      case SnippetKind::Fetch: return {fetch_call(request), ""};
      case SnippetKind::PythonRequests: return {python_requests_call(request), ""};
      default: return {httpie_command(request), ""};
    }
  }
  Snippet snippet;
  const auto request = direct_request(event, snippet.unavailable);
  if (!request) return snippet;
  switch (kind) {
    case SnippetKind::AwsCli: snippet.text = aws_cli_snippet(*request); break;
    case SnippetKind::Boto3: snippet.text = boto3_snippet(*request); break;
    default: snippet.text = js_sdk_snippet(*request); break;
  }
  return snippet;
}

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += '\'';
  return out;
}

std::string js_string(std::string_view text) {
  std::string out = json_string_literal(text);
  replace_all(out, kLineSeparator, "\\u2028");
  replace_all(out, kParagraphSeparator, "\\u2029");
  return out;
}

std::string curl_command(const HttpRequest& request) {
  std::string out = "curl -X " + request.method + " " + shell_quote(request.url);
  for (const auto& [name, value] : request.headers) out += " \\\n  -H " + shell_quote(name + ": " + value);
  if (!request.body.empty()) out += " \\\n  --data-raw " + shell_quote(request.body);
  return out;
}

std::string fetch_call(const HttpRequest& request) {
  std::string out = "fetch(" + js_string(request.url) + ", {\n  method: " + js_string(request.method) + ",\n";
  out += "  headers: {";
  for (std::size_t i = 0; i < request.headers.size(); ++i) {
    out += i ? ",\n    " : "\n    ";
    out += js_string(request.headers[i].first) + ": " + js_string(request.headers[i].second);
  }
  out += request.headers.empty() ? "},\n" : "\n  },\n";
  out += "  body: " + js_string(request.body) + "\n})\n";
  out += "  .then((response) => response.text())\n  .then((text) => console.log(text));\n";
  return out;
}

std::string python_requests_call(const HttpRequest& request) {
  std::string out = "import requests\n\n";
  out += "response = requests.request(\n    " + js_string(request.method) + ",\n    " + js_string(request.url) + ",\n";
  out += "    headers={";
  for (const auto& [name, value] : request.headers)
    out += "\n        " + js_string(name) + ": " + js_string(value) + ",";
  out += request.headers.empty() ? "},\n" : "\n    },\n";
  // The body as UTF-8 bytes: requests would encode a str as Latin-1.
  out += "    data=" + js_string(request.body) + ".encode(\"utf-8\"),\n)\n";
  out += "print(response.text)\n";
  return out;
}

std::string httpie_command(const HttpRequest& request) {
  std::string out = "http --raw " + shell_quote(request.body) + " " + request.method + " " + shell_quote(request.url);
  // "Name:value" sets a header; "Name;" sends it empty ("Name:" would remove it).
  for (const auto& [name, value] : request.headers)
    out += " \\\n  " + shell_quote(value.empty() ? name + ";" : name + ":" + value);
  return out + "\n";
}

}  // namespace core
