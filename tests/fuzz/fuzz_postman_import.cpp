// libFuzzer target: the Postman collection importer. Any bytes give presets
// and diagnostics, never a crash; every preset is a named operation event.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/postman.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const core::PresetImport imported = core::import_postman_collection(text);
  if (imported.presets.empty() && !core::has_errors(imported.diagnostics)) std::abort();
  for (const core::Preset& preset : imported.presets) {
    if (preset.name.empty() || !core::check_operation_event(preset.event, "event").empty()) std::abort();
  }
  return 0;
}
