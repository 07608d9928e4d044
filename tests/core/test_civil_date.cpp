#include <doctest/doctest.h>

#include "core/civil_date.hpp"

namespace {

bool is_date(const core::CivilDate& date, std::int64_t year, unsigned month, unsigned day) {
  return date.year == year && date.month == month && date.day == day;
}

}  // namespace

TEST_CASE("day numbers count from 1970-01-01 in the proleptic Gregorian calendar") {
  CHECK(is_date(core::civil_from_days(0), 1970, 1, 1));
  CHECK(is_date(core::civil_from_days(-1), 1969, 12, 31));
  CHECK(is_date(core::civil_from_days(11016), 2000, 2, 29));  // a leap day of a century divisible by 400
  CHECK(is_date(core::civil_from_days(47541), 2100, 3, 1));   // 2100 has no 29 February
  CHECK(is_date(core::civil_from_days(19723), 2024, 1, 1));
  CHECK(is_date(core::civil_from_days(-719468), 0, 3, 1));  // the algorithm's own day zero
}
