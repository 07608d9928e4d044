// libFuzzer target: any bytes parse to a value or an error (never a crash);
// the reader accepts exactly what nlohmann/json accepts (where that library
// can tell, and but for nesting beyond the reader's limit);
// and a parsed value prints to text that parses back to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json_value.hpp"

namespace {

// What nlohmann/json says of `text`: 1 valid, 0 invalid, -1 unknown (it stopped at a
// number too large for a double, which this reader keeps as text, or the text
// holds a NUL byte).
int reference_verdict(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return -1;  // it reads a NUL byte as the end of input
  try {
    (void)nlohmann::json::parse(text);
    return 1;
  } catch (const nlohmann::json::out_of_range&) {
    return -1;
  } catch (const nlohmann::json::exception&) {
    return 0;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = core::parse_json(text);
  const int reference = reference_verdict(text);
  if (parsed && reference == 0) std::abort();
  if (!parsed && reference == 1 && parsed.error->message.find("levels deep") == std::string::npos) std::abort();
  if (!parsed) return 0;
  for (int indent : {-1, 2}) {
    const auto again = core::parse_json(core::to_json_text(*parsed.value, indent));
    if (!again || !(*again.value == *parsed.value)) std::abort();
  }
  return 0;
}
