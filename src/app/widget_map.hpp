// Where labelled widgets were drawn in the last frame, published for browser
// tests so they can click and type like a person on the ImGui canvas.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "app/snapshot_json.hpp"

namespace app {

class WidgetMap {
 public:
  void clear() { rects_.clear(); }
  // Records the rectangle of the item ImGui drew last under `name`.
  void track(std::string_view name);
  // {name: {x, y, w, h, visible, shown: {x, y, w, h}}} in CSS pixels
  // (`pixel_ratio` device pixels per CSS pixel): `shown` is the part not
  // clipped by its window or table cell, where a click lands on the widget.
  SnapshotJson to_json(float pixel_ratio) const;

 private:
  struct Box { float x, y, w, h; };
  struct Rect { Box item; Box shown; bool visible; };
  std::map<std::string, Rect, std::less<>> rects_;
};

}  // namespace app
