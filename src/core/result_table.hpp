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
// Memory: a table does not keep the answer's JSON tree. Each page of rows has
// its cells (display text, type, and for lists, maps, sets the value's
// compact JSON) in one text arena of its own, a little smaller than the page's
// JSON. A list is read into a table one item at a time (ItemsTableBuilder,
// fed by classify_response's on_item), and a further page is added as a new
// page without copying the earlier ones. Copies of a table share its pages.
// Sorting and filtering never touch the table: they return row orders
// (permutations of row indices) that the caller keeps.
#pragma once

#include <cstdint>
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
  // The value's compact JSON, exactly as received (numbers exact), for lists,
  // maps and sets; empty for other values, whose text and type say all, and
  // for labels (an attribute's name or type in an attribute table).
  std::string_view json;
  std::string_view text;  // what to show: exact number text, string content, "{3 keys}", ...
  // Empty when the item has no such attribute (which is not the same as Null).
  std::optional<AttributeType> type;
  std::uint32_t children = 0;  // members or elements of a list, map or set

  bool missing() const { return !type.has_value(); }
  bool expandable() const { return children > 0; }
};

struct Column {
  std::string name;
  bool key = false;  // one of the key attributes the caller named
};

class ResultTable {
 public:
  const std::vector<Column>& columns() const { return columns_; }
  std::size_t column_count() const { return columns_.size(); }
  std::size_t row_count() const { return rows_; }
  // A missing cell when the row has no such attribute.
  const Cell& cell(std::size_t row, std::size_t column) const;
  // Pages of rows (one per answer read into the table).
  std::size_t page_count() const { return pages_.size(); }
  // The bytes the table holds (cells, texts, indices): what a memory budget counts.
  std::size_t memory_bytes() const;

  struct Page;  // defined in result_table.cpp

 private:
  friend class TableBuilder;
  friend class FilterIndex;
  std::vector<std::shared_ptr<const Page>> pages_;
  std::vector<std::size_t> page_first_rows_;
  std::vector<Column> columns_;
  std::size_t rows_ = 0;
};

class TableBuilder;

// Rows from items given one at a time, columns found as they come (key
// attributes first when the first item has them). `earlier` (pages already
// read) is continued: its rows and columns stay, new rows form a new page.
class ItemsTableBuilder {
 public:
  explicit ItemsTableBuilder(std::span<const std::string> key_names, ResultTable earlier = {});
  ItemsTableBuilder(ItemsTableBuilder&&) noexcept;
  ItemsTableBuilder& operator=(ItemsTableBuilder&&) noexcept;
  ~ItemsTableBuilder();
  void add(const JsonValue& item);
  // What the table holds so far, earlier pages included.
  std::size_t memory_bytes() const;
  ResultTable finish();

 private:
  std::unique_ptr<TableBuilder> builder_;
  std::vector<std::string> key_names_;
  bool first_ = true;
};

// Rows from an array of items (key attributes first when any item has them).
ResultTable items_table(const JsonValue& items, std::span<const std::string> key_names);
// One row per attribute of an object (or element of an array): attribute, type, value.
ResultTable attribute_table(const JsonValue& item);
// One cell holding any value, in a column named "value".
ResultTable value_table(const JsonValue& value);

// The table an answer is shown as: Items, Item, Attributes, or an echoed or
// other value; an empty table for answers that hold no data. (A list read
// with classify_response's on_item has its rows in the ItemsTableBuilder.)
ResultTable answer_table(const Answer& answer, std::span<const std::string> key_names);

inline const std::vector<std::string> kDefaultKeyNames = {"id"};

// A nested value's children, for expanding a cell: a map's members, a list's or
// set's elements ("[0]", "[1]", ...), read from the cell's JSON.
struct CellChild {
  std::string name;
  AttributeType type = AttributeType::Null;
  std::string text;
  std::string json;  // for lists, maps and sets, as in Cell
  std::uint32_t children = 0;
  // The child as a cell (viewing this child's strings), to show or expand further.
  Cell cell() const { return Cell{json, text, type, children}; }
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
