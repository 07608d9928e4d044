// Exporting a result table: every row of a table (every loaded page), or the
// rows of a view (filtered and sorted), as CSV (RFC 4180: CRLF line ends,
// fields with a comma, quote, CR or LF quoted, quotes doubled; an optional
// UTF-8 byte order mark for spreadsheet programs), JSON Lines (one object per
// row), or a JSON array of row objects.
//
// Values go out exactly: numbers as their received text, strings as they
// are, nested values (maps, lists, sets, binary) as compact JSON in the
// project's wire form. A missing attribute is an empty CSV field and no
// member of a JSON row; null is `null`.
//
// ExportWriter writes a bounded number of rows per call, so a caller can
// spread a large export over frames, show progress and stop part-way. It
// reads the table only through ResultTable's public functions and holds no
// pointer into it: the caller passes the same table to every call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result_table.hpp"

namespace core {

enum class ExportFormat { Csv, JsonLines, Json };  // Json: one JSON array of the items

inline constexpr ExportFormat kExportFormats[] = {ExportFormat::Csv, ExportFormat::JsonLines, ExportFormat::Json};

struct ExportOptions {
  ExportFormat format = ExportFormat::Csv;
  bool byte_order_mark = false;  // CSV only: starts the text with U+FEFF (EF BB BF)
};

// "CSV", "JSON Lines", "JSON array".
std::string_view export_format_label(ExportFormat format);
// "csv", "jsonl", "json".
std::string_view export_extension(ExportFormat format);
// "text/csv", "application/jsonl", "application/json".
std::string_view export_mime_type(ExportFormat format);

// One CSV field as RFC 4180 writes it.
std::string csv_field(std::string_view text);

// A cell's text in an export: the exact text of a scalar, compact JSON of a
// nested value, "" when missing.
std::string export_cell_text(const Cell& cell);

class ExportWriter {
 public:
  ExportWriter(std::vector<std::uint32_t> rows, ExportOptions options);

  // Appends to `out` what comes next (the header or opening first) for at
  // most `max_rows` more rows (at least one), and the ending after the last.
  // Returns true once everything has been written. Rows past the table's end
  // are skipped.
  bool write_next(const ResultTable& table, std::string& out, std::size_t max_rows);

  bool done() const { return done_; }
  std::size_t rows_written() const { return next_; }
  std::size_t row_total() const { return rows_.size(); }

 private:
  std::vector<std::uint32_t> rows_;
  ExportOptions options_;
  std::size_t next_ = 0;  // position in rows_
  bool started_ = false;
  bool done_ = false;
  bool first_row_ = true;
};

// The whole export at once (small tables, tests).
std::string export_rows(const ResultTable& table, std::span<const std::uint32_t> rows, ExportOptions options);

}  // namespace core
