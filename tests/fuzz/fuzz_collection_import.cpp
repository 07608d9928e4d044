// libFuzzer target: importing a file (workbench collection, Postman collection
// or single event). Any bytes import to presets and diagnostics, never a crash;
// every imported preset is an operation event and survives a collection file
// round trip unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/collection.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const core::PresetImport& imported : {core::import_presets(text), core::import_collection(text)}) {
    if (imported.presets.empty() && imported.diagnostics.empty()) std::abort();  // nothing imported says why
    for (const core::Preset& preset : imported.presets) {
      if (!core::check_operation_event(preset.event, "event").empty()) std::abort();
    }
    const auto again =
        core::import_collection(core::export_collection(imported.presets, core::SecretHandling::Include));
    if (again.presets != imported.presets) std::abort();
  }
  return 0;
}
