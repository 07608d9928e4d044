// Presets: a built-in one loads into the editor; the person's own are saved,
// renamed and deleted, and kept in the browser's storage across reloads.
#include <doctest/doctest.h>

#include "app/driver.hpp"
#include "app/storage_keys.hpp"

namespace fake = platform::fake;
using apptest::Driver;
using apptest::Start;

namespace {

std::string stored_presets() {
  const auto found = fake::storage().find(app::kPresetsKey);
  return found == fake::storage().end() ? std::string() : found->second;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("A built-in preset goes into the editor, unsent") {
  Driver app;
  app.click("Preset 5");  // Seed: delete 127748AD
  const apptest::Json shown = app.snapshot();
  CHECK(shown.str("request.operation") == "delete");
  CHECK(shown.str("request.origin") == "Preset: Seed: delete 127748AD");
  CHECK(shown.integer("presets.selected") == 5);
  CHECK(fake::requests().empty());
}

TEST_CASE("A preset is saved, renamed and deleted, and storage follows each step") {
  {
    Driver app;
    app.click("Operation ping");
    app.click("Save as preset");
    apptest::Json shown = app.snapshot();
    REQUIRE(shown.integer("presets.saved") == 1);
    CHECK(shown.str("presets.names.6") == "ping");
    CHECK(shown.str("presets.notice") == "Saved as \"ping\".");
    CHECK(contains(stored_presets(), R"("name":"ping")"));

    // Selected after saving: Rename opens a name field.
    CHECK(shown.integer("presets.selected") == 6);
    app.click("Rename preset");
    CHECK(app.snapshot().flag("presets.renaming"));
    app.fill("Preset name", "Health check");
    app.click("Apply rename");
    shown = app.snapshot();
    CHECK_FALSE(shown.flag("presets.renaming"));
    CHECK(shown.str("presets.names.6") == "Health check");
    CHECK(contains(stored_presets(), R"("name":"Health check")"));
    CHECK_FALSE(contains(stored_presets(), R"("name":"ping")"));
  }

  // A reload reads it back.
  Driver app(Start::Reload);
  REQUIRE(app.snapshot().integer("presets.saved") == 1);
  CHECK(app.snapshot().str("presets.names.6") == "Health check");
  app.click("Preset 0");
  app.click("Preset 6");
  CHECK(app.snapshot().str("request.operation") == "ping");
  CHECK(app.snapshot().str("request.origin") == "Preset: Health check");

  app.click("Delete preset");
  CHECK(app.snapshot().integer("presets.saved") == 0);
  CHECK(app.snapshot().size("presets.names") == 6);
  CHECK_FALSE(contains(stored_presets(), "Health check"));
}

TEST_CASE("Built-in presets cannot be renamed or deleted") {
  Driver app;
  app.click("Preset 0");
  app.click("Delete preset");  // drawn, but off for a built-in preset
  app.click("Rename preset");
  const apptest::Json shown = app.snapshot();
  CHECK(shown.size("presets.names") == 6);
  CHECK_FALSE(shown.flag("presets.renaming"));
}

TEST_CASE("Duplicating a built-in preset makes an own copy with a new name") {
  Driver app;
  app.click("Preset 1");
  app.click("Duplicate preset");
  const apptest::Json shown = app.snapshot();
  REQUIRE(shown.integer("presets.saved") == 1);
  CHECK(shown.str("presets.names.6") == "Seed: read 127748AB (2)");
  CHECK(contains(stored_presets(), "Seed: read 127748AB (2)"));
}

TEST_CASE("Presets another tab saved appear without a reload") {
  std::string stored;
  {
    Driver other;
    other.click("Operation echo");
    other.click("Save as preset");
    stored = stored_presets();
  }
  fake::reset();
  Driver app(Start::AsSetUp);
  REQUIRE(app.snapshot().integer("presets.saved") == 0);
  fake::other_tab_wrote(app::kPresetsKey, stored);
  app.frames(2);
  CHECK(app.snapshot().integer("presets.saved") == 1);
  CHECK(app.snapshot().str("presets.names.6") == "echo");
}
