// Calendar dates from day numbers (days since 1970-01-01), proleptic
// Gregorian, so that a label never depends on the C library's time zone.
#pragma once

#include <cstdint>

namespace core {

struct CivilDate {
  std::int64_t year = 1970;
  unsigned month = 1;  // 1-12
  unsigned day = 1;    // 1-31
};

// Howard Hinnant's algorithm: exact for any day a std::int64_t of milliseconds reaches.
CivilDate civil_from_days(std::int64_t days);

}  // namespace core
