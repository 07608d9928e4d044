// Small drawing helpers the panels share: sizes in font units (so layouts
// scale with the device pixel ratio), coloured and wrapped text, a status
// dot, the accent button and a draggable splitter.
#pragma once

#include <string>

#include <imgui.h>

#include "app/accessibility.hpp"
#include "core/connection_check.hpp"

namespace app::ui {

// `n` times the current font size, in device pixels.
float em(float n);

// Wrapped text, also read by screen readers in its place.
void text_colored_wrapped(const ImVec4& color, const std::string& text);
void text_muted(const std::string& text);

// ---- what items are to assistive technology (accessibility.hpp) ----

// A panel's title: a separator line with the title, a heading to screen readers.
void section_title(const std::string& title);

// Wrapped text that is also `hint` to screen readers (Status: spoken politely
// when it changes; Alert: spoken at once; Text: read in its place), under
// `key` in the widget map.
void text_as(a11y::Hint hint, const std::string& key, const ImVec4& color, const std::string& text);

// The last item (a text, a group) read as `hint` with these words, under `key` in the widget map.
void describe_last(a11y::Hint hint, const std::string& key, const std::string& words);

// A combo box `label` ("##key") showing `preview`: a combobox that says
// whether it is open, its list a listbox; options inside go through `option`.
bool begin_combo(const char* label, const char* preview);
void end_combo();
// Radio buttons (or buttons acting as such, with a Radio hint) that follow,
// until end_radio_group(), are one group named `name` on this line.
void begin_radio_group(const std::string& name);
void end_radio_group();

// An option of the open combo box (`label` as for Selectable); true when picked.
bool option(const char* label, bool selected);

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

// ---- touch (sizes from the theme: theme.hpp's touch_target) ----

// Whether the layout is for a finger: targets have a least size.
bool touch();
// A secondary button: ImGui's small button with a mouse, a full-size one for a finger.
bool small_button(const char* label);
// Width of a button with `label`, at least a touch target wide on touch screens.
float target_width(const char* label);
// The height of a selectable row: a text line with a mouse, a touch target for a finger.
float row_height();
// Before an item `width` wide on the same line: stays on the line when the
// item fits before the window's edge, else starts a new line, so that
// nothing needs horizontal scrolling. `spacing` < 0: the style's.
void flow(float width, float spacing = -1);

// Esc leaves the text field being edited with what was typed in it, as Tab
// does. (ImGui's own Esc puts back the text the field had when its editing
// began: every keystroke since, lost.) Call once a frame before the fields.
void keep_typing_on_escape();

}  // namespace app::ui
