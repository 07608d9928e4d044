#include "core/builtin_presets.hpp"

#include <array>
#include <string_view>

namespace core {
namespace {

struct BuiltinEvent {
  std::string_view name;
  std::string_view event;
};

constexpr std::array kBuiltinEvents = {
    BuiltinEvent{
        "Seed: create 2377ab",
        R"({"operation": "create", "tableName": "lambda-apigateway", "payload": {"Item": {"id": "2377ab", "number": 4}}})"},
    BuiltinEvent{"Seed: read 127748AB",
                 R"({"operation": "read", "tableName": "lambda-apigateway", "payload": {"Key": {"id": "127748AB"}}})"},
    BuiltinEvent{
        "Seed: update attributeName",
        R"({"operation": "update", "tableName": "lambda-apigateway", "payload": {"Key": {"id": "127748AB"}, "UpdateExpression": "SET attributeName = :newValue", "ExpressionAttributeValues": {":newValue": "674899B"}}})"},
    BuiltinEvent{
        "Seed: update FirstName",
        R"({"operation": "update", "tableName": "lambda-apigateway", "payload": {"Key": {"id": "127748AB"}, "UpdateExpression": "SET FirstName = :newValue", "ExpressionAttributeValues": {":newValue": "Sarvesh"}}})"},
    BuiltinEvent{
        "Seed: update LastName",
        R"({"operation": "update", "tableName": "lambda-apigateway", "payload": {"Key": {"id": "127748AB"}, "UpdateExpression": "SET LastName = :newValue", "ExpressionAttributeValues": {":newValue": "Kaushik"}}})"},
    BuiltinEvent{
        "Seed: delete 127748AD",
        R"({"operation": "delete", "tableName": "lambda-apigateway", "payload": {"Key": {"id": "127748AD"}}})"},
};

}  // namespace

std::vector<Preset> builtin_presets(std::string_view table_name) {
  std::vector<Preset> presets;
  for (const auto& builtin : kBuiltinEvents) {
    // The texts are fixed and valid: a parse failure would be caught by the tests.
    if (auto parsed = parse_json(builtin.event)) {
      if (table_name != kDefaultTableName) parsed.value->set("tableName", JsonValue::string(std::string(table_name)));
      presets.push_back({.name = std::string(builtin.name), .event = std::move(*parsed.value)});
    }
  }
  return presets;
}

}  // namespace core
