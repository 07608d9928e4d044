// Small drawing helpers the panels share: sizes in font units (so layouts
// scale with the device pixel ratio), coloured and wrapped text, a status
// dot, the accent button and a draggable splitter.
#pragma once

#include <string>

#include <imgui.h>

#include "core/connection_check.hpp"

namespace app::ui {

// `n` times the current font size, in device pixels.
float em(float n);

void text_colored_wrapped(const ImVec4& color, const std::string& text);
void text_muted(const std::string& text);

// A filled circle before text on the same line; `frame_line` when that text
// is aligned to framed widgets (AlignTextToFramePadding) on the line.
void status_dot(const ImVec4& color, bool frame_line = false);

ImVec4 verdict_color(core::ConnectionState state, bool checking);

// The one button per area that does the main thing (Send), in the accent colour.
bool primary_button(const char* label, const ImVec2& size = ImVec2(0, 0));

// A full-width bar between two areas stacked vertically; returns how far it
// was dragged this frame (device pixels, down is positive).
float horizontal_splitter(const char* id, float thickness);

// A right-aligned group: moves the cursor so that `width` fits before the edge.
void align_right(float width);

// `text` cut to fit `width` (device pixels), ending in "…" when cut.
std::string ellipsize(const std::string& text, float width);

// A tooltip for the last item with `text` wrapped at a readable width; none when empty.
void tooltip_wrapped(const std::string& text);

// Width a button with `label` takes.
float button_width(const char* label);

}  // namespace app::ui
