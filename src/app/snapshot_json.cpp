#include "app/snapshot_json.hpp"

namespace app {

SnapshotJson::SnapshotJson(std::initializer_list<std::pair<const char*, SnapshotJson>> members)
    : value_(core::JsonValue::make_object()) {
  value_.object.reserve(members.size());
  for (const auto& [key, member] : members) value_.object.emplace_back(key, member.value_);
}

SnapshotJson SnapshotJson::array() {
  SnapshotJson out;
  out.value_ = core::JsonValue::make_array();
  return out;
}

SnapshotJson SnapshotJson::object() {
  SnapshotJson out;
  out.value_ = core::JsonValue::make_object();
  return out;
}

void SnapshotJson::push_back(SnapshotJson item) { value_.array.push_back(std::move(item.value_)); }

void SnapshotJson::set(std::string key, SnapshotJson value) { value_.set(std::move(key), std::move(value.value_)); }

}  // namespace app
