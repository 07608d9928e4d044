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
  // {name: {x, y, w, h}} in CSS pixels (`pixel_ratio` device pixels per CSS pixel).
  SnapshotJson to_json(float pixel_ratio) const;

 private:
  struct Rect { float x, y, w, h; bool visible; };
  std::map<std::string, Rect, std::less<>> rects_;
};

}  // namespace app
