#include "app/widget_map.hpp"

#include <algorithm>

#include <imgui.h>

namespace app {

void WidgetMap::track(std::string_view name) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  // The clip rectangle in force: the window's, or a table cell's.
  const ImDrawList* draw_list = ImGui::GetWindowDrawList();
  const ImVec2 clip_min = draw_list->GetClipRectMin();
  const ImVec2 clip_max = draw_list->GetClipRectMax();
  const float left = std::max(min.x, clip_min.x);
  const float top = std::max(min.y, clip_min.y);
  const float right = std::min(max.x, clip_max.x);
  const float bottom = std::min(max.y, clip_max.y);
  const bool visible = ImGui::IsItemVisible() && right > left && bottom > top;
  rects_[std::string(name)] = {
      .item = {min.x, min.y, max.x - min.x, max.y - min.y},
      .shown = visible ? Box{left, top, right - left, bottom - top} : Box{0, 0, 0, 0},
      .visible = visible};
}

SnapshotJson WidgetMap::to_json(float pixel_ratio) const {
  SnapshotJson out = SnapshotJson::object();
  for (const auto& [name, r] : rects_) {
    const auto box = [pixel_ratio](const Box& b) -> SnapshotJson {
      return {{"x", b.x / pixel_ratio}, {"y", b.y / pixel_ratio}, {"w", b.w / pixel_ratio}, {"h", b.h / pixel_ratio}};
    };
    SnapshotJson entry = box(r.item);
    entry.set("visible", r.visible);
    entry.set("shown", box(r.shown));
    out.set(name, std::move(entry));
  }
  return out;
}

}  // namespace app
