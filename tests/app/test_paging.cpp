// A list (scan) read page by page: each page's LastEvaluatedKey becomes the
// next request's ExclusiveStartKey, pages add rows to one table, Load all
// reads on by itself, and Stop keeps what was read.
#include <doctest/doctest.h>

#include "app/driver.hpp"

namespace fake = platform::fake;
using apptest::Driver;

namespace {

// Sends a list and answers it with two items and a LastEvaluatedKey.
void send_list_with_more(Driver& app) {
  app.click("Operation list");
  REQUIRE(app.snapshot().str("request.operation") == "list");
  app.click("Send");
  const apptest::Json first = apptest::sent_event(fake::last_request());
  REQUIRE(first.str("operation") == "list");
  CHECK_FALSE(first.has("payload.ExclusiveStartKey"));
  fake::respond(fake::last_request().id, 200,
                apptest::list_answer(R"([{"id": "a", "n": 1}, {"id": "b", "n": 2}])", R"({"id": "b"})"));
  app.frames(2);
}

}  // namespace

TEST_CASE("Next page asks from the last key and adds its rows to the table") {
  Driver app;
  send_list_with_more(app);
  apptest::Json shown = app.snapshot();
  CHECK(shown.integer("response.row_count") == 2);
  CHECK(shown.integer("response.paging.pages") == 1);
  CHECK(shown.flag("response.paging.has_next"));

  app.click("Next page");
  REQUIRE(fake::requests().size() == 2);
  const apptest::Json second = apptest::sent_event(fake::last_request());
  CHECK(second.str("operation") == "list");
  CHECK(second.text("payload.ExclusiveStartKey") == R"({"id":"b"})");
  fake::respond(fake::last_request().id, 200, apptest::list_answer(R"([{"id": "c", "n": 3}])"));
  app.frames(2);

  shown = app.snapshot();
  CHECK(shown.integer("response.row_count") == 3);
  CHECK(shown.text("response.rows") == R"([["a","1"],["b","2"],["c","3"]])");
  CHECK(shown.integer("response.paging.pages") == 2);
  CHECK_FALSE(shown.flag("response.paging.has_next"));
  CHECK_FALSE(app.has_widget("Next page"));
  // A further page is part of the list, not a new request in the history.
  CHECK(shown.integer("history.count") == 1);
}

TEST_CASE("Load all reads page after page until Stop, which keeps the pages read") {
  Driver app;
  send_list_with_more(app);
  app.click("Load all");
  REQUIRE(fake::requests().size() == 2);
  CHECK(app.snapshot().flag("response.paging.load_all"));
  fake::respond(fake::last_request().id, 200, apptest::list_answer(R"([{"id": "c", "n": 3}])", R"({"id": "c"})"));
  app.frames(3);

  // The next page was asked for without another click, from the new key.
  REQUIRE(fake::requests().size() == 3);
  CHECK(apptest::sent_event(fake::last_request()).text("payload.ExclusiveStartKey") == R"({"id":"c"})");
  CHECK(app.snapshot().integer("response.row_count") == 3);

  app.click("Stop");
  REQUIRE(fake::cancels().size() == 1);
  CHECK(fake::cancels().front() == fake::requests().back().id);
  app.frames(2);
  const apptest::Json shown = app.snapshot();
  CHECK(shown.integer("response.row_count") == 3);
  CHECK(shown.integer("response.paging.pages") == 2);
  CHECK(shown.flag("response.paging.stopped"));
  CHECK_FALSE(shown.flag("response.paging.load_all"));
  CHECK(shown.flag("response.ok"));
  CHECK(shown.is_null("request.in_flight"));
  CHECK(fake::requests().size() == 3);  // nothing more was sent
  // Reading can go on from where it stopped.
  app.click("Next page");
  CHECK(apptest::sent_event(fake::last_request()).text("payload.ExclusiveStartKey") == R"({"id":"c"})");
}

TEST_CASE("Load all stops by itself at the last page") {
  Driver app;
  send_list_with_more(app);
  app.click("Load all");
  fake::respond(fake::last_request().id, 200, apptest::list_answer(R"([{"id": "c", "n": 3}])", R"({"id": "c"})"));
  app.frames(3);
  fake::respond(fake::last_request().id, 200, apptest::list_answer(R"([{"id": "d", "n": 4}])"));
  app.frames(3);
  const apptest::Json shown = app.snapshot();
  CHECK(fake::requests().size() == 3);
  CHECK(shown.integer("response.row_count") == 4);
  CHECK(shown.integer("response.paging.pages") == 3);
  CHECK_FALSE(shown.flag("response.paging.load_all"));
  CHECK_FALSE(shown.flag("response.paging.has_next"));
}
