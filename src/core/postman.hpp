// Importing a Postman collection (v2.0 and v2.1 formats): every request whose
// raw body is an operation event becomes a preset named after the request
// ("Folder / Request" inside folders), with its URL as the endpoint (collection
// variables such as {{baseUrl}} filled in), its headers, and an API key found
// in an x-api-key header or API-key auth. Other requests are skipped, each with
// a diagnostic naming it and saying why.
#pragma once

#include <string_view>

#include "core/json_value.hpp"
#include "core/preset.hpp"

namespace core {

PresetImport import_postman_collection(std::string_view text);
PresetImport import_postman_collection(const JsonValue& collection);

// Whether a parsed document looks like a Postman collection (of any version).
bool is_postman_collection(const JsonValue& document);

}  // namespace core
