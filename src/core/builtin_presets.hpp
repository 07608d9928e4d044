// The presets every workbench starts with: the seed's six requests (create,
// read, three updates, delete on the lambda-apigateway table), so a person can
// try the API without writing an event first.
#pragma once

#include <vector>

#include "core/preset.hpp"

namespace core {

// The six seed requests, in the seed's order; the same events as
// tests/fixtures/seed/*.json.
std::vector<Preset> builtin_presets();

}  // namespace core
