// Reading members of JSON that came from outside (answers, imported files,
// links), where any member may be missing or of another type than expected:
// each accessor answers "absent" instead of failing.
#pragma once

#include <string>
#include <string_view>

#include "core/json_value.hpp"

namespace core {

// The member `key` when `object` is an object that has it, else nullptr.
inline const JsonValue* member_of(const JsonValue& object, std::string_view key) {
  return object.is_object() ? object.find(key) : nullptr;
}

// The member `key` when it is a string, else "".
inline std::string string_member(const JsonValue& object, std::string_view key) {
  const JsonValue* value = member_of(object, key);
  return value && value->is_string() ? value->text : std::string();
}

}  // namespace core
