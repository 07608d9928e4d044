// Result tables: what the answer panel shows. A list answer's Items become
// rows and columns (key attributes first, then every other attribute in the
// order first seen); a single Item or Attributes becomes an
// attribute / type / value table. Cells carry display text and a DynamoDB type
// (S, N, BOOL, NULL, L, M, SS, NS, B, BS), numbers exactly as received, a
// missing attribute distinct from null, and nested values summarised
// ("{3 keys}", "[5 items]") with their children available for expanding.
//
// Sets and binary values arrive in the marker wire form of attribute_value.hpp
// ({"$SS": [...]}, {"$NS": [...]}, {"$B": "<base64>"}, {"$BS": [...]}).
//
// Lifetime: a table shares ownership of the JSON it was built from, so its
// cells' text and values stay valid as long as the table (or any copy) lives.
// Sorting and filtering never touch the table: they return row orders
// (permutations of row indices) that the caller keeps.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/attribute_value.hpp"
#include "core/json_value.hpp"
#include "core/response.hpp"

namespace core {

struct Cell {
  // The attribute's value inside the answer; nullptr when the attribute is
  // missing, or for a label (an attribute's name or type in an attribute table).
  const JsonValue* value = nullptr;
  std::string_view text;  // what to show: exact number text, string content, "{3 keys}", ...
  // Empty when the item has no such attribute (which is not the same as Null).
  std::optional<AttributeType> type;

  bool missing() const { return !type.has_value(); }
  bool expandable() const;
};

struct Column {
  std::string name;
  bool key = false;  // one of the key attributes the caller named
};

class ResultTable {
 public:
  const std::vector<Column>& columns() const { return columns_; }
  std::size_t column_count() const { return columns_.size(); }
  std::size_t row_count() const { return columns_.empty() ? 0 : cells_.size() / columns_.size(); }
  const Cell& cell(std::size_t row, std::size_t column) const { return cells_[row * columns_.size() + column]; }

 private:
  friend class TableBuilder;
  std::shared_ptr<const JsonValue> source_;
  std::shared_ptr<const std::deque<std::string>> texts_;  // summaries and names the cells' text points into
  std::vector<Column> columns_;
  std::vector<Cell> cells_;  // row-major
};

// Rows from an array of items. `items` may point into a larger document
// (a shared_ptr aliasing the answer's body); the table keeps it alive.
ResultTable items_table(std::shared_ptr<const JsonValue> items, std::span<const std::string> key_names);
// One row per attribute of an object (or element of an array): attribute, type, value.
ResultTable attribute_table(std::shared_ptr<const JsonValue> item);
// One cell holding any value, in a column named "value".
ResultTable value_table(std::shared_ptr<const JsonValue> value);

// The table an answer is shown as: Items, Item, Attributes, or an echoed or
// other value; an empty table for answers that hold no data.
ResultTable answer_table(const Answer& answer, std::span<const std::string> key_names);

inline const std::vector<std::string> kDefaultKeyNames = {"id"};

// A nested value's children, for expanding a cell: a map's members, a list's or
// set's elements ("[0]", "[1]", ...). Values point into the same document.
struct CellChild {
  std::string name;
  AttributeType type = AttributeType::Null;
  std::string text;
  const JsonValue* value = nullptr;
};
std::vector<CellChild> cell_children(const Cell& cell);

// ---- views: orders of row indices

enum class SortDirection { Ascending, Descending };

std::vector<std::uint32_t> all_rows(const ResultTable& table);

// Every row, ordered by one column; stable (equal cells keep their order).
// Numbers by exact value, strings by bytes (code points), binary by bytes,
// false before true, sets, lists and maps by size. Mixed types group as
// N, S, B, BOOL, NULL, SS, NS, BS, L, M; missing cells always come last.
std::vector<std::uint32_t> sorted_rows(const ResultTable& table, std::size_t column, SortDirection direction);

// Every row's display text, lower-cased, built once per table so that filtering
// as a person types searches one string instead of walking every cell. It
// holds its own copy of the text: it does not keep the table alive.
class FilterIndex {
 public:
  explicit FilterIndex(const ResultTable& table);
  std::size_t row_count() const { return row_starts_.empty() ? 0 : row_starts_.size() - 1; }
  // Whether a cell of `row` contains `lower_needle` (already lower-cased).
  bool row_contains(std::uint32_t row, std::string_view lower_needle) const;

 private:
  std::string text_;                     // each cell's text followed by a separator
  std::vector<std::size_t> row_starts_;  // row i is text_[row_starts_[i], row_starts_[i + 1])
};

// The rows of `rows` (in that order) with a cell whose text contains
// `needle`, ignoring ASCII case. An empty needle keeps every row.
std::vector<std::uint32_t> filter_rows(const FilterIndex& index, std::span<const std::uint32_t> rows,
                                       std::string_view needle);

// ---- copying

enum class CopyFormat { Json, Tsv };

// JSON: the value exactly as in the answer (a label as a JSON string; nothing
// for a missing cell). TSV: the display text for scalars, compact JSON for
// nested values; quoted like a spreadsheet when it holds a tab or newline or starts with a quote.
std::string copy_cell(const Cell& cell, CopyFormat format);
// JSON: an object of the row's present cells by column. TSV: one line.
std::string copy_row(const ResultTable& table, std::size_t row, CopyFormat format);
// JSON: an array of row objects, one per line. TSV: a header line, then rows.
std::string copy_rows(const ResultTable& table, std::span<const std::uint32_t> rows, CopyFormat format);

}  // namespace core
