// Small predicates shared by the core tests, for checking messages meant for people.
#pragma once

#include <algorithm>
#include <string_view>

#include "core/diagnostic.hpp"

// Whether a sentence contains `part`.
inline bool mentions(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// Whether any diagnostic's message contains `part`.
inline bool mentions(const core::Diagnostics& diagnostics, std::string_view part) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const core::Diagnostic& d) { return mentions(d.message, part); });
}
