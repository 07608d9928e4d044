#include <doctest/doctest.h>

#include <memory>

#include "core/dates.hpp"
#include "core/result_table.hpp"
#include "fixtures.hpp"

TEST_CASE("names that say an attribute holds a time") {
  for (const char* name :
       {"ttl", "TTL", "expiresAt", "expires_at", "expires", "expiry", "createdAt", "updatedAt", "created_at",
        "deleted-at", "timestamp", "eventTimestamp", "last_login_time", "birthDate", "epoch"}) {
    CAPTURE(name);
    CHECK(core::is_time_name(name));
  }
  for (const char* name : {"id", "n", "count", "cat", "format", "price", "AT", "flat", ""}) {
    CAPTURE(name);
    CHECK_FALSE(core::is_time_name(name));
  }
  CHECK(core::is_ttl_name("ttl"));
  CHECK(core::is_ttl_name("expiresAt"));
  CHECK(core::is_ttl_name("expires_at"));
  CHECK_FALSE(core::is_ttl_name("createdAt"));
}

TEST_CASE("a number reads as epoch seconds or milliseconds by its name or by a plausible range") {
  const auto by_name = core::read_epoch("createdAt", "1700000000");
  REQUIRE(by_name);
  CHECK(by_name->ms == 1700000000000);
  CHECK(by_name->unit == core::EpochUnit::Seconds);
  CHECK(by_name->by_name);
  const auto ms = core::read_epoch("updatedAt", "1700000000123");
  REQUIRE(ms);
  CHECK(ms->unit == core::EpochUnit::Milliseconds);
  CHECK(ms->ms == 1700000000123);
  // Any name, plausible range (2000 to 2100).
  const auto bare = core::read_epoch("n", "1700000000");
  REQUIRE(bare);
  CHECK_FALSE(bare->by_name);
  CHECK(core::read_epoch("n", "1700000000123")->unit == core::EpochUnit::Milliseconds);
  CHECK_FALSE(core::read_epoch("n", "5"));
  CHECK_FALSE(core::read_epoch("n", "900000000"));  // 1998: not plausible without a name
  CHECK(core::read_epoch("ttl", "900000000"));
  // Durations, fractions, negatives, huge numbers: no date.
  CHECK_FALSE(core::read_epoch("expiresIn", "3600"));
  CHECK_FALSE(core::read_epoch("createdAt", "1700000000.5"));
  CHECK(core::read_epoch("createdAt", "1700000000.000"));
  CHECK_FALSE(core::read_epoch("createdAt", "-1700000000"));
  CHECK_FALSE(core::read_epoch("createdAt", "12345678901234567890123456789012345678"));
  CHECK_FALSE(core::read_epoch("createdAt", "1.7E+9"));
  CHECK_FALSE(core::read_epoch("createdAt", "99999999999999999"));
}

TEST_CASE("dates are written in UTC, and in a zone from its offset") {
  CHECK(core::format_date_utc(*core::read_epoch("ttl", "1700000000")) == "2023-11-14 22:13:20 UTC");
  CHECK(core::format_date_utc(*core::read_epoch("ttl", "1700000000123")) == "2023-11-14 22:13:20.123 UTC");
  CHECK(core::format_date_utc({.ms = 951782400000}) == "2000-02-29 00:00:00 UTC");
  CHECK(core::format_date_utc({.ms = 4102444799000}) == "2099-12-31 23:59:59 UTC");
  const core::EpochTime time{.ms = 1700000000000};
  CHECK(core::format_date_local(time, 60) == "2023-11-14 23:13:20 UTC+01:00");
  CHECK(core::format_date_local(time, -330) == "2023-11-14 16:43:20 UTC-05:30");
  CHECK(core::format_date_local(time, 180) == "2023-11-15 01:13:20 UTC+03:00");
  CHECK(core::format_date_local(time, 0) == "2023-11-14 22:13:20 UTC+00:00");
}

TEST_CASE("the columns that hold times: all their numbers read as times") {
  const auto items = std::make_shared<const core::JsonValue>(fixtures::parse(R"([
    {"id": "a", "n": 5, "ttl": 1700000000, "createdAt": 1700000000123, "seen": 1700000000, "mixed": 1700000000},
    {"id": "b", "n": 6, "createdAt": null, "seen": 1800000000, "mixed": "soon"}
  ])"));
  const core::ResultTable table = core::items_table(*items, core::kDefaultKeyNames);
  std::vector<std::string> names;
  for (const std::size_t column : core::time_columns(table)) names.push_back(table.columns()[column].name);
  CHECK(names == std::vector<std::string>{"ttl", "createdAt", "seen"});
}

TEST_CASE("a cell's time is named by its column, or in an attribute table by its attribute") {
  const auto items =
      std::make_shared<const core::JsonValue>(fixtures::parse(R"([{"id": "a", "ttl": 900000000, "n": 5}])"));
  const core::ResultTable list = core::items_table(*items, core::kDefaultKeyNames);
  CHECK(core::cell_epoch(list, 0, 1)->ms == 900000000000);
  CHECK_FALSE(core::cell_epoch(list, 0, 0));  // a string
  CHECK_FALSE(core::cell_epoch(list, 0, 2));
  CHECK_FALSE(core::cell_epoch(list, 1, 1));  // no such row
  const core::ResultTable item =
      core::attribute_table(fixtures::parse(R"({"id": "a", "ttl": 900000000, "n": 900000000})"));
  REQUIRE(item.row_count() == 3);
  CHECK(core::cell_epoch(item, 1, 2)->by_name);  // ttl: by its attribute's name, though the column is "value"
  CHECK_FALSE(core::cell_epoch(item, 2, 2));     // n: 1998 is not plausible without a name
}
