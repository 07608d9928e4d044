// The form and the JSON editor show one request: an edit in either is in the
// other, and what is sent is the text they agree on.
#include <doctest/doctest.h>

#include "app/driver.hpp"
#include "app/storage_keys.hpp"

namespace fake = platform::fake;
using apptest::Driver;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string stored_draft() {
  const auto found = fake::storage().find(app::kDraftKey);
  return found == fake::storage().end() ? std::string() : found->second;
}

}  // namespace

TEST_CASE("A value typed into the form is written into the event's JSON") {
  Driver app;
  REQUIRE(app.snapshot().str("request.view") == "form");
  app.fill("Item 1 value", "abc-123");
  apptest::Json shown = app.snapshot();
  CHECK(contains(shown.str("request.text"), R"("id": "abc-123")"));
  CHECK(shown.str("request.form.item.0.json") == R"("abc-123")");

  // The JSON view shows the same text, and it is what Send sends.
  app.click("View JSON");
  shown = app.snapshot();
  CHECK(shown.str("request.view") == "json");
  CHECK(app.has_widget("Event JSON"));
  app.click("Send");
  CHECK(apptest::sent_event(fake::last_request()).text("payload.Item") == R"({"id":"abc-123","number":4})");
}

TEST_CASE("An event typed into the JSON editor is read back into the form") {
  Driver app;
  app.click("View JSON");
  app.fill("Event JSON", R"({"operation": "read", "tableName": "orders", "payload": {"Key": {"id": "k9"}}})");
  apptest::Json shown = app.snapshot();
  CHECK(shown.str("request.operation") == "read");
  CHECK(shown.str("request.table_name") == "orders");
  CHECK(shown.str("request.form.operation") == "read");
  CHECK(shown.str("request.form.table_name") == "orders");
  CHECK(shown.str("request.form.key.0.name") == "id");
  CHECK(shown.str("request.form.key.0.json") == R"("k9")");

  app.click("View form");
  CHECK(app.snapshot().str("request.view") == "form");
  CHECK(app.has_widget("Key 1 value"));
  CHECK_FALSE(app.has_widget("Item 1 value"));

  // And back: the form's edit reaches the text the JSON editor shows.
  app.fill("Key 1 value", "k10");
  shown = app.snapshot();
  CHECK(contains(shown.str("request.text"), R"("id": "k10")"));
  CHECK(contains(shown.str("request.text"), R"("tableName": "orders")"));
}

TEST_CASE("The table name field and the operation buttons edit the event") {
  Driver app;
  app.fill("Table name", "people");
  CHECK(contains(app.snapshot().str("request.text"), R"("tableName": "people")"));
  app.click("Operation read");
  const apptest::Json shown = app.snapshot();
  CHECK(shown.str("request.operation") == "read");
  CHECK(shown.str("request.form.operation") == "read");
  CHECK(contains(shown.str("request.text"), R"("operation": "read")"));
  CHECK(contains(shown.str("request.text"), R"("tableName": "people")"));
}

TEST_CASE("Invalid JSON turns Send off and says why, and nothing is sent") {
  Driver app;
  app.click("View JSON");
  app.fill("Event JSON", R"({"operation": "create", )");
  const apptest::Json shown = app.snapshot();
  CHECK_FALSE(shown.flag("request.sendable"));
  CHECK(shown.is_null("request.form"));
  CHECK(app.has_widget("Event error"));
  app.click("Send");
  app.press(ImGuiKey_Enter, ImGuiMod_Ctrl);
  CHECK(fake::requests().empty());
}

TEST_CASE("The draft survives a reload") {
  {
    Driver app;
    app.fill("Table name", "kept-table");
  }
  Driver app(apptest::Start::Reload);
  CHECK(app.snapshot().str("request.table_name") == "kept-table");
}

TEST_CASE("The draft is written once typing pauses, and at once when the page is hidden") {
  Driver app;
  app.fill("Table name", "paused-table");
  CHECK(contains(app.snapshot().str("request.text"), "paused-table"));
  CHECK_FALSE(contains(stored_draft(), "paused-table"));  // still typing: not yet
  app.wait(0.5f);
  CHECK(contains(stored_draft(), "paused-table"));

  app.fill("Table name", "hidden-table");
  CHECK_FALSE(contains(stored_draft(), "hidden-table"));
  fake::hide_page();  // another tab, or the page closing
  CHECK(contains(stored_draft(), "hidden-table"));
}
