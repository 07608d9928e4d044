// The UI fonts (DejaVu Sans and Sans Mono from Debian, subset at build time),
// compiled into the app by cmake/web_app.cmake.
#pragma once

#include <span>

namespace app::fonts {

extern const std::span<const unsigned char> ui_bytes;
extern const std::span<const unsigned char> mono_bytes;

}  // namespace app::fonts
