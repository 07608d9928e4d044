// The history: every request sent, newest first, kept across reloads; ↻
// sends an entry's event again, a click puts it back into the editor.
#include <doctest/doctest.h>

#include "app/driver.hpp"

namespace fake = platform::fake;
using apptest::Driver;
using apptest::Start;

namespace {

void send_and_answer(Driver& app, const std::string& body) {
  app.click("Send");
  fake::respond(fake::last_request().id, 200, body);
  app.frames(2);
}

}  // namespace

TEST_CASE("An entry of the history is sent again with ↻") {
  Driver app;
  send_and_answer(app, apptest::write_answer());  // create
  app.click("Operation ping");
  send_and_answer(app, R"("pong")");
  apptest::Json shown = app.snapshot();
  REQUIRE(shown.integer("history.count") == 2);
  CHECK(shown.str("history.entries.0.operation") == "ping");
  CHECK(shown.str("history.entries.1.operation") == "create");

  app.click("Re-send 1");  // the create, sent first
  REQUIRE(fake::requests().size() == 3);
  const apptest::Json event = apptest::sent_event(fake::last_request());
  CHECK(event.str("operation") == "create");
  CHECK(event.text("payload.Item") == R"({"id":"2377ab","number":4})");
  // The editor is not touched by a re-send.
  CHECK(app.snapshot().str("request.operation") == "ping");
  fake::respond(fake::last_request().id, 200, apptest::write_answer());
  app.frames(2);
  shown = app.snapshot();
  CHECK(shown.integer("history.count") == 3);
  CHECK(shown.str("history.entries.0.operation") == "create");
  CHECK(shown.str("response.kind") == "write_acknowledged");
}

TEST_CASE("Clicking an entry puts its event back into the editor") {
  Driver app;
  send_and_answer(app, apptest::write_answer());
  app.click("Operation ping");
  REQUIRE(app.snapshot().str("request.operation") == "ping");
  app.click("History 0");
  const apptest::Json shown = app.snapshot();
  CHECK(shown.str("request.operation") == "create");
  CHECK(shown.str("request.origin") == "Restored from history");
  CHECK(shown.integer("history.restored_id") == shown.integer("history.entries.0.id"));
  CHECK(fake::requests().size() == 1);
}

TEST_CASE("The history is kept across a reload, and Clear history empties it after asking") {
  {
    Driver app;
    send_and_answer(app, apptest::write_answer());
  }
  {
    Driver app(Start::Reload);
    REQUIRE(app.snapshot().integer("history.count") == 1);
    CHECK(app.snapshot().str("history.entries.0.outcome") == "200");

    app.click("Clear history");
    CHECK(app.snapshot().integer("history.count") == 1);  // asks first
    app.click("Keep history");
    CHECK(app.snapshot().integer("history.count") == 1);
    app.click("Clear history");
    app.click("Confirm clear");
    CHECK(app.snapshot().integer("history.count") == 0);
  }
  Driver reloaded(Start::Reload);
  CHECK(reloaded.snapshot().integer("history.count") == 0);
}
