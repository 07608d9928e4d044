// Fonts and style for the current device pixel ratio. Everything is drawn in
// device pixels, so text stays crisp on HiDPI screens.
#pragma once

namespace app {

// Rebuilds fonts and style for `pixel_ratio`; call before NewFrame. The
// renderer's font texture must be recreated afterwards.
void apply_theme(float pixel_ratio);

}  // namespace app
