// The UI fonts (DejaVu Sans and Sans Mono from Debian, subset at build time),
// compiled into the app by cmake/web_app.cmake.
#pragma once

#include <span>

#include <imgui.h>

namespace app::fonts {

// The characters the fonts were subset to, as ImGui glyph ranges (0-terminated).
extern const ImWchar glyph_ranges[];

extern const std::span<const unsigned char> ui_bytes;
extern const std::span<const unsigned char> mono_bytes;

}  // namespace app::fonts
