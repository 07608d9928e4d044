#include "core/export.hpp"

#include <algorithm>

#include "core/json_value.hpp"
#include "core/text.hpp"

namespace core {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kCsvLineEnd = "\r\n";

bool is_nested(AttributeType type) {
  switch (type) {
    case AttributeType::List:
    case AttributeType::Map:
    case AttributeType::StringSet:
    case AttributeType::NumberSet:
    case AttributeType::Binary:
    case AttributeType::BinarySet: return true;
    default: return false;
  }
}

void append_csv_header(const ResultTable& table, std::string& out) {
  for (std::size_t column = 0; column < table.column_count(); ++column) {
    if (column) out += ',';
    out += csv_field(table.columns()[column].name);
  }
  out += kCsvLineEnd;
}

void append_csv_row(const ResultTable& table, std::size_t row, std::string& out) {
  for (std::size_t column = 0; column < table.column_count(); ++column) {
    if (column) out += ',';
    out += csv_field(export_cell_text(table.cell(row, column)));
  }
  out += kCsvLineEnd;
}

}  // namespace

std::string_view export_format_label(ExportFormat format) {
  switch (format) {
    case ExportFormat::Csv: return "CSV";
    case ExportFormat::JsonLines: return "JSON Lines";
    case ExportFormat::Json: return "JSON array";
  }
  return "";
}

std::string_view export_extension(ExportFormat format) {
  switch (format) {
    case ExportFormat::Csv: return "csv";
    case ExportFormat::JsonLines: return "jsonl";
    case ExportFormat::Json: return "json";
  }
  return "";
}

std::string_view export_mime_type(ExportFormat format) {
  switch (format) {
    case ExportFormat::Csv: return "text/csv";
    case ExportFormat::JsonLines: return "application/jsonl";
    case ExportFormat::Json: return "application/json";
  }
  return "";
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  return spreadsheet_quoted(text);
}

std::string export_cell_text(const Cell& cell) {
  if (cell.missing()) return {};
  if (!is_nested(*cell.type)) return std::string(cell.text);
  return copy_cell(cell, CopyFormat::Json);
}

ExportWriter::ExportWriter(std::vector<std::uint32_t> rows, ExportOptions options)
    : rows_(std::move(rows)), options_(options) {}

bool ExportWriter::write_next(const ResultTable& table, std::string& out, std::size_t max_rows) {
  if (done_) return true;
  if (!started_) {
    started_ = true;
    if (options_.format == ExportFormat::Csv) {
      if (options_.byte_order_mark) out += kByteOrderMark;
      append_csv_header(table, out);
    } else if (options_.format == ExportFormat::Json) {
      out += '[';
    }
  }
  const std::size_t end = std::min(rows_.size(), next_ + std::max<std::size_t>(max_rows, 1));
  for (; next_ < end; ++next_) {
    const std::uint32_t row = rows_[next_];
    if (row >= table.row_count()) continue;
    switch (options_.format) {
      case ExportFormat::Csv: append_csv_row(table, row, out); break;
      case ExportFormat::JsonLines:
        out += copy_row(table, row, CopyFormat::Json);
        out += '\n';
        break;
      case ExportFormat::Json:
        out += first_row_ ? "\n" : ",\n";
        out += copy_row(table, row, CopyFormat::Json);
        break;
    }
    first_row_ = false;
  }
  if (next_ < rows_.size()) return false;
  if (options_.format == ExportFormat::Json) out += first_row_ ? "]\n" : "\n]\n";
  done_ = true;
  return true;
}

std::string export_rows(const ResultTable& table, std::span<const std::uint32_t> rows, ExportOptions options) {
  ExportWriter writer(std::vector<std::uint32_t>(rows.begin(), rows.end()), options);
  std::string out;
  while (!writer.write_next(table, out, 4096)) {}
  return out;
}

}  // namespace core
