#include "core/saved_state.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace core {
namespace {

constexpr std::string_view kFormat = "crud-workbench-saved";
constexpr std::int64_t kVersion = 1;

const SavedEntry* find_entry(const SavedList& list, std::string_view id) {
  const auto it =
      std::find_if(list.entries.begin(), list.entries.end(), [&](const SavedEntry& entry) { return entry.id == id; });
  return it == list.entries.end() ? nullptr : &*it;
}

// Which of two copies of one entry stays.
const SavedEntry& winner(const SavedEntry& a, const SavedEntry& b) {
  if (a.deleted != b.deleted) return a.deleted ? a : b;
  if (a.version != b.version) return a.version > b.version ? a : b;
  return to_json_text(a.value) >= to_json_text(b.value) ? a : b;
}

void forget_old_tombstones(SavedList& list) {
  std::size_t tombstones = 0;
  for (const SavedEntry& entry : list.entries) tombstones += entry.deleted ? 1 : 0;
  if (tombstones <= kMaxTombstones) return;
  std::size_t excess = tombstones - kMaxTombstones;
  std::erase_if(list.entries, [&](const SavedEntry& entry) {
    if (!entry.deleted || excess == 0) return false;
    --excess;
    return true;
  });
}

std::optional<std::int64_t> read_integer(const JsonValue* value) {
  if (value == nullptr || !value->is_number()) return std::nullopt;
  std::int64_t out = 0;
  const char* end = value->text.data() + value->text.size();
  const auto [ptr, ec] = std::from_chars(value->text.data(), end, out);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return out;
}

}  // namespace

SavedList record_edits(const SavedList& base, std::span<const SavedValue> current) {
  SavedList out;
  for (const SavedValue& now : current) {
    const SavedEntry* before = find_entry(base, now.id);
    SavedEntry entry{.id = now.id, .version = 1, .deleted = false, .value = now.value};
    if (before) entry.version = before->deleted || before->value != now.value ? before->version + 1 : before->version;
    if (before && before->deleted) entry.deleted = true;  // deleted elsewhere: it stays deleted
    if (entry.deleted) entry.value = JsonValue::null();
    out.entries.push_back(std::move(entry));
  }
  for (const SavedEntry& before : base.entries) {
    const bool kept =
        std::any_of(current.begin(), current.end(), [&](const SavedValue& v) { return v.id == before.id; });
    if (kept) continue;
    out.entries.push_back(before.deleted ? before
                                         : SavedEntry{.id = before.id, .version = before.version + 1, .deleted = true});
  }
  forget_old_tombstones(out);
  return out;
}

SavedList merge_saved(const SavedList& stored, const SavedList& mine) {
  SavedList out;
  std::unordered_map<std::string_view, const SavedEntry*> my_entries;
  for (const SavedEntry& entry : mine.entries) my_entries.emplace(entry.id, &entry);
  for (const SavedEntry& entry : stored.entries) {
    const auto it = my_entries.find(entry.id);
    out.entries.push_back(it == my_entries.end() ? entry : winner(entry, *it->second));
  }
  for (const SavedEntry& entry : mine.entries) {
    if (!find_entry(stored, entry.id)) out.entries.push_back(entry);
  }
  forget_old_tombstones(out);
  return out;
}

std::vector<SavedValue> live_values(const SavedList& list) {
  std::vector<SavedValue> values;
  for (const SavedEntry& entry : list.entries) {
    if (!entry.deleted) values.push_back({entry.id, entry.value});
  }
  return values;
}

std::string saved_list_to_storage(const SavedList& list, std::string_view kind) {
  JsonArray entries;
  entries.reserve(list.entries.size());
  for (const SavedEntry& entry : list.entries) {
    JsonValue json = JsonValue::make_object();
    json.set("id", JsonValue::string(entry.id));
    json.set("v", JsonValue::number(std::to_string(entry.version)));
    if (entry.deleted) {
      json.set("deleted", JsonValue::from_bool(true));
    } else {
      json.set("value", entry.value);
    }
    entries.push_back(std::move(json));
  }
  JsonValue out = JsonValue::make_object();
  out.set("format", JsonValue::string(std::string(kFormat)));
  out.set("version", JsonValue::number(std::to_string(kVersion)));
  out.set("kind", JsonValue::string(std::string(kind)));
  out.set("entries", JsonValue::make_array(std::move(entries)));
  return to_json_text(out);
}

bool is_saved_list_document(std::string_view text) {
  const auto parsed = parse_json(text);
  if (!parsed || !parsed.value->is_object()) return false;
  const JsonValue* format = parsed.value->find("format");
  return format && format->is_string() && format->text == kFormat;
}

SavedListRead saved_list_from_storage(std::string_view text, std::string_view kind) {
  SavedListRead read;
  if (text.empty()) return read;
  const auto parsed = parse_json(text);
  if (!parsed) {
    read.unreadable = "it is not valid JSON (line " + std::to_string(parsed.error->line) + ", column " +
                      std::to_string(parsed.error->column) + ": " + parsed.error->message + ")";
    return read;
  }
  const JsonValue& doc = *parsed.value;
  const JsonValue* format = doc.is_object() ? doc.find("format") : nullptr;
  const JsonValue* doc_kind = doc.is_object() ? doc.find("kind") : nullptr;
  const JsonValue* entries = doc.is_object() ? doc.find("entries") : nullptr;
  const auto version = read_integer(doc.is_object() ? doc.find("version") : nullptr);
  if (!format || !format->is_string() || format->text != kFormat || !doc_kind || !doc_kind->is_string() ||
      doc_kind->text != kind || !entries || !entries->is_array() || !version) {
    read.unreadable = "it is not in the form this version saves";
    return read;
  }
  if (*version > kVersion) {
    read.unreadable = "it was saved by a newer version of the workbench (format " + std::to_string(*version) + ")";
    return read;
  }
  for (const JsonValue& json : entries->array) {
    const JsonValue* id = json.is_object() ? json.find("id") : nullptr;
    const auto entry_version = read_integer(json.is_object() ? json.find("v") : nullptr);
    const JsonValue* deleted = json.is_object() ? json.find("deleted") : nullptr;
    const JsonValue* value = json.is_object() ? json.find("value") : nullptr;
    const bool is_tombstone = deleted && deleted->is_bool() && deleted->boolean;
    if (!id || !id->is_string() || id->text.empty() || !entry_version || *entry_version < 1 ||
        (!is_tombstone && !value) || find_entry(read.list, id->text)) {
      ++read.skipped;
      continue;
    }
    read.list.entries.push_back({id->text, *entry_version, is_tombstone, is_tombstone ? JsonValue() : *value});
  }
  return read;
}

std::string new_saved_id(std::uint64_t random, std::uint64_t counter) {
  const auto base36 = [](std::uint64_t value) {
    char buffer[16];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, 36);
    return std::string(buffer, ec == std::errc() ? end : buffer);
  };
  return base36(random) + "-" + base36(counter);
}

}  // namespace core
