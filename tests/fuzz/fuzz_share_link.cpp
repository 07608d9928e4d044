// libFuzzer target: the share link decoder. Any text, and any bytes placed
// behind each format's prefix (so the fuzzer reaches the decompressor without
// having to learn base64), reads to a preset or to diagnostics, never a crash;
// a preset that was read encodes to a link that reads back to the same preset.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/base64.hpp"
#include "core/share_link.hpp"

namespace {

void check(const std::string& link) {
  const core::LinkRead read = core::read_share_link(link);
  if (!read.preset) {
    if (!core::has_errors(read.diagnostics)) std::abort();  // a refusal always says why
    return;
  }
  if (core::has_secrets(*read.preset)) std::abort();
  const core::LinkRead again = core::read_share_link(core::share_link("https://example.org/", *read.preset));
  if (!again.preset || !(*again.preset == *read.preset)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(std::string(bytes));
  const std::string encoded = core::base64url_encode(bytes);
  check("#p=v1." + encoded);
  check("#p=v2." + encoded);
  return 0;
}
