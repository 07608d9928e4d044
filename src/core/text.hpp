// Small text helpers with one meaning across the core: what whitespace is,
// ASCII character classes and case folding, trimming, and quoting a value in
// a message or a spreadsheet field.
//
// Whitespace is exactly space, \t, \n, \r, \f and \v (C's isspace in the "C"
// locale). Case folding and the character classes are ASCII only and never
// depend on a locale: bytes outside A-Z and a-z (including every byte of
// UTF-8's multi-byte sequences) are left as they are. Case-insensitive by
// definition or by choice: HTTP header names, URL schemes and hosts,
// DynamoDB's keywords and reserved words, the table filter.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace core {

constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_letter(char c) { return is_upper(c) || is_lower(c); }
constexpr bool is_letter_or_digit(char c) { return is_letter(c) || is_digit(c); }
// A letter, digit or underscore: what names in expressions and code are made of.
constexpr bool is_word_char(char c) { return is_letter_or_digit(c) || c == '_'; }

// 0-15 for a hexadecimal digit in either case, else -1.
constexpr int hex_digit_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr char ascii_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char ascii_upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

// Word characters, not starting with a digit: a bare name in a DynamoDB
// expression, a Python keyword argument.
bool is_identifier(std::string_view text);

// The text without whitespace at either end.
std::string_view trim(std::string_view text);

std::string lower(std::string_view text);
std::string upper(std::string_view text);
bool equals_ignoring_case(std::string_view a, std::string_view b);
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix);

// ---- UTF-8 ----
// Decodes the UTF-8 sequence at `text[i]` and advances `i` past it. A byte
// that starts no sequence, or a truncated one, gives nullopt having advanced
// `i` by one byte (a reader resynchronizes); a whole sequence of a forbidden
// value (overlong, a surrogate, beyond U+10FFFF) gives nullopt past it.
std::optional<char32_t> decode_utf8(std::string_view text, std::size_t& i);

// The largest length <= max_bytes that ends between UTF-8 characters: where a
// text may be cut without splitting one.
std::size_t utf8_cut(std::string_view text, std::size_t max_bytes);

// A value inside a message: “text”, in typographic quotes so that any quote
// it holds needs no escaping. Nothing inside is changed.
std::string quoted(std::string_view text);

// A spreadsheet's quoted field: "text", each " inside doubled (RFC 4180; also
// how spreadsheets read a pasted tab-separated field).
std::string spreadsheet_quoted(std::string_view text);

}  // namespace core
