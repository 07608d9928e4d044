// The history of sent requests: what an entry holds, how the list is bounded
// (by count and by bytes, so it fits in browser storage next to everything
// else), and its JSON form for storage. Events keep their exact numbers
// (core::JsonValue). Entries never hold the API key or header values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/http.hpp"
#include "core/json_value.hpp"

namespace core {

inline constexpr std::size_t kMaxHistoryEntries = 200;
// Browsers give a site about 5 MB of storage; the history takes at most this.
inline constexpr std::size_t kMaxHistoryBytes = 2 * 1024 * 1024;
// An event larger than this is remembered as a summary only (no restore).
inline constexpr std::size_t kMaxHistoryEventBytes = 64 * 1024;

struct HistoryEntry {
  std::int64_t id = 0;          // unique, increasing; given by add_to_history
  std::int64_t sent_at_ms = 0;  // Unix epoch milliseconds
  std::string endpoint;
  std::string operation;
  std::string table_name;
  std::optional<JsonValue> event;  // missing when it was too large to keep
  std::size_t event_bytes = 0;     // size of the event's compact JSON text
  int status = 0;                  // HTTP status; 0 when no answer came
  TransportError transport_error;  // set when no answer came
  bool ok = false;                 // the answer was a success
  std::int64_t elapsed_ms = 0;
  friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};

struct History {
  std::vector<HistoryEntry> entries;  // newest first
  std::int64_t next_id = 1;
  std::int64_t cleared_at_ms = 0;  // Clear history: entries sent until then are gone in every tab
  friend bool operator==(const History&, const History&) = default;
};

// A new entry for `event` (its size measured; the event itself dropped when
// above kMaxHistoryEventBytes). The caller fills in the outcome.
HistoryEntry make_history_entry(const JsonValue& event, std::string endpoint, std::int64_t sent_at_ms);

// Adds `entry` as the newest with the next id, then drops the oldest entries
// beyond kMaxHistoryEntries or kMaxHistoryBytes of storage text. Returns its id.
std::int64_t add_to_history(History& history, HistoryEntry entry);

// The entry with `id`, or nullptr.
const HistoryEntry* find_history_entry(const History& history, std::int64_t id);
HistoryEntry* find_history_entry(History& history, std::int64_t id);

// The short outcome shown in the list: "200", "timeout", "cancelled", "no answer".
std::string history_outcome(const HistoryEntry& entry);

std::string history_to_storage(const History& history);

// The history as two tabs wrote it, as one: every entry of both (the same
// entry once), newest first, none sent before the later Clear; an entry of
// `mine` whose id `stored` gives to another entry gets a new id. Bounded as
// add_to_history bounds it.
History merge_histories(const History& stored, const History& mine);

// Drops the oldest entry, to make room when storage is full. False when empty.
bool drop_oldest_history_entry(History& history);

struct HistoryLoad {
  History history;
  Diagnostics diagnostics;  // field "history": why some or all of it was not read
  // Set when the whole document could not be read (the text is worth keeping aside): why.
  std::optional<std::string> unreadable;
};

// Reads what history_to_storage wrote. A document it cannot read gives an
// empty history; entries it cannot read are skipped; both with a diagnostic.
HistoryLoad history_from_storage(std::string_view text);

}  // namespace core
