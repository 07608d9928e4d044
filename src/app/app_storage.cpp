// App's part for saved work: writing to browser storage with its refusals
// handled (the oldest history entries make room first; a clear message
// otherwise), merging what the site's other tabs wrote (presets by id and
// version, history by entry), and keeping aside stored values this version
// cannot read, so they can be exported instead of silently lost.
#include <chrono>
#include <random>

#include <imgui.h>

#include "app/app.hpp"
#include "app/glyph_atlas.hpp"
#include "app/storage_keys.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "core/builtin_presets.hpp"
#include "core/collection.hpp"
#include "core/format.hpp"
#include "platform/platform.hpp"

namespace app {
namespace {

constexpr std::string_view kPresetsKind = "presets";
const std::string kEarlierVisit = "kept from an earlier visit";

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// What a key holds, for messages.
std::string what_is_kept(const std::string& key) {
  if (key == kPresetsKey) return "your presets";
  if (key == kHistoryKey) return "the history";
  if (key == kDraftKey) return "the request being edited";
  if (key == kConnectionKey) return "the connection settings";
  if (key == kThemeKey) return "the theme";
  return "a saved value";
}

core::JsonValue stored_preset_json(const core::Preset& preset) {
  return core::preset_to_json(core::without_secrets(preset));
}

}  // namespace

void App::load_kept_aside() {
  std::random_device random;
  storage_.id_random = (static_cast<std::uint64_t>(random()) << 32) ^ random() ^ static_cast<std::uint64_t>(now_ms());
  for (const std::string& key : platform::storage_keys(kKeptAsidePrefix)) {
    const auto text = platform::storage_get(key);
    if (!text) continue;
    const std::string name = key.substr(kKeptAsidePrefix.size());
    storage_.kept_aside.push_back({key, kStoragePrefix + name.substr(0, name.find('@')), kEarlierVisit, *text});
  }
}

// Keeps `text` (read from `from`) under a key of its own, so that saving over
// `from` loses nothing, and says so.
void App::keep_aside(const std::string& from, const std::string& text, const std::string& why) {
  for (const auto& kept : storage_.kept_aside) {
    if (kept.from == from && kept.text == text) return;
  }
  const std::string key = kKeptAsidePrefix + from.substr(kStoragePrefix.size()) + "@" + std::to_string(now_ms());
  const bool copied = platform::storage_set(key, text) == platform::StorageResult::Saved;
  if (copied) platform::storage_remove(from);
  std::string reason = why;
  while (!reason.empty() && reason.back() == '.') reason.pop_back();
  storage_.kept_aside.push_back({copied ? key : std::string(), from, reason, text});
  std::string found;
  for (const auto& kept : storage_.kept_aside) {
    if (kept.why == kEarlierVisit) continue;
    found += (found.empty() ? "" : "; ") + what_is_kept(kept.from) + " (" + kept.why + ")";
  }
  banner_ = "Saved data this version cannot read was found: " + found +
            ". The workbench started without it and keeps it: use Export unreadable data to save it as a file.";
  banner_is_link_ = false;
}

void App::export_kept_aside() {
  core::JsonArray values;
  for (const auto& kept : storage_.kept_aside) {
    core::JsonValue value = core::JsonValue::make_object();
    value.set("key", core::JsonValue::string(kept.from));
    value.set("why", core::JsonValue::string(kept.why));
    value.set("text", core::JsonValue::string(kept.text));
    values.push_back(std::move(value));
  }
  core::JsonValue file = core::JsonValue::make_object();
  file.set("format", core::JsonValue::string("crud-workbench-unreadable"));
  file.set("values", core::JsonValue::make_array(std::move(values)));
  platform::download_text_file("crud-workbench-unreadable.json", "application/json", core::to_json_text(file, 2));
}

void App::discard_kept_aside() {
  for (const auto& kept : storage_.kept_aside) {
    if (!kept.key.empty()) platform::storage_remove(kept.key);
  }
  storage_.kept_aside.clear();
}

// Writes one value. When storage is full, the oldest history entries are
// given up one by one to make room; nothing else saved is ever dropped.
bool App::remember(const std::string& key, const std::string& value) {
  platform::StorageResult result = platform::storage_set(key, value);
  std::size_t given_up = 0;
  while (result == platform::StorageResult::Full && core::drop_oldest_history_entry(history_.history)) {
    ++given_up;
    const std::string history_text = core::history_to_storage(history_.history);
    if (key == kHistoryKey) {
      result = platform::storage_set(key, history_text);
      continue;
    }
    if (history_.history.entries.empty()) {
      platform::storage_remove(kHistoryKey);
    } else {
      platform::storage_set(kHistoryKey, history_text);
    }
    result = platform::storage_set(key, value);
  }
  std::string problem;
  if (result == platform::StorageResult::Full) {
    problem = "Browser storage for this site is full: " + what_is_kept(key) +
              " could not be saved. Everything saved before is kept. Export your presets (Presets, Export) "
              "or free space in this site's other data, then try again.";
  } else if (result == platform::StorageResult::Unavailable) {
    problem = "This browser refuses to save (storage switched off, or a private window): " + what_is_kept(key) +
              " will not survive a reload. Export your presets to keep them.";
  } else if (given_up > 0) {
    problem = "Browser storage for this site was full: the " + core::format_count(given_up) + " oldest history entr" +
              (given_up == 1 ? "y was" : "ies were") + " given up to save " + what_is_kept(key) + ".";
  }
  const bool saved = result == platform::StorageResult::Saved;
  if (saved && given_up == 0) {
    storage_.problem.clear();
    return true;
  }
  if (problem == storage_.problem) return saved;  // said once, not on every keystroke
  storage_.problem = problem;
  banner_ = problem;
  banner_is_link_ = false;
  return saved;
}

// ---- what changes on every keystroke

void App::draft_changed() { draft_save_.changed(platform::now_ms()); }

void App::connection_changed() { connection_save_.changed(platform::now_ms()); }

void App::write_draft() { remember(kDraftKey, request_.text); }

void App::write_connection() { remember(kConnectionKey, core::connection_to_storage(connection_.settings)); }

bool App::write_due_saves() {
  if (!draft_save_.pending() && !connection_save_.pending()) return false;
  const double now = platform::now_ms();
  const std::string banner = banner_;
  if (draft_save_.take_due(now)) write_draft();
  if (connection_save_.take_due(now)) write_connection();
  return banner_ != banner;
}

void App::write_pending_saves() {
  if (draft_save_.take_pending()) write_draft();
  if (connection_save_.take_pending()) write_connection();
}

// ---- history

void App::load_history() {
  const std::string text = platform::storage_get(kHistoryKey).value_or("");
  glyphs::note_text(text);
  auto load = core::history_from_storage(text);
  if (load.unreadable) {
    keep_aside(kHistoryKey, text, *load.unreadable);
  } else if (!load.diagnostics.empty()) {
    history_.problem = load.diagnostics.front().message;
  }
  history_.history = core::merge_histories(load.history, history_.history);
}

void App::remember_history() {
  load_history();
  remember(kHistoryKey, core::history_to_storage(history_.history));
}

void App::clear_history() {
  history_.history = {};
  history_.history.cleared_at_ms = now_ms();
  history_.restored_id = 0;
  remember_history();
}

// ---- presets

core::SavedList App::stored_presets() {
  const auto text = platform::storage_get(kPresetsKey);
  if (!text || text->empty()) return {};
  glyphs::note_text(*text);
  // A document that is not JSON at all is reported as such, whichever format it was meant to be.
  if (core::is_saved_list_document(*text) || !core::parse_json(*text)) {
    auto read = core::saved_list_from_storage(*text, kPresetsKind);
    if (read.unreadable) {
      keep_aside(kPresetsKey, *text, *read.unreadable);
      return {};
    }
    return read.list;
  }
  // Saved before presets had ids: a collection.
  core::PresetImport old = core::import_collection(*text);
  if (old.presets.empty() && !old.diagnostics.empty()) {
    keep_aside(kPresetsKey, *text, old.diagnostics.front().message);
    return {};
  }
  std::vector<core::SavedValue> values;
  for (const core::Preset& preset : old.presets) {
    values.push_back({core::new_saved_id(storage_.id_random, ++storage_.ids_made), stored_preset_json(preset)});
  }
  core::SavedList list = core::record_edits({}, values);
  remember(kPresetsKey, core::saved_list_to_storage(list, kPresetsKind));  // in the form with ids from now on
  return list;
}

// This tab's presets as edits over what it last knew.
core::SavedList App::own_presets() {
  presets_.saved_ids.resize(presets_.saved.size());
  std::vector<core::SavedValue> values;
  for (std::size_t i = 0; i < presets_.saved.size(); ++i) {
    std::string& id = presets_.saved_ids[i];
    if (id.empty()) id = core::new_saved_id(storage_.id_random, ++storage_.ids_made);
    values.push_back({id, stored_preset_json(presets_.saved[i])});
  }
  return core::record_edits(storage_.presets_base, values);
}

// Shows `list`, keeping this tab's preset objects (which may hold secrets) where they are unchanged.
void App::show_presets(core::SavedList list) {
  std::vector<core::Preset> saved;
  std::vector<std::string> ids;
  std::size_t unreadable = 0;
  for (const core::SavedValue& value : core::live_values(list)) {
    std::optional<core::Preset> preset;
    for (std::size_t i = 0; i < presets_.saved_ids.size() && i < presets_.saved.size(); ++i) {
      if (presets_.saved_ids[i] == value.id && stored_preset_json(presets_.saved[i]) == value.value)
        preset = presets_.saved[i];
    }
    if (!preset) preset = core::preset_from_json(value.value, "preset").preset;
    if (!preset) {
      ++unreadable;
      continue;
    }
    saved.push_back(std::move(*preset));
    ids.push_back(value.id);
  }
  if (presets_.selected && *presets_.selected >= presets_.builtin.size() + saved.size()) presets_.selected.reset();
  if (presets_.renaming && *presets_.renaming >= saved.size()) presets_.renaming.reset();
  presets_.saved = std::move(saved);
  presets_.saved_ids = std::move(ids);
  storage_.presets_base = std::move(list);
  if (unreadable > 0) {
    presets_.notice = core::format_count(unreadable) + " saved preset(s) could not be read and are not shown.";
    presets_.notice_is_problem = true;
  }
}

void App::load_presets() {
  presets_.builtin_table = core::site_table(connection_.site);
  presets_.builtin = core::builtin_presets(presets_.builtin_table);
  show_presets(stored_presets());
}

// Merged into what storage holds (another tab may have written since), then written.
bool App::remember_presets() {
  core::SavedList merged = core::merge_saved(stored_presets(), own_presets());
  show_presets(merged);
  if (remember(kPresetsKey, core::saved_list_to_storage(merged, kPresetsKind))) return true;
  presets_.notice =
      "Kept in this tab only: the presets could not be saved in this browser (the message above says "
      "why). Export them to keep them.";
  presets_.notice_is_problem = true;
  return false;
}

// ---- the site's other tabs

void App::take_other_tabs_changes() {
  for (const std::string& key : platform::take_storage_changes()) {
    if (key == kPresetsKey) {
      show_presets(core::merge_saved(stored_presets(), own_presets()));
    } else if (key == kHistoryKey) {
      load_history();
    } else if (key == kConnectionKey && !connection_save_.pending()) {
      // (A change this tab has not written yet stays, and is written once
      // typing pauses: the last changed in any tab is the one kept.)
      connection_.settings =
          core::connection_from_storage(platform::storage_get(kConnectionKey).value_or(""), connection_.settings);
      connection_.diagnostics = core::check_connection(connection_.settings);
    } else if (key == kThemeKey) {
      if (const auto theme = platform::storage_get(kThemeKey); theme && (*theme == "light") == dark_)
        toggle_theme(false);
    }
    // The draft stays as this tab's editor shows it: the one saved is the last edited in any tab.
  }
}

// While unreadable saved data is kept: what it is, and the way to save it as a file or let it go.
void App::draw_kept_aside_notice() {
  if (storage_.kept_aside.empty()) return;
  const std::size_t count = storage_.kept_aside.size();
  ui::text_as(a11y::Hint::Alert, "Unreadable data notice", palette().warning,
              "Unreadable saved data is kept (" + std::to_string(count) + (count == 1 ? " value)." : " values)."));
  if (ImGui::SmallButton("Export unreadable data")) export_kept_aside();
  ImGui::SameLine();
  if (ImGui::SmallButton("Discard it##Discard unreadable data")) discard_kept_aside();
  ImGui::Spacing();
}

SnapshotJson App::storage_snapshot() const {
  SnapshotJson kept = SnapshotJson::array();
  for (const auto& value : storage_.kept_aside)
    kept.push_back({{"from", value.from}, {"why", value.why}, {"key", value.key}});
  return {{"problem", storage_.problem}, {"kept_aside", std::move(kept)}};
}

}  // namespace app
