#include "core/decimal_compare.hpp"

#include <algorithm>

namespace core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Exponents far beyond any real number are clamped; they still order correctly
// against any number with fewer than ~10^15 digits.
constexpr std::int64_t kExponentLimit = 1'000'000'000'000'000LL;

// Consumes digits from `text` at `i`; returns them.
std::string_view take_digits(std::string_view text, std::size_t& i) {
  const std::size_t start = i;
  while (i < text.size() && is_digit(text[i])) ++i;
  return text.substr(start, i - start);
}

}  // namespace

std::optional<DecimalKey> DecimalKey::parse(std::string_view text) {
  DecimalKey key;
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') {
    key.negative_ = true;
    ++i;
  }
  std::string_view integer = take_digits(text, i);
  if (integer.empty() || (integer.size() > 1 && integer[0] == '0')) return std::nullopt;  // JSON: no leading zeros
  std::string_view fraction;
  if (i < text.size() && text[i] == '.') {
    ++i;
    fraction = take_digits(text, i);
    if (fraction.empty()) return std::nullopt;
  }
  std::int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    const bool exponent_negative = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const std::string_view digits = take_digits(text, i);
    if (digits.empty()) return std::nullopt;
    for (char c : digits) exponent = std::min(kExponentLimit, exponent * 10 + (c - '0'));
    if (exponent_negative) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;

  while (!integer.empty() && integer.front() == '0') integer.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  if (fraction.empty()) {
    while (!integer.empty() && integer.back() == '0') {  // 1200 is 12 x 10^2
      integer.remove_suffix(1);
      ++exponent;
    }
  }
  key.integer_ = integer;
  key.fraction_ = fraction;
  if (!integer.empty()) {
    key.zero_ = false;
    key.magnitude_ = exponent + static_cast<std::int64_t>(integer.size());
    return key;
  }
  const std::size_t zeros = std::min(fraction.find_first_not_of('0'), fraction.size());
  if (zeros == fraction.size()) return key;  // zero, whatever its sign
  key.zero_ = false;
  key.leading_fraction_zeros_ = zeros;
  key.magnitude_ = exponent - static_cast<std::int64_t>(zeros);
  return key;
}

std::string_view DecimalKey::first_run() const {
  return integer_.empty() ? fraction_.substr(leading_fraction_zeros_) : integer_;
}

namespace {

// Two digit sequences of the same magnitude, each given as two runs, compared
// run by run with memcmp. Neither ends in a zero, so when one is a prefix of
// the other, the longer one is greater.
int compare_digits(std::string_view a1, std::string_view a2, std::string_view b1, std::string_view b2) {
  while (true) {
    if (a1.empty()) std::swap(a1, a2);
    if (b1.empty()) std::swap(b1, b2);
    if (a1.empty() || b1.empty()) return a1.empty() == b1.empty() ? 0 : (a1.empty() ? -1 : 1);
    const std::size_t n = std::min(a1.size(), b1.size());
    if (const int order = a1.substr(0, n).compare(b1.substr(0, n)); order != 0) return order < 0 ? -1 : 1;
    a1.remove_prefix(n);
    b1.remove_prefix(n);
  }
}

}  // namespace

int compare(const DecimalKey& a, const DecimalKey& b) {
  if (a.sign() != b.sign()) return a.sign() < b.sign() ? -1 : 1;
  if (a.sign() == 0) return 0;
  const int by_size = a.magnitude_ != b.magnitude_
                          ? (a.magnitude_ < b.magnitude_ ? -1 : 1)
                          : compare_digits(a.first_run(), a.second_run(), b.first_run(), b.second_run());
  return a.negative_ ? -by_size : by_size;
}

std::optional<int> compare_decimal(std::string_view a, std::string_view b) {
  const auto x = DecimalKey::parse(a);
  const auto y = DecimalKey::parse(b);
  if (!x || !y) return std::nullopt;
  return compare(*x, *y);
}

}  // namespace core
