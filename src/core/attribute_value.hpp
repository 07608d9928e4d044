// Typed DynamoDB attribute values as a tree a form can edit, and their
// conversion to and from the plain JSON the Lambda passes to boto3's resource
// API (strings, numbers, booleans, null, lists, maps).
//
// Numbers are decimal text, never a double: `12345678901234567890123456789012345678`
// and `0.1` reach the wire exactly as typed.
//
// Plain JSON has no sets and no binary, so they travel as single-member marker
// objects (the wire form the Lambda reads and writes too):
//   {"$SS": ["a", "b"]}      string set
//   {"$NS": [1, 2.5]}        number set (JSON numbers, kept exact)
//   {"$B": "<base64>"}       binary
//   {"$BS": ["<base64>"]}    binary set
// A map whose only member is one of these names with a value of that shape is
// therefore always read as the marked type, and the Lambda refuses any other
// map with a member of these names.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/json_value.hpp"

namespace core {

enum class AttributeType : std::uint8_t {
  String,
  Number,
  Bool,
  Null,
  List,
  Map,
  StringSet,
  NumberSet,
  Binary,
  BinarySet
};

inline constexpr std::array kAttributeTypes = {
    AttributeType::String, AttributeType::Number,   AttributeType::Bool,      AttributeType::Null,
    AttributeType::List,   AttributeType::Map,      AttributeType::StringSet, AttributeType::NumberSet,
    AttributeType::Binary, AttributeType::BinarySet};

// "String", "Number", ... for menus.
std::string_view type_label(AttributeType type);
// DynamoDB's type code: "S", "N", "BOOL", "NULL", "L", "M", "SS", "NS", "B", "BS".
std::string_view type_code(AttributeType type);

struct AttributeValue;
using AttributeMember = std::pair<std::string, AttributeValue>;

struct AttributeValue {
  AttributeType type = AttributeType::String;
  std::string text;                      // String content, Number text, Binary base64
  bool boolean = false;                  // Bool
  std::vector<AttributeValue> items;     // List elements
  std::vector<AttributeMember> members;  // Map members, in order
  std::vector<std::string> elements;     // set members: strings, number texts or base64 texts

  static AttributeValue string(std::string value);
  static AttributeValue number(std::string text);
  static AttributeValue from_bool(bool value);
  static AttributeValue null();
  static AttributeValue list(std::vector<AttributeValue> items = {});
  static AttributeValue map(std::vector<AttributeMember> members = {});
  static AttributeValue set(AttributeType type, std::vector<std::string> elements);
  static AttributeValue binary(std::string base64);

  friend bool operator==(const AttributeValue&, const AttributeValue&) = default;
};

// A decimal number split into what DynamoDB's rules look at.
// value = ±0.d1d2d3... × 10^(exponent + 1), i.e. `exponent` is the power of ten
// of the first significant digit (scientific notation).
struct Decimal {
  bool negative = false;
  std::string digits;         // significant digits without leading or trailing zeros; empty for zero
  std::int64_t exponent = 0;  // meaningless for zero
  bool is_zero() const { return digits.empty(); }
  friend bool operator==(const Decimal&, const Decimal&) = default;
};

inline constexpr std::size_t kMaxNumberDigits = 38;
inline constexpr std::int64_t kMaxNumberExponent = 125;   // 9.99…E+125
inline constexpr std::int64_t kMinNumberExponent = -130;  // 1E-130
inline constexpr std::size_t kMaxAttributeDepth = 32;     // nested lists and maps

// Reads a number as a person types it: surrounding spaces, a leading `+`,
// `.5`, `5.`, leading zeros and `e`/`E` exponents are accepted. nullopt when
// the text is not a finite decimal number (NaN and Infinity are not).
std::optional<Decimal> parse_decimal(std::string_view text);

// -1, 0 or 1 as a is less than, equal to or greater than b by value, exactly
// (as DynamoDB orders numbers, whatever their digits or exponents).
int compare_decimals(const Decimal& a, const Decimal& b);

// The typed number as JSON number text. Text that is already a JSON number is
// returned unchanged (exactness); otherwise only the spelling is repaired
// (`+5` -> `5`, `.5` -> `0.5`, `007` -> `7`). nullopt when not a number.
std::optional<std::string> number_to_json_text(std::string_view typed);

// Why DynamoDB would refuse this number (too many digits, out of range, not a
// number), or nullopt when it stores it.
std::optional<std::string> number_problem(std::string_view text);

// Standard base64 with padding, as boto3 and the Lambda expect.
bool is_base64(std::string_view text);
// Bytes encoded by valid base64 text.
std::size_t base64_decoded_size(std::string_view text);

// Reads any JSON value: every value has a tree, and writing the tree back
// gives the same JSON. (An object with a marker's name but not its shape, such
// as {"$NS": ["1"]}, stays a map; check_attribute says why it can't be sent.)
AttributeValue attribute_from_json(const JsonValue& json);

// The type attribute_from_json gives a value, without building the tree (for
// reading large answers): the JSON kind, or the marked set or binary type.
AttributeType attribute_type_of(const JsonValue& json);

struct AttributeWriting {
  JsonValue json;
  // What can't be written as it is: number text that is not a number (written
  // as a string), a map that would read back as a set or binary value.
  Diagnostics diagnostics;
};
// `field` names the value in diagnostics ("payload.Item.tags").
AttributeWriting attribute_to_json(const AttributeValue& value, std::string_view field);

// DynamoDB's and the Lambda's rules for one value: numbers in range, sets
// non-empty and without duplicates, binary as base64, nesting within
// kMaxAttributeDepth, no map member named like a marker.
Diagnostics check_attribute(const AttributeValue& value, std::string_view field);

// Bytes DynamoDB counts for the value (without its attribute name): strings
// by UTF-8 length, numbers 1 byte per two significant digits + 1, binary by
// decoded length, null and booleans 1, lists and maps 3 + 1 per element.
std::size_t attribute_size(const AttributeValue& value);

// The value retyped for a form's type menu, keeping what carries over: text
// between String, Number and Binary, "true"/"false" to Bool, elements between
// lists and sets. What cannot carry over starts empty.
AttributeValue convert_attribute(const AttributeValue& value, AttributeType type);

}  // namespace core
