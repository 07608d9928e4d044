// libFuzzer target: whatever browser storage holds, reading the history
// never crashes, keeps within its bounds, and what it read is written back
// and read again unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/history.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto load = core::history_from_storage(text);
  if (load.history.entries.size() > core::kMaxHistoryEntries) std::abort();
  const std::string stored = core::history_to_storage(load.history);
  if (stored.size() > core::kMaxHistoryBytes + 64) std::abort();
  const auto again = core::history_from_storage(stored);
  if (!again.diagnostics.empty()) std::abort();
  // Invalid UTF-8 in strings is replaced when written, so compare the written forms.
  const std::string written = core::history_to_storage(again.history);
  if (written != core::history_to_storage(core::history_from_storage(written).history)) std::abort();
  return 0;
}
