// DynamoDB JSON: the typed form DynamoDB's own API, the AWS CLI and the
// console's "DynamoDB JSON" view use ({"S": "x"}, {"N": "5"}, {"SS": [...]},
// {"M": {...}}, ...), to and from the project's plain JSON with its set and
// binary markers ({"$SS": [...]}, {"$NS": [...]}, {"$B": "..."}, {"$BS": [...]};
// see attribute_value.hpp). Numbers stay their exact text both ways.
#pragma once

#include <optional>
#include <string>

#include "core/json_value.hpp"

namespace core {

// One value, plain -> typed: a string {"S"}, a number {"N": "<exact text>"},
// a boolean {"BOOL"}, null {"NULL": true}, an array {"L"}, an object {"M"},
// the markers {"SS"}, {"NS": ["<text>", ...]}, {"B"}, {"BS"}.
JsonValue to_dynamodb_json(const JsonValue& plain);

// An item (an object of attributes), each member typed; anything that is not
// an object is typed as a single value.
JsonValue item_to_dynamodb_json(const JsonValue& plain_item);

struct DynamoDbJsonRead {
  std::optional<JsonValue> plain;
  std::string error;  // where and why the typed value is not DynamoDB JSON
};

// One typed value back to plain JSON with markers; an error names the path
// ("tags.M.rank: N holds a string of digits").
DynamoDbJsonRead from_dynamodb_json(const JsonValue& typed);
// An item of typed attributes back to a plain object.
DynamoDbJsonRead item_from_dynamodb_json(const JsonValue& typed_item);

// An answer body as the JSON tab shows it in DynamoDB JSON: the items in
// Items, Item, Attributes and LastEvaluatedKey typed, every other member
// (Count, ResponseMetadata, an echo's values) as it was.
JsonValue answer_to_dynamodb_json(const JsonValue& body);

}  // namespace core
