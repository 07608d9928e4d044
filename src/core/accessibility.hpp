// What each drawn item is to assistive technology, and how the page's tree of
// accessible nodes changes from one frame to the next.
//
// The UI library reports, for every item it draws, a label ("Send",
// "##Endpoint", "Light theme##Theme") and a few status bits (checkable,
// checked, inputable, openable, opened, disabled); the app adds a hint where
// the bits cannot tell (a combo box, a tab, a heading, an announcement, a
// table row). `describe_item` turns that into an ARIA role, an accessible
// name, a stable key (what tests and the widget map call the item) and its
// states. `diff_trees` compares two frames' node lists and says which DOM
// nodes to add (and where), update and remove, and what to announce; the
// browser side applies that and knows no rule of its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core::a11y {

enum class Role : std::uint8_t {
  None,  // not exposed (an item without a label or a purpose)
  Button,
  Checkbox,
  Radio,
  RadioGroup,
  Textbox,
  Combobox,
  Listbox,  // a combo box's open list
  Option,
  Tab,
  TabList,
  Table,
  Row,
  Cell,
  ColumnHeader,
  Heading,
  Status,  // a polite announcement (an answer)
  Alert,   // an assertive announcement (an error)
  Region,  // a named area (the form, the JSON view)
  Text,    // plain text read in order
};

// The ARIA role attribute for `role` ("" for None and Text).
const char* role_name(Role role);

// Whether keyboard focus stops on a node of this role (Tab order).
bool is_focusable(Role role);

// Status bits of an item, as the UI library reports them (the app maps its flags to these).
enum ItemStatus : std::uint32_t {
  kOpenable = 1u << 0,  // opens something (a tree node, a menu, a combo box)
  kOpened = 1u << 1,
  kCheckable = 1u << 2,  // a checkbox or a checkable menu item
  kChecked = 1u << 3,
  kInputable = 1u << 4,  // takes typed text
  kDisabled = 1u << 5,
  kMultiline = 1u << 6,  // a text field of several lines
};

// What the app says an item is when its status bits cannot tell.
enum class Hint : std::uint8_t {
  None,
  Hidden /* not for assistive technology (a splitter) */,
  Combobox,
  Listbox,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  Option,
  Table,
  Row,
  Cell,
  ColumnHeader,
  Heading,
  Status,
  Alert,
  Region,
  Text,
};

// The role a hint asks for (None for Hint::None).
Role role_of(Hint hint);

struct ItemFacts {
  std::string_view label;  // as given to the UI library, `##` part included
  std::uint32_t status = 0;
  Hint hint = Hint::None;
  std::optional<bool> selected;  // for options, tabs and rows: the app knows, the flags do not
};

struct Description {
  Role role = Role::None;
  std::string name;  // the accessible name
  std::string key;   // the stable name tests use: the `##` id when there is one, else the visible label
  std::optional<bool> checked;
  std::optional<bool> expanded;
  std::optional<bool> selected;
  bool disabled = false;
  bool multiline = false;

  bool operator==(const Description&) const = default;
};

// A label's visible text and its id: "Save…##Save file" -> {"Save…", "Save file"};
// "###x" marks an id the same way; no `##` -> the id is empty.
struct LabelParts {
  std::string_view visible;
  std::string_view id;
};
LabelParts split_label(std::string_view label);

// A name for an item whose label shows nothing readable: the id, its first
// letter capitalised; an identifier without spaces has '-' and '_' read as
// spaces ("api-key" -> "Api key", "Re-send 0" stays).
std::string readable_name(std::string_view id);

// Role, name, key and states of one item.
Description describe_item(const ItemFacts& facts);

// Where a node is, in CSS pixels (the part its window shows).
struct Box {
  float x = 0, y = 0, w = 0, h = 0;
  bool operator==(const Box&) const = default;
};

// One node of the accessible tree: an item (its UI id) under `parent` (0: the root).
struct Node {
  std::uint32_t id = 0;
  std::uint32_t parent = 0;
  Description description;
  Box box;
  bool operator==(const Node&) const = default;
};

// What changes in the DOM between two frames' node lists (each in reading order).
struct TreeChanges {
  struct Insert {
    std::size_t index;     // into the new list
    std::uint32_t before;  // the next sibling under the same parent, 0: the end
  };
  std::vector<std::uint32_t> removed;
  // In reverse reading order, so each `before` is a node already in place.
  std::vector<Insert> inserted;
  std::vector<std::size_t> updated;  // into the new list: name, states or box changed
  // The surviving nodes changed their relative order: put every node in order again.
  bool reordered = false;
  // New or changed text of status and alert nodes, joined, to be spoken.
  std::string polite;
  std::string assertive;

  bool empty() const {
    return removed.empty() && inserted.empty() && updated.empty() && !reordered && polite.empty() && assertive.empty();
  }
};

// The changes that turn `before` into `after`. A node whose role changed is
// removed and inserted (its element differs). Ids are unique within a list.
TreeChanges diff_trees(const std::vector<Node>& before, const std::vector<Node>& after);

// The changes as the JSON document the page applies:
// {"remove": [id...], "insert": [{node, "before": id}...], "update": [node...],
//  "order": [[id, parent]...] (when reordered), "polite": text, "assertive": text}
// where a node is {"id", "parent", "role", "name", "key", "x", "y", "w", "h",
// and when set "checked", "expanded", "selected", "disabled", "multiline"}.
std::string changes_json(const TreeChanges& changes, const std::vector<Node>& after);

}  // namespace core::a11y
