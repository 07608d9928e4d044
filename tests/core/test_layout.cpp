#include <doctest/doctest.h>

#include "core/kinetic_scroll.hpp"
#include "core/layout.hpp"

#include <cmath>

using core::decide_layout;
using core::LayoutKind;
using core::LayoutTab;

namespace {

core::Layout at(float width, float height, bool touch, core::LayoutChoice choice = {}) {
  return decide_layout({.css_width = width, .css_height = height, .touch = touch, .choice = choice});
}

}  // namespace

TEST_CASE("a desktop window gets the sidebar beside the request and answer") {
  const auto layout = at(1280, 800, false);
  CHECK(layout.kind == LayoutKind::Wide);
  CHECK(layout.sidebar);
  CHECK_FALSE(layout.sidebar_toggle);
  CHECK_FALSE(layout.tab_bar);
  CHECK(layout.font_px == core::kMouseFontPx);
  CHECK(layout.target_px == 0);
}

TEST_CASE("a tablet in portrait gets a sidebar that folds away, and keeps it folded when asked") {
  const auto open = at(768, 1024, true);
  CHECK(open.kind == LayoutKind::Medium);
  CHECK(open.sidebar);
  CHECK(open.sidebar_toggle);
  const auto folded = at(768, 1024, true, {.sidebar_folded = true});
  CHECK_FALSE(folded.sidebar);
  CHECK(folded.sidebar_toggle);
  // Wide again (turned to landscape): the sidebar is back whatever was chosen.
  CHECK(at(1100, 768, true, {.sidebar_folded = true}).sidebar);
}

TEST_CASE("a phone gets one column with a tab bar showing the chosen panel") {
  const auto layout = at(390, 844, true, {.tab = LayoutTab::Presets});
  CHECK(layout.kind == LayoutKind::Narrow);
  CHECK(layout.tab_bar);
  CHECK_FALSE(layout.sidebar);
  CHECK(layout.tab == LayoutTab::Presets);
  CHECK(layout.compact_header);
  CHECK(layout.send_at_bottom);
  CHECK_FALSE(at(768, 1024, true).send_at_bottom);
  // Turned to landscape (844 wide): side by side again, the choice kept for later.
  CHECK(at(844, 390, true, {.tab = LayoutTab::Presets}).kind == LayoutKind::Medium);
}

TEST_CASE("the breakpoints are in CSS px at the app's text scale") {
  CHECK(at(599, 800, false).kind == LayoutKind::Narrow);
  CHECK(at(600, 800, false).kind == LayoutKind::Medium);
  CHECK(at(1023, 800, false).kind == LayoutKind::Medium);
  CHECK(at(1024, 800, false).kind == LayoutKind::Wide);
  // Larger text needs more room: 700 px at 1.25 is 560 px of normal text.
  CHECK(decide_layout({.css_width = 700, .css_height = 800, .text_scale = 1.25f}).kind == LayoutKind::Narrow);
}

TEST_CASE("touch screens get 16 px text and 44 px targets: the text scale applies on top") {
  const auto touch = at(390, 844, true);
  CHECK(touch.font_px >= 16);
  CHECK(touch.target_px >= 44);
  const auto larger = decide_layout({.css_width = 390, .css_height = 844, .touch = true, .text_scale = 1.5f});
  CHECK(larger.font_px == doctest::Approx(24));
  CHECK(larger.target_px >= 44);
}

TEST_CASE("on a phone the Answer tab opens when an answer arrives for a request sent from the tab shown") {
  core::LayoutChoice choice = core::request_sent({.tab = LayoutTab::Request}, LayoutTab::Request);
  choice = core::answer_arrived(choice, LayoutKind::Narrow);
  CHECK(choice.tab == LayoutTab::Answer);
  CHECK_FALSE(choice.answer_unseen);
  CHECK_FALSE(at(390, 844, true, choice).answer_badge);
}

TEST_CASE("an answer arriving after the person went to another tab gets a badge until the Answer tab is picked") {
  core::LayoutChoice choice = core::request_sent({.tab = LayoutTab::Request}, LayoutTab::Request);
  choice = core::tab_picked(choice, LayoutTab::Connection);
  choice = core::answer_arrived(choice, LayoutKind::Narrow);
  CHECK(choice.tab == LayoutTab::Connection);
  CHECK(at(390, 844, true, choice).answer_badge);
  choice = core::tab_picked(choice, LayoutTab::History);
  CHECK(at(390, 844, true, choice).answer_badge);
  choice = core::tab_picked(choice, LayoutTab::Answer);
  CHECK_FALSE(at(390, 844, true, choice).answer_badge);
  CHECK_FALSE(choice.answer_unseen);
}

TEST_CASE("an answer shown side by side is seen, also when the window widens later") {
  core::LayoutChoice choice = core::answer_arrived({.tab = LayoutTab::Presets}, LayoutKind::Wide);
  CHECK_FALSE(choice.answer_unseen);
  CHECK(choice.tab == LayoutTab::Presets);
  choice = core::answer_arrived(core::tab_picked(choice, LayoutTab::History), LayoutKind::Narrow);
  CHECK(choice.answer_unseen);
  CHECK_FALSE(core::layout_shown(choice, LayoutKind::Medium).answer_unseen);
  CHECK(core::layout_shown(choice, LayoutKind::Narrow).answer_unseen);
}

TEST_CASE("a request picked from a preset or the history is shown in the Request tab") {
  core::LayoutChoice choice = core::tab_picked({}, LayoutTab::Presets);
  choice = core::request_loaded(choice);
  CHECK(at(390, 844, true, choice).tab == LayoutTab::Request);
}

TEST_CASE("a pinch scales the text by the fingers' spread, within bounds and in steps") {
  CHECK(core::pinch_text_scale(1, 100, 120) == doctest::Approx(1.2f));
  CHECK(core::pinch_text_scale(1, 100, 400) == doctest::Approx(1.6f));
  CHECK(core::pinch_text_scale(1, 100, 10) == doctest::Approx(0.8f));
  CHECK(core::pinch_text_scale(1, 100, 101) == doctest::Approx(1.0f));
  CHECK(core::pinch_text_scale(1.2f, 0, 50) == doctest::Approx(1.2f));
}

TEST_CASE("the tab names are the tab bar's words") {
  CHECK(core::layout_tab_name(LayoutTab::Answer) == "Answer");
  CHECK(core::layout_kind_name(LayoutKind::Narrow) == "narrow");
}

TEST_CASE("a drag scrolls by what the finger moved and measures its speed") {
  core::KineticScroll scroll;
  scroll.press();
  const core::Vec2f moved = scroll.drag({0, -30}, 0.016f);
  CHECK(moved.y == doctest::Approx(-30));
  for (int i = 0; i < 10; ++i) scroll.drag({0, -30}, 0.016f);
  CHECK(scroll.velocity().y == doctest::Approx(-30 / 0.016f).epsilon(0.01));
}

TEST_CASE("a flick glides on after the finger lifts, slowing down until it stops") {
  core::KineticScroll scroll;
  scroll.press();
  for (int i = 0; i < 10; ++i) scroll.drag({0, 20}, 0.016f);
  scroll.release(0.0f);
  REQUIRE(scroll.gliding());
  float total = 0;
  float previous = 1e9f;
  int steps = 0;
  while (scroll.gliding() && steps < 1000) {
    const float moved = scroll.step(0.016f).y;
    CHECK(moved > 0);
    CHECK(moved <= previous);
    previous = moved;
    total += moved;
    ++steps;
  }
  CHECK_FALSE(scroll.gliding());
  CHECK(steps < 1000);
  // v0 / ln(1/decay): 1250 px/s glides about 417 px.
  CHECK(total == doctest::Approx(1250 / std::log(1 / core::KineticScroll::kDecayPerSecond)).epsilon(0.05));
  CHECK(scroll.step(0.016f).y == 0);
}

TEST_CASE("a finger that rests before lifting, a slow drag, or a new touch throws nothing") {
  core::KineticScroll rested;
  for (int i = 0; i < 5; ++i) rested.drag({0, 20}, 0.016f);
  rested.release(0.3f);
  CHECK_FALSE(rested.gliding());

  core::KineticScroll slow;
  slow.drag({0, 0.1f}, 0.016f);
  slow.release(0);
  CHECK_FALSE(slow.gliding());

  core::KineticScroll caught;
  for (int i = 0; i < 5; ++i) caught.drag({0, 20}, 0.016f);
  caught.release(0);
  REQUIRE(caught.gliding());
  caught.press();
  CHECK_FALSE(caught.gliding());
  CHECK(caught.step(0.016f).y == 0);
}
