#include <doctest/doctest.h>

#include <algorithm>
#include <memory>

#include "core/result_table.hpp"
#include "fixtures.hpp"

using core::AttributeType;
using core::CopyFormat;
using core::Operation;
using core::ResultTable;
using core::SortDirection;

namespace {

ResultTable items(std::string_view text, const std::vector<std::string>& keys = core::kDefaultKeyNames) {
  return core::items_table(fixtures::parse(text), keys);
}

std::vector<std::string> column_names(const ResultTable& table) {
  std::vector<std::string> names;
  for (const auto& column : table.columns()) names.push_back(column.name);
  return names;
}

// The texts of one column, in the given row order.
std::vector<std::string> column_texts(const ResultTable& table, std::size_t column,
                                      const std::vector<std::uint32_t>& rows) {
  std::vector<std::string> texts;
  for (auto row : rows) texts.emplace_back(table.cell(row, column).text);
  return texts;
}

ResultTable mixed_list_table() {
  const core::Answer answer =
      core::classify_response(fixtures::response("list_mixed_types"), {.operation = Operation::List});
  return core::answer_table(answer, core::kDefaultKeyNames);
}

}  // namespace

TEST_CASE("key attributes come first, then every attribute in first-seen order") {
  const auto table = items(R"([{"b":1,"id":"x"},{"c":2,"a":3,"id":"y"},{"b":4,"d":5}])");
  CHECK(column_names(table) == std::vector<std::string>{"id", "b", "c", "a", "d"});
  CHECK(table.columns()[0].key);
  CHECK_FALSE(table.columns()[1].key);
  CHECK(table.row_count() == 3);
}

TEST_CASE("the caller names the key attributes, and unused ones get no column") {
  const auto table = items(R"([{"v":1,"sk":"2","pk":"a"}])", {"pk", "sk", "id"});
  CHECK(column_names(table) == std::vector<std::string>{"pk", "sk", "v"});
  CHECK(table.columns()[1].key);
}

TEST_CASE("a missing attribute is distinct from null") {
  const auto table = items(R"([{"id":"a","note":null},{"id":"b"}])");
  CHECK(table.cell(0, 1).type == AttributeType::Null);
  CHECK(table.cell(0, 1).text == "null");
  CHECK(table.cell(1, 1).missing());
  CHECK(table.cell(1, 1).json.empty());
  CHECK(table.cell(1, 1).text.empty());
}

TEST_CASE("cells carry DynamoDB types, including set and binary markers") {
  const auto table = mixed_list_table();
  const auto at = [&](std::size_t row, std::string_view column) {
    const auto names = column_names(table);
    const auto index = static_cast<std::size_t>(std::find(names.begin(), names.end(), column) - names.begin());
    REQUIRE(index < names.size());
    return table.cell(row, index);
  };
  CHECK(at(0, "id").type == AttributeType::String);
  CHECK(at(0, "price").type == AttributeType::Number);
  CHECK(at(0, "tags").type == AttributeType::StringSet);
  CHECK(at(0, "active").type == AttributeType::Bool);
  CHECK(at(0, "info").type == AttributeType::Map);
  CHECK(at(1, "scores").type == AttributeType::NumberSet);
  CHECK(at(1, "note").type == AttributeType::Null);
  CHECK(at(1, "blob").type == AttributeType::Binary);
  CHECK(at(1, "blob").text == "AAEC");
  CHECK(at(1, "history").type == AttributeType::List);
  CHECK(at(2, "blobs").type == AttributeType::BinarySet);
  CHECK(at(2, "nested").type == AttributeType::Map);  // {"$SS": 5} is not a set
  CHECK(core::type_code(*at(2, "blobs").type) == "BS");
}

TEST_CASE("numbers are shown exactly as received") {
  const auto table =
      items(R"([{"id":"a","n":12345678901234567890123456789012345678},{"id":"b","n":1E+2},{"id":"c","n":0.10}])");
  CHECK(table.cell(0, 1).text == "12345678901234567890123456789012345678");
  CHECK(table.cell(1, 1).text == "1E+2");
  CHECK(table.cell(2, 1).text == "0.10");
}

TEST_CASE("nested values are summarised") {
  const auto table = items(
      R"([{"id":"a","m":{"x":1,"y":2,"z":3},"l":[1,2,3,4,5],"one":[0],"s":{"$SS":["a"]},"ns":{"$NS":[1,2]},"bs":{"$BS":["AA=="]}}])");
  CHECK(table.cell(0, 1).text == "{3 keys}");
  CHECK(table.cell(0, 2).text == "[5 items]");
  CHECK(table.cell(0, 3).text == "[1 item]");
  CHECK(table.cell(0, 4).text == "<1 string>");
  CHECK(table.cell(0, 5).text == "<2 numbers>");
  CHECK(table.cell(0, 6).text == "<1 binary value>");
}

TEST_CASE("nested values expand into their children") {
  const auto table = items(
      R"([{"id":"a","m":{"x":1,"y":{"deep":true}},"l":["s",null],"ns":{"$NS":[1,2.5]},"bs":{"$BS":["AA==","/w=="]}}])");
  CHECK(table.cell(0, 1).expandable());
  CHECK_FALSE(table.cell(0, 0).expandable());
  const auto map = core::cell_children(table.cell(0, 1));
  REQUIRE(map.size() == 2);
  CHECK(map[0].name == "x");
  CHECK(map[0].type == AttributeType::Number);
  CHECK(map[1].text == "{1 key}");
  CHECK(map[1].json == R"({"deep":true})");
  const auto deep = core::cell_children(map[1].cell());
  REQUIRE(deep.size() == 1);
  CHECK(deep[0].text == "true");
  const auto list = core::cell_children(table.cell(0, 2));
  REQUIRE(list.size() == 2);
  CHECK(list[1].name == "[1]");
  CHECK(list[1].type == AttributeType::Null);
  const auto set = core::cell_children(table.cell(0, 3));
  REQUIRE(set.size() == 2);
  CHECK(set[1].type == AttributeType::Number);
  CHECK(set[1].text == "2.5");
  const auto binaries = core::cell_children(table.cell(0, 4));
  REQUIRE(binaries.size() == 2);
  CHECK(binaries[1].type == AttributeType::Binary);
  CHECK(binaries[1].text == "/w==");
}

TEST_CASE("a table keeps the answer it points into alive") {
  ResultTable table;
  {
    const core::Answer answer = core::classify_response(
        {.status = 200, .body = R"({"Items":[{"id":"kept","m":{"a":1}}],"Count":1,"ScannedCount":1})"},
        {.operation = Operation::List});
    table = core::answer_table(answer, core::kDefaultKeyNames);
  }
  const ResultTable copy = table;
  table = ResultTable();
  CHECK(copy.cell(0, 0).text == "kept");
  CHECK(copy.cell(0, 1).text == "{1 key}");
}

TEST_CASE("numbers sort by exact value, not as text or double") {
  const auto table = items(
      R"([{"n":10},{"n":9},{"n":12345678901234567890123456789012345679},{"n":12345678901234567890123456789012345678},{"n":-1E+2},{"n":0.5}])");
  CHECK(column_texts(table, 0, core::sorted_rows(table, 0, SortDirection::Ascending)) ==
        std::vector<std::string>{"-1E+2", "0.5", "9", "10", "12345678901234567890123456789012345678",
                                 "12345678901234567890123456789012345679"});
  CHECK(column_texts(table, 0, core::sorted_rows(table, 0, SortDirection::Descending)).front() ==
        "12345678901234567890123456789012345679");
}

TEST_CASE("strings sort by code point") {
  const auto table = items(R"([{"s":"b"},{"s":"B"},{"s":"a"},{"s":"é"},{"s":"ab"}])");
  CHECK(column_texts(table, 0, core::sorted_rows(table, 0, SortDirection::Ascending)) ==
        std::vector<std::string>{"B", "a", "ab", "b", "é"});
}

TEST_CASE("binary values sort by their bytes") {
  // "_w" is 0xFF and "AA" is 0x00: base64 text order would put them the other way round for "+"/"/" digits.
  const auto table = items(R"([{"b":{"$B":"/w=="}},{"b":{"$B":"AA=="}},{"b":{"$B":"+w=="}},{"b":{"$B":"AAA="}}])");
  CHECK(column_texts(table, 0, core::sorted_rows(table, 0, SortDirection::Ascending)) ==
        std::vector<std::string>{"AA==", "AAA=", "+w==", "/w=="});
}

TEST_CASE("sorting is stable") {
  const auto table = items(R"([{"id":"1","k":2},{"id":"2","k":1},{"id":"3","k":2},{"id":"4","k":1},{"id":"5","k":2}])");
  CHECK(column_texts(table, 0, core::sorted_rows(table, 1, SortDirection::Ascending)) ==
        std::vector<std::string>{"2", "4", "1", "3", "5"});
  CHECK(column_texts(table, 0, core::sorted_rows(table, 1, SortDirection::Descending)) ==
        std::vector<std::string>{"1", "3", "5", "2", "4"});
}

TEST_CASE("mixed types sort in a fixed type order with missing cells last") {
  const auto table = items(
      R"([{"id":"1","v":{"m":1}},{"id":"2"},{"id":"3","v":"text"},{"id":"4","v":true},{"id":"5","v":7},{"id":"6","v":null},{"id":"7","v":[1]},{"id":"8","v":false}])");
  CHECK(column_texts(table, 0, core::sorted_rows(table, 1, SortDirection::Ascending)) ==
        std::vector<std::string>{"5", "3", "8", "4", "6", "7", "1", "2"});
  CHECK(column_texts(table, 0, core::sorted_rows(table, 1, SortDirection::Descending)) ==
        std::vector<std::string>{"1", "7", "6", "4", "8", "3", "5", "2"});
}

TEST_CASE("containers sort by their size") {
  const auto table = items(R"([{"l":[1,2,3]},{"l":[]},{"l":[9]}])");
  CHECK(column_texts(table, 0, core::sorted_rows(table, 0, SortDirection::Ascending)) ==
        std::vector<std::string>{"[0 items]", "[1 item]", "[3 items]"});
}

TEST_CASE("the text filter keeps rows with a matching cell, ignoring case") {
  const auto table = items(R"([{"id":"Alpha","n":1},{"id":"beta","n":22},{"id":"gamma","tags":{"$SS":["x"]}}])");
  const core::FilterIndex index(table);
  const auto rows = core::all_rows(table);
  CHECK(core::filter_rows(index, rows, "ALP") == std::vector<std::uint32_t>{0});
  CHECK(core::filter_rows(index, rows, "2") == std::vector<std::uint32_t>{1});
  CHECK(core::filter_rows(index, rows, "a") == std::vector<std::uint32_t>{0, 1, 2});
  CHECK(core::filter_rows(index, rows, "1 string") == std::vector<std::uint32_t>{2});
  CHECK(core::filter_rows(index, rows, "").size() == 3);
  CHECK(core::filter_rows(index, rows, "nothing like it").empty());
}

TEST_CASE("a filter match never spans two cells") {
  const auto table = items(R"([{"a":"xab","b":"cdx"}])");
  const core::FilterIndex index(table);
  CHECK(core::filter_rows(index, core::all_rows(table), "ab").size() == 1);
  CHECK(core::filter_rows(index, core::all_rows(table), "bc").empty());
  CHECK(core::filter_rows(index, core::all_rows(table), "abcd").empty());
}

TEST_CASE("filtering keeps the order it is given") {
  const auto table = items(R"([{"n":3},{"n":1},{"n":2}])");
  const core::FilterIndex index(table);
  const auto sorted = core::sorted_rows(table, 0, SortDirection::Descending);
  CHECK(core::filter_rows(index, sorted, "") == sorted);
  CHECK(column_texts(table, 0, core::filter_rows(index, sorted, "")) == std::vector<std::string>{"3", "2", "1"});
}

TEST_CASE("a single item becomes an attribute, type and value table") {
  const core::Answer answer = core::classify_response(fixtures::response("read_item"), {.operation = Operation::Read});
  const auto table = core::answer_table(answer, core::kDefaultKeyNames);
  CHECK(column_names(table) == std::vector<std::string>{"attribute", "type", "value"});
  REQUIRE(table.row_count() == 2);
  CHECK(table.cell(1, 0).text == "number");
  CHECK(table.cell(1, 1).text == "N");
  CHECK(table.cell(1, 2).text == "4");
  CHECK(table.cell(1, 2).type == AttributeType::Number);
}

TEST_CASE("attributes returned by a write become an attribute table without metadata") {
  const core::Answer answer =
      core::classify_response(fixtures::response("update_attributes"), {.operation = Operation::Update});
  const auto table = core::answer_table(answer, core::kDefaultKeyNames);
  CHECK(table.row_count() == 3);
  CHECK(column_texts(table, 0, core::all_rows(table)) == std::vector<std::string>{"id", "number", "FirstName"});
}

TEST_CASE("answers without data give an empty table: pong and echo show their value") {
  const auto not_found = core::classify_response(fixtures::response("read_not_found"), {.operation = Operation::Read});
  CHECK(core::answer_table(not_found, core::kDefaultKeyNames).column_count() == 0);
  CHECK(core::answer_table(core::classify_response(fixtures::response("lambda_error_float")), core::kDefaultKeyNames)
            .column_count() == 0);
  const auto pong =
      core::answer_table(core::classify_response(fixtures::response("ping_pong")), core::kDefaultKeyNames);
  REQUIRE(pong.row_count() == 1);
  CHECK(pong.cell(0, 0).text == "pong");
  const auto echo_answer = core::classify_response(fixtures::response("echo_value"), {.operation = Operation::Echo});
  const auto echo = core::answer_table(echo_answer, core::kDefaultKeyNames);
  CHECK(column_texts(echo, 0, core::all_rows(echo)) == std::vector<std::string>{"a", "big"});
}

TEST_CASE("copying a cell as JSON gives the exact value") {
  const auto table = items(R"([{"id":"a\tb","n":0.10,"m":{"x":[1,true]},"s":{"$SS":["p"]}},{"id":"c"}])");
  CHECK(core::copy_cell(table.cell(0, 0), CopyFormat::Json) == "\"a\\tb\"");
  CHECK(core::copy_cell(table.cell(0, 1), CopyFormat::Json) == "0.10");
  CHECK(core::copy_cell(table.cell(0, 2), CopyFormat::Json) == R"({"x":[1,true]})");
  CHECK(core::copy_cell(table.cell(0, 3), CopyFormat::Json) == R"({"$SS":["p"]})");
  CHECK(core::copy_cell(table.cell(1, 1), CopyFormat::Json).empty());
}

TEST_CASE("copying a cell as TSV gives its text, JSON for nested values, quoted when needed") {
  const auto table = items(R"([{"id":"a\tb","n":0.10,"m":{"x":1},"q":"\"hi\" she said","plain":"x \"y\""}])");
  CHECK(core::copy_cell(table.cell(0, 0), CopyFormat::Tsv) == "\"a\tb\"");
  CHECK(core::copy_cell(table.cell(0, 1), CopyFormat::Tsv) == "0.10");
  CHECK(core::copy_cell(table.cell(0, 2), CopyFormat::Tsv) == R"({"x":1})");
  CHECK(core::copy_cell(table.cell(0, 3), CopyFormat::Tsv) == "\"\"\"hi\"\" she said\"");
  CHECK(core::copy_cell(table.cell(0, 4), CopyFormat::Tsv) == "x \"y\"");
}

TEST_CASE("copying a row gives its present attributes") {
  const auto table = items(R"([{"id":"a","n":1,"x":null},{"n":2,"id":"b"}])");
  CHECK(core::copy_row(table, 1, CopyFormat::Json) == R"({"id":"b","n":2})");
  CHECK(core::copy_row(table, 0, CopyFormat::Json) == R"({"id":"a","n":1,"x":null})");
  CHECK(core::copy_row(table, 1, CopyFormat::Tsv) == "b\t2\t");
}

TEST_CASE("copying all rows follows the shown order, with a header line in TSV") {
  const auto table = items(R"([{"id":"a","n":2},{"id":"b","n":1}])");
  const auto rows = core::sorted_rows(table, 1, SortDirection::Ascending);
  CHECK(core::copy_rows(table, rows, CopyFormat::Tsv) == "id\tn\nb\t1\na\t2");
  CHECK(core::copy_rows(table, rows, CopyFormat::Json) == "[\n{\"id\":\"b\",\"n\":1},\n{\"id\":\"a\",\"n\":2}\n]");
  CHECK(fixtures::parse(core::copy_rows(table, rows, CopyFormat::Json)).array.size() == 2);
  CHECK(core::copy_rows(table, {}, CopyFormat::Json) == "[]");
}

TEST_CASE("items that are not objects are kept in a value column") {
  const auto table = items(R"([{"id":"a"},5,"x"])");
  CHECK(column_names(table) == std::vector<std::string>{"id", "(value)"});
  CHECK(table.cell(1, 1).text == "5");
  CHECK(table.cell(1, 0).missing());
}

TEST_CASE("a large list builds one row per item with every column") {
  std::string text = "[";
  for (int i = 0; i < 10000; ++i) {
    if (i) text += ',';
    text += R"({"id":"item-)" + std::to_string(i) + R"(","n":)" + std::to_string(i * 7 % 1000) +
            R"(,"a1":"x","a2":true,"a3":null,"a4":[1,2],"a5":{"k":1},"a6":1.5,"a7":"y","a8":"z"})";
  }
  text += "]";
  const auto table = items(text);
  CHECK(table.row_count() == 10000);
  CHECK(table.column_count() == 10);
  const auto sorted = core::sorted_rows(table, 1, SortDirection::Ascending);
  CHECK(table.cell(sorted.front(), 1).text == "0");
  CHECK(table.cell(sorted.back(), 1).text == "999");
}

TEST_CASE("a list read one item at a time gives the same table as the whole array") {
  const std::string text =
      R"([{"n":1,"id":"a","m":{"k":[1,2]}},{"id":"b","s":"x\"y","b":{"$B":"AAE="}},{"id":"c","ss":{"$SS":["p"]}}])";
  const auto whole = items(text);
  core::ItemsTableBuilder builder(core::kDefaultKeyNames);
  for (const auto& item : fixtures::parse(text).array) builder.add(item);
  const auto streamed = builder.finish();
  REQUIRE(column_names(streamed) == column_names(whole));
  REQUIRE(streamed.row_count() == whole.row_count());
  for (std::uint32_t row = 0; row < whole.row_count(); ++row) {
    CHECK(core::copy_row(streamed, row, CopyFormat::Json) == core::copy_row(whole, row, CopyFormat::Json));
  }
  CHECK(core::copy_row(streamed, 1, CopyFormat::Json) == R"({"id":"b","s":"x\"y","b":{"$B":"AAE="}})");
  CHECK(core::copy_row(streamed, 0, CopyFormat::Json) == R"({"id":"a","n":1,"m":{"k":[1,2]}})");
}

TEST_CASE("a further page is added to a table without copying the earlier pages, new columns included") {
  core::ItemsTableBuilder first(core::kDefaultKeyNames);
  first.add(fixtures::parse(R"({"id":"a","x":"1"})"));
  first.add(fixtures::parse(R"({"id":"b","x":"2"})"));
  const ResultTable one = first.finish();
  const core::Cell* kept = &one.cell(1, 1);
  core::ItemsTableBuilder second(core::kDefaultKeyNames, one);
  second.add(fixtures::parse(R"({"id":"c","y":true})"));
  const ResultTable two = second.finish();
  CHECK(two.page_count() == 2);
  CHECK(two.row_count() == 3);
  CHECK(column_names(two) == std::vector<std::string>{"id", "x", "y"});
  CHECK(&two.cell(1, 1) == kept);  // the same cell, not a copy
  CHECK(two.cell(0, 2).missing());
  CHECK(two.cell(2, 2).text == "true");
  CHECK(two.cell(2, 1).missing());
  CHECK(column_texts(two, 0, core::sorted_rows(two, 0, SortDirection::Descending)) ==
        std::vector<std::string>{"c", "b", "a"});
  CHECK(one.row_count() == 2);  // the earlier table is unchanged
}

TEST_CASE("a table counts the memory it holds, and it grows with its rows, not with a JSON tree") {
  std::string text = "[";
  for (int i = 0; i < 2000; ++i) {
    text += (i ? "," : "");
    text += R"({"id":"item-)" + std::to_string(i) + R"(","n":12345.678,"s":"some text here","m":{"a":[1,2,3]}})";
  }
  text += "]";
  const auto table = items(text);
  CHECK(table.memory_bytes() > 2000 * 4 * sizeof(core::Cell) / 2);
  // Cells, their texts and the nested values' JSON: a fraction of what the JsonValue tree takes.
  std::size_t nodes = 0;
  const auto count = [&](const auto& self, const core::JsonValue& value) -> void {
    ++nodes;
    for (const auto& element : value.array) self(self, element);
    for (const auto& [name, member] : value.object) self(self, member);
  };
  count(count, fixtures::parse(text));
  CHECK(table.memory_bytes() * 3 < nodes * sizeof(core::JsonValue));
  CHECK(table.memory_bytes() < 2 * text.size() + table.row_count() * 4 * sizeof(core::Cell));
}
