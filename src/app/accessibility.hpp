// The app's accessible tree, fed by Dear ImGui itself: the test-engine item
// hooks (IMGUI_ENABLE_TEST_ENGINE) report every item drawn with an id, its
// rectangle, label and status flags; the few things ImGui cannot tell (a
// combo box, a tab, a heading, an answer to announce, a table row and its
// cells) are said by the drawing helpers in ui.hpp through `hint_next` and
// `describe_last`. Each frame's items become
//   - the widget map the browser tests click through (window.__app.widgets,
//     keyed by the item's stable key: its `##` id, else its label), and
//   - the nodes of the page's accessibility layer, sent to the page only as
//     changes (core::a11y::diff_trees).
// The page reports focus and presses on its nodes back (request_focus,
// request_press): they move ImGui's keyboard focus and press its items.
// One tree per ImGui context; everything runs on the main loop.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/snapshot_json.hpp"
#include "core/accessibility.hpp"

namespace app::a11y {

using core::a11y::Hint;

// Turns the hooks on for the current ImGui context (after CreateContext).
void install();

// Around ImGui::NewFrame() ... Render(): forgets the last frame's items, and at the end builds the
// frame's nodes and sends what changed to the page (`pixel_ratio`: device pixels per CSS pixel).
void begin_frame();
void end_frame(float pixel_ratio);
// Instead of end_frame, for the page's first frame: its pixels reach the
// screen without waiting for the layer's DOM nodes; the next frame (an
// animation frame later, before the page reports ready) builds them all.
void defer_frame();

// The widget map: {key: {x, y, w, h, visible, shown: {x, y, w, h}, role}} in
// CSS pixels; `shown` is the part its window does not clip, where a click
// lands; `role` what it is to assistive technology ("button", "textbox", ...).
SnapshotJson widgets_json(float pixel_ratio);

// ---- what the drawing code says about its items ----

// The next item drawn with an id is a `hint` (a combo box, a tab, an option,
// a column header...). `label` names it when ImGui reports no label for it
// (combo boxes, table headers); `status` adds core::a11y status bits
// (kOpenable | kOpened for an open combo box).
void hint_next(Hint hint, std::string_view label = {}, std::uint32_t status = 0,
               std::optional<bool> selected = std::nullopt);

// The last item drawn (a text, a group, a child window's area) is a `hint`
// named `name` (its words), with `key` its stable name in the widget map
// (empty: not in the map).
void describe_last(Hint hint, std::string_view key, std::string_view name);

// The same for an area that is not an item: the current window (a child
// window, a table's scrolling area, a popup) or a rectangle (screen pixels).
void describe_window(Hint hint, std::string_view key, std::string_view name);
void describe_rect(Hint hint, std::string_view key, std::string_view name, float x0, float y0, float x1, float y1);

// Nodes recorded from here until pop_parent() are children of the last item
// recorded (a table's rows, a row's cells, a list's options), or of `id`;
// returns that parent's id.
std::uint32_t push_parent();
void push_parent(std::uint32_t id);
void pop_parent();

// ---- what the page reports ----

// Keyboard focus reached the node of item `id`: ImGui's focus moves there
// (with its focus ring), and a text field starts editing.
void request_focus(std::uint32_t id);
// Assistive technology clicked the node: the item is pressed as by Enter.
void request_press(std::uint32_t id);

// Typed text for ImGui: held while a text field the keyboard just reached
// is not yet editing (it starts on the next frame), so no character is lost.
// Text typed into the node of a field ImGui is not editing (it let go of it:
// Escape, or anything else that ended its editing while the page's focus stayed) starts
// editing that field again, the caret where it was, and goes there.
void type_text(const char* utf8, std::uint32_t node = 0);

// For benchmarks: milliseconds the last frame spent building, diffing and applying the tree.
double last_cost_ms();

}  // namespace app::a11y
