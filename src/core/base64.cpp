#include "core/base64.hpp"

#include <cstdint>

namespace core {
namespace {

constexpr std::string_view kUrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::optional<int> url_digit_value(char c) {
  if (c == '+' || c == '/') return std::nullopt;
  return base64_digit_value(c);
}

}  // namespace

std::optional<int> base64_digit_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return std::nullopt;
}

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group = static_cast<std::uint8_t>(bytes[i]) << 16 |
                                static_cast<std::uint8_t>(bytes[i + 1]) << 8 | static_cast<std::uint8_t>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kUrlAlphabet[(group >> shift) & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 0) return out;
  std::uint32_t group = static_cast<std::uint8_t>(bytes[i]) << 16;
  if (rest == 2) group |= static_cast<std::uint8_t>(bytes[i + 1]) << 8;
  out += kUrlAlphabet[(group >> 18) & 63];
  out += kUrlAlphabet[(group >> 12) & 63];
  if (rest == 2) out += kUrlAlphabet[(group >> 6) & 63];
  return out;
}

Base64Decoded base64url_decode(std::string_view text) {
  Base64Decoded result;
  std::size_t length = text.size();
  while (length > 0 && text[length - 1] == '=') --length;
  if (text.size() - length > 2) {
    result.error = Base64Error{length, "too much '=' padding"};
    return result;
  }
  if (length % 4 == 1) {
    result.error = Base64Error{length, "the text is cut off (its length cannot be base64)"};
    return result;
  }
  std::string bytes;
  bytes.reserve(length / 4 * 3 + 2);
  std::uint32_t bits = 0;
  int bit_count = 0;
  for (std::size_t i = 0; i < length; ++i) {
    const auto value = url_digit_value(text[i]);
    if (!value) {
      result.error = Base64Error{i, "a character that base64url does not use"};
      return result;
    }
    bits = (bits << 6) | static_cast<std::uint32_t>(*value);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      bytes += static_cast<char>((bits >> bit_count) & 0xFF);
    }
  }
  result.bytes = std::move(bytes);
  return result;
}

}  // namespace core
