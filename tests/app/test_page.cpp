// The rest of the page: theme, title, connection settings and test, Copy
// as curl, fonts fetched for other scripts, the phone layout.
#include <doctest/doctest.h>

#include "app/driver.hpp"
#include "app/storage_keys.hpp"

namespace fake = platform::fake;
using apptest::Driver;
using apptest::Start;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("The theme follows the system at first, then the switch, and is remembered") {
  {
    Driver app;
    CHECK(app.snapshot().str("theme") == "light");
    REQUIRE(fake::page_theme().has_value());
    CHECK_FALSE(fake::page_theme()->dark);
    app.click("Theme");
    CHECK(app.snapshot().str("theme") == "dark");
    CHECK(fake::page_theme()->dark);
    CHECK(fake::storage().at(app::kThemeKey) == "dark");
  }
  Driver app(Start::Reload);
  CHECK(app.snapshot().str("theme") == "dark");
}

TEST_CASE("The page title names the endpoint's host, and the endpoint is remembered") {
  {
    Driver app;
    REQUIRE_FALSE(fake::titles().empty());
    CHECK(fake::titles().back() == "CRUD Workbench · 127.0.0.1:3000");
    app.fill("Endpoint", "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/DynamoDBManager");
    CHECK(app.snapshot().str("connection.endpoint") ==
          "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/DynamoDBManager");
    CHECK(fake::titles().back() == "CRUD Workbench · abc123.execute-api.eu-west-1.amazonaws.com");
    app.wait(0.5f);  // saved once typing pauses
    CHECK(contains(fake::storage().at(app::kConnectionKey), "abc123.execute-api"));
    app.click("Send");
    CHECK(fake::last_request().request.url ==
          "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/DynamoDBManager");
  }
  Driver app(Start::Reload);
  CHECK(app.snapshot().str("connection.endpoint") ==
        "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/DynamoDBManager");
}

TEST_CASE("Test connection pings the endpoint and shows the verdict") {
  Driver app;
  app.click("Test connection");
  REQUIRE(fake::requests().size() == 1);
  CHECK(apptest::sent_event(fake::last_request()).str("operation") == "ping");
  CHECK(app.snapshot().flag("connection.checking"));
  fake::respond(fake::last_request().id, 200, R"("pong")");
  app.frames(2);
  CHECK_FALSE(app.snapshot().flag("connection.checking"));
  CHECK(app.snapshot().str("connection.state") == "connected");
  // A test is not a request of the person's: no history entry, no answer shown.
  CHECK(app.snapshot().integer("history.count") == 0);
  CHECK(app.snapshot().is_null("response"));
}

TEST_CASE("Copy as curl puts the request as a curl command on the clipboard") {
  Driver app;
  app.click("Copy as curl");
  REQUIRE(fake::clipboard_writes().size() == 1);
  const std::string curl = fake::clipboard_writes().back();
  CHECK(curl.starts_with("curl"));
  CHECK(contains(curl, "http://127.0.0.1:3000/prod/DynamoDBManager"));
  CHECK(contains(curl, "2377ab"));
  CHECK(app.snapshot().str("request.copied") == "Copied as curl");
  CHECK(fake::requests().empty());
  // The confirmation goes away by itself.
  app.wait(4);
  app.frames(1);
  CHECK(app.snapshot().str("request.copied").empty());
}

TEST_CASE("Copy JSON puts the answer on the clipboard") {
  Driver app;
  app.click("Operation list");
  app.click("Send");
  fake::respond(fake::last_request().id, 200, apptest::list_answer(R"([{"id": "first-id", "n": 1}])"));
  app.frames(2);
  app.click("Copy JSON");
  REQUIRE_FALSE(fake::clipboard_writes().empty());
  CHECK(contains(fake::clipboard_writes().back(), "first-id"));
}

TEST_CASE("Text in another script fetches its font page, and a page that fails is said") {
  Driver app;
  app.click("Preset 1");
  app.click("Send");
  fake::respond(fake::last_request().id, 200, R"({"Item": {"id": "127748AB", "name": "日本"}})");
  app.frames(3);
  CHECK(app.snapshot().text("response.rows") == R"([["id","S","127748AB"],["name","S","日本"]])");
  // 日 is U+65E5, 本 U+672C: their pages of the CJK fallback font.
  const auto& fetched = fake::static_fetches();
  CHECK(std::find(fetched.begin(), fetched.end(), "fonts/cjk-65.ttf") != fetched.end());
  CHECK(std::find(fetched.begin(), fetched.end(), "fonts/cjk-67.ttf") != fetched.end());
  // The fake site has no font files: 404, and the banner says which script cannot be shown.
  app.frames(2);
  CHECK(contains(app.snapshot().str("banner"), "Text in Chinese and Japanese cannot be shown"));
}

TEST_CASE("On a phone, one panel shows at a time and an answer opens the Answer tab") {
  fake::reset();
  fake::set_viewport({390, 844, 3});
  fake::set_coarse_pointer(true);
  Driver app(Start::AsSetUp);
  apptest::Json shown = app.snapshot();
  CHECK(shown.str("layout.kind") == "narrow");
  CHECK_FALSE(shown.flag("layout.sidebar"));
  CHECK(shown.flag("layout.touch"));
  CHECK(shown.str("layout.tab") == "Request");
  CHECK_FALSE(app.has_widget("Endpoint"));  // the Connection panel is a tab of its own

  app.click("Send");
  fake::respond(fake::last_request().id, 200, apptest::write_answer());
  app.frames(3);
  shown = app.snapshot();
  CHECK(shown.str("layout.tab") == "Answer");
  CHECK(shown.str("response.kind") == "write_acknowledged");

  app.click("Tab Connection");
  CHECK(app.snapshot().str("layout.tab") == "Connection");
  CHECK(app.has_widget("Endpoint"));
}
