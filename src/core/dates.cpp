#include "core/dates.hpp"

#include <array>
#include <charconv>
#include <cstdio>

#include "core/civil_date.hpp"
#include "core/text.hpp"

namespace core {
namespace {

constexpr std::int64_t kMsPerSecond = 1000;
constexpr std::int64_t kSecondsPerDay = 86400;
// 2000-01-01 and 2100-01-01 in seconds: the range a bare number must fall in.
constexpr std::int64_t kPlausibleFrom = 946684800;
constexpr std::int64_t kPlausibleTo = 4102444800;
// 1973-03-03 to 3000-01-01: the times a named attribute may hold (smaller
// numbers are durations, such as expiresIn: 3600).
constexpr std::int64_t kNamedFrom = 100000000;
constexpr std::int64_t kNamedTo = 32503680000;
// A named value at least this large is milliseconds (1973-03-03 in ms, year 5138 in seconds).
constexpr std::int64_t kMillisecondsFrom = 100000000000;

std::string format_instant(std::int64_t ms, bool with_ms) {
  std::int64_t days = ms / (kSecondsPerDay * kMsPerSecond);
  std::int64_t rest = ms % (kSecondsPerDay * kMsPerSecond);
  if (rest < 0) {
    rest += kSecondsPerDay * kMsPerSecond;
    --days;
  }
  const CivilDate date = civil_from_days(days);
  const auto seconds = rest / kMsPerSecond;
  char text[64];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02u %02lld:%02lld:%02lld", static_cast<long long>(date.year),
                date.month, date.day, static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                static_cast<long long>(seconds % 60));
  std::string out = text;
  if (with_ms) {
    std::snprintf(text, sizeof text, ".%03lld", static_cast<long long>(rest % kMsPerSecond));
    out += text;
  }
  return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The name without '_' and '-', lower-cased: "created_at" and "createdAt" read alike.
std::string folded_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c != '_' && c != '-') out += c;
  }
  return lower(out);
}

// A whole number's value when the text is one (a fraction of zeros allowed).
std::optional<std::int64_t> whole_number(std::string_view text) {
  if (text.find_first_of("eE") != std::string_view::npos) return std::nullopt;
  if (const auto point = text.find('.'); point != std::string_view::npos) {
    if (text.substr(point + 1).find_first_not_of('0') != std::string_view::npos) return std::nullopt;
    text = text.substr(0, point);
  }
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

bool is_time_name(std::string_view name) {
  const std::string folded = folded_name(name);
  if (folded.empty()) return false;
  if (is_ttl_name(name) || folded.starts_with("expire") || folded.starts_with("expiry")) return true;
  constexpr std::array kSuffixes = {"timestamp", "time", "date", "epoch"};
  for (const char* suffix : kSuffixes) {
    if (ends_with(folded, suffix)) return true;
  }
  // createdAt, updated_at, deletedAt, lastSeenAt: a word ending in "At" (or "_at").
  const bool camel_at = name.size() > 2 && ends_with(name, "At") && is_lower(name[name.size() - 3]);
  const bool snake_at = ends_with(lower(name), "_at") || ends_with(lower(name), "-at");
  return camel_at || snake_at;
}

bool is_ttl_name(std::string_view name) {
  const std::string folded = folded_name(name);
  return folded == "ttl" || folded == "expiresat";
}

std::optional<EpochTime> read_epoch(std::string_view attribute_name, std::string_view number_text) {
  const auto value = whole_number(number_text);
  if (!value || *value < 0) return std::nullopt;
  if (is_time_name(attribute_name)) {
    if (*value >= kMillisecondsFrom) {
      if (*value >= kNamedTo * kMsPerSecond) return std::nullopt;
      return EpochTime{*value, EpochUnit::Milliseconds, true};
    }
    if (*value < kNamedFrom) return std::nullopt;
    return EpochTime{*value * kMsPerSecond, EpochUnit::Seconds, true};
  }
  if (*value >= kPlausibleFrom && *value < kPlausibleTo) return EpochTime{*value * kMsPerSecond, EpochUnit::Seconds};
  if (*value >= kPlausibleFrom * kMsPerSecond && *value < kPlausibleTo * kMsPerSecond)
    return EpochTime{*value, EpochUnit::Milliseconds};
  return std::nullopt;
}

std::string format_date_utc(const EpochTime& time) {
  return format_instant(time.ms, time.unit == EpochUnit::Milliseconds) + " UTC";
}

std::string format_date_local(const EpochTime& time, int utc_offset_minutes) {
  const std::int64_t shifted = time.ms + static_cast<std::int64_t>(utc_offset_minutes) * 60 * kMsPerSecond;
  const int magnitude = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  char zone[32];
  std::snprintf(zone, sizeof zone, " UTC%c%02d:%02d", utc_offset_minutes < 0 ? '-' : '+', magnitude / 60,
                magnitude % 60);
  return format_instant(shifted, time.unit == EpochUnit::Milliseconds) + zone;
}

std::optional<EpochTime> cell_epoch(const ResultTable& table, std::size_t row, std::size_t column) {
  if (row >= table.row_count() || column >= table.column_count()) return std::nullopt;
  const Cell& cell = table.cell(row, column);
  if (cell.type != AttributeType::Number) return std::nullopt;
  const auto& columns = table.columns();
  const bool attribute_table = columns.size() == 3 && columns[0].name == "attribute" && columns[2].name == "value";
  const std::string_view name =
      attribute_table && column == 2 ? table.cell(row, 0).text : std::string_view(columns[column].name);
  return read_epoch(name, cell.text);
}

std::vector<std::size_t> time_columns(const ResultTable& table, std::size_t sample_rows) {
  std::vector<std::size_t> columns;
  const std::size_t rows = std::min(table.row_count(), sample_rows);
  for (std::size_t column = 0; column < table.column_count(); ++column) {
    const std::string& name = table.columns()[column].name;
    std::size_t times = 0;
    bool other = false;
    for (std::size_t row = 0; row < rows && !other; ++row) {
      const Cell& cell = table.cell(row, column);
      if (cell.missing() || cell.type == AttributeType::Null) continue;
      if (cell.type == AttributeType::Number && read_epoch(name, cell.text)) {
        ++times;
      } else {
        other = true;
      }
    }
    if (times > 0 && !other) columns.push_back(column);
  }
  return columns;
}

}  // namespace core
