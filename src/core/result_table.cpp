#include "core/result_table.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/ascii.hpp"
#include "core/base64.hpp"

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

bool Cell::expandable() const { return value && type && child_count(*value, *type) > 0; }

// Builds a table's cells; owns the generated texts until the table takes them.
class TableBuilder {
 public:
  explicit TableBuilder(std::shared_ptr<const JsonValue> source) : texts_(std::make_shared<std::deque<std::string>>()) {
    table_.source_ = std::move(source);
  }

  Cell value_cell(const JsonValue& value) {
    const AttributeType type = attribute_type_of(value);
    const auto text = own_text(value, type);
    return Cell{&value, text ? *text : summary(type, child_count(value, type)), type};
  }

  Cell label_cell(std::string_view text) { return Cell{nullptr, text, AttributeType::String}; }

  std::string_view keep(std::string text) { return texts_->emplace_back(std::move(text)); }

  void add_column(std::string name, bool key) { table_.columns_.push_back(Column{std::move(name), key}); }
  void reserve_cells(std::size_t count) { table_.cells_.reserve(count); }
  void resize_cells(std::size_t count) { table_.cells_.resize(count); }
  void push_cell(Cell cell) { table_.cells_.push_back(cell); }
  Cell& cell_at(std::size_t index) { return table_.cells_[index]; }

  ResultTable finish() {
    table_.texts_ = std::move(texts_);
    return std::move(table_);
  }

 private:
  // Summaries repeat ("{3 keys}" in every row): each is kept once.
  std::string_view summary(AttributeType type, std::size_t count) {
    const auto [it, added] = summaries_.try_emplace({type, count});
    if (added) it->second = keep(summary_text(type, count));
    return it->second;
  }

  ResultTable table_;
  std::shared_ptr<std::deque<std::string>> texts_;
  std::map<std::pair<AttributeType, std::size_t>, std::string_view> summaries_;
};

namespace {

constexpr std::string_view kWholeItemColumn = "(value)";  // for items that are not objects
constexpr std::size_t kNoPosition = SIZE_MAX;             // a lookup by name alone

// Column lookup for the build: items of one table mostly list their attributes
// in the same order, so the column at the same position is tried before the map.
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
    names_.push_back(name);
    by_name_.emplace(name, index);
    remember(position, index);
    return index;
  }
  std::uint32_t size() const { return static_cast<std::uint32_t>(names_.size()); }
  std::string_view name(std::uint32_t index) const { return names_[index]; }

 private:
  void remember(std::size_t position, std::uint32_t index) {
    if (position == kNoPosition) return;
    if (position >= by_position_.size()) by_position_.resize(position + 1, UINT32_MAX);
    by_position_[position] = index;
  }
  std::vector<std::string_view> names_;
  std::unordered_map<std::string_view, std::uint32_t> by_name_;
  std::vector<std::uint32_t> by_position_;
};

bool any_item_has(const JsonValue& items, std::string_view name) {
  return std::any_of(items.array.begin(), items.array.end(),
                     [&](const JsonValue& item) { return item.is_object() && item.find(name); });
}

// The columns, and the column of every member of every item in order (so the
// second pass over the items looks nothing up again).
struct ColumnLayout {
  ColumnIndex columns;
  std::vector<std::uint32_t> member_columns;
};

ColumnLayout lay_out_columns(const JsonValue& items, std::span<const std::string> key_names) {
  ColumnLayout layout;
  ColumnIndex& columns = layout.columns;
  for (const auto& key : key_names) {
    if (!columns.find(key, kNoPosition) && any_item_has(items, key)) columns.add(key, kNoPosition);
  }
  for (const auto& item : items.array) {
    if (!item.is_object()) {
      const auto found = columns.find(kWholeItemColumn, kNoPosition);
      layout.member_columns.push_back(found ? *found : columns.add(kWholeItemColumn, kNoPosition));
      continue;
    }
    for (std::size_t i = 0; i < item.object.size(); ++i) {
      const auto found = columns.find(item.object[i].first, i);
      layout.member_columns.push_back(found ? *found : columns.add(item.object[i].first, i));
    }
  }
  return layout;
}

}  // namespace

ResultTable items_table(std::shared_ptr<const JsonValue> items, std::span<const std::string> key_names) {
  if (!items || !items->is_array()) return {};
  const JsonValue& array = *items;
  const ColumnLayout layout = lay_out_columns(array, key_names);
  TableBuilder builder(std::move(items));
  const std::size_t width = layout.columns.size();
  for (std::uint32_t c = 0; c < width; ++c) {
    const std::string_view name = layout.columns.name(c);
    const bool key = std::find(key_names.begin(), key_names.end(), name) != key_names.end();
    builder.add_column(std::string(name), key);
  }
  builder.resize_cells(array.array.size() * width);
  auto column = layout.member_columns.begin();
  for (std::size_t row = 0; row < array.array.size(); ++row) {
    const JsonValue& item = array.array[row];
    if (!item.is_object()) {
      builder.cell_at(row * width + *column++) = builder.value_cell(item);
      continue;
    }
    for (const auto& [name, value] : item.object) builder.cell_at(row * width + *column++) = builder.value_cell(value);
  }
  return builder.finish();
}

ResultTable attribute_table(std::shared_ptr<const JsonValue> item) {
  if (!item || !(item->is_object() || item->is_array())) return {};
  const JsonValue& value = *item;
  TableBuilder builder(std::move(item));
  for (const char* name : {"attribute", "type", "value"}) builder.add_column(name, false);
  const auto add_row = [&](std::string_view name, const JsonValue& member) {
    const Cell cell = builder.value_cell(member);
    builder.push_cell(builder.label_cell(name));
    builder.push_cell(builder.label_cell(type_code(*cell.type)));
    builder.push_cell(cell);
  };
  builder.reserve_cells(3 * (value.object.size() + value.array.size()));
  for (const auto& [name, member] : value.object) add_row(name, member);
  for (std::size_t i = 0; i < value.array.size(); ++i) add_row(builder.keep(element_name(i)), value.array[i]);
  return builder.finish();
}

ResultTable value_table(std::shared_ptr<const JsonValue> value) {
  if (!value) return {};
  const JsonValue& shown = *value;
  TableBuilder builder(std::move(value));
  builder.add_column("value", false);
  builder.push_cell(builder.value_cell(shown));
  return builder.finish();
}

ResultTable answer_table(const Answer& answer, std::span<const std::string> key_names) {
  if (!answer.body) return {};
  const auto member = [&](std::string_view key) {
    return std::shared_ptr<const JsonValue>(answer.body, answer.body->find(key));
  };
  switch (answer.kind) {
    case AnswerKind::Items: return items_table(member("Items"), key_names);
    case AnswerKind::Item: return attribute_table(member("Item"));
    case AnswerKind::Attributes: return attribute_table(member("Attributes"));
    case AnswerKind::Echo:
    case AnswerKind::Pong:
    case AnswerKind::OtherValue: break;
    default: return {};
  }
  const JsonValue& body = *answer.body;
  if (body.is_array() && !body.array.empty() && all_elements(body, &JsonValue::is_object))
    return items_table(answer.body, key_names);
  if (body.is_object() || body.is_array()) return attribute_table(answer.body);
  return value_table(answer.body);
}

std::vector<CellChild> cell_children(const Cell& cell) {
  std::vector<CellChild> children;
  if (!cell.value || !cell.type) return children;
  const auto add_value = [&](std::string name, const JsonValue& value) {
    const AttributeType type = attribute_type_of(value);
    const auto text = own_text(value, type);
    children.push_back(CellChild{std::move(name), type,
                                 text ? std::string(*text) : summary_text(type, child_count(value, type)), &value});
  };
  // A set's members are plain strings or numbers standing for one type.
  const auto add_members = [&](AttributeType type) {
    const JsonArray& members = marker_content(*cell.value).array;
    for (std::size_t i = 0; i < members.size(); ++i)
      children.push_back(CellChild{element_name(i), type, members[i].text, &members[i]});
  };
  switch (*cell.type) {
    case AttributeType::Map:
      for (const auto& [name, value] : cell.value->object) add_value(name, value);
      break;
    case AttributeType::List:
      for (std::size_t i = 0; i < cell.value->array.size(); ++i) add_value(element_name(i), cell.value->array[i]);
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
  if (cell.value && key.type == AttributeType::Bool) key.size = cell.value->boolean ? 1 : 0;
  if (cell.value) key.size += child_count(*cell.value, key.type);
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
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    row_starts_.push_back(text_.size());
    for (std::size_t column = 0; column < table.column_count(); ++column) {
      for (char c : table.cell(row, column).text) text_ += ascii_lower(c);
      text_ += kCellSeparator;
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
  const std::string lower = ascii_lowered(needle);
  std::vector<std::uint32_t> kept;
  for (std::uint32_t row : rows) {
    if (index.row_contains(row, lower)) kept.push_back(row);
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
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
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
  if (!cell.value) return format == CopyFormat::Json ? json_string(cell.text) : tsv_field(std::string(cell.text));
  if (format == CopyFormat::Json) return to_json_text(*cell.value);
  const auto text = own_text(*cell.value, *cell.type);
  return tsv_field(text ? std::string(*text) : to_json_text(*cell.value));
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
