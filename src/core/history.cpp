#include "core/history.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace core {
namespace {

constexpr std::int64_t kStorageVersion = 1;
// Ids stay far below where counting up could overflow (and exact in JavaScript).
constexpr std::int64_t kMaxId = 1'000'000'000'000'000;

JsonValue integer(std::int64_t value) { return JsonValue::number(std::to_string(value)); }

std::optional<std::int64_t> read_integer(const JsonValue* value) {
  if (value == nullptr || !value->is_number()) return std::nullopt;
  std::int64_t out = 0;
  const char* begin = value->text.data();
  const char* end = begin + value->text.size();
  const auto [ptr, ec] = std::from_chars(begin, end, out);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return out;
}

std::string read_string(const JsonValue& object, std::string_view key) {
  const JsonValue* value = object.find(key);
  return value && value->is_string() ? value->text : std::string();
}

// A failure is saved as its name ("timeout", "cancelled", "network") and the
// browser's message apart. Entries saved before held one line,
// "network: <message>", which reads the same.
void write_transport_error(const TransportError& error, JsonValue& entry) {
  if (error.failure == TransportFailure::None) return;
  entry.set("transportError", JsonValue::string(std::string(transport_failure_name(error.failure))));
  if (!error.detail.empty()) entry.set("transportDetail", JsonValue::string(error.detail));
}

TransportError read_transport_error(const JsonValue& entry) {
  TransportError error = transport_error_from_text(read_string(entry, "transportError"));
  if (const std::string detail = read_string(entry, "transportDetail");
      !detail.empty() && error.failure == TransportFailure::Network) {
    error.detail = detail;
  }
  return error;
}

JsonValue entry_to_json(const HistoryEntry& entry) {
  JsonValue out = JsonValue::make_object();
  out.set("id", integer(entry.id));
  out.set("sentAt", integer(entry.sent_at_ms));
  out.set("endpoint", JsonValue::string(entry.endpoint));
  out.set("operation", JsonValue::string(entry.operation));
  out.set("tableName", JsonValue::string(entry.table_name));
  if (entry.event) out.set("event", *entry.event);
  out.set("eventBytes", integer(static_cast<std::int64_t>(entry.event_bytes)));
  out.set("status", integer(entry.status));
  write_transport_error(entry.transport_error, out);
  out.set("ok", JsonValue::from_bool(entry.ok));
  out.set("elapsedMs", integer(entry.elapsed_ms));
  return out;
}

std::optional<HistoryEntry> entry_from_json(const JsonValue& value) {
  if (!value.is_object()) return std::nullopt;
  const auto id = read_integer(value.find("id"));
  const auto sent_at = read_integer(value.find("sentAt"));
  if (!id || *id <= 0 || *id > kMaxId || !sent_at) return std::nullopt;
  HistoryEntry entry;
  entry.id = *id;
  entry.sent_at_ms = *sent_at;
  entry.endpoint = read_string(value, "endpoint");
  entry.operation = read_string(value, "operation");
  entry.table_name = read_string(value, "tableName");
  if (const JsonValue* event = value.find("event")) entry.event = *event;
  const auto bytes = read_integer(value.find("eventBytes"));
  entry.event_bytes = bytes && *bytes > 0 ? static_cast<std::size_t>(*bytes) : 0;
  const auto status = read_integer(value.find("status"));
  entry.status = status && *status >= 0 && *status <= 999 ? static_cast<int>(*status) : 0;
  entry.transport_error = read_transport_error(value);
  const JsonValue* ok = value.find("ok");
  entry.ok = ok && ok->is_bool() && ok->boolean;
  entry.elapsed_ms = std::max<std::int64_t>(0, read_integer(value.find("elapsedMs")).value_or(0));
  return entry;
}

// Drops the oldest entries beyond the count and storage-size bounds.
void bound(History& history) {
  if (history.entries.size() > kMaxHistoryEntries) history.entries.resize(kMaxHistoryEntries);
  std::size_t total = 0;
  for (std::size_t i = 0; i < history.entries.size(); ++i) {
    total += to_json_text(entry_to_json(history.entries[i])).size() + 1;
    if (total > kMaxHistoryBytes) {
      history.entries.resize(i);
      return;
    }
  }
}

Diagnostic history_problem(std::string message) {
  return Diagnostic{.field = "history", .severity = Severity::Warning, .message = std::move(message)};
}

}  // namespace

HistoryEntry make_history_entry(const JsonValue& event, std::string endpoint, std::int64_t sent_at_ms) {
  HistoryEntry entry;
  entry.sent_at_ms = sent_at_ms;
  entry.endpoint = std::move(endpoint);
  if (event.is_object()) {
    entry.operation = read_string(event, "operation");
    entry.table_name = read_string(event, "tableName");
  }
  entry.event_bytes = to_json_text(event).size();
  if (entry.event_bytes <= kMaxHistoryEventBytes) entry.event = event;
  return entry;
}

std::int64_t add_to_history(History& history, HistoryEntry entry) {
  entry.id = history.next_id++;
  history.entries.insert(history.entries.begin(), std::move(entry));
  bound(history);
  return history.next_id - 1;
}

const HistoryEntry* find_history_entry(const History& history, std::int64_t id) {
  const auto it = std::find_if(history.entries.begin(), history.entries.end(),
                               [id](const HistoryEntry& entry) { return entry.id == id; });
  return it == history.entries.end() ? nullptr : &*it;
}

HistoryEntry* find_history_entry(History& history, std::int64_t id) {
  return const_cast<HistoryEntry*>(find_history_entry(static_cast<const History&>(history), id));
}

std::string history_outcome(const HistoryEntry& entry) {
  if (entry.status > 0) return std::to_string(entry.status);
  switch (entry.transport_error.failure) {
    case TransportFailure::Timeout:
    case TransportFailure::Cancelled: return std::string(transport_failure_name(entry.transport_error.failure));
    case TransportFailure::Network:
    case TransportFailure::None: break;
  }
  return "no answer";
}

std::string history_to_storage(const History& history) {
  JsonArray entries;
  entries.reserve(history.entries.size());
  for (const HistoryEntry& entry : history.entries) entries.push_back(entry_to_json(entry));
  JsonValue out = JsonValue::make_object();
  out.set("version", integer(kStorageVersion));
  out.set("nextId", integer(history.next_id));
  if (history.cleared_at_ms > 0) out.set("clearedAt", integer(history.cleared_at_ms));
  out.set("entries", JsonValue::make_array(std::move(entries)));
  return to_json_text(out);
}

namespace {

bool same_entry(const HistoryEntry& a, const HistoryEntry& b) {
  return a.sent_at_ms == b.sent_at_ms && a.endpoint == b.endpoint && a.operation == b.operation &&
         a.event_bytes == b.event_bytes;
}

}  // namespace

History merge_histories(const History& stored, const History& mine) {
  History out;
  out.cleared_at_ms = std::max(stored.cleared_at_ms, mine.cleared_at_ms);
  const auto kept = [&](const HistoryEntry& entry) { return entry.sent_at_ms > out.cleared_at_ms; };
  std::int64_t max_id = 0;
  for (const HistoryEntry& entry : stored.entries) {
    if (!kept(entry)) continue;
    out.entries.push_back(entry);
    max_id = std::max(max_id, entry.id);
  }
  for (const HistoryEntry& entry : mine.entries) max_id = std::max(max_id, entry.id);
  std::int64_t next_id = std::max({stored.next_id, mine.next_id, max_id + 1});
  const std::size_t stored_count = out.entries.size();
  for (const HistoryEntry& entry : mine.entries) {
    if (!kept(entry)) continue;
    const auto begin = out.entries.begin();
    const auto end = begin + static_cast<std::ptrdiff_t>(stored_count);
    if (std::any_of(begin, end, [&](const HistoryEntry& e) { return same_entry(e, entry); })) continue;
    const auto same_id = std::find_if(begin, end, [&](const HistoryEntry& e) { return e.id == entry.id; });
    out.entries.push_back(entry);
    if (same_id != end) out.entries.back().id = next_id++;
  }
  std::stable_sort(out.entries.begin(), out.entries.end(), [](const HistoryEntry& a, const HistoryEntry& b) {
    return a.sent_at_ms != b.sent_at_ms ? a.sent_at_ms > b.sent_at_ms : a.id > b.id;
  });
  out.next_id = next_id;
  bound(out);
  return out;
}

bool drop_oldest_history_entry(History& history) {
  if (history.entries.empty()) return false;
  history.entries.pop_back();
  return true;
}

HistoryLoad history_from_storage(std::string_view text) {
  HistoryLoad load;
  if (text.empty()) return load;
  const auto parsed = parse_json(text);
  const JsonValue* entries = parsed ? parsed.value->find("entries") : nullptr;
  const auto version = parsed && parsed.value->is_object() ? read_integer(parsed.value->find("version")) : std::nullopt;
  if (!parsed || !version || *version != kStorageVersion || !entries || !entries->is_array()) {
    load.unreadable = !parsed                                 ? "it is not valid JSON"
                      : version && *version > kStorageVersion ? "it was saved by a newer version of the workbench"
                                                              : "it is not in the form this version saves";
    load.diagnostics.push_back(
        history_problem("The saved history could not be read (" + *load.unreadable + "); a new one was started."));
    return load;
  }
  load.history.cleared_at_ms = std::max<std::int64_t>(0, read_integer(parsed.value->find("clearedAt")).value_or(0));
  std::set<std::int64_t> seen;
  std::size_t skipped = 0;
  std::int64_t max_id = 0;
  for (const JsonValue& value : entries->array) {
    auto entry = entry_from_json(value);
    if (!entry || !seen.insert(entry->id).second) {
      ++skipped;
      continue;
    }
    max_id = std::max(max_id, entry->id);
    load.history.entries.push_back(std::move(*entry));
  }
  std::stable_sort(load.history.entries.begin(), load.history.entries.end(),
                   [](const HistoryEntry& a, const HistoryEntry& b) { return a.id > b.id; });
  const auto stored_next = read_integer(parsed.value->find("nextId")).value_or(0);
  load.history.next_id = stored_next > max_id && stored_next <= kMaxId ? stored_next : max_id + 1;
  bound(load.history);
  if (skipped > 0) {
    load.diagnostics.push_back(history_problem(std::to_string(skipped) + " saved history " +
                                               (skipped == 1 ? "entry was" : "entries were") +
                                               " damaged and left out."));
  }
  return load;
}

}  // namespace core
