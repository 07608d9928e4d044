#include "core/json_value.hpp"

#include <algorithm>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace core {

JsonValue JsonValue::from_bool(bool value) {
  JsonValue v;
  v.kind = JsonKind::Bool;
  v.boolean = value;
  return v;
}

JsonValue JsonValue::number(std::string decimal_text) {
  JsonValue v;
  v.kind = JsonKind::Number;
  v.text = std::move(decimal_text);
  return v;
}

JsonValue JsonValue::string(std::string value) {
  JsonValue v;
  v.kind = JsonKind::String;
  v.text = std::move(value);
  return v;
}

JsonValue JsonValue::make_array(JsonArray items) {
  JsonValue v;
  v.kind = JsonKind::Array;
  v.array = std::move(items);
  return v;
}

JsonValue JsonValue::make_object(JsonObject members) {
  JsonValue v;
  v.kind = JsonKind::Object;
  v.object = std::move(members);
  return v;
}

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const auto& [name, value] : object) {
    if (name == key) return &value;
  }
  return nullptr;
}

JsonValue* JsonValue::find(std::string_view key) {
  return const_cast<JsonValue*>(static_cast<const JsonValue&>(*this).find(key));
}

JsonValue& JsonValue::set(std::string key, JsonValue value) {
  if (JsonValue* existing = find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  object.emplace_back(std::move(key), std::move(value));
  return object.back().second;
}

bool JsonValue::erase(std::string_view key) {
  const auto it = std::find_if(object.begin(), object.end(), [&](const JsonMember& m) { return m.first == key; });
  if (it == object.end()) return false;
  object.erase(it);
  return true;
}

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

namespace {

// Builds a JsonValue from nlohmann's SAX events; number_float carries the
// number's original text, which is what we keep.
class Builder : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return add(JsonValue::null()); }
  bool boolean(bool value) override { return add(JsonValue::from_bool(value)); }
  bool number_integer(number_integer_t value) override { return add(JsonValue::number(std::to_string(value))); }
  bool number_unsigned(number_unsigned_t value) override { return add(JsonValue::number(std::to_string(value))); }
  bool number_float(number_float_t, const string_t& text) override { return add(JsonValue::number(text)); }
  bool string(string_t& value) override { return add(JsonValue::string(std::move(value))); }
  bool binary(binary_t&) override { return false; }

  bool start_object(std::size_t) override { return open(JsonValue::make_object()); }
  bool key(string_t& name) override {
    keys_.push_back(std::move(name));
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(JsonValue::make_array()); }
  bool end_array() override { return close(); }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    error_offset_ = position == 0 ? 0 : position - 1;
    error_message_ = ex.what();
    return false;
  }

  std::optional<JsonValue> result;
  std::optional<std::size_t> error_offset_;
  std::string error_message_;
  bool too_deep_ = false;

 private:
  bool add(JsonValue value) {
    if (stack_.empty()) {
      result = std::move(value);
      return true;
    }
    JsonValue& parent = stack_.back();
    if (parent.is_array()) {
      parent.array.push_back(std::move(value));
    } else {
      parent.object.emplace_back(std::move(keys_.back()), std::move(value));
      keys_.pop_back();
    }
    return true;
  }
  bool open(JsonValue container) {
    if (stack_.size() >= kMaxJsonDepth) {
      too_deep_ = true;
      return false;
    }
    stack_.push_back(std::move(container));
    return true;
  }
  bool close() {
    JsonValue done = std::move(stack_.back());
    stack_.pop_back();
    return add(std::move(done));
  }

  std::vector<JsonValue> stack_;
  std::vector<std::string> keys_;
};

// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error
// while parsing value - unexpected end of input; expected ..." -> the part after
// the position, which is what a person needs.
std::string readable_parse_message(const std::string& what) {
  std::string message = what;
  if (message.rfind("[json.exception.", 0) == 0) {
    if (const auto bracket = message.find("] "); bracket != std::string::npos) message = message.substr(bracket + 2);
  }
  if (message.rfind("number overflow parsing ", 0) == 0) {
    return "number " + message.substr(24) + " is too large (DynamoDB allows up to 9.99E+125)";
  }
  if (const auto colon = message.find(": "); colon != std::string::npos) message = message.substr(colon + 2);
  if (message.rfind("syntax error while parsing ", 0) == 0) {
    const auto dash = message.find(" - ");
    if (dash != std::string::npos) message = message.substr(dash + 3);
  }
  return message;
}

void write_string(const std::string& s, std::string& out) {
  out += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write(const JsonValue& v, int indent, int depth, std::string& out) {
  const auto newline = [&](int level) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<std::size_t>(indent * level), ' ');
  };
  switch (v.kind) {
    case JsonKind::Null: out += "null"; break;
    case JsonKind::Bool: out += v.boolean ? "true" : "false"; break;
    case JsonKind::Number: out += v.text; break;
    case JsonKind::String: write_string(v.text, out); break;
    case JsonKind::Array:
      out += '[';
      for (std::size_t i = 0; i < v.array.size(); ++i) {
        if (i) out += ',';
        newline(depth + 1);
        write(v.array[i], indent, depth + 1, out);
      }
      if (!v.array.empty()) newline(depth);
      out += ']';
      break;
    case JsonKind::Object:
      out += '{';
      for (std::size_t i = 0; i < v.object.size(); ++i) {
        if (i) out += ',';
        newline(depth + 1);
        write_string(v.object[i].first, out);
        out += indent < 0 ? ":" : ": ";
        write(v.object[i].second, indent, depth + 1, out);
      }
      if (!v.object.empty()) newline(depth);
      out += '}';
      break;
  }
}

}  // namespace

JsonParseResult parse_json(std::string_view text) {
  Builder builder;
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const std::exception& ex) {  // defensive: the SAX path reports errors through parse_error
    builder.error_offset_ = 0;
    builder.error_message_ = ex.what();
  }
  JsonParseResult result;
  if (ok && builder.result) {
    result.value = std::move(builder.result);
    return result;
  }
  JsonError error;
  error.offset = builder.error_offset_.value_or(0);
  error.message = builder.too_deep_ ? "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep"
                                    : readable_parse_message(builder.error_message_);
  if (error.message.empty()) error.message = "not valid JSON";
  std::tie(error.line, error.column) = line_and_column(text, error.offset);
  result.error = std::move(error);
  return result;
}

std::string to_json_text(const JsonValue& value, int indent) {
  std::string out;
  write(value, indent, 0, out);
  return out;
}

}  // namespace core
