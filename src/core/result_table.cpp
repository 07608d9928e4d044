#include "core/result_table.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/base64.hpp"
#include "core/text.hpp"

namespace core {
namespace {

bool all_elements(const JsonValue& array, bool (JsonValue::*is_kind)() const) {
  return std::all_of(array.array.begin(), array.array.end(), [&](const JsonValue& v) { return (v.*is_kind)(); });
}

// The value inside a set or binary marker object.
const JsonValue& marker_content(const JsonValue& marker) { return marker.object.front().second; }

// Members, elements or set members: what expanding shows and what sorts containers.
std::size_t child_count(const JsonValue& value, AttributeType type) {
  switch (type) {
    case AttributeType::Map: return value.object.size();
    case AttributeType::List: return value.array.size();
    case AttributeType::StringSet:
    case AttributeType::NumberSet:
    case AttributeType::BinarySet: return marker_content(value).array.size();
    default: return 0;
  }
}

// "[12]", "{3 keys}": built by appending, as GCC 12 at -O3 warns falsely about "[" + std::string.
std::string enclosed(char open, std::string_view inner, char close) {
  std::string text(1, open);
  text.append(inner);
  text += close;
  return text;
}

std::string element_name(std::size_t index) { return enclosed('[', std::to_string(index), ']'); }

std::string summary_text(AttributeType type, std::size_t count) {
  const auto counted = [count](std::string_view one, std::string_view many) {
    return std::to_string(count).append(" ").append(count == 1 ? one : many);
  };
  switch (type) {
    case AttributeType::Map: return enclosed('{', counted("key", "keys"), '}');
    case AttributeType::List: return enclosed('[', counted("item", "items"), ']');
    case AttributeType::StringSet: return enclosed('<', counted("string", "strings"), '>');
    case AttributeType::NumberSet: return enclosed('<', counted("number", "numbers"), '>');
    case AttributeType::BinarySet: return enclosed('<', counted("binary value", "binary values"), '>');
    default: return {};
  }
}

// Text of a value that needs none generated; nullopt for containers.
std::optional<std::string_view> own_text(const JsonValue& value, AttributeType type) {
  switch (type) {
    case AttributeType::String:
    case AttributeType::Number: return std::string_view(value.text);
    case AttributeType::Binary: return std::string_view(marker_content(value).text);
    case AttributeType::Bool: return value.boolean ? std::string_view("true") : std::string_view("false");
    case AttributeType::Null: return std::string_view("null");
    default: return std::nullopt;
  }
}

}  // namespace

// Text kept for the cells of one page: blocks that never move, so views into them stay valid.
class TextArena {
 public:
  std::string_view keep(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > capacity_ - used_) {
      // Blocks double up to a size, so a small page stays small and a big one has few blocks.
      capacity_ = std::max(text.size(), std::clamp(bytes_, kFirstBlockBytes, kBlockBytes));
      blocks_.push_back(std::make_unique<char[]>(capacity_));
      used_ = 0;
      bytes_ += capacity_;
    }
    char* at = blocks_.back().get() + used_;
    std::copy(text.begin(), text.end(), at);
    used_ += text.size();
    return {at, text.size()};
  }
  std::size_t bytes() const { return bytes_; }

 private:
  static constexpr std::size_t kFirstBlockBytes = 4 * 1024;
  static constexpr std::size_t kBlockBytes = 256 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
  std::size_t bytes_ = 0;
};

// A growing array in fixed chunks: appending never moves (or copies) what is there.
template <typename T>
class ChunkedArray {
 public:
  void push_back(const T& value) {
    if (size_ % kChunk == 0) chunks_.push_back(std::make_unique<T[]>(kChunk));
    chunks_.back()[size_ % kChunk] = value;
    ++size_;
  }
  const T& operator[](std::size_t i) const { return chunks_[i / kChunk][i % kChunk]; }
  std::size_t size() const { return size_; }
  std::size_t bytes() const { return chunks_.size() * (kChunk * sizeof(T) + sizeof(chunks_[0])); }

 private:
  static constexpr std::size_t kChunk = 1024;
  std::vector<std::unique_ptr<T[]>> chunks_;
  std::size_t size_ = 0;
};

// Rows stored sparse: each row's present cells with their columns.
struct ResultTable::Page {
  TextArena texts;
  ChunkedArray<Cell> cells;
  ChunkedArray<std::uint32_t> cell_columns;  // the column of each cell
  ChunkedArray<std::uint32_t> row_starts;    // row i: cells[row_starts[i], row_starts[i + 1])

  Page() { row_starts.push_back(0); }
  std::size_t rows() const { return row_starts.size() - 1; }
  std::size_t bytes() const {
    return sizeof(Page) + texts.bytes() + cells.bytes() + cell_columns.bytes() + row_starts.bytes();
  }
};

namespace {

const Cell kMissingCell{};

}  // namespace

const Cell& ResultTable::cell(std::size_t row, std::size_t column) const {
  if (row >= rows_) return kMissingCell;
  const auto next = std::upper_bound(page_first_rows_.begin(), page_first_rows_.end(), row);
  const std::size_t index = static_cast<std::size_t>(next - page_first_rows_.begin()) - 1;
  const Page& page = *pages_[index];
  const std::size_t local = row - page_first_rows_[index];
  for (std::uint32_t i = page.row_starts[local]; i < page.row_starts[local + 1]; ++i) {
    if (page.cell_columns[i] == column) return page.cells[i];
  }
  return kMissingCell;
}

std::size_t ResultTable::memory_bytes() const {
  std::size_t bytes = sizeof(ResultTable) + page_first_rows_.capacity() * sizeof(std::size_t) +
                      pages_.capacity() * sizeof(pages_[0]) + columns_.capacity() * sizeof(Column);
  for (const auto& page : pages_) bytes += page->bytes();
  for (const auto& column : columns_) bytes += column.name.capacity();
  return bytes;
}

namespace {

constexpr std::string_view kWholeItemColumn = "(value)";  // for items that are not objects
constexpr std::size_t kNoPosition = SIZE_MAX;             // a lookup by name alone

// Column lookup: items of one table mostly list their attributes in the same
// order, so the column at the same position is tried before the map.
class ColumnIndex {
 public:
  std::optional<std::uint32_t> find(std::string_view name, std::size_t position) {
    if (position < by_position_.size()) {
      const std::uint32_t guess = by_position_[position];
      if (guess < names_.size() && names_[guess] == name) return guess;
    }
    const auto it = by_name_.find(name);
    if (it == by_name_.end()) return std::nullopt;
    remember(position, it->second);
    return it->second;
  }
  std::uint32_t add(std::string_view name, std::size_t position) {
    const auto index = static_cast<std::uint32_t>(names_.size());
    const std::string_view kept = names_.emplace_back(name);
    by_name_.emplace(kept, index);
    remember(position, index);
    return index;
  }

 private:
  void remember(std::size_t position, std::uint32_t index) {
    if (position == kNoPosition) return;
    if (position >= by_position_.size()) by_position_.resize(position + 1, UINT32_MAX);
    by_position_[position] = index;
  }
  std::deque<std::string> names_;  // addresses stay put: the map's keys view them
  std::unordered_map<std::string_view, std::uint32_t> by_name_;
  std::vector<std::uint32_t> by_position_;
};

}  // namespace

// Builds a page of cells onto a table (a new one, or one with earlier pages).
class TableBuilder {
 public:
  explicit TableBuilder(ResultTable table) : table_(std::move(table)), page_(std::make_shared<ResultTable::Page>()) {
    for (const Column& column : table_.columns_) columns_.add(column.name, kNoPosition);
  }

  std::uint32_t column(std::string_view name, std::size_t position, bool key = false) {
    if (const auto found = columns_.find(name, position)) return *found;
    table_.columns_.push_back(Column{std::string(name), key});
    return columns_.add(name, position);
  }
  bool has_column(std::string_view name) { return columns_.find(name, kNoPosition).has_value(); }

  void add_cell(std::uint32_t column, Cell cell) {
    page_->cells.push_back(cell);
    page_->cell_columns.push_back(column);
  }
  void end_row() { page_->row_starts.push_back(static_cast<std::uint32_t>(page_->cells.size())); }

  Cell value_cell(const JsonValue& value) {
    const AttributeType type = attribute_type_of(value);
    Cell cell{{}, {}, type, static_cast<std::uint32_t>(child_count(value, type))};
    switch (type) {
      case AttributeType::String:
      case AttributeType::Number: cell.text = keep(value.text); break;
      case AttributeType::Binary: cell.text = keep(marker_content(value).text); break;
      case AttributeType::Bool: cell.text = value.boolean ? "true" : "false"; break;
      case AttributeType::Null: cell.text = "null"; break;
      default: cell.text = summary(type, cell.children); cell.json = keep(to_json_text(value));
    }
    return cell;
  }
  Cell label_cell(std::string_view text) { return Cell{{}, keep(text), AttributeType::String, 0}; }
  std::string_view keep(std::string_view text) { return page_->texts.keep(text); }

  std::size_t memory_bytes() const { return table_.memory_bytes() + page_->bytes(); }

  ResultTable finish() {
    if (page_->rows() > 0) {
      table_.page_first_rows_.push_back(table_.rows_);
      table_.rows_ += page_->rows();
      table_.pages_.push_back(std::move(page_));
    }
    page_ = std::make_shared<ResultTable::Page>();
    return std::move(table_);
  }

 private:
  // Summaries repeat ("{3 keys}" in every row): each is kept once per page.
  std::string_view summary(AttributeType type, std::size_t count) {
    const auto [it, added] = summaries_.try_emplace({type, count});
    if (added) it->second = keep(summary_text(type, count));
    return it->second;
  }

  ResultTable table_;
  std::shared_ptr<ResultTable::Page> page_;
  ColumnIndex columns_;
  std::map<std::pair<AttributeType, std::size_t>, std::string_view> summaries_;
};

ItemsTableBuilder::ItemsTableBuilder(std::span<const std::string> key_names, ResultTable earlier)
    : builder_(std::make_unique<TableBuilder>(std::move(earlier))), key_names_(key_names.begin(), key_names.end()) {}
ItemsTableBuilder::ItemsTableBuilder(ItemsTableBuilder&&) noexcept = default;
ItemsTableBuilder& ItemsTableBuilder::operator=(ItemsTableBuilder&&) noexcept = default;
ItemsTableBuilder::~ItemsTableBuilder() = default;

void ItemsTableBuilder::add(const JsonValue& item) {
  TableBuilder& builder = *builder_;
  if (first_ && item.is_object()) {
    for (const auto& key : key_names_) {
      if (item.find(key)) builder.column(key, kNoPosition, true);
    }
    first_ = false;
  }
  if (!item.is_object()) {
    builder.add_cell(builder.column(kWholeItemColumn, kNoPosition), builder.value_cell(item));
  } else {
    for (std::size_t i = 0; i < item.object.size(); ++i) {
      const auto& [name, value] = item.object[i];
      const bool key = std::find(key_names_.begin(), key_names_.end(), name) != key_names_.end();
      builder.add_cell(builder.column(name, i, key), builder.value_cell(value));
    }
  }
  builder.end_row();
}

std::size_t ItemsTableBuilder::memory_bytes() const { return builder_->memory_bytes(); }

ResultTable ItemsTableBuilder::finish() { return builder_->finish(); }

namespace {

bool any_item_has(const JsonValue& items, std::string_view name) {
  return std::any_of(items.array.begin(), items.array.end(),
                     [&](const JsonValue& item) { return item.is_object() && item.find(name); });
}

}  // namespace

ResultTable items_table(const JsonValue& items, std::span<const std::string> key_names) {
  if (!items.is_array()) return {};
  // Key columns first whenever any item has them, not only the first.
  ResultTable keys;
  {
    TableBuilder builder{ResultTable{}};
    for (const auto& key : key_names) {
      if (!builder.has_column(key) && any_item_has(items, key)) builder.column(key, kNoPosition, true);
    }
    keys = builder.finish();
  }
  ItemsTableBuilder builder(key_names, std::move(keys));
  for (const JsonValue& item : items.array) builder.add(item);
  return builder.finish();
}

ResultTable attribute_table(const JsonValue& value) {
  if (!(value.is_object() || value.is_array())) return {};
  TableBuilder builder{ResultTable{}};
  std::uint32_t columns[3];
  for (int i = 0; i < 3; ++i) columns[i] = builder.column(std::array{"attribute", "type", "value"}[i], kNoPosition);
  const auto add_row = [&](std::string_view name, const JsonValue& member) {
    const Cell cell = builder.value_cell(member);
    builder.add_cell(columns[0], builder.label_cell(name));
    builder.add_cell(columns[1], builder.label_cell(type_code(*cell.type)));
    builder.add_cell(columns[2], cell);
    builder.end_row();
  };
  for (const auto& [name, member] : value.object) add_row(name, member);
  for (std::size_t i = 0; i < value.array.size(); ++i) add_row(element_name(i), value.array[i]);
  return builder.finish();
}

ResultTable value_table(const JsonValue& value) {
  TableBuilder builder{ResultTable{}};
  builder.add_cell(builder.column("value", kNoPosition), builder.value_cell(value));
  builder.end_row();
  return builder.finish();
}

ResultTable answer_table(const Answer& answer, std::span<const std::string> key_names) {
  if (!answer.body) return {};
  const JsonValue& body = *answer.body;
  const auto member = [&](std::string_view key) -> const JsonValue& { return *body.find(key); };
  switch (answer.kind) {
    case AnswerKind::Items: return items_table(member("Items"), key_names);
    case AnswerKind::Item: return attribute_table(member("Item"));
    case AnswerKind::Attributes: return attribute_table(member("Attributes"));
    case AnswerKind::Echo:
    case AnswerKind::Pong:
    case AnswerKind::OtherValue: break;
    default: return {};
  }
  if (body.is_array() && !body.array.empty() && all_elements(body, &JsonValue::is_object))
    return items_table(body, key_names);
  if (body.is_object() || body.is_array()) return attribute_table(body);
  return value_table(body);
}

std::vector<CellChild> cell_children(const Cell& cell) {
  std::vector<CellChild> children;
  if (cell.json.empty() || !cell.type) return children;
  const auto parsed = parse_json(cell.json);
  if (!parsed) return children;
  const JsonValue& value = *parsed.value;
  const auto add_value = [&](std::string name, const JsonValue& child) {
    const AttributeType type = attribute_type_of(child);
    const auto text = own_text(child, type);
    const std::size_t count = child_count(child, type);
    const bool container = !text;
    children.push_back(CellChild{std::move(name), type, text ? std::string(*text) : summary_text(type, count),
                                 container ? to_json_text(child) : std::string(), static_cast<std::uint32_t>(count)});
  };
  // A set's members are plain strings or numbers standing for one type.
  const auto add_members = [&](AttributeType type) {
    const JsonArray& members = marker_content(value).array;
    for (std::size_t i = 0; i < members.size(); ++i)
      children.push_back(CellChild{element_name(i), type, members[i].text, {}, 0});
  };
  switch (*cell.type) {
    case AttributeType::Map:
      for (const auto& [name, child] : value.object) add_value(name, child);
      break;
    case AttributeType::List:
      for (std::size_t i = 0; i < value.array.size(); ++i) add_value(element_name(i), value.array[i]);
      break;
    case AttributeType::StringSet: add_members(AttributeType::String); break;
    case AttributeType::NumberSet: add_members(AttributeType::Number); break;
    case AttributeType::BinarySet: add_members(AttributeType::Binary); break;
    default: break;
  }
  return children;
}

// ------------------------------------------------------------------ views

std::vector<std::uint32_t> all_rows(const ResultTable& table) {
  std::vector<std::uint32_t> rows(table.row_count());
  for (std::uint32_t i = 0; i < rows.size(); ++i) rows[i] = i;
  return rows;
}

namespace {

// Position of each type when a column mixes types.
int type_rank(AttributeType type) {
  switch (type) {
    case AttributeType::Number: return 0;
    case AttributeType::String: return 1;
    case AttributeType::Binary: return 2;
    case AttributeType::Bool: return 3;
    case AttributeType::Null: return 4;
    case AttributeType::StringSet: return 5;
    case AttributeType::NumberSet: return 6;
    case AttributeType::BinarySet: return 7;
    case AttributeType::List: return 8;
    case AttributeType::Map: return 9;
  }
  return 10;
}

// Base64 digits compare like the bytes they encode (both read the same bits in order).
int compare_base64(std::string_view a, std::string_view b) {
  const auto digits = [](std::string_view s) { return s.substr(0, s.find('=')); };
  a = digits(a);
  b = digits(b);
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    const int x = base64_digit_value(a[i]).value_or(-1);
    const int y = base64_digit_value(b[i]).value_or(-1);
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

int three_way(auto a, auto b) { return a < b ? -1 : (b < a ? 1 : 0); }

// What a present cell sorts by, computed once per row rather than in every comparison.
struct SortKey {
  AttributeType type = AttributeType::Null;
  int rank = 0;
  std::optional<Decimal> number;
  std::string_view text;
  std::size_t size = 0;  // children, or 1 for true
};

SortKey sort_key(const Cell& cell) {
  SortKey key{*cell.type, type_rank(*cell.type), std::nullopt, cell.text, 0};
  if (key.type == AttributeType::Number) key.number = parse_decimal(cell.text);
  if (key.type == AttributeType::Bool) key.size = cell.text == "true" ? 1 : 0;
  key.size += cell.children;
  return key;
}

int compare_keys(const SortKey& a, const SortKey& b) {
  if (a.rank != b.rank) return three_way(a.rank, b.rank);
  switch (a.type) {
    case AttributeType::Number:
      if (a.number && b.number) return compare_decimals(*a.number, *b.number);
      return three_way(a.text, b.text);  // only text that is not a number can get here
    case AttributeType::String: return three_way(a.text, b.text);
    case AttributeType::Binary: return compare_base64(a.text, b.text);
    case AttributeType::Null: return 0;
    default: return three_way(a.size, b.size);
  }
}

}  // namespace

std::vector<std::uint32_t> sorted_rows(const ResultTable& table, std::size_t column, SortDirection direction) {
  std::vector<std::uint32_t> rows = all_rows(table);
  if (column >= table.column_count()) return rows;
  std::vector<std::optional<SortKey>> keys;  // empty for missing cells
  keys.reserve(rows.size());
  for (std::uint32_t row : rows) {
    const Cell& cell = table.cell(row, column);
    keys.push_back(cell.missing() ? std::nullopt : std::optional(sort_key(cell)));
  }
  const bool descending = direction == SortDirection::Descending;
  std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (!keys[x] || !keys[y]) return keys[x] && !keys[y];
    const int order = compare_keys(*keys[x], *keys[y]);
    return descending ? order > 0 : order < 0;
  });
  return rows;
}

namespace {

// Between cells, so that a match never spans two; people do not filter for it.
constexpr char kCellSeparator = '\x1f';

}  // namespace

FilterIndex::FilterIndex(const ResultTable& table) {
  row_starts_.reserve(table.row_count() + 1);
  for (const auto& page : table.pages_) {
    for (std::size_t row = 0; row < page->rows(); ++row) {
      row_starts_.push_back(text_.size());
      for (std::uint32_t i = page->row_starts[row]; i < page->row_starts[row + 1]; ++i) {
        for (char c : page->cells[i].text) text_ += ascii_lower(c);
        text_ += kCellSeparator;
      }
    }
  }
  row_starts_.push_back(text_.size());
}

bool FilterIndex::row_contains(std::uint32_t row, std::string_view lower_needle) const {
  if (row >= row_count()) return false;
  const std::string_view text =
      std::string_view(text_).substr(row_starts_[row], row_starts_[row + 1] - row_starts_[row]);
  return text.find(lower_needle) != std::string_view::npos;
}

std::vector<std::uint32_t> filter_rows(const FilterIndex& index, std::span<const std::uint32_t> rows,
                                       std::string_view needle) {
  const std::string lower_needle = lower(needle);
  std::vector<std::uint32_t> kept;
  for (std::uint32_t row : rows) {
    if (index.row_contains(row, lower_needle)) kept.push_back(row);
  }
  return kept;
}

// ---------------------------------------------------------------- copying

namespace {

std::string json_string(std::string_view text) { return to_json_text(JsonValue::string(std::string(text))); }

// Spreadsheets read a field that starts with a quote as quoted (doubled quotes inside, tabs and
// newlines included); any other field is taken as it is.
std::string tsv_field(std::string text) {
  if (text.find_first_of("\t\n\r") == std::string::npos && !text.starts_with('"')) return text;
  return spreadsheet_quoted(text);
}

void append_row_json(const ResultTable& table, std::size_t row, std::string& out) {
  out += '{';
  bool first = true;
  for (std::size_t column = 0; column < table.column_count(); ++column) {
    const Cell& cell = table.cell(row, column);
    if (cell.missing()) continue;
    if (!first) out += ',';
    first = false;
    out += json_string(table.columns()[column].name);
    out += ':';
    out += copy_cell(cell, CopyFormat::Json);
  }
  out += '}';
}

void append_row_tsv(const ResultTable& table, std::size_t row, std::string& out) {
  for (std::size_t column = 0; column < table.column_count(); ++column) {
    if (column) out += '\t';
    out += copy_cell(table.cell(row, column), CopyFormat::Tsv);
  }
}

}  // namespace

std::string copy_cell(const Cell& cell, CopyFormat format) {
  if (cell.missing()) return {};
  if (!cell.json.empty())
    return format == CopyFormat::Json ? std::string(cell.json) : tsv_field(std::string(cell.json));
  if (format == CopyFormat::Tsv) return tsv_field(std::string(cell.text));
  switch (*cell.type) {
    case AttributeType::Number:
    case AttributeType::Bool:
    case AttributeType::Null: return std::string(cell.text);
    case AttributeType::Binary: return "{\"$B\":" + json_string(cell.text) + "}";
    default: return json_string(cell.text);
  }
}

std::string copy_row(const ResultTable& table, std::size_t row, CopyFormat format) {
  std::string out;
  if (row >= table.row_count()) return out;
  if (format == CopyFormat::Json) {
    append_row_json(table, row, out);
  } else {
    append_row_tsv(table, row, out);
  }
  return out;
}

std::string copy_rows(const ResultTable& table, std::span<const std::uint32_t> rows, CopyFormat format) {
  std::string out;
  if (format == CopyFormat::Tsv) {
    for (std::size_t column = 0; column < table.column_count(); ++column) {
      if (column) out += '\t';
      out += tsv_field(table.columns()[column].name);
    }
    for (std::uint32_t row : rows) {
      if (row >= table.row_count()) continue;
      out += '\n';
      append_row_tsv(table, row, out);
    }
    return out;
  }
  out += '[';
  bool first = true;
  for (std::uint32_t row : rows) {
    if (row >= table.row_count()) continue;
    out += first ? "\n" : ",\n";
    first = false;
    append_row_json(table, row, out);
  }
  out += first ? "]" : "\n]";
  return out;
}

}  // namespace core
