#include <doctest/doctest.h>

#include "core/format.hpp"

using core::format_bytes;
using core::format_duration;
using core::format_sent_time;

TEST_CASE("sizes below a kilobyte are shown in bytes and larger ones with one decimal") {
  CHECK(format_bytes(0) == "0 B");
  CHECK(format_bytes(1023) == "1023 B");
  CHECK(format_bytes(1024) == "1.0 KB");
  CHECK(format_bytes(1536) == "1.5 KB");
  CHECK(format_bytes(10 * 1024 * 1024 + 512 * 1024) == "10.5 MB");
}

TEST_CASE("durations read as milliseconds then seconds then minutes and are never rounded up") {
  CHECK(format_duration(0) == "0 ms");
  CHECK(format_duration(999.9) == "999 ms");
  CHECK(format_duration(1000) == "1.0 s");
  CHECK(format_duration(9999) == "9.9 s");
  CHECK(format_duration(42500) == "42 s");
  CHECK(format_duration(185000) == "3 min 5 s");
  CHECK(format_duration(-5) == "0 ms");
}

TEST_CASE("a request sent today shows its time and an older one its date too") {
  const std::int64_t sent = 1714572202000;  // 2024-05-01 14:03:22 UTC
  CHECK(format_sent_time(sent, sent + 60000, 0) == "14:03:22");
  CHECK(format_sent_time(sent, sent + 86400000, 0) == "2024-05-01 14:03");
}

TEST_CASE("sent times are shown in the local time zone which decides what today is") {
  const std::int64_t sent = 1714602600000;  // 2024-05-01 22:30:00 UTC
  CHECK(format_sent_time(sent, sent, 120) == "00:30:00");
  // Three hours later it is May 2 both in UTC and in UTC+2, where the request was sent on May 2 too.
  CHECK(format_sent_time(sent, sent + 3 * 3600000, 120) == "00:30:00");
  CHECK(format_sent_time(sent, sent + 3 * 3600000, 0) == "2024-05-01 22:30");
  CHECK(format_sent_time(sent, sent + 24 * 3600000, 120) == "2024-05-02 00:30");
  CHECK(format_sent_time(0, 0, -60) == "23:00:00");
}

TEST_CASE("counts are grouped by thousands with commas") {
  CHECK(core::format_count(0) == "0");
  CHECK(core::format_count(999) == "999");
  CHECK(core::format_count(1234) == "1,234");
  CHECK(core::format_count(10000) == "10,000");
  CHECK(core::format_count(1234567) == "1,234,567");
}

TEST_CASE("a row count says how many of all rows are shown, and just the total when all are") {
  CHECK(core::format_row_count(1234, 10000) == "1,234 of 10,000 rows");
  CHECK(core::format_row_count(10000, 10000) == "10,000 rows");
  CHECK(core::format_row_count(1, 1) == "1 row");
  CHECK(core::format_row_count(0, 3) == "0 of 3 rows");
}
