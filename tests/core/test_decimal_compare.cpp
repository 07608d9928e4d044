#include <doctest/doctest.h>

#include "core/decimal_compare.hpp"

using core::compare_decimal;

TEST_CASE("decimals order by exact value beyond what a double can tell apart") {
  CHECK(compare_decimal("12345678901234567890123456789012345678", "12345678901234567890123456789012345679") == -1);
  CHECK(compare_decimal("9007199254740993", "9007199254740992") == 1);
  CHECK(compare_decimal("0.10000000000000000000000000000000000001", "0.1") == 1);
  CHECK(compare_decimal("9.99E+125", "1E+126") == -1);
  CHECK(compare_decimal("1E-130", "0") == 1);
}

TEST_CASE("decimals written differently but equal compare equal") {
  CHECK(compare_decimal("1E+2", "100") == 0);
  CHECK(compare_decimal("100.000", "1e2") == 0);
  CHECK(compare_decimal("0.5", "5E-1") == 0);
  CHECK(compare_decimal("-0", "0") == 0);
  CHECK(compare_decimal("0.000", "-0E+5") == 0);
  CHECK(compare_decimal("1200", "1.2E3") == 0);
}

TEST_CASE("negative decimals order below positive ones and by reversed magnitude") {
  CHECK(compare_decimal("-1", "0") == -1);
  CHECK(compare_decimal("-2", "-10") == 1);
  CHECK(compare_decimal("-0.001", "-0.01") == 1);
  CHECK(compare_decimal("-5", "3") == -1);
}

TEST_CASE("decimals compare by magnitude before digits") {
  CHECK(compare_decimal("9", "10") == -1);
  CHECK(compare_decimal("0.09", "0.1") == -1);
  CHECK(compare_decimal("123.45", "123.5") == -1);
  CHECK(compare_decimal("2", "1.9999999999999999999999999999999999999") == 1);
}

TEST_CASE("huge exponents still order without overflow") {
  CHECK(compare_decimal("1E+99999999999999999999999", "1E+125") == 1);
  CHECK(compare_decimal("1E-99999999999999999999999", "1E-130") == -1);
}

TEST_CASE("text that is not a JSON number does not compare") {
  for (const char* bad : {"", "-", "abc", "1.", ".5", "01", "1e", "1e+", "+1", "1 ", "0x10", "NaN"}) {
    CAPTURE(bad);
    CHECK_FALSE(compare_decimal(bad, "1").has_value());
  }
}
