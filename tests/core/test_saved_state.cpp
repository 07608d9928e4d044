#include <doctest/doctest.h>

#include "core/saved_state.hpp"

using core::SavedList;
using core::SavedValue;

namespace {

core::JsonValue named(const std::string& name) {
  core::JsonValue value = core::JsonValue::make_object();
  value.set("name", core::JsonValue::string(name));
  return value;
}

std::vector<std::string> live_names(const SavedList& list) {
  std::vector<std::string> names;
  for (const auto& value : core::live_values(list)) names.push_back(value.value.find("name")->text);
  return names;
}

// What a tab does: edit its copy, then merge it into what storage holds.
SavedList save(const SavedList& stored, const SavedList& base, std::vector<SavedValue> now) {
  return core::merge_saved(stored, core::record_edits(base, now));
}

}  // namespace

TEST_CASE("two tabs that each add an entry keep both") {
  const SavedList empty;
  const SavedList after_a = save(empty, empty, {{"a", named("from A")}});
  // Tab B read storage before A wrote: its base is empty.
  const SavedList after_b = save(after_a, empty, {{"b", named("from B")}});
  CHECK(live_names(after_b) == std::vector<std::string>{"from A", "from B"});
}

TEST_CASE("an edit gets a version above the one it was made from: unchanged entries keep theirs") {
  const SavedList base = core::record_edits({}, std::vector<SavedValue>{{"a", named("one")}, {"b", named("two")}});
  CHECK(base.entries[0].version == 1);
  const SavedList edited = core::record_edits(base, std::vector<SavedValue>{{"a", named("uno")}, {"b", named("two")}});
  CHECK(edited.entries[0].version == 2);
  CHECK(edited.entries[1].version == 1);
}

TEST_CASE("a stale copy never overwrites a newer one") {
  const SavedList v1 = core::record_edits({}, std::vector<SavedValue>{{"a", named("old")}});
  const SavedList renamed = save(v1, v1, {{"a", named("new")}});
  // A tab still holding v1 saves again, changing nothing: the rename stays.
  CHECK(live_names(save(renamed, v1, {{"a", named("old")}})) == std::vector<std::string>{"new"});
  // Merging the stale list itself changes nothing either, in either direction.
  CHECK(live_names(core::merge_saved(renamed, v1)) == std::vector<std::string>{"new"});
  CHECK(live_names(core::merge_saved(v1, renamed)) == std::vector<std::string>{"new"});
}

TEST_CASE("a deletion wins over a rename made from the same copy, in either order") {
  const SavedList v1 = core::record_edits({}, std::vector<SavedValue>{{"a", named("x")}, {"b", named("y")}});
  const SavedList deleted = core::record_edits(v1, std::vector<SavedValue>{{"b", named("y")}});
  const SavedList renamed =
      core::record_edits(v1, std::vector<SavedValue>{{"a", named("x renamed")}, {"b", named("y")}});
  CHECK(live_names(core::merge_saved(deleted, renamed)) == std::vector<std::string>{"y"});
  CHECK(live_names(core::merge_saved(renamed, deleted)) == std::vector<std::string>{"y"});
}

TEST_CASE("a deleted entry stays deleted when a tab that still shows it saves") {
  const SavedList v1 = core::record_edits({}, std::vector<SavedValue>{{"a", named("x")}});
  const SavedList deleted = save(v1, v1, {});
  // The other tab merged the deletion in, but its person edited the entry it still showed.
  const SavedList stale = save(deleted, v1, {{"a", named("x edited")}, {"c", named("z")}});
  CHECK(live_names(stale) == std::vector<std::string>{"z"});
  // And an edit recorded over a base that already holds the tombstone cannot revive it.
  CHECK(live_names(core::record_edits(deleted, std::vector<SavedValue>{{"a", named("x")}})).empty());
}

TEST_CASE("equal versions with different values resolve the same way in every tab") {
  const SavedList v1 = core::record_edits({}, std::vector<SavedValue>{{"a", named("x")}});
  const SavedList one = core::record_edits(v1, std::vector<SavedValue>{{"a", named("p")}});
  const SavedList two = core::record_edits(v1, std::vector<SavedValue>{{"a", named("q")}});
  CHECK(live_names(core::merge_saved(one, two)) == live_names(core::merge_saved(two, one)));
}

TEST_CASE("a saved list round-trips through storage, tombstones included") {
  SavedList list = core::record_edits({}, std::vector<SavedValue>{{"a", named("x")}, {"b", named("y")}});
  list = core::record_edits(list, std::vector<SavedValue>{{"a", named("x")}});
  const std::string text = core::saved_list_to_storage(list, "presets");
  CHECK(core::is_saved_list_document(text));
  const auto read = core::saved_list_from_storage(text, "presets");
  CHECK_FALSE(read.unreadable);
  CHECK(read.list == list);
}

TEST_CASE("stored text that is cut short, of another kind or from a newer version is unreadable, with why") {
  const std::string text =
      core::saved_list_to_storage(core::record_edits({}, std::vector<SavedValue>{{"a", named("x")}}), "presets");
  const auto cut = core::saved_list_from_storage(text.substr(0, text.size() / 2), "presets");
  REQUIRE(cut.unreadable);
  CHECK(cut.unreadable->find("not valid JSON") != std::string::npos);
  CHECK(cut.list.entries.empty());
  CHECK(core::saved_list_from_storage(text, "history").unreadable);
  std::string newer = text;
  newer.replace(newer.find("\"version\":1"), 11, "\"version\":7");
  const auto future = core::saved_list_from_storage(newer, "presets");
  REQUIRE(future.unreadable);
  CHECK(future.unreadable->find("newer version") != std::string::npos);
  CHECK_FALSE(core::saved_list_from_storage("", "presets").unreadable);
}

TEST_CASE("entries without an id or version are skipped and counted") {
  const auto read = core::saved_list_from_storage(
      R"({"format":"crud-workbench-saved","version":1,"kind":"presets","entries":[{"id":"a","v":1,"value":1},{"v":2,"value":2},{"id":"c","value":3}]})",
      "presets");
  CHECK_FALSE(read.unreadable);
  CHECK(read.list.entries.size() == 1);
  CHECK(read.skipped == 2);
}

TEST_CASE("new ids differ by random part and by counter") {
  CHECK(core::new_saved_id(35, 1) == "z-1");
  CHECK(core::new_saved_id(35, 1) != core::new_saved_id(35, 2));
  CHECK(core::new_saved_id(1, 1) != core::new_saved_id(2, 1));
}
