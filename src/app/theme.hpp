// Sizes and colours for the current device pixel ratio and theme (the fonts:
// glyph_atlas.hpp). Everything is drawn in device pixels, so text stays crisp
// on HiDPI screens.
#pragma once

#include <imgui.h>

namespace app {

// Sizes the layout asks for (core::Layout), in CSS px.
struct ThemeSizes {
  float font_px = 15;
  float target_px = 0;  // least height of a touch target; 0: a mouse, no minimum
};

// Applies the style for `pixel_ratio`, the dark or light theme and `sizes`
// (touch screens: padding for 44 px targets); call before NewFrame. The
// fonts' size is the glyph atlas's (glyph_atlas.hpp). Costs nothing when
// nothing changed.
void apply_theme(float pixel_ratio, bool dark, const ThemeSizes& sizes);

// The least size of a touch target in device pixels; 0 with a mouse.
float touch_target();

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
  ImVec4 accent;  // the Send button
  ImVec4 accent_hover;
  ImVec4 header_bg;  // the header bar
};
const Palette& palette();

}  // namespace app
