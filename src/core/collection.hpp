// Collection files: a list of presets saved to and loaded from a JSON file,
//   {"format": "crud-workbench-collection", "version": 1, "presets": [...]}
// (each preset in the JSON form of preset.hpp). Importing also accepts a
// Postman collection or a single operation event, so a person can drop any of
// them on the same button.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/preset.hpp"

namespace core {

inline constexpr std::string_view kCollectionFormat = "crud-workbench-collection";
inline constexpr int kCollectionVersion = 1;

enum class SecretHandling { LeaveOut, Include };

// Pretty-printed JSON text of the file. API keys and secret headers are left
// out unless `secrets` is Include.
std::string export_collection(std::span<const Preset> presets, SecretHandling secrets);

// Reads a collection file. Presets that cannot be read are skipped, each with
// a diagnostic naming it; a file that is not a collection gives one error.
PresetImport import_collection(std::string_view text);

// Reads a workbench collection, a Postman collection (v2.0/v2.1), or a single
// operation event (as one preset), whichever `text` is.
PresetImport import_presets(std::string_view text);

}  // namespace core
