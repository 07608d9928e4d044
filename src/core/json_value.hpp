// JSON values that keep numbers exact: a number is held as the decimal text it
// was written with (DynamoDB numbers have up to 38 significant digits, more
// than a double holds), and object members keep their order. Parsing never
// throws: a bad document gives a JsonError with its line and column.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace core {

enum class JsonKind { Null, Bool, Number, String, Array, Object };

struct JsonValue;
using JsonArray = std::vector<JsonValue>;
using JsonMember = std::pair<std::string, JsonValue>;
using JsonObject = std::vector<JsonMember>;

struct JsonValue {
  JsonKind kind = JsonKind::Null;
  bool boolean = false;
  std::string text;  // a String's content, or a Number's exact decimal text
  JsonArray array;
  JsonObject object;

  static JsonValue null() { return {}; }
  static JsonValue from_bool(bool value);
  static JsonValue number(std::string decimal_text);
  // A measured quantity (a position, a duration): whole numbers print as
  // integers, others with 9 significant digits; NaN and infinity give null.
  static JsonValue from_double(double value);
  static JsonValue string(std::string value);
  static JsonValue make_array(JsonArray items = {});
  static JsonValue make_object(JsonObject members = {});

  bool is_null() const { return kind == JsonKind::Null; }
  bool is_bool() const { return kind == JsonKind::Bool; }
  bool is_number() const { return kind == JsonKind::Number; }
  bool is_string() const { return kind == JsonKind::String; }
  bool is_array() const { return kind == JsonKind::Array; }
  bool is_object() const { return kind == JsonKind::Object; }

  // The member named `key` of an object, or nullptr.
  const JsonValue* find(std::string_view key) const;
  JsonValue* find(std::string_view key);
  // Sets (replacing or appending) the member `key` of an object.
  JsonValue& set(std::string key, JsonValue value);
  bool erase(std::string_view key);

  friend bool operator==(const JsonValue&, const JsonValue&) = default;
};

struct JsonError {
  std::size_t offset = 0;  // bytes from the start
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in bytes
  std::string message;
};

struct JsonParseResult {
  std::optional<JsonValue> value;
  std::optional<JsonError> error;
  explicit operator bool() const { return value.has_value(); }
};

// Nesting deeper than this is refused (DynamoDB allows 32 levels).
inline constexpr std::size_t kMaxJsonDepth = 256;

JsonParseResult parse_json(std::string_view text);

// parse_json, except that the elements of the top-level object's member
// `member` (when it is an array) are handed to `on_element` one by one as they
// are read and not kept: that array stays empty in the result. A list answer
// of any size is then read with one item in memory at a time. Elements before
// an error have been handed over already.
JsonParseResult parse_json_streaming(std::string_view text, std::string_view member,
                                     const std::function<void(JsonValue&&)>& on_element);

// Text that parse_json accepts, indented like to_json_text(value, indent)
// (strings and numbers exactly as written), without building a tree; the
// top-level object's member `skip_member`, when named, is left out.
std::string reindent_json_text(std::string_view valid_json, int indent, std::string_view skip_member = {});

// Compact when indent < 0, otherwise pretty with `indent` spaces per level.
// Invalid UTF-8 in strings is replaced, so the output is always valid JSON.
std::string to_json_text(const JsonValue& value, int indent = -1);

// `text` as a JSON string literal, quotes included: '"' and '\\' and control
// characters escaped, other UTF-8 kept, each byte of invalid UTF-8 as U+FFFD.
std::string json_string_literal(std::string_view text);

// Line and column (1-based) of a byte offset in `text`.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

}  // namespace core
