#include <doctest/doctest.h>

#include "core/accessibility.hpp"
#include "core/json_value.hpp"

using namespace core::a11y;

namespace {

Node node(std::uint32_t id, std::string name, Role role = Role::Button, std::uint32_t parent = 0) {
  Node n;
  n.id = id;
  n.parent = parent;
  n.description.role = role;
  n.description.name = name;
  n.description.key = std::move(name);
  n.box = {10, 20, 30, 40};
  return n;
}

}  // namespace

TEST_CASE("a label splits into its visible text and its id at ## or ###") {
  CHECK(split_label("Send").visible == "Send");
  CHECK(split_label("Send").id.empty());
  CHECK(split_label("Save…##Save file").visible == "Save…");
  CHECK(split_label("Save…##Save file").id == "Save file");
  CHECK(split_label("##Endpoint").visible.empty());
  CHECK(split_label("##Endpoint").id == "Endpoint");
  CHECK(split_label("Light theme###Theme").id == "Theme");
}

TEST_CASE("the key is the id when the label has one and the visible text otherwise") {
  CHECK(describe_item({.label = "Send"}).key == "Send");
  CHECK(describe_item({.label = "Light theme##Theme"}).key == "Theme");
  CHECK(describe_item({.label = "##Endpoint", .status = kInputable}).key == "Endpoint");
}

TEST_CASE("the accessible name is the visible text without the ## part") {
  const Description d = describe_item({.label = "Light theme##Theme"});
  CHECK(d.name == "Light theme");
  CHECK(d.role == Role::Button);
  // Whitespace around either part is core::trim's: any of space, \t, \n, \r, \f, \v.
  const Description spaced = describe_item({.label = " Light theme\t\n##\tTheme "});
  CHECK(spaced.name == "Light theme");
  CHECK(spaced.key == "Theme");
}

TEST_CASE("an item with a hidden or symbol-only label gets a readable name from its id") {
  CHECK(describe_item({.label = "##api-key", .status = kInputable}).name == "Api key");
  CHECK(describe_item({.label = "##Header name 0", .status = kInputable}).name == "Header name 0");
  CHECK(describe_item({.label = "×##Remove header 1"}).name == "Remove header 1");
  CHECK(describe_item({.label = "↻##Re-send 0"}).name == "Re-send 0");
  CHECK(readable_name("row_count") == "Row count");
}

TEST_CASE("text in any script is a name, symbols alone are not") {
  CHECK(describe_item({.label = "送信##Send"}).name == "送信");
  CHECK(describe_item({.label = "إرسال##Send"}).name == "إرسال");
  CHECK(describe_item({.label = "▸##Open"}).name == "Open");
}

TEST_CASE("an item with neither a visible label nor an id is not exposed") {
  CHECK(describe_item({.label = ""}).role == Role::None);
  CHECK(describe_item({.label = "##"}).role == Role::None);
  CHECK(describe_item({.label = "##split", .hint = Hint::Hidden}).role == Role::None);
}

TEST_CASE("status bits give textbox, checkbox and button roles with their states") {
  const Description field = describe_item({.label = "##Event JSON", .status = kInputable | kMultiline});
  CHECK(field.role == Role::Textbox);
  CHECK(field.multiline);
  CHECK_FALSE(field.checked);

  const Description on = describe_item({.label = "Secret", .status = kCheckable | kChecked});
  CHECK(on.role == Role::Checkbox);
  CHECK(on.checked == true);
  CHECK(describe_item({.label = "Secret", .status = kCheckable}).checked == false);

  const Description button = describe_item({.label = "Send", .status = kDisabled});
  CHECK(button.role == Role::Button);
  CHECK(button.disabled);
  CHECK_FALSE(button.checked);
  CHECK_FALSE(button.expanded);
  CHECK_FALSE(button.multiline);
}

TEST_CASE("an openable item says whether it is expanded") {
  CHECK(describe_item({.label = "members", .status = kOpenable}).expanded == false);
  CHECK(describe_item({.label = "members", .status = kOpenable | kOpened}).expanded == true);
  const Description combo =
      describe_item({.label = "##Item 0 type", .status = kOpenable | kOpened, .hint = Hint::Combobox});
  CHECK(combo.role == Role::Combobox);
  CHECK(combo.expanded == true);
  CHECK(combo.name == "Item 0 type");
}

TEST_CASE("the app's hint decides the role where the flags cannot") {
  CHECK(describe_item({.label = "Table##Tab Table", .hint = Hint::Tab, .selected = true}).role == Role::Tab);
  CHECK(describe_item({.label = "Table##Tab Table", .hint = Hint::Tab, .selected = true}).selected == true);
  CHECK(describe_item({.label = "Table##Tab Table", .hint = Hint::Tab}).selected == false);
  CHECK(describe_item({.label = "JSON", .hint = Hint::Radio, .selected = true}).checked == true);
  CHECK(describe_item({.label = "Connection", .hint = Hint::Heading}).role == Role::Heading);
  CHECK(describe_item({.label = "Read 1 item##Response summary", .hint = Hint::Status}).role == Role::Status);
  CHECK(describe_item({.label = "Could not reach##Banner", .hint = Hint::Alert}).role == Role::Alert);
  CHECK(describe_item({.label = "##Row 3", .hint = Hint::Row}).selected == false);
  CHECK_FALSE(describe_item({.label = "Send"}).selected);
}

TEST_CASE("focus stops on controls, not on text, headings or announcements") {
  CHECK(is_focusable(Role::Button));
  CHECK(is_focusable(Role::Textbox));
  CHECK(is_focusable(Role::Row));
  CHECK_FALSE(is_focusable(Role::Heading));
  CHECK_FALSE(is_focusable(Role::Status));
  CHECK_FALSE(is_focusable(Role::Cell));
  CHECK_FALSE(is_focusable(Role::Text));
  CHECK(std::string(role_name(Role::ColumnHeader)) == "columnheader");
  CHECK(std::string(role_name(role_of(Hint::RadioGroup))) == "radiogroup");
  CHECK_FALSE(is_focusable(Role::RadioGroup));
}

TEST_CASE("the same frame twice changes nothing") {
  const std::vector<Node> frame = {node(1, "Send"), node(2, "Endpoint", Role::Textbox)};
  CHECK(diff_trees(frame, frame).empty());
}

TEST_CASE("new nodes are inserted before their next sibling, last first") {
  const std::vector<Node> before = {node(1, "A"), node(3, "C")};
  const std::vector<Node> after = {node(1, "A"), node(2, "B"), node(3, "C"), node(4, "D")};
  const TreeChanges changes = diff_trees(before, after);
  CHECK(changes.removed.empty());
  CHECK_FALSE(changes.reordered);
  REQUIRE(changes.inserted.size() == 2);
  CHECK(changes.inserted[0].index == 3);  // D, at the end
  CHECK(changes.inserted[0].before == 0);
  CHECK(changes.inserted[1].index == 1);  // B, before C
  CHECK(changes.inserted[1].before == 3);
}

TEST_CASE("a child is inserted before its next sibling under the same parent") {
  const std::vector<Node> before = {node(10, "table", Role::Table), node(11, "Row 0", Role::Row, 10)};
  const std::vector<Node> after = {node(10, "table", Role::Table), node(11, "Row 0", Role::Row, 10),
                                   node(12, "a", Role::Cell, 11), node(13, "Row 1", Role::Row, 10)};
  const TreeChanges changes = diff_trees(before, after);
  REQUIRE(changes.inserted.size() == 2);
  CHECK(changes.inserted[0].index == 3);
  CHECK(changes.inserted[0].before == 0);  // the last row of the table
  CHECK(changes.inserted[1].index == 2);
  CHECK(changes.inserted[1].before == 0);  // the only cell of its row
}

TEST_CASE("gone nodes are removed and changed ones updated") {
  std::vector<Node> before = {node(1, "Send"), node(2, "Cancel"), node(3, "Secret", Role::Checkbox)};
  std::vector<Node> after = {node(1, "Send"), node(3, "Secret", Role::Checkbox)};
  after[0].box.y = 99;
  after[1].description.checked = true;
  const TreeChanges changes = diff_trees(before, after);
  CHECK(changes.removed == std::vector<std::uint32_t>{2});
  CHECK(changes.updated == std::vector<std::size_t>{0, 1});
  CHECK(changes.inserted.empty());
}

TEST_CASE("a node whose role or parent changed is replaced") {
  const std::vector<Node> before = {node(1, "x", Role::Button), node(2, "y", Role::Cell, 5)};
  const std::vector<Node> after = {node(1, "x", Role::Checkbox), node(2, "y", Role::Cell, 6)};
  const TreeChanges changes = diff_trees(before, after);
  CHECK(changes.removed == std::vector<std::uint32_t>{1, 2});
  CHECK(changes.inserted.size() == 2);
  CHECK(changes.updated.empty());
}

TEST_CASE("the children of a replaced node are replaced with it") {
  const std::vector<Node> before = {node(1, "list", Role::Listbox), node(2, "a", Role::Option, 1)};
  const std::vector<Node> after = {node(1, "list", Role::Table), node(2, "a", Role::Option, 1)};
  const TreeChanges changes = diff_trees(before, after);
  CHECK(changes.removed == std::vector<std::uint32_t>{1, 2});
  REQUIRE(changes.inserted.size() == 2);
  CHECK(changes.inserted[0].index == 1);
  CHECK(changes.inserted[1].index == 0);
}

TEST_CASE("surviving nodes in a new order ask for a reorder") {
  const std::vector<Node> before = {node(1, "A"), node(2, "B"), node(3, "C")};
  const std::vector<Node> after = {node(2, "B"), node(1, "A"), node(3, "C")};
  CHECK(diff_trees(before, after).reordered);
  const std::vector<Node> fewer = {node(1, "A"), node(3, "C")};
  CHECK_FALSE(diff_trees(before, fewer).reordered);
}

TEST_CASE("a new or changed status is spoken politely and an alert assertively, once") {
  const std::vector<Node> empty;
  const std::vector<Node> answer = {node(7, "Read 1 item.", Role::Status)};
  CHECK(diff_trees(empty, answer).polite == "Read 1 item.");
  CHECK(diff_trees(answer, answer).polite.empty());
  std::vector<Node> next = answer;
  next[0].description.name = "Wrote the item.";
  CHECK(diff_trees(answer, next).polite == "Wrote the item.");
  const std::vector<Node> error = {node(8, "Table not found.", Role::Alert),
                                   node(9, "Use another table.", Role::Alert)};
  const TreeChanges changes = diff_trees(empty, error);
  CHECK(changes.assertive == "Table not found. Use another table.");
  CHECK(changes.polite.empty());
}

TEST_CASE("the changes document is JSON the page can apply") {
  std::vector<Node> before = {node(1, "Send"), node(2, "Old")};
  std::vector<Node> after = {node(1, "Send \"now\""), node(3, "Secret", Role::Checkbox)};
  after[0].box = {1.25f, 2, 3.04f, -4};
  after[1].description.checked = false;
  after[1].description.disabled = true;
  const std::string json = changes_json(diff_trees(before, after), after);
  const auto parsed = core::parse_json(json);
  REQUIRE(parsed);
  const core::JsonValue& doc = *parsed.value;
  CHECK(core::to_json_text(*doc.find("remove")) == "[2]");
  const core::JsonValue& inserted = doc.find("insert")->array.at(0);
  CHECK(inserted.find("id")->text == "3");
  CHECK(inserted.find("role")->text == "checkbox");
  CHECK(inserted.find("before")->text == "0");
  CHECK(core::to_json_text(*inserted.find("checked")) == "false");
  CHECK(core::to_json_text(*inserted.find("disabled")) == "true");
  const core::JsonValue& updated = doc.find("update")->array.at(0);
  CHECK(updated.find("name")->text == "Send \"now\"");
  CHECK(updated.find("x")->text == "1.3");
  CHECK(updated.find("w")->text == "3");
  CHECK(updated.find("h")->text == "-4");
  CHECK(doc.find("order") == nullptr);
  CHECK(doc.find("polite")->text.empty());
}
