// The fonts: DejaVu Sans and Sans Mono from Debian, subset at build time to
// what the first frame draws and compiled into the app (cmake/embed_fonts.py),
// and the fallback fonts, split into page files in web/fonts/ that are fetched
// when text needs them (cmake/split_fonts.py): the rest of DejaVu (Latin-1,
// Latin Extended-A, Greek, Cyrillic, symbols; a sans and a mono file per page)
// and the fonts of other scripts. Both made by cmake/fonts.cmake.
#pragma once

#include <span>

#include <imgui.h>

#include "core/glyph_plan.hpp"

namespace app::fonts {

// The characters the compiled-in fonts were subset to, as ImGui glyph ranges
// (0-terminated): what the first frame rasterizes.
extern const ImWchar first_frame_ranges[];

extern const std::span<const unsigned char> ui_bytes;
extern const std::span<const unsigned char> mono_bytes;

// The fallback font files under the site (fonts/<script>-<page>.ttf, and
// fonts/latin-mono-<page>.ttf beside DejaVu's pages) and their codepoints.
extern const std::span<const core::FontFile> fallback_files;

}  // namespace app::fonts
