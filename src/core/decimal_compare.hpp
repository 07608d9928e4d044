// Exact comparison of decimal numbers written as text (JSON number syntax:
// "-12.5", "1E+2", "0.000"), without converting to double: DynamoDB numbers
// have up to 38 significant digits and exponents up to 125, which a double
// cannot order correctly.
//
// A DecimalKey is a parsed view into its text: the text must outlive it.
// Sorting parses each number once into a key and compares keys.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace core {

class DecimalKey {
 public:
  // Nullopt when `text` is not a JSON number.
  static std::optional<DecimalKey> parse(std::string_view text);

  // -1, 0 or 1 as a is less than, equal to or greater than b by value
  // ("1E+2" equals "100", "-0" equals "0").
  friend int compare(const DecimalKey& a, const DecimalKey& b);

 private:
  int sign() const { return zero_ ? 0 : (negative_ ? -1 : 1); }
  // The significant digits, in at most two runs (integer part, fraction part).
  std::string_view first_run() const;
  std::string_view second_run() const { return integer_.empty() ? std::string_view() : fraction_; }

  bool negative_ = false;
  bool zero_ = true;
  // Power of ten just above the first significant digit: 1 <= x < 10 has magnitude 1.
  std::int64_t magnitude_ = 0;
  std::string_view integer_;                // integer-part digits without leading zeros
  std::string_view fraction_;               // fraction-part digits without trailing zeros
  std::size_t leading_fraction_zeros_ = 0;  // zeros before the first digit when integer_ is empty
};

// compare() of the two texts parsed; nullopt when either is not a JSON number.
std::optional<int> compare_decimal(std::string_view a, std::string_view b);

}  // namespace core
