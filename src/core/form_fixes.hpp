// One-click fixes for a request form's expression problems: write a reserved
// word through an ExpressionAttributeNames placeholder, add a placeholder an
// expression uses but the form does not define, drop one no expression uses.
// The UI lists available_fixes() beside the diagnostics and applies the one a
// person picks; the result is a new form, checked again like any other.
#pragma once

#include <string>
#include <vector>

#include "core/request.hpp"

namespace core {

enum class FixKind {
  AliasReservedWord,  // SET number = :n  ->  SET #number = :n, #number -> number
  AddName,            // #num used, not defined: add a #num row (name to fill in)
  AddValue,           // :v used, not defined: add a :v row (value to fill in)
  DropName,           // #x defined, unused: remove its row
  DropValue,          // :x defined, unused: remove its row
};

struct FormFix {
  FixKind kind = FixKind::AliasReservedWord;
  std::string target;  // the reserved word or the placeholder
  std::string label;   // a button caption: "Write number as #number"
  friend bool operator==(const FormFix&, const FormFix&) = default;
};

// The fixes for the problems the form's expressions have now, in the order
// above; empty when there are none.
std::vector<FormFix> available_fixes(const RequestForm& form);

// The form with the fix applied. Aliasing rewrites every expression of the
// form's operation and reuses a placeholder that already names the word.
RequestForm apply_fix(RequestForm form, const FormFix& fix);

}  // namespace core
