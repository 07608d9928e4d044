#include "core/dynamodb_json.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "core/attribute_value.hpp"

namespace core {
namespace {

JsonValue typed(std::string_view code, JsonValue content) {
  return JsonValue::make_object({{std::string(code), std::move(content)}});
}

// Set members as DynamoDB JSON writes them: strings (number sets too).
JsonValue member_texts(const JsonValue& members) {
  JsonArray texts;
  texts.reserve(members.array.size());
  for (const JsonValue& member : members.array) texts.push_back(JsonValue::string(member.text));
  return JsonValue::make_array(std::move(texts));
}

struct Reader {
  std::string error;

  std::optional<JsonValue> fail(const std::string& path, const std::string& why) {
    if (error.empty()) error = (path.empty() ? std::string("the value") : path) + ": " + why;
    return std::nullopt;
  }

  std::optional<JsonValue> strings_array(const JsonValue& content, const std::string& path, bool numbers,
                                         std::string_view marker) {
    if (!content.is_array()) return fail(path, "a set holds an array");
    JsonArray members;
    for (std::size_t i = 0; i < content.array.size(); ++i) {
      const JsonValue& member = content.array[i];
      const std::string at = path + "[" + std::to_string(i) + "]";
      if (!member.is_string()) return fail(at, "a set member is written as a string");
      if (numbers) {
        auto number = number_to_json_text(member.text);
        if (!number || member.text.find_first_of(" \t\n") != std::string::npos)
          return fail(at, "\"" + member.text + "\" is not a number");
        members.push_back(JsonValue::number(*number));
      } else {
        members.push_back(member);
      }
    }
    return typed(marker, JsonValue::make_array(std::move(members)));
  }

  std::optional<JsonValue> read(const JsonValue& value, const std::string& path) {
    if (!value.is_object() || value.object.size() != 1)
      return fail(path, "a typed value is an object with one member: its type (S, N, BOOL, NULL, L, M, SS, NS, B, BS)");
    const auto& [code, content] = value.object.front();
    const std::string at = path.empty() ? code : path + "." + code;
    if (code == "S") {
      if (!content.is_string()) return fail(at, "S holds a string");
      return content;
    }
    if (code == "N") {
      if (!content.is_string()) return fail(at, "N holds the number as a string");
      auto number = number_to_json_text(content.text);
      if (!number || content.text.find_first_of(" \t\n") != std::string::npos)
        return fail(at, "\"" + content.text + "\" is not a number");
      return JsonValue::number(*number);
    }
    if (code == "BOOL") {
      if (!content.is_bool()) return fail(at, "BOOL holds true or false");
      return content;
    }
    if (code == "NULL") {
      if (!content.is_bool() || !content.boolean) return fail(at, "NULL holds true");
      return JsonValue::null();
    }
    if (code == "B") {
      if (!content.is_string()) return fail(at, "B holds base64 text");
      return typed("$B", content);
    }
    if (code == "SS") return strings_array(content, at, false, "$SS");
    if (code == "NS") return strings_array(content, at, true, "$NS");
    if (code == "BS") return strings_array(content, at, false, "$BS");
    if (code == "L") {
      if (!content.is_array()) return fail(at, "L holds an array");
      JsonArray items;
      for (std::size_t i = 0; i < content.array.size(); ++i) {
        auto item = read(content.array[i], at + "[" + std::to_string(i) + "]");
        if (!item) return std::nullopt;
        items.push_back(std::move(*item));
      }
      return JsonValue::make_array(std::move(items));
    }
    if (code == "M") {
      if (!content.is_object()) return fail(at, "M holds an object");
      return members(content, at);
    }
    return fail(path, "\"" + code + "\" is not a DynamoDB type (S, N, BOOL, NULL, L, M, SS, NS, B, BS)");
  }

  std::optional<JsonValue> members(const JsonValue& object, const std::string& path) {
    JsonObject out;
    for (const auto& [name, member] : object.object) {
      auto plain = read(member, path.empty() ? name : path + "." + name);
      if (!plain) return std::nullopt;
      out.emplace_back(name, std::move(*plain));
    }
    return JsonValue::make_object(std::move(out));
  }
};

}  // namespace

JsonValue to_dynamodb_json(const JsonValue& plain) {
  switch (attribute_type_of(plain)) {
    case AttributeType::String: return typed("S", plain);
    case AttributeType::Number: return typed("N", JsonValue::string(plain.text));
    case AttributeType::Bool: return typed("BOOL", plain);
    case AttributeType::Null: return typed("NULL", JsonValue::from_bool(true));
    case AttributeType::List: {
      JsonArray items;
      items.reserve(plain.array.size());
      for (const JsonValue& item : plain.array) items.push_back(to_dynamodb_json(item));
      return typed("L", JsonValue::make_array(std::move(items)));
    }
    case AttributeType::Map: return typed("M", item_to_dynamodb_json(plain));
    case AttributeType::StringSet: return typed("SS", plain.object.front().second);
    case AttributeType::NumberSet: return typed("NS", member_texts(plain.object.front().second));
    case AttributeType::Binary: return typed("B", plain.object.front().second);
    case AttributeType::BinarySet: return typed("BS", plain.object.front().second);
  }
  return plain;
}

JsonValue item_to_dynamodb_json(const JsonValue& plain_item) {
  if (!plain_item.is_object()) return to_dynamodb_json(plain_item);
  JsonObject members;
  members.reserve(plain_item.object.size());
  for (const auto& [name, value] : plain_item.object) members.emplace_back(name, to_dynamodb_json(value));
  return JsonValue::make_object(std::move(members));
}

DynamoDbJsonRead from_dynamodb_json(const JsonValue& typed_value) {
  Reader reader;
  auto plain = reader.read(typed_value, "");
  return {std::move(plain), std::move(reader.error)};
}

DynamoDbJsonRead item_from_dynamodb_json(const JsonValue& typed_item) {
  if (!typed_item.is_object()) return {std::nullopt, "an item is an object of typed attributes"};
  Reader reader;
  auto plain = reader.members(typed_item, "");
  return {std::move(plain), std::move(reader.error)};
}

JsonValue answer_to_dynamodb_json(const JsonValue& body) {
  if (!body.is_object()) return body;
  constexpr std::array kItemMembers = {"Item", "Attributes", "LastEvaluatedKey"};
  JsonValue out = body;
  for (auto& [name, value] : out.object) {
    if (name == "Items" && value.is_array()) {
      for (JsonValue& item : value.array) item = item_to_dynamodb_json(item);
    } else if (value.is_object()) {
      for (const char* member : kItemMembers) {
        if (name == member) value = item_to_dynamodb_json(value);
      }
    }
  }
  return out;
}

}  // namespace core
