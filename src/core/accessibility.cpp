#include "core/accessibility.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/json_value.hpp"
#include "core/text.hpp"

namespace core::a11y {
namespace {

// Symbols (×, arrows, shapes, dingbats, general punctuation) say nothing to a listener.
bool is_symbol(char32_t code) { return code == 0xD7 || code == 0xB7 || (code >= 0x2000 && code <= 0x2BFF); }

// Whether `text` has a letter or digit of any script.
bool has_words(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t code = decode_utf8(text, i).value_or(0xFFFD);
    if (code < 0x80) {
      if (is_letter_or_digit(static_cast<char>(code))) return true;
    } else if (!is_symbol(code)) {
      return true;
    }
  }
  return false;
}

}  // namespace

Role role_of(Hint hint) {
  switch (hint) {
    case Hint::None: return Role::None;
    case Hint::Hidden: return Role::None;
    case Hint::Combobox: return Role::Combobox;
    case Hint::Listbox: return Role::Listbox;
    case Hint::TabList: return Role::TabList;
    case Hint::Radio: return Role::Radio;
    case Hint::RadioGroup: return Role::RadioGroup;
    case Hint::Tab: return Role::Tab;
    case Hint::Option: return Role::Option;
    case Hint::Table: return Role::Table;
    case Hint::Row: return Role::Row;
    case Hint::Cell: return Role::Cell;
    case Hint::ColumnHeader: return Role::ColumnHeader;
    case Hint::Heading: return Role::Heading;
    case Hint::Status: return Role::Status;
    case Hint::Alert: return Role::Alert;
    case Hint::Region: return Role::Region;
    case Hint::Text: return Role::Text;
  }
  return Role::None;
}

namespace {

Role role_for(const ItemFacts& facts) {
  if (facts.hint != Hint::None) return role_of(facts.hint);
  if (facts.status & kInputable) return Role::Textbox;
  if (facts.status & kCheckable) return Role::Checkbox;
  return Role::Button;
}

bool takes_selection(Role role) { return role == Role::Option || role == Role::Tab || role == Role::Row; }

bool announces(Role role) { return role == Role::Status || role == Role::Alert; }

void append_sentence(std::string& out, const std::string& text) {
  if (text.empty()) return;
  if (!out.empty()) out += ' ';
  out += text;
}

void append_number(std::string& out, float value) {
  // Tenths of a pixel: what layout can tell apart, and short to send.
  long tenths = std::lround(static_cast<double>(value) * 10.0);
  if (tenths < 0) {
    out += '-';
    tenths = -tenths;
  }
  out += std::to_string(tenths / 10);
  if (tenths % 10 != 0) out += '.' + std::to_string(tenths % 10);
}

void append_flag(std::string& out, const char* name, const std::optional<bool>& value) {
  if (!value) return;
  out += ",\"";
  out += name;
  out += *value ? "\":true" : "\":false";
}

void append_node(std::string& out, const Node& node) {
  const Description& d = node.description;
  out += "{\"id\":" + std::to_string(node.id) + ",\"parent\":" + std::to_string(node.parent) + ",\"role\":\"";
  out += d.role == Role::Text ? "text" : role_name(d.role);
  out += "\",\"name\":" + json_string_literal(d.name) + ",\"key\":" + json_string_literal(d.key);
  for (const auto& [name, value] : {std::pair{",\"x\":", node.box.x}, std::pair{",\"y\":", node.box.y},
                                    std::pair{",\"w\":", node.box.w}, std::pair{",\"h\":", node.box.h}}) {
    out += name;
    append_number(out, value);
  }
  append_flag(out, "checked", d.checked);
  append_flag(out, "expanded", d.expanded);
  append_flag(out, "selected", d.selected);
  if (d.disabled) out += ",\"disabled\":true";
  if (d.multiline) out += ",\"multiline\":true";
  out += '}';
}

}  // namespace

const char* role_name(Role role) {
  switch (role) {
    case Role::None: return "";
    case Role::Button: return "button";
    case Role::Checkbox: return "checkbox";
    case Role::Radio: return "radio";
    case Role::RadioGroup: return "radiogroup";
    case Role::Textbox: return "textbox";
    case Role::Combobox: return "combobox";
    case Role::Listbox: return "listbox";
    case Role::TabList: return "tablist";
    case Role::Option: return "option";
    case Role::Tab: return "tab";
    case Role::Table: return "table";
    case Role::Row: return "row";
    case Role::Cell: return "cell";
    case Role::ColumnHeader: return "columnheader";
    case Role::Heading: return "heading";
    case Role::Status: return "status";
    case Role::Alert: return "alert";
    case Role::Region: return "region";
    case Role::Text: return "";
  }
  return "";
}

bool is_focusable(Role role) {
  switch (role) {
    case Role::Button:
    case Role::Checkbox:
    case Role::Radio:
    case Role::Textbox:
    case Role::Combobox:
    case Role::Option:
    case Role::Tab:
    case Role::Row:
    case Role::ColumnHeader: return true;
    default: return false;
  }
}

LabelParts split_label(std::string_view label) {
  const std::size_t mark = label.find("##");
  if (mark == std::string_view::npos) return {label, {}};
  std::string_view id = label.substr(mark + 2);
  if (!id.empty() && id.front() == '#') id.remove_prefix(1);  // "###id"
  return {label.substr(0, mark), id};
}

std::string readable_name(std::string_view id) {
  std::string name(trim(id));
  // An identifier ("api-key", "row_count") reads as words; a phrase ("Re-send 0") stays as written.
  if (name.find(' ') == std::string::npos) {
    std::replace(name.begin(), name.end(), '-', ' ');
    std::replace(name.begin(), name.end(), '_', ' ');
  }
  if (!name.empty()) name.front() = ascii_upper(name.front());
  return name;
}

Description describe_item(const ItemFacts& facts) {
  const LabelParts parts = split_label(facts.label);
  const std::string_view visible = trim(parts.visible);
  const std::string_view id = trim(parts.id);
  Description d;
  d.key = std::string(id.empty() ? visible : id);
  d.name = has_words(visible) || id.empty() ? std::string(visible) : readable_name(id);
  if (d.name.empty() && d.key.empty()) return d;  // nothing to call it: not exposed
  d.role = role_for(facts);
  if (d.role == Role::None) return d;
  if (d.role == Role::Checkbox) d.checked = (facts.status & kChecked) != 0;
  if (d.role == Role::Radio) d.checked = facts.selected.value_or((facts.status & kChecked) != 0);
  if (facts.status & kOpenable) d.expanded = (facts.status & kOpened) != 0;
  if (takes_selection(d.role)) d.selected = facts.selected.value_or(false);
  d.disabled = (facts.status & kDisabled) != 0;
  d.multiline = d.role == Role::Textbox && (facts.status & kMultiline) != 0;
  return d;
}

TreeChanges diff_trees(const std::vector<Node>& before, const std::vector<Node>& after) {
  TreeChanges changes;
  std::unordered_map<std::uint32_t, std::size_t> old_index;
  old_index.reserve(before.size());
  for (std::size_t i = 0; i < before.size(); ++i) old_index.emplace(before[i].id, i);

  // A node survives when it keeps its role and its parent, and that parent survives: its element can stay.
  std::vector<const Node*> survivor(after.size(), nullptr);
  std::unordered_map<std::uint32_t, bool> kept;
  kept.reserve(after.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    const auto found = old_index.find(after[i].id);
    if (found == old_index.end()) continue;
    const Node& old = before[found->second];
    if (old.description.role != after[i].description.role || old.parent != after[i].parent) continue;
    // Inside a replaced parent the element goes with it (parents come first in reading order).
    if (after[i].parent != 0 && !kept.contains(after[i].parent)) continue;
    survivor[i] = &old;
    kept[after[i].id] = true;
  }
  for (const Node& old : before) {
    if (!kept.contains(old.id)) changes.removed.push_back(old.id);
  }

  // Survivors in the old order against the new order.
  std::size_t next_old = 0;
  for (std::size_t i = 0; i < after.size() && !changes.reordered; ++i) {
    if (!survivor[i]) continue;
    while (next_old < before.size() && !kept.contains(before[next_old].id)) ++next_old;
    if (next_old >= before.size() || before[next_old].id != after[i].id) changes.reordered = true;
    ++next_old;
  }

  std::unordered_map<std::uint32_t, std::uint32_t> next_sibling;  // parent -> the last child seen going backwards
  for (std::size_t i = after.size(); i-- > 0;) {
    const Node& node = after[i];
    const auto sibling = next_sibling.find(node.parent);
    if (!survivor[i]) changes.inserted.push_back({i, sibling == next_sibling.end() ? 0u : sibling->second});
    next_sibling[node.parent] = node.id;
  }
  for (std::size_t i = 0; i < after.size(); ++i) {
    const Node& node = after[i];
    if (survivor[i] && !(*survivor[i] == node)) changes.updated.push_back(i);
    if (!announces(node.description.role)) continue;
    if (survivor[i] && survivor[i]->description.name == node.description.name) continue;
    append_sentence(node.description.role == Role::Alert ? changes.assertive : changes.polite, node.description.name);
  }
  return changes;
}

std::string changes_json(const TreeChanges& changes, const std::vector<Node>& after) {
  std::string out = "{\"remove\":[";
  for (std::size_t i = 0; i < changes.removed.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(changes.removed[i]);
  }
  out += "],\"insert\":[";
  for (std::size_t i = 0; i < changes.inserted.size(); ++i) {
    if (i > 0) out += ',';
    append_node(out, after[changes.inserted[i].index]);
    out.back() = ',';
    out += "\"before\":" + std::to_string(changes.inserted[i].before) + '}';
  }
  out += "],\"update\":[";
  for (std::size_t i = 0; i < changes.updated.size(); ++i) {
    if (i > 0) out += ',';
    append_node(out, after[changes.updated[i]]);
  }
  out += ']';
  if (changes.reordered) {
    out += ",\"order\":[";
    for (std::size_t i = 0; i < after.size(); ++i) {
      if (i > 0) out += ',';
      out += '[' + std::to_string(after[i].id) + ',' + std::to_string(after[i].parent) + ']';
    }
    out += ']';
  }
  out += ",\"polite\":" + json_string_literal(changes.polite) +
         ",\"assertive\":" + json_string_literal(changes.assertive) + '}';
  return out;
}

}  // namespace core::a11y
