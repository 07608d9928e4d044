// Base64 (RFC 4648): the URL-safe alphabet for share links, and the value of a
// single digit in either alphabet (DynamoDB binary values use the standard one).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace core {

// URL-safe alphabet ('-', '_'), no padding: the text can sit in a URL as is.
std::string base64url_encode(std::string_view bytes);

struct Base64Error {
  std::size_t offset = 0;  // the first character that could not be decoded
  std::string message;
};

struct Base64Decoded {
  std::optional<std::string> bytes;
  std::optional<Base64Error> error;
};

// Accepts the URL-safe alphabet, with or without '=' padding.
Base64Decoded base64url_decode(std::string_view text);

// 0..63 for a digit of either alphabet ("+/" or "-_"), nullopt otherwise.
std::optional<int> base64_digit_value(char c);

}  // namespace core
