#include "core/attribute_value.hpp"

#include <algorithm>
#include <unordered_set>

#include "core/text.hpp"

namespace core {

namespace {

constexpr std::string_view kStringSetMarker = "$SS";
constexpr std::string_view kNumberSetMarker = "$NS";
constexpr std::string_view kBinaryMarker = "$B";
constexpr std::string_view kBinarySetMarker = "$BS";
constexpr std::string_view kBase64Rule =
    "Binary values must be standard base64 text (A–Z, a–z, 0–9, +, /, padded with = to a multiple of 4 characters).";

// Exponents beyond this are far outside DynamoDB's range; saturating keeps
// the arithmetic in range for any input.
constexpr std::int64_t kExponentSaturation = 1'000'000'000'000'000;

// The parts of a number as typed: [sign] int [. frac] [e|E [sign] exp].
struct NumberSpelling {
  char sign = 0;  // 0, '+' or '-'
  std::string_view integer;
  std::string_view fraction;
  bool has_point = false;
  std::string_view exponent;  // from the `e` on, as typed; empty when none
  std::int64_t exponent_value = 0;
};

std::optional<NumberSpelling> spell_number(std::string_view text) {
  NumberSpelling s;
  std::size_t i = 0;
  const auto digits_from = [&](std::size_t start) {
    std::size_t end = start;
    while (end < text.size() && is_digit(text[end])) ++end;
    return end;
  };
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) s.sign = text[i++];
  std::size_t end = digits_from(i);
  s.integer = text.substr(i, end - i);
  i = end;
  if (i < text.size() && text[i] == '.') {
    s.has_point = true;
    end = digits_from(++i);
    s.fraction = text.substr(i, end - i);
    i = end;
  }
  if (s.integer.empty() && s.fraction.empty()) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    const std::size_t exponent_start = i++;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    end = digits_from(i);
    if (end == i) return std::nullopt;
    for (std::size_t k = i; k < end; ++k) {
      s.exponent_value = std::min(kExponentSaturation, s.exponent_value * 10 + (text[k] - '0'));
    }
    if (negative) s.exponent_value = -s.exponent_value;
    s.exponent = text.substr(exponent_start, end - exponent_start);
    i = end;
  }
  if (i != text.size()) return std::nullopt;
  return s;
}

// The start of a long text for a message, cut between UTF-8 characters.
std::string abbreviated(std::string_view text) {
  constexpr std::size_t kShown = 40;
  if (text.size() <= kShown) return std::string(text);
  return std::string(text.substr(0, utf8_cut(text, kShown))) + "…";
}

bool is_base64_char(char c) { return is_letter_or_digit(c) || c == '+' || c == '/'; }

std::string join_path(std::string_view field, std::string_view name) {
  std::string path(field);
  if (!path.empty()) path += '.';
  path += name;
  return path;
}

std::string index_path(std::string_view field, std::size_t index) {
  return std::string(field) + "[" + std::to_string(index) + "]";
}

Diagnostic error_at(std::string field, std::string message) {
  return {.field = std::move(field), .severity = Severity::Error, .message = std::move(message)};
}

// The marker name and element type of a set or binary type.
std::string_view marker_of(AttributeType type) {
  switch (type) {
    case AttributeType::StringSet: return kStringSetMarker;
    case AttributeType::NumberSet: return kNumberSetMarker;
    case AttributeType::Binary: return kBinaryMarker;
    case AttributeType::BinarySet: return kBinarySetMarker;
    default: return {};
  }
}

bool all_of_kind(const JsonArray& items, JsonKind kind) {
  return std::all_of(items.begin(), items.end(), [&](const JsonValue& v) { return v.kind == kind; });
}

std::vector<std::string> texts_of(const JsonArray& items) {
  std::vector<std::string> texts;
  texts.reserve(items.size());
  for (const auto& item : items) texts.push_back(item.text);
  return texts;
}

// The set or binary type a marker member stands for, if it has the marker's shape.
std::optional<AttributeType> marked_type(std::string_view name, const JsonValue& value) {
  if (name == kBinaryMarker) {
    if (value.is_string()) return AttributeType::Binary;
    return std::nullopt;
  }
  if (!value.is_array()) return std::nullopt;
  if (name == kStringSetMarker && all_of_kind(value.array, JsonKind::String)) return AttributeType::StringSet;
  if (name == kNumberSetMarker && all_of_kind(value.array, JsonKind::Number)) return AttributeType::NumberSet;
  if (name == kBinarySetMarker && all_of_kind(value.array, JsonKind::String)) return AttributeType::BinarySet;
  return std::nullopt;
}

// The set or binary value a marker object stands for, if it has the marker's shape.
std::optional<AttributeValue> read_marker(std::string_view name, const JsonValue& value) {
  const auto type = marked_type(name, value);
  if (!type) return std::nullopt;
  if (*type == AttributeType::Binary) return AttributeValue::binary(value.text);
  return AttributeValue::set(*type, texts_of(value.array));
}

bool is_marker(std::string_view name) {
  return name == kStringSetMarker || name == kNumberSetMarker || name == kBinaryMarker || name == kBinarySetMarker;
}

// The Lambda reads any member with a marker's name as a set or binary marker,
// so a map cannot hold one.
std::string marker_member_message(const std::string& name) {
  return "A map member can't be named " + name + ": the Lambda reads " + name +
         " as a set or binary marker. Rename the member.";
}

AttributeValue read(const JsonValue& json) {
  switch (json.kind) {
    case JsonKind::Null: return AttributeValue::null();
    case JsonKind::Bool: return AttributeValue::from_bool(json.boolean);
    case JsonKind::Number: return AttributeValue::number(json.text);
    case JsonKind::String: return AttributeValue::string(json.text);
    case JsonKind::Array: {
      auto list = AttributeValue::list();
      list.items.reserve(json.array.size());
      for (const auto& item : json.array) list.items.push_back(read(item));
      return list;
    }
    case JsonKind::Object: break;
  }
  if (json.object.size() == 1) {
    if (auto marked = read_marker(json.object.front().first, json.object.front().second)) return std::move(*marked);
  }
  auto map = AttributeValue::map();
  map.members.reserve(json.object.size());
  for (const auto& [name, member] : json.object) map.members.emplace_back(name, read(member));
  return map;
}

JsonValue number_json(const std::string& text, const std::string& field, Diagnostics& diagnostics) {
  if (auto json_text = number_to_json_text(text)) return JsonValue::number(std::move(*json_text));
  diagnostics.push_back(error_at(field, "“" + abbreviated(text) +
                                            "” is not a number; write digits with an optional sign, decimal point "
                                            "and exponent, like 42, -1.5 or 6.02E+23."));
  return JsonValue::string(text);
}

JsonValue marker_json(AttributeType type, JsonValue inner) {
  return JsonValue::make_object({{std::string(marker_of(type)), std::move(inner)}});
}

JsonValue write(const AttributeValue& value, const std::string& field, Diagnostics& diagnostics) {
  switch (value.type) {
    case AttributeType::String: return JsonValue::string(value.text);
    case AttributeType::Number: return number_json(value.text, field, diagnostics);
    case AttributeType::Bool: return JsonValue::from_bool(value.boolean);
    case AttributeType::Null: return JsonValue::null();
    case AttributeType::Binary: return marker_json(value.type, JsonValue::string(value.text));
    case AttributeType::List: {
      JsonArray items;
      items.reserve(value.items.size());
      for (std::size_t i = 0; i < value.items.size(); ++i)
        items.push_back(write(value.items[i], index_path(field, i), diagnostics));
      return JsonValue::make_array(std::move(items));
    }
    case AttributeType::Map: {
      JsonObject members;
      members.reserve(value.members.size());
      for (const auto& [name, member] : value.members)
        members.emplace_back(name, write(member, join_path(field, name), diagnostics));
      JsonValue map = JsonValue::make_object(std::move(members));
      if (map.object.size() == 1 && read_marker(map.object.front().first, map.object.front().second)) {
        const std::string& name = map.object.front().first;
        diagnostics.push_back(error_at(join_path(field, name), marker_member_message(name)));
      }
      return map;
    }
    case AttributeType::StringSet:
    case AttributeType::BinarySet: {
      JsonArray elements;
      for (const auto& element : value.elements) elements.push_back(JsonValue::string(element));
      return marker_json(value.type, JsonValue::make_array(std::move(elements)));
    }
    case AttributeType::NumberSet: {
      JsonArray elements;
      for (std::size_t i = 0; i < value.elements.size(); ++i)
        elements.push_back(number_json(value.elements[i], index_path(field, i), diagnostics));
      return marker_json(value.type, JsonValue::make_array(std::move(elements)));
    }
  }
  return JsonValue::null();
}

// Identity of a set member as DynamoDB compares them: numbers by value
// (1 and 1.0 are the same member), everything else by text.
std::string member_key(AttributeType set_type, const std::string& element) {
  if (set_type != AttributeType::NumberSet) return element;
  const auto decimal = parse_decimal(element);
  if (!decimal) return "?" + element;
  if (decimal->is_zero()) return "0";
  return (decimal->negative ? "-" : "") + decimal->digits + "e" + std::to_string(decimal->exponent);
}

std::optional<std::size_t> first_duplicate(AttributeType set_type, const std::vector<std::string>& elements) {
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (!seen.insert(member_key(set_type, elements[i])).second) return i;
  }
  return std::nullopt;
}

void check_set(const AttributeValue& value, const std::string& field, Diagnostics& out) {
  if (value.elements.empty()) {
    out.push_back(error_at(field, "An empty set can't be stored: DynamoDB sets need at least one member."));
    return;
  }
  for (std::size_t i = 0; i < value.elements.size(); ++i) {
    const std::string& element = value.elements[i];
    if (value.type == AttributeType::NumberSet) {
      if (auto problem = number_problem(element)) out.push_back(error_at(index_path(field, i), *problem));
    } else if (value.type == AttributeType::BinarySet && !is_base64(element)) {
      out.push_back(error_at(index_path(field, i), std::string(kBase64Rule)));
    }
  }
  if (const auto duplicate = first_duplicate(value.type, value.elements)) {
    out.push_back(error_at(index_path(field, *duplicate), "“" + abbreviated(value.elements[*duplicate]) +
                                                              "” is already in this set; DynamoDB refuses sets with "
                                                              "duplicate members."));
  }
}

void check(const AttributeValue& value, const std::string& field, std::size_t depth, Diagnostics& out);

void check_container(const AttributeValue& value, const std::string& field, std::size_t depth, Diagnostics& out) {
  if (depth + 1 > kMaxAttributeDepth) {
    out.push_back(error_at(
        field, "Lists and maps nest at most " + std::to_string(kMaxAttributeDepth) + " levels deep in DynamoDB."));
    return;
  }
  for (std::size_t i = 0; i < value.items.size(); ++i) check(value.items[i], index_path(field, i), depth + 1, out);
  std::unordered_set<std::string_view> names;
  for (const auto& [name, member] : value.members) {
    if (is_marker(name)) out.push_back(error_at(join_path(field, name), marker_member_message(name)));
    if (!names.insert(name).second) {
      out.push_back(
          error_at(join_path(field, name),
                   "“" + abbreviated(name) + "” appears twice in this map; only the last one would be kept."));
    }
    check(member, join_path(field, name), depth + 1, out);
  }
}

void check(const AttributeValue& value, const std::string& field, std::size_t depth, Diagnostics& out) {
  switch (value.type) {
    case AttributeType::Number:
      if (auto problem = number_problem(value.text)) out.push_back(error_at(field, *problem));
      return;
    case AttributeType::Binary:
      if (!is_base64(value.text)) out.push_back(error_at(field, std::string(kBase64Rule)));
      return;
    case AttributeType::StringSet:
    case AttributeType::NumberSet:
    case AttributeType::BinarySet: check_set(value, field, out); return;
    case AttributeType::List:
    case AttributeType::Map: check_container(value, field, depth, out); return;
    case AttributeType::String:
    case AttributeType::Bool:
    case AttributeType::Null: return;
  }
}

std::size_t number_size(std::string_view text) {
  const auto decimal = parse_decimal(text);
  const std::size_t digits = decimal ? decimal->digits.size() : text.size();
  return (digits + 1) / 2 + 1;
}

std::size_t scalar_size(AttributeType type, std::string_view text) {
  switch (type) {
    case AttributeType::Number:
    case AttributeType::NumberSet: return number_size(text);
    case AttributeType::Binary:
    case AttributeType::BinarySet: return is_base64(text) ? base64_decoded_size(text) : text.size();
    default: return text.size();
  }
}

bool has_text(AttributeType type) {
  return type == AttributeType::String || type == AttributeType::Number || type == AttributeType::Binary;
}

bool is_set(AttributeType type) {
  return type == AttributeType::StringSet || type == AttributeType::NumberSet || type == AttributeType::BinarySet;
}

// The scalar type of a set's members.
AttributeType element_type(AttributeType set_type) {
  switch (set_type) {
    case AttributeType::NumberSet: return AttributeType::Number;
    case AttributeType::BinarySet: return AttributeType::Binary;
    default: return AttributeType::String;
  }
}

std::string scalar_text(const AttributeValue& value) {
  if (has_text(value.type)) return value.text;
  if (value.type == AttributeType::Bool) return value.boolean ? "true" : "false";
  return {};
}

}  // namespace

std::string_view type_label(AttributeType type) {
  switch (type) {
    case AttributeType::String: return "String";
    case AttributeType::Number: return "Number";
    case AttributeType::Bool: return "Boolean";
    case AttributeType::Null: return "Null";
    case AttributeType::List: return "List";
    case AttributeType::Map: return "Map";
    case AttributeType::StringSet: return "String set";
    case AttributeType::NumberSet: return "Number set";
    case AttributeType::Binary: return "Binary";
    case AttributeType::BinarySet: return "Binary set";
  }
  return "String";
}

std::string_view type_code(AttributeType type) {
  switch (type) {
    case AttributeType::String: return "S";
    case AttributeType::Number: return "N";
    case AttributeType::Bool: return "BOOL";
    case AttributeType::Null: return "NULL";
    case AttributeType::List: return "L";
    case AttributeType::Map: return "M";
    case AttributeType::StringSet: return "SS";
    case AttributeType::NumberSet: return "NS";
    case AttributeType::Binary: return "B";
    case AttributeType::BinarySet: return "BS";
  }
  return "S";
}

AttributeValue AttributeValue::string(std::string value) {
  AttributeValue v;
  v.text = std::move(value);
  return v;
}

AttributeValue AttributeValue::number(std::string text) {
  AttributeValue v;
  v.type = AttributeType::Number;
  v.text = std::move(text);
  return v;
}

AttributeValue AttributeValue::from_bool(bool value) {
  AttributeValue v;
  v.type = AttributeType::Bool;
  v.boolean = value;
  return v;
}

AttributeValue AttributeValue::null() {
  AttributeValue v;
  v.type = AttributeType::Null;
  return v;
}

AttributeValue AttributeValue::list(std::vector<AttributeValue> items) {
  AttributeValue v;
  v.type = AttributeType::List;
  v.items = std::move(items);
  return v;
}

AttributeValue AttributeValue::map(std::vector<AttributeMember> members) {
  AttributeValue v;
  v.type = AttributeType::Map;
  v.members = std::move(members);
  return v;
}

AttributeValue AttributeValue::set(AttributeType type, std::vector<std::string> elements) {
  AttributeValue v;
  v.type = type;
  v.elements = std::move(elements);
  return v;
}

AttributeValue AttributeValue::binary(std::string base64) {
  AttributeValue v;
  v.type = AttributeType::Binary;
  v.text = std::move(base64);
  return v;
}

std::optional<Decimal> parse_decimal(std::string_view text) {
  const auto spelling = spell_number(trim(text));
  if (!spelling) return std::nullopt;
  std::string all_digits(spelling->integer);
  all_digits += spelling->fraction;
  const auto first = all_digits.find_first_not_of('0');
  if (first == std::string::npos) return Decimal{};
  const auto last = all_digits.find_last_not_of('0');
  Decimal d;
  d.negative = spelling->sign == '-';
  d.digits = all_digits.substr(first, last - first + 1);
  d.exponent = static_cast<std::int64_t>(spelling->integer.size()) - 1 - static_cast<std::int64_t>(first) +
               spelling->exponent_value;
  return d;
}

int compare_decimals(const Decimal& a, const Decimal& b) {
  const auto sign = [](const Decimal& d) { return d.is_zero() ? 0 : (d.negative ? -1 : 1); };
  if (sign(a) != sign(b)) return sign(a) < sign(b) ? -1 : 1;
  if (sign(a) == 0) return 0;
  // Digits carry no leading or trailing zeros: at the same exponent, text order is value order.
  const int magnitude = a.exponent != b.exponent ? (a.exponent < b.exponent ? -1 : 1) : a.digits.compare(b.digits);
  const int order = magnitude < 0 ? -1 : (magnitude > 0 ? 1 : 0);
  return a.negative ? -order : order;
}

std::optional<std::string> number_to_json_text(std::string_view typed) {
  const auto spelling = spell_number(trim(typed));
  if (!spelling) return std::nullopt;
  std::string out;
  if (spelling->sign == '-') out += '-';
  const auto significant = spelling->integer.find_first_not_of('0');
  out += significant == std::string_view::npos ? std::string_view("0") : spelling->integer.substr(significant);
  if (!spelling->fraction.empty()) {
    out += '.';
    out += spelling->fraction;
  }
  out += spelling->exponent;
  return out;
}

std::optional<std::string> number_problem(std::string_view text) {
  const auto decimal = parse_decimal(text);
  const std::string shown = "“" + abbreviated(trim(text)) + "”";
  if (!decimal) {
    return shown +
           " is not a number; DynamoDB numbers are finite decimals like 42, -1.5 or 6.02E+23 (no NaN or "
           "Infinity).";
  }
  if (decimal->is_zero()) return std::nullopt;
  if (decimal->digits.size() > kMaxNumberDigits) {
    return shown + " has " + std::to_string(decimal->digits.size()) + " significant digits; DynamoDB keeps at most 38.";
  }
  if (decimal->exponent > kMaxNumberExponent) {
    return shown + " is too large; DynamoDB numbers go up to 9.9999999999999999999999999999999999999E+125.";
  }
  if (decimal->exponent < kMinNumberExponent) {
    return shown + " is too close to zero; the smallest magnitude DynamoDB keeps is 1E-130.";
  }
  return std::nullopt;
}

bool is_base64(std::string_view text) {
  if (text.size() % 4 != 0) return false;
  std::size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
  const auto body = text.substr(0, text.size() - padding);
  return std::all_of(body.begin(), body.end(), is_base64_char);
}

std::size_t base64_decoded_size(std::string_view text) {
  std::size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') ++padding;
  return text.size() / 4 * 3 - padding;
}

AttributeType attribute_type_of(const JsonValue& json) {
  switch (json.kind) {
    case JsonKind::Null: return AttributeType::Null;
    case JsonKind::Bool: return AttributeType::Bool;
    case JsonKind::Number: return AttributeType::Number;
    case JsonKind::String: return AttributeType::String;
    case JsonKind::Array: return AttributeType::List;
    case JsonKind::Object: break;
  }
  if (json.object.size() == 1) {
    if (auto marked = marked_type(json.object.front().first, json.object.front().second)) return *marked;
  }
  return AttributeType::Map;
}

AttributeValue attribute_from_json(const JsonValue& json) { return read(json); }

AttributeWriting attribute_to_json(const AttributeValue& value, std::string_view field) {
  AttributeWriting out;
  out.json = write(value, std::string(field), out.diagnostics);
  return out;
}

Diagnostics check_attribute(const AttributeValue& value, std::string_view field) {
  Diagnostics out;
  check(value, std::string(field), 0, out);
  return out;
}

std::size_t attribute_size(const AttributeValue& value) {
  constexpr std::size_t kContainerOverhead = 3;
  constexpr std::size_t kElementOverhead = 1;
  switch (value.type) {
    case AttributeType::String:
    case AttributeType::Number:
    case AttributeType::Binary: return scalar_size(value.type, value.text);
    case AttributeType::Bool:
    case AttributeType::Null: return 1;
    case AttributeType::StringSet:
    case AttributeType::NumberSet:
    case AttributeType::BinarySet: {
      std::size_t size = 0;
      for (const auto& element : value.elements) size += scalar_size(value.type, element);
      return size;
    }
    case AttributeType::List: {
      std::size_t size = kContainerOverhead;
      for (const auto& item : value.items) size += kElementOverhead + attribute_size(item);
      return size;
    }
    case AttributeType::Map: {
      std::size_t size = kContainerOverhead;
      for (const auto& [name, member] : value.members) size += kElementOverhead + name.size() + attribute_size(member);
      return size;
    }
  }
  return 0;
}

AttributeValue convert_attribute(const AttributeValue& value, AttributeType type) {
  if (value.type == type) return value;
  AttributeValue out;
  out.type = type;
  if (has_text(type)) {
    out.text = scalar_text(value);
  } else if (type == AttributeType::Bool) {
    out.boolean = scalar_text(value) == "true";
  } else if (type == AttributeType::List) {
    if (is_set(value.type)) {
      for (const auto& element : value.elements) {
        AttributeValue item;
        item.type = element_type(value.type);
        item.text = element;
        out.items.push_back(std::move(item));
      }
    } else if (value.type == AttributeType::Map) {
      for (const auto& member : value.members) out.items.push_back(member.second);
    } else if (value.type != AttributeType::Null) {
      out.items.push_back(value);
    }
  } else if (is_set(type)) {
    if (is_set(value.type)) {
      out.elements = value.elements;
    } else if (value.type == AttributeType::List) {
      for (const auto& item : value.items) {
        if (has_text(item.type) || item.type == AttributeType::Bool) out.elements.push_back(scalar_text(item));
      }
    } else if (const auto text = scalar_text(value); !text.empty()) {
      out.elements.push_back(text);
    }
  }
  return out;
}

}  // namespace core
