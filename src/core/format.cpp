#include "core/format.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include "core/civil_date.hpp"

namespace core {
namespace {

long long floor_div(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

std::string one_decimal(double value, const char* unit) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.1f %s", value, unit);
  return buffer.data();
}

}  // namespace

std::string format_bytes(std::uint64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  const double kb = static_cast<double>(bytes) / 1024.0;
  if (kb < 1024) return one_decimal(kb, "KB");
  return one_decimal(kb / 1024.0, "MB");
}

std::string format_duration(double milliseconds) {
  if (!(milliseconds >= 0)) milliseconds = 0;
  if (milliseconds < 1000) return std::to_string(static_cast<long long>(milliseconds)) + " ms";
  const double seconds = milliseconds / 1000.0;
  if (seconds < 10) return one_decimal(std::floor(seconds * 10) / 10, "s");
  const long long whole = static_cast<long long>(std::floor(seconds));
  if (whole < 60) return std::to_string(whole) + " s";
  return std::to_string(whole / 60) + " min " + std::to_string(whole % 60) + " s";
}

std::string format_sent_time(std::int64_t sent_ms, std::int64_t now_ms, int utc_offset_minutes) {
  constexpr long long kMsPerDay = 86400000;
  const long long offset_ms = static_cast<long long>(utc_offset_minutes) * 60000;
  const long long local_sent = sent_ms + offset_ms;
  const long long sent_day = floor_div(local_sent, kMsPerDay);
  const long long now_day = floor_div(now_ms + offset_ms, kMsPerDay);
  const long long ms_of_day = local_sent - sent_day * kMsPerDay;
  const long long hours = ms_of_day / 3600000;
  const long long minutes = ms_of_day / 60000 % 60;
  const long long seconds = ms_of_day / 1000 % 60;
  std::array<char, 48> buffer{};
  if (sent_day == now_day) {
    std::snprintf(buffer.data(), buffer.size(), "%02lld:%02lld:%02lld", hours, minutes, seconds);
  } else {
    const CivilDate date = civil_from_days(sent_day);
    std::snprintf(buffer.data(), buffer.size(), "%04lld-%02u-%02u %02lld:%02lld", static_cast<long long>(date.year),
                  date.month, date.day, hours, minutes);
  }
  return buffer.data();
}

std::string format_count(std::uint64_t count) {
  std::string digits = std::to_string(count);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, 1, ',');
  return digits;
}

std::string format_row_count(std::uint64_t shown, std::uint64_t total) {
  const std::string unit = total == 1 ? " row" : " rows";
  if (shown == total) return format_count(total) + unit;
  return format_count(shown) + " of " + format_count(total) + unit;
}

}  // namespace core
