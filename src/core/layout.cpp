#include "core/layout.hpp"

#include <algorithm>
#include <cmath>

namespace core {

std::string_view layout_tab_name(LayoutTab tab) {
  switch (tab) {
    case LayoutTab::Request: return "Request";
    case LayoutTab::Answer: return "Answer";
    case LayoutTab::Connection: return "Connection";
    case LayoutTab::Presets: return "Presets";
    case LayoutTab::History: return "History";
  }
  return "Request";
}

std::string_view layout_kind_name(LayoutKind kind) {
  switch (kind) {
    case LayoutKind::Wide: return "wide";
    case LayoutKind::Medium: return "medium";
    case LayoutKind::Narrow: return "narrow";
  }
  return "wide";
}

Layout decide_layout(const LayoutInput& input) {
  Layout layout;
  const float scale = input.text_scale > 0 ? input.text_scale : 1.0f;
  // Larger text needs the room of a narrower window.
  const float width = input.css_width / scale;
  layout.kind = width < kNarrowBelow ? LayoutKind::Narrow : width < kWideFrom ? LayoutKind::Medium : LayoutKind::Wide;
  layout.font_px = (input.touch ? kTouchFontPx : kMouseFontPx) * scale;
  layout.target_px = input.touch ? kTouchTargetPx : 0;
  switch (layout.kind) {
    case LayoutKind::Wide: layout.sidebar = true; break;
    case LayoutKind::Medium:
      layout.sidebar = !input.choice.sidebar_folded;
      layout.sidebar_toggle = true;
      layout.sidebar_share = 0.4f;
      break;
    case LayoutKind::Narrow:
      layout.sidebar = false;
      layout.tab_bar = true;
      layout.tab = input.choice.tab;
      layout.compact_header = true;
      layout.send_at_bottom = true;
      layout.answer_badge = input.choice.answer_unseen && input.choice.tab != LayoutTab::Answer;
      break;
  }
  return layout;
}

LayoutChoice request_sent(LayoutChoice choice, LayoutTab shown) {
  choice.tab_at_send = shown;
  return choice;
}

LayoutChoice answer_arrived(LayoutChoice choice, LayoutKind kind) {
  if (kind != LayoutKind::Narrow) {
    choice.answer_unseen = false;
    return choice;
  }
  if (choice.tab == choice.tab_at_send || choice.tab == LayoutTab::Answer) {
    choice.tab = LayoutTab::Answer;
    choice.answer_unseen = false;
  } else {
    choice.answer_unseen = true;
  }
  return choice;
}

LayoutChoice request_loaded(LayoutChoice choice) {
  choice.tab = LayoutTab::Request;
  return choice;
}

LayoutChoice tab_picked(LayoutChoice choice, LayoutTab tab) {
  choice.tab = tab;
  if (tab == LayoutTab::Answer) choice.answer_unseen = false;
  return choice;
}

LayoutChoice layout_shown(LayoutChoice choice, LayoutKind kind) {
  if (kind != LayoutKind::Narrow) choice.answer_unseen = false;
  return choice;
}

float pinch_text_scale(float current, float start_distance, float end_distance) {
  if (!(start_distance > 0) || !(end_distance > 0) || !std::isfinite(current)) return std::clamp(current, 0.8f, 1.6f);
  const float scaled = current * (end_distance / start_distance);
  const float stepped = std::round(scaled / 0.05f) * 0.05f;
  return std::clamp(stepped, 0.8f, 1.6f);
}

}  // namespace core
