#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/export.hpp"
#include "core/json_value.hpp"
#include "core/result_table.hpp"
#include "fixtures.hpp"
#include "hostile.hpp"

namespace {

core::ResultTable table_of(std::string_view items_json) {
  return core::items_table(fixtures::parse(items_json), core::kDefaultKeyNames);
}

core::ResultTable hostile_table() {
  return table_of("[" + std::string(hostile::kItem) + R"(, {"id": "second", "extra": "only here"}])");
}

// RFC 4180 read back: records of fields (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> read_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      records.back().push_back(std::move(field));
      field.clear();
      records.emplace_back();
      ++i;
    } else {
      REQUIRE_MESSAGE(c != '\n', "a bare line feed outside quotes at byte " << i);
      field += c;
    }
  }
  const bool ends_with_crlf = records.back().empty() && field.empty();
  REQUIRE_MESSAGE(ends_with_crlf, "the last record does not end with CRLF");
  records.pop_back();
  return records;
}

std::string csv_of(const core::ResultTable& table, bool bom = false) {
  return core::export_rows(table, core::all_rows(table), {.format = core::ExportFormat::Csv, .byte_order_mark = bom});
}

std::size_t column_named(const core::ResultTable& table, std::string_view name) {
  for (std::size_t i = 0; i < table.column_count(); ++i) {
    if (table.columns()[i].name == name) return i;
  }
  FAIL("no column " << name);
  return 0;
}

}  // namespace

TEST_CASE("CSV fields are quoted as RFC 4180 says") {
  CHECK(core::csv_field("plain ünï") == "plain ünï");
  CHECK(core::csv_field("a,b") == "\"a,b\"");
  CHECK(core::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(core::csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(core::csv_field("cr\r") == "\"cr\r\"");
  CHECK(core::csv_field("it's") == "it's");
  CHECK(core::csv_field("") == "");
}

TEST_CASE("a CSV export reads back to every cell's exact text, nested values as JSON") {
  const core::ResultTable table = hostile_table();
  const std::string csv = csv_of(table);
  const auto records = read_csv(csv);
  REQUIRE(records.size() == 3);
  CHECK(records[0].size() == table.column_count());
  CHECK(records[0][0] == "id");
  const auto field = [&](std::size_t record, std::string_view name) {
    return records[record][column_named(table, name)];
  };
  const core::JsonValue item = fixtures::parse(hostile::kItem);
  CHECK(field(1, "id") == item.find("id")->text);
  CHECK(field(1, "big") == hostile::kBig);
  CHECK(field(1, "tiny") == "-1.5E-130");
  CHECK(field(1, "tags") == R"({"$SS":["a,b","c\"d","e'f\ng"]})");
  CHECK(field(1, "nums") == R"({"$NS":[1,99999999999999999999999999999999999999,0.5]})");
  CHECK(field(1, "bin") == R"({"$B":"AAEC/w=="})");
  CHECK(fixtures::parse(field(1, "nested")) == *item.find("nested"));
  CHECK(field(1, "nothing") == "null");
  CHECK(field(1, "flag") == "false");
  CHECK(field(1, "empty") == "");
  CHECK(field(1, "extra") == "");  // missing
  CHECK(field(2, "extra") == "only here");
  CHECK(field(2, "big") == "");
  CHECK_FALSE(csv.starts_with("\xEF\xBB\xBF"));
}

TEST_CASE("the byte order mark comes first when asked for, once") {
  const core::ResultTable table = table_of(R"([{"id": "a"}])");
  const std::string csv = csv_of(table, true);
  CHECK(csv == "\xEF\xBB\xBFid\r\na\r\n");
  core::ExportWriter writer(core::all_rows(table), {.format = core::ExportFormat::Csv, .byte_order_mark = true});
  std::string out;
  while (!writer.write_next(table, out, 1)) {}
  CHECK(out == csv);
}

TEST_CASE("JSON Lines: one exact object per row, missing attributes left out") {
  const core::ResultTable table = hostile_table();
  const std::string lines = core::export_rows(table, core::all_rows(table), {.format = core::ExportFormat::JsonLines});
  REQUIRE(lines.ends_with("\n"));
  const auto newline = lines.find('\n');
  REQUIRE(newline != std::string::npos);
  const core::JsonValue first = fixtures::parse(lines.substr(0, newline));
  const core::JsonValue item = fixtures::parse(hostile::kItem);
  for (const auto& [name, value] : item.object) CHECK(*first.find(name) == value);
  CHECK(first.find("extra") == nullptr);
  CHECK(lines.substr(0, newline).find(hostile::kBig) != std::string::npos);
  CHECK(lines.substr(newline + 1) == "{\"id\":\"second\",\"extra\":\"only here\"}\n");
}

TEST_CASE("a JSON array export parses to the rows, in the order asked for") {
  const core::ResultTable table = table_of(R"([{"id": "a", "n": 1}, {"id": "b", "n": 2}, {"id": "c"}])");
  const std::vector<std::uint32_t> rows = {2, 0};
  const std::string json = core::export_rows(table, rows, {.format = core::ExportFormat::Json});
  CHECK(fixtures::parse(json) == fixtures::parse(R"([{"id": "c"}, {"id": "a", "n": 1}])"));
  CHECK(core::export_rows(table, {}, {.format = core::ExportFormat::Json}) == "[]\n");
  CHECK(core::export_rows(table, {}, {.format = core::ExportFormat::Csv}) == "id,n\r\n");
  CHECK(core::export_rows(table, {}, {.format = core::ExportFormat::JsonLines}).empty());
}

TEST_CASE("an attribute table exports its names and types as text") {
  const auto item = std::make_shared<const core::JsonValue>(fixtures::parse(R"({"id": "a", "n": 5})"));
  const core::ResultTable table = core::attribute_table(*item);
  const std::string lines = core::export_rows(table, core::all_rows(table), {.format = core::ExportFormat::JsonLines});
  CHECK(lines.find(R"("id")") != std::string::npos);
  CHECK(lines.find(R"(5)") != std::string::npos);
  for (std::size_t start = 0; start < lines.size();) {
    const auto end = lines.find('\n', start);
    fixtures::parse(lines.substr(start, end - start));
    start = end + 1;
  }
}

TEST_CASE("the chunked writer advances a bounded number of rows per call and writes what one call would") {
  std::string items = "[";
  for (int i = 0; i < 1000; ++i)
    items += (i ? "," : "") + std::string(R"({"id": "item-)") + std::to_string(i) + R"(", "n": )" +
             std::to_string(i * 7) + "}";
  items += "]";
  const core::ResultTable table = table_of(items);
  for (const auto format : core::kExportFormats) {
    CAPTURE(core::export_format_label(format));
    core::ExportWriter writer(core::all_rows(table), {.format = format});
    CHECK(writer.row_total() == 1000);
    std::string out;
    std::size_t calls = 0;
    while (!writer.write_next(table, out, 64)) {
      ++calls;
      CHECK(writer.rows_written() == calls * 64);
      CHECK_FALSE(writer.done());
    }
    CHECK(calls == 1000 / 64);
    CHECK(writer.done());
    CHECK(writer.rows_written() == 1000);
    CHECK(out == core::export_rows(table, core::all_rows(table), {.format = format}));
    // Finished: further calls add nothing.
    CHECK(writer.write_next(table, out, 64));
    CHECK(out == core::export_rows(table, core::all_rows(table), {.format = format}));
  }
}

TEST_CASE("rows past the table's end are skipped, not read") {
  const core::ResultTable table = table_of(R"([{"id": "a"}])");
  const std::vector<std::uint32_t> rows = {0, 7};
  CHECK(core::export_rows(table, rows, {.format = core::ExportFormat::Json}) == "[\n{\"id\":\"a\"}\n]\n");
}

TEST_CASE("formats name their files") {
  CHECK(core::export_extension(core::ExportFormat::Csv) == "csv");
  CHECK(core::export_extension(core::ExportFormat::JsonLines) == "jsonl");
  CHECK(core::export_extension(core::ExportFormat::Json) == "json");
  CHECK(core::export_mime_type(core::ExportFormat::Csv) == "text/csv");
  CHECK(core::export_format_label(core::ExportFormat::JsonLines) == "JSON Lines");
}
