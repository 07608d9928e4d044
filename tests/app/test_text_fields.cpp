// The accessibility layer's text fields: what is typed into a field's node
// (the page's focus is there) reaches that field, whatever ImGui did meanwhile.
#include <doctest/doctest.h>

#include "app/driver.hpp"

namespace fake = platform::fake;
using apptest::Driver;

TEST_CASE("Focus reaching a text field's node starts editing it, its text selected, so typing replaces it") {
  Driver app;
  app.click("View JSON");
  const apptest::Widget editor = app.widget("Event JSON");
  REQUIRE(editor.id != 0);
  fake::accessibility_focus(editor.id);
  fake::type_text(R"({"operation": "ping"})", editor.id);
  app.settle();
  CHECK(app.snapshot().str("request.text") == R"({"operation": "ping"})");
}

TEST_CASE("Text typed into the node of a field ImGui let go of (Escape) edits that field again, nothing replaced") {
  Driver app;
  app.click("View JSON");
  const apptest::Widget editor = app.widget("Event JSON");
  fake::accessibility_focus(editor.id);
  app.settle();
  REQUIRE(app.editing_id() == editor.id);
  app.press(ImGuiKey_End, ImGuiMod_Ctrl);  // the caret after the text, nothing selected
  app.press(ImGuiKey_Escape);
  REQUIRE(app.editing_id() == 0);
  // The page's focus stayed on the node: what is typed there goes into the field.
  const std::string before = app.snapshot().str("request.text");
  fake::type_text("\n", editor.id);
  app.settle();
  CHECK(app.editing_id() == editor.id);
  CHECK(app.snapshot().str("request.text") == before + "\n");
}

TEST_CASE("Esc leaves a text field with what was typed in it, as Tab does") {
  Driver app;
  app.click("View JSON");
  const apptest::Widget editor = app.widget("Event JSON");
  fake::accessibility_focus(editor.id);
  const std::string event = R"({"operation": "echo", "payload": {"note": "typed"}})";
  fake::type_text(event, editor.id);
  app.settle();
  REQUIRE(app.snapshot().str("request.text") == event);
  app.press(ImGuiKey_Escape);
  CHECK(app.editing_id() == 0);
  CHECK(app.snapshot().str("request.text") == event);
}
