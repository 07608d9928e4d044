// Numbers that are times: an attribute holding epoch seconds or milliseconds
// (a TTL, createdAt, a timestamp) shows its date. A number reads as a time
// when its attribute is named like one (ttl, expires…, created/updated…At,
// …timestamp, …_time) and it is a whole number of seconds or milliseconds
// from 1973 to 3000 (smaller numbers are durations), or, whatever its name, when it is a whole number in the
// plausible range 2000–2100 in seconds or in milliseconds.
//
// The UTC text is made here; local time needs the browser's zone rules, so the
// platform says the zone's offset at that instant and format_date_local uses it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result_table.hpp"

namespace core {

enum class EpochUnit { Seconds, Milliseconds };

struct EpochTime {
  std::int64_t ms = 0;  // milliseconds since 1970-01-01T00:00:00Z
  EpochUnit unit = EpochUnit::Seconds;
  bool by_name = false;  // recognised by the attribute's name, not only by its range
};

// Whether an attribute's name says it holds a time.
bool is_time_name(std::string_view name);

// Whether an attribute is (taken to be) the table's TTL attribute. The
// Lambda's API cannot ask DynamoDB (DescribeTimeToLive), so by name:
// "ttl" or "expiresAt" in any case, with or without an underscore.
bool is_ttl_name(std::string_view name);

// The time a number holds, or nullopt (see the top of this file).
std::optional<EpochTime> read_epoch(std::string_view attribute_name, std::string_view number_text);

// "2023-11-14 22:13:20 UTC" (with ".123" when the unit is milliseconds).
std::string format_date_utc(const EpochTime& time);
// The same in a zone `utc_offset_minutes` east of UTC: "2023-11-14 23:13:20 UTC+01:00".
std::string format_date_local(const EpochTime& time, int utc_offset_minutes);

// The time a table's cell holds, named by its column, or in an attribute
// table (attribute / type / value) by its row's attribute; nullopt for
// anything that is not a number read as a time.
std::optional<EpochTime> cell_epoch(const ResultTable& table, std::size_t row, std::size_t column);

// The columns of a table that hold times: a column whose present numbers all
// read as times (by its name, or each in the plausible range), looking at
// most at `sample_rows` rows (all by default). Read through the table's public functions.
std::vector<std::size_t> time_columns(const ResultTable& table,
                                      std::size_t sample_rows = std::numeric_limits<std::size_t>::max());

}  // namespace core
