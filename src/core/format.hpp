// Short human labels for quantities the UI shows: byte sizes, durations and
// the time a request was sent. Pure functions, so the wording is tested here.
#pragma once

#include <cstdint>
#include <string>

namespace core {

// "512 B", "1.2 KB", "3.4 MB" (1 KB = 1024 B).
std::string format_bytes(std::uint64_t bytes);

// A duration as a person reads it: "850 ms", "1.2 s", "42 s", "3 min 5 s";
// truncated, so a running clock never shows a second that has not passed.
std::string format_duration(double milliseconds);

// When a request was sent, relative to `now`: "14:03:22" on the same local
// day, "2024-05-01 14:03" otherwise. Times are milliseconds since the Unix
// epoch; `utc_offset_minutes` is the local zone's offset (east positive).
std::string format_sent_time(std::int64_t sent_ms, std::int64_t now_ms, int utc_offset_minutes);

// A count with thousands separators: "7", "1,234", "10,000".
std::string format_count(std::uint64_t count);

// How many rows a table shows: "1,234 of 10,000 rows", or "10,000 rows" when all are shown.
std::string format_row_count(std::uint64_t shown, std::uint64_t total);

}  // namespace core
