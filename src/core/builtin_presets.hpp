// The presets every workbench starts with: the seed's six requests (create,
// read, three updates, delete on the lambda-apigateway table), so a person can
// try the API without writing an event first. A deployed stack's table has
// another name (core/site_config): the same requests then name that table.
#pragma once

#include <string_view>
#include <vector>

#include "core/event_text.hpp"
#include "core/preset.hpp"

namespace core {

// The six seed requests, in the seed's order, on `table_name`; on the default
// table they are the same events as tests/fixtures/seed/*.json.
std::vector<Preset> builtin_presets(std::string_view table_name = kDefaultTableName);

}  // namespace core
