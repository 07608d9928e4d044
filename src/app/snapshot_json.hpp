// The JSON the app publishes for browser tests (what it shows, where its
// widgets are), written like a literal: {{"name", value}, ...} is an object,
// SnapshotJson::array() an array. Held as a core::JsonValue.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/json_value.hpp"

namespace app {

class SnapshotJson {
 public:
  SnapshotJson() = default;
  SnapshotJson(std::nullptr_t) {}
  SnapshotJson(bool value) : value_(core::JsonValue::from_bool(value)) {}
  template <typename T>
  requires(std::is_integral_v<T> && !std::is_same_v<T, bool>) SnapshotJson(T value)
      : value_(core::JsonValue::number(std::to_string(value))) {}
  SnapshotJson(double value) : value_(core::JsonValue::from_double(value)) {}
  SnapshotJson(float value) : SnapshotJson(static_cast<double>(value)) {}
  SnapshotJson(const char* value) : value_(core::JsonValue::string(value)) {}
  SnapshotJson(std::string value) : value_(core::JsonValue::string(std::move(value))) {}
  SnapshotJson(std::string_view value) : value_(core::JsonValue::string(std::string(value))) {}
  SnapshotJson(std::initializer_list<std::pair<const char*, SnapshotJson>> members);

  static SnapshotJson array();
  static SnapshotJson object();

  void push_back(SnapshotJson item);
  void set(std::string key, SnapshotJson value);

  const core::JsonValue& value() const { return value_; }
  // Compact JSON text; invalid UTF-8 in strings is replaced.
  std::string text() const { return core::to_json_text(value_); }

 private:
  core::JsonValue value_;
};

}  // namespace app
