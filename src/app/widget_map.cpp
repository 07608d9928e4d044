#include "app/widget_map.hpp"

#include <imgui.h>

namespace app {

void WidgetMap::track(std::string_view name) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  rects_[std::string(name)] = {min.x, min.y, max.x - min.x, max.y - min.y, ImGui::IsItemVisible()};
}

SnapshotJson WidgetMap::to_json(float pixel_ratio) const {
  SnapshotJson out = SnapshotJson::object();
  for (const auto& [name, r] : rects_) {
    out.set(name, {{"x", r.x / pixel_ratio}, {"y", r.y / pixel_ratio}, {"w", r.w / pixel_ratio},
                   {"h", r.h / pixel_ratio}, {"visible", r.visible}});
  }
  return out;
}

}  // namespace app
