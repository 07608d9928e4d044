// Sizes and colours for the current device pixel ratio and theme (the fonts:
// glyph_atlas.hpp). Everything is drawn in device pixels, so text stays crisp
// on HiDPI screens.
#pragma once

#include <imgui.h>

namespace app {

// Applies the style for `pixel_ratio` and the dark or light theme; call
// before NewFrame. Costs nothing when nothing changed.
void apply_theme(float pixel_ratio, bool dark);

// The page's background behind the canvas, as CSS, matching the theme.
const char* page_background_css(bool dark);

// Index of the monospace font in io.Fonts (for JSON).
inline constexpr int kMonoFont = 1;

// Colours the panels use beyond ImGui's own, for the current theme.
struct Palette {
  ImVec4 success;
  ImVec4 error;
  ImVec4 warning;
  ImVec4 muted;
  ImVec4 accent;       // the Send button
  ImVec4 accent_hover;
  ImVec4 header_bg;    // the header bar
};
const Palette& palette();

}  // namespace app
