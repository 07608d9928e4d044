// The fonts: DejaVu Sans and Sans Mono from Debian, subset at build time and
// compiled into the app (cmake/embed_fonts.py), and the fallback fonts for
// other scripts, split into page files in web/fonts/ that are fetched when
// text needs them (cmake/split_fonts.py). Both made by cmake/web_app.cmake.
#pragma once

#include <span>

#include <imgui.h>

#include "core/glyph_plan.hpp"

namespace app::fonts {

// The characters the compiled-in fonts were subset to, as ImGui glyph ranges (0-terminated).
extern const ImWchar glyph_ranges[];
// The part of them the first frame rasterizes; the rest is added when text holds it.
extern const ImWchar first_frame_ranges[];

extern const std::span<const unsigned char> ui_bytes;
extern const std::span<const unsigned char> mono_bytes;

// The fallback font files under the site (fonts/<script>-<page>.ttf) and their codepoints.
extern const std::span<const core::FontFile> fallback_files;

}  // namespace app::fonts
