#include "core/json_value.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <tuple>

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

JsonValue JsonValue::from_double(double value) {
  if (!std::isfinite(value)) return null();
  if (value == std::trunc(value) && std::fabs(value) < 9.007199254740992e15) {
    return number(std::to_string(static_cast<long long>(value)));
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", value);
  return number(text);
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

// Length of the UTF-8 sequence at `pos` (2-4 bytes), or 0 when it is ill-formed
// (including UTF-16 surrogates and overlong forms).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[pos + k]); };
  const unsigned char c = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;  // no UTF-16 surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(k) < 0x80 || byte(k) > 0xBF) return 0;
  }
  return length;
}

// A strict JSON reader (RFC 8259) written for this value type: numbers keep
// the text they were written with, strings must be valid UTF-8, and every
// error carries the byte offset where reading stopped. It reads a 10 MB
// answer several times faster than building the same tree from a generic
// library's events, which matters in the browser.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}
  // The elements of the top-level object's member `member` go to `on_element` instead of into the tree.
  Reader(std::string_view text, std::string_view member, const std::function<void(JsonValue&&)>& on_element)
      : text_(text), stream_member_(member), on_element_(&on_element) {}

  JsonParseResult read() {
    JsonParseResult result;
    JsonValue value;
    skip_space();
    if (read_value(value, 0)) {
      skip_space();
      if (pos_ == text_.size()) {
        result.value = std::move(value);
        return result;
      }
      fail("unexpected " + describe_here() + " after the JSON value");
    }
    JsonError error;
    error.offset = error_offset_;
    error.message = std::move(error_message_);
    std::tie(error.line, error.column) = line_and_column(text_, error.offset);
    result.error = std::move(error);
    return result;
  }

 private:
  bool fail(std::string message) { return fail_at(pos_, std::move(message)); }
  bool fail_at(std::size_t offset, std::string message) {
    error_offset_ = offset;
    error_message_ = std::move(message);
    return false;
  }

  std::string describe_here() const {
    if (pos_ >= text_.size()) return "end of input";
    const unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c < 0x20 || c >= 0x7f) return "byte 0x" + hex_byte(c);
    return std::string("'") + static_cast<char>(c) + "'";
  }
  static std::string hex_byte(unsigned char c) {
    static const char* const kDigits = "0123456789ABCDEF";
    return {kDigits[c >> 4], kDigits[c & 15]};
  }

  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
      ++pos_;
    }
  }

  bool read_value(JsonValue& out, std::size_t depth) {
    if (pos_ >= text_.size()) return fail("unexpected end of input; expected a value");
    switch (text_[pos_]) {
      case '{': return read_object(out, depth);
      case '[': return read_array(out, depth);
      case '"': out.kind = JsonKind::String; return read_string(out.text);
      case 't': return read_literal("true", out, JsonKind::Bool, true);
      case 'f': return read_literal("false", out, JsonKind::Bool, false);
      case 'n': return read_literal("null", out, JsonKind::Null, false);
      default:
        if (text_[pos_] == '-' || (text_[pos_] >= '0' && text_[pos_] <= '9')) return read_number(out);
        return fail("unexpected " + describe_here() + "; expected a value");
    }
  }

  bool read_literal(std::string_view word, JsonValue& out, JsonKind kind, bool value) {
    if (text_.substr(pos_, word.size()) != word) return fail("unexpected " + describe_here() + "; expected a value");
    pos_ += word.size();
    out.kind = kind;
    out.boolean = value;
    return true;
  }

  bool enter(std::size_t depth) {
    if (depth >= kMaxJsonDepth) return fail("nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
    return true;
  }

  bool read_object(JsonValue& out, std::size_t depth) {
    if (!enter(depth)) return false;
    out.kind = JsonKind::Object;
    ++pos_;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      if (pos_ >= text_.size() || text_[pos_] != '"') {
        return fail("unexpected " + describe_here() + "; expected a member name in double quotes");
      }
      JsonMember& member = out.object.emplace_back(std::string(), JsonValue());
      if (!read_string(member.first)) return false;
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != ':') {
        return fail("unexpected " + describe_here() + "; expected ':' after the member name");
      }
      ++pos_;
      skip_space();
      // Only the first member of that name streams: find() gives the first when a name repeats.
      const bool streamed = depth == 0 && on_element_ && !streamed_once_ && member.first == stream_member_ &&
                            pos_ < text_.size() && text_[pos_] == '[';
      streamed_once_ = streamed_once_ || (depth == 0 && member.first == stream_member_);
      if (!(streamed ? read_array(member.second, depth + 1, true) : read_value(member.second, depth + 1))) return false;
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        skip_space();
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return fail("unexpected " + describe_here() + "; expected ',' or '}' after an object member");
    }
  }

  bool read_array(JsonValue& out, std::size_t depth, bool streamed = false) {
    if (!enter(depth)) return false;
    out.kind = JsonKind::Array;
    ++pos_;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      if (streamed) {
        JsonValue element;
        if (!read_value(element, depth + 1)) return false;
        (*on_element_)(std::move(element));
      } else if (!read_value(out.array.emplace_back(JsonValue()), depth + 1)) {
        return false;
      }
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        skip_space();
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return fail("unexpected " + describe_here() + "; expected ',' or ']' after an array element");
    }
  }

  bool read_digits() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  bool read_number(JsonValue& out) {
    const std::size_t start = pos_;
    if (text_[pos_] == '-') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;
    } else if (!read_digits()) {
      return fail("invalid number: expected a digit after '-'");
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!read_digits()) return fail("invalid number: expected a digit after '.'");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!read_digits()) return fail("invalid number: expected a digit in the exponent");
    }
    if (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      return fail("invalid number: a leading zero must stand alone");
    }
    out.kind = JsonKind::Number;
    out.text.assign(text_.substr(start, pos_ - start));
    return true;
  }

  std::size_t utf8_length() const { return utf8_sequence_length(text_, pos_); }

  bool read_hex4(unsigned& value) {
    if (pos_ + 4 > text_.size()) return fail("invalid \\u escape: expected four hex digits");
    value = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text_[pos_++];
      value <<= 4;
      if (c >= '0' && c <= '9')
        value |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        value |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        value |= static_cast<unsigned>(c - 'A' + 10);
      else
        return fail_at(pos_ - 1, "invalid \\u escape: expected four hex digits");
    }
    return true;
  }

  static void append_utf8(unsigned code, std::string& out) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  bool read_escape(std::string& out) {
    const std::size_t at = pos_;
    ++pos_;  // the backslash
    if (pos_ >= text_.size()) return fail("unexpected end of input inside a string");
    const char c = text_[pos_++];
    switch (c) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default: return fail_at(at, std::string("invalid escape '\\") + c + "' in a string");
    }
    unsigned code = 0;
    if (!read_hex4(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return fail_at(at, "invalid \\u escape: a lone low surrogate");
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (text_.substr(pos_, 2) != "\\u") return fail_at(at, "invalid \\u escape: a high surrogate without its pair");
      pos_ += 2;
      unsigned low = 0;
      if (!read_hex4(low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) return fail_at(at, "invalid \\u escape: a high surrogate without its pair");
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(code, out);
    return true;
  }

  bool read_string(std::string& out) {
    const std::size_t open = pos_;
    ++pos_;  // the opening quote
    while (true) {
      const std::size_t run = pos_;
      while (pos_ < text_.size()) {
        const unsigned char c = static_cast<unsigned char>(text_[pos_]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++pos_;
      }
      out.append(text_.data() + run, pos_ - run);
      if (pos_ >= text_.size()) return fail_at(open, "a string is not closed: missing '\"'");
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        if (!read_escape(out)) return false;
      } else if (c < 0x20) {
        return fail("a control character (" + describe_here() + ") must be escaped inside a string");
      } else {
        const std::size_t length = utf8_length();
        if (length == 0) return fail("invalid UTF-8 (" + describe_here() + ") inside a string");
        out.append(text_.data() + pos_, length);
        pos_ += length;
      }
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t error_offset_ = 0;
  std::string error_message_;
  std::string_view stream_member_;
  const std::function<void(JsonValue&&)>* on_element_ = nullptr;
  bool streamed_once_ = false;
};

// Re-indents JSON text already known to be valid, without building a tree.
class Reindenter {
 public:
  Reindenter(std::string_view text, int indent, std::string_view skip) : text_(text), indent_(indent), skip_(skip) {}

  std::string run() {
    out_.reserve(text_.size() + text_.size() / 2);
    space();
    value(0);
    return std::move(out_);
  }

 private:
  void space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }
  void newline(int level) {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(indent_ * level), ' ');
  }
  // A string token, quotes and escapes as written.
  std::string_view string_token() {
    const std::size_t start = pos_++;
    while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    ++pos_;
    return text_.substr(start, pos_ - start);
  }
  void value(int depth) {
    if (pos_ >= text_.size()) return;
    const char c = text_[pos_];
    if (c == '"') {
      out_ += string_token();
    } else if (c == '{' || c == '[') {
      container(depth, c == '{');
    } else {
      const std::size_t start = pos_;
      while (pos_ < text_.size() && std::string_view(",]} \n\r\t").find(text_[pos_]) == std::string_view::npos) ++pos_;
      out_.append(text_.substr(start, pos_ - start));
    }
  }
  void skip_value() {
    const std::size_t mark = out_.size();
    value(0);
    out_.resize(mark);
  }
  void container(int depth, bool object) {
    const char close = object ? '}' : ']';
    out_ += text_[pos_++];
    space();
    bool first = true;
    while (pos_ < text_.size() && text_[pos_] != close) {
      if (text_[pos_] == ',') {
        ++pos_;
        space();
        continue;
      }
      if (object) {
        const std::string_view name = string_token();
        space();
        ++pos_;  // ':'
        space();
        if (depth == 0 && !skip_.empty() && name.substr(1, name.size() - 2) == skip_) {
          skip_value();
          space();
          continue;
        }
        out_ += first ? "" : ",";
        newline(depth + 1);
        out_ += name;
        out_ += ": ";
      } else {
        out_ += first ? "" : ",";
        newline(depth + 1);
      }
      first = false;
      value(depth + 1);
      space();
    }
    ++pos_;
    if (!first) newline(depth);
    out_ += close;
  }

  std::string_view text_;
  int indent_;
  std::string_view skip_;
  std::size_t pos_ = 0;
  std::string out_;
};

void write_string(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  const auto plain = [](unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; };
  for (std::size_t i = 0; i < s.size();) {
    std::size_t end = i;
    while (end < s.size() && plain(static_cast<unsigned char>(s[end]))) ++end;
    out.append(s.substr(i, end - i));
    if ((i = end) == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8_sequence_length(s, i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD for each byte that is not UTF-8
        ++i;
      } else {
        out.append(s.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    ++i;
  }
  out += '"';
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

JsonParseResult parse_json(std::string_view text) { return Reader(text).read(); }

JsonParseResult parse_json_streaming(std::string_view text, std::string_view member,
                                     const std::function<void(JsonValue&&)>& on_element) {
  return Reader(text, member, on_element).read();
}

std::string reindent_json_text(std::string_view valid_json, int indent, std::string_view skip_member) {
  return Reindenter(valid_json, indent, skip_member).run();
}

std::string to_json_text(const JsonValue& value, int indent) {
  std::string out;
  write(value, indent, 0, out);
  return out;
}

std::string json_string_literal(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  write_string(text, out);
  return out;
}

}  // namespace core
