// Saved work shared by several tabs: a list of entries (presets, ...) kept in
// browser storage, where every tab may write. Each entry has an id that never
// changes and a version that grows with every edit; a deletion leaves a
// tombstone (the id, deleted) so that it reaches the other tabs and is never
// undone by a copy that still holds the entry. Merging two copies is a pure
// function, so whichever tab writes last, nothing another tab saved is lost.
//
// A stored document this version cannot read (cut short, hand-edited, written
// by a newer version) is reported as unreadable, with the reason, so the
// caller can keep the text aside for export instead of writing over it unseen.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_value.hpp"

namespace core {

struct SavedEntry {
  std::string id;
  std::int64_t version = 1;  // one more on every edit
  bool deleted = false;      // a tombstone: `value` is null
  JsonValue value;
  friend bool operator==(const SavedEntry&, const SavedEntry&) = default;
};

// In the order shown; tombstones stay in the list (they are not shown).
struct SavedList {
  std::vector<SavedEntry> entries;
  friend bool operator==(const SavedList&, const SavedList&) = default;
};

// What a person now has: each entry's id and value, in order.
struct SavedValue {
  std::string id;
  JsonValue value;
};

// `current` written over `base` (what this tab last read or wrote): a new id
// comes in at version 1, a changed value one version above the base's, an id
// of `base` missing from `current` becomes a tombstone one version above.
// Unchanged entries keep their version, so they never beat another tab's edit.
SavedList record_edits(const SavedList& base, std::span<const SavedValue> current);

// Both copies as one: per id, a tombstone wins (deleted stays deleted, even
// against a later rename); otherwise the higher version; equal versions with
// different values pick the one whose compact JSON sorts last, so every tab
// picks the same. Order: `stored`'s entries, then those only `mine` has.
SavedList merge_saved(const SavedList& stored, const SavedList& mine);

// The entries that are not tombstones, in order.
std::vector<SavedValue> live_values(const SavedList& list);

// Tombstones beyond this many (the oldest first) are forgotten.
inline constexpr std::size_t kMaxTombstones = 1000;

// {"format": "crud-workbench-saved", "version": 1, "kind": <kind>,
//  "entries": [{"id", "v", "deleted"?, "value"?}]}
std::string saved_list_to_storage(const SavedList& list, std::string_view kind);

struct SavedListRead {
  SavedList list;
  // Set when the text is not a readable document of this kind and version:
  // one sentence saying why. The list is then empty.
  std::optional<std::string> unreadable;
  std::size_t skipped = 0;  // entries without an id or version, left out
};
SavedListRead saved_list_from_storage(std::string_view text, std::string_view kind);

// Whether `text` is a document saved_list_to_storage wrote (of any kind or
// version), as opposed to an older format the caller may read itself.
bool is_saved_list_document(std::string_view text);

// A new entry id: `random` (from the platform) and a counter in base 36.
std::string new_saved_id(std::uint64_t random, std::uint64_t counter);

}  // namespace core
