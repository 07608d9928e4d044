// Which layout the workbench uses and which panel it shows, as one pure
// function of the window (CSS px), the input kind and what the person chose:
//   Wide:   the sidebar (Connection, Presets, History) beside the request and
//           the answer, as on a desktop;
//   Medium: the same, with a sidebar the person can fold away (tablets);
//   Narrow: one column, one panel at a time, chosen in a tab bar (phones).
// Also the sizes touch needs (text and target sizes) and the rules for the
// Answer tab: it opens when an answer arrives, a badge marks one not yet seen.
// Panels draw into the space they are given; only this module compares widths.
#pragma once

#include <array>
#include <string_view>

namespace core {

enum class LayoutKind { Wide, Medium, Narrow };

// The narrow layout's tabs, in the tab bar's order.
enum class LayoutTab { Request, Answer, Connection, Presets, History };
inline constexpr std::array<LayoutTab, 5> kLayoutTabs = {LayoutTab::Request, LayoutTab::Answer, LayoutTab::Connection,
                                                         LayoutTab::Presets, LayoutTab::History};
std::string_view layout_tab_name(LayoutTab tab);
std::string_view layout_kind_name(LayoutKind kind);

// What the person chose, kept across layouts (a rotation keeps it).
struct LayoutChoice {
  bool sidebar_folded = false;                 // Medium: the sidebar is folded away
  LayoutTab tab = LayoutTab::Request;          // Narrow: the panel shown
  bool answer_unseen = false;                  // an answer arrived that no panel has shown yet
  LayoutTab tab_at_send = LayoutTab::Request;  // the tab shown when the last request was sent
};

struct LayoutInput {
  float css_width = 0;
  float css_height = 0;
  bool touch = false;    // a coarse pointer (finger) rather than a mouse
  float text_scale = 1;  // the app's own text size (a pinch changes it), 1 = normal
  LayoutChoice choice;
};

struct Layout {
  LayoutKind kind = LayoutKind::Wide;
  bool sidebar = true;          // the sidebar is drawn (Wide; Medium unless folded)
  bool sidebar_toggle = false;  // a button folds and unfolds the sidebar (Medium)
  bool tab_bar = false;         // Narrow: the tab bar, and only `tab`'s panel
  LayoutTab tab = LayoutTab::Request;
  bool answer_badge = false;    // the Answer tab carries a badge: an unseen answer
  bool compact_header = false;  // the header keeps only the name, status and theme
  bool send_at_bottom = false;  // Send spans the bottom of the request, where a thumb reaches
  float font_px = 15;           // text size, CSS px (touch: at least 16, so browsers do not zoom)
  float target_px = 0;          // least height and width of a touch target, CSS px (0: none)
  float sidebar_share = 0.3f;   // of the width, when the sidebar is drawn
};

// Widths in CSS px at the app's text scale: below kNarrowBelow one column,
// below kWideFrom a foldable sidebar.
inline constexpr float kNarrowBelow = 600;
inline constexpr float kWideFrom = 1024;
inline constexpr float kTouchTargetPx = 44;  // WCAG 2.5.5, Apple's guidelines
inline constexpr float kTouchFontPx = 16;
inline constexpr float kMouseFontPx = 15;

Layout decide_layout(const LayoutInput& input);

// A request was sent with `tab` shown.
LayoutChoice request_sent(LayoutChoice choice, LayoutTab shown);
// An answer arrived (not a further page of a list). In one column it opens
// the Answer tab, unless the person went to another tab while waiting: then
// the Answer tab gets a badge. Side by side (Wide, Medium) the answer is seen.
LayoutChoice answer_arrived(LayoutChoice choice, LayoutKind kind);
// A request was put into the editor from elsewhere (a preset, the history,
// a link): in one column the Request tab shows it.
LayoutChoice request_loaded(LayoutChoice choice);
// The person picked a tab; the Answer tab clears its badge.
LayoutChoice tab_picked(LayoutChoice choice, LayoutTab tab);
// The layout changed to `kind`: an answer shown side by side is seen.
LayoutChoice layout_shown(LayoutChoice choice, LayoutKind kind);

// The text scale after a two-finger pinch from `start_distance` to
// `end_distance` (any unit), kept within 0.8 to 1.6, in steps of 0.05.
float pinch_text_scale(float current, float start_distance, float end_distance);

}  // namespace core
