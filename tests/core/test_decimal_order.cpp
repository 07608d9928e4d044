#include <doctest/doctest.h>

#include "core/attribute_value.hpp"

namespace {

// compare_decimals of two number texts.
int order(std::string_view a, std::string_view b) {
  const auto x = core::parse_decimal(a);
  const auto y = core::parse_decimal(b);
  REQUIRE(x);
  REQUIRE(y);
  return core::compare_decimals(*x, *y);
}

}  // namespace

TEST_CASE("decimals order by exact value beyond what a double can tell apart") {
  CHECK(order("12345678901234567890123456789012345678", "12345678901234567890123456789012345679") == -1);
  CHECK(order("9007199254740993", "9007199254740992") == 1);
  CHECK(order("0.10000000000000000000000000000000000001", "0.1") == 1);
  CHECK(order("9.99E+125", "1E+126") == -1);
  CHECK(order("1E-130", "0") == 1);
}

TEST_CASE("decimals written differently but equal compare equal") {
  CHECK(order("1E+2", "100") == 0);
  CHECK(order("100.000", "1e2") == 0);
  CHECK(order("0.5", "5E-1") == 0);
  CHECK(order("-0", "0") == 0);
  CHECK(order("0.000", "-0E+5") == 0);
  CHECK(order("1200", "1.2E3") == 0);
}

TEST_CASE("negative decimals order below positive ones and by reversed magnitude") {
  CHECK(order("-1", "0") == -1);
  CHECK(order("-2", "-10") == 1);
  CHECK(order("-0.001", "-0.01") == 1);
  CHECK(order("-5", "3") == -1);
}

TEST_CASE("decimals compare by magnitude before digits") {
  CHECK(order("9", "10") == -1);
  CHECK(order("0.09", "0.1") == -1);
  CHECK(order("123.45", "123.5") == -1);
  CHECK(order("2", "1.9999999999999999999999999999999999999") == 1);
  CHECK(order("12", "12.5") == -1);
}

TEST_CASE("huge exponents still order without overflow") {
  CHECK(order("1E+99999999999999999999999", "1E+125") == 1);
  CHECK(order("1E-99999999999999999999999", "1E-130") == -1);
}
