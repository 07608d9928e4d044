// Diagnostics: what is wrong (or worth a warning) with something a person
// typed or loaded, as plain values the UI can show next to the field.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace core {

enum class Severity { Info, Warning, Error };

// A span of text inside the field, in bytes; length 0 points between characters.
struct TextSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
  friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

struct Diagnostic {
  std::string field;                 // a path like "payload.UpdateExpression" or "link"
  std::optional<TextSpan> position;  // where inside the field, when known
  Severity severity = Severity::Error;
  std::string message;  // one sentence a person can act on
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

using Diagnostics = std::vector<Diagnostic>;

inline bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

}  // namespace core
