// Share links: a page opened with a link (or whose fragment the person
// changes) gets the link's request in the editor, unsent; Copy link makes
// one; a link that cannot be read leaves the saved work as it was.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app/driver.hpp"

namespace fake = platform::fake;
using apptest::Driver;
using apptest::Start;

namespace {

// The fragment (after '#') of a link made by an earlier version (tests/fixtures/links).
std::string fixture_fragment() {
  std::ifstream file(FIXTURES_DIR "/links/v1_seed_update_first_name.txt");
  std::stringstream text;
  text << file.rdbuf();
  std::string link = text.str();
  while (!link.empty() && (link.back() == '\n' || link.back() == '\r')) link.pop_back();
  REQUIRE(link.find('#') != std::string::npos);
  return link.substr(link.find('#') + 1);
}

}  // namespace

TEST_CASE("A page opened with a share link has the link's request in the editor, unsent") {
  fake::reset();
  fake::set_url_fragment(fixture_fragment());
  Driver app(Start::AsSetUp);
  const apptest::Json shown = app.snapshot();
  CHECK(shown.str("request.operation") == "update");
  CHECK(shown.str("request.table_name") == "lambda-apigateway");
  CHECK(shown.str("request.form.update_expression") == "SET FirstName = :newValue");
  CHECK(shown.str("request.origin") == "Loaded from a shared link — not sent yet");
  const std::string banner = shown.str("banner");
  CHECK(banner.starts_with("Loaded from a shared link — not sent yet."));
  // The link's endpoint is named, not applied.
  CHECK(banner.find("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager") !=
        std::string::npos);
  CHECK(shown.str("connection.endpoint") == "http://127.0.0.1:3000/prod/DynamoDBManager");
  CHECK(fake::requests().empty());

  // Dismissing the banner takes the link out of the address.
  app.click("Dismiss");
  CHECK(app.snapshot().str("banner").empty());
  REQUIRE_FALSE(fake::fragment_replacements().empty());
  CHECK(fake::fragment_replacements().back().empty());

  // Sent when the person says so, to their own endpoint.
  app.click("Send");
  REQUIRE(fake::requests().size() == 1);
  CHECK(fake::last_request().request.url == "http://127.0.0.1:3000/prod/DynamoDBManager");
  CHECK(apptest::sent_event(fake::last_request()).text("payload.Key") == R"({"id":"127748AB"})");
}

TEST_CASE("A link pasted into the address bar of an open page loads its request") {
  Driver app;
  REQUIRE(app.snapshot().str("request.operation") == "create");
  fake::navigate_fragment(fixture_fragment());
  app.frames(2);
  CHECK(app.snapshot().str("request.operation") == "update");
  CHECK(app.snapshot().str("banner").starts_with("Loaded from a shared link"));
}

TEST_CASE("Copy link puts a link on the clipboard that opens the same request") {
  std::string link;
  {
    Driver app;
    app.click("Operation ping");
    app.click("Copy link");
    REQUIRE(fake::clipboard_writes().size() == 1);
    link = fake::clipboard_writes().back();
    CHECK(app.snapshot().str("presets.notice").starts_with("Link copied"));
  }
  CHECK(link.starts_with("http://127.0.0.1:8080/#"));

  fake::reset();
  fake::set_url_fragment(link.substr(link.find('#') + 1));
  Driver opened(Start::AsSetUp);
  CHECK(opened.snapshot().str("request.operation") == "ping");
  CHECK(opened.snapshot().str("banner").starts_with("Loaded from a shared link"));
}

TEST_CASE("A link that cannot be read loads nothing and keeps the draft") {
  {
    Driver first;
    first.click("Operation ping");  // the draft is saved as it changes
  }
  fake::set_url_fragment("p=v1.not-base64-json");
  Driver app(Start::Reload);
  const apptest::Json shown = app.snapshot();
  CHECK(shown.str("request.operation") == "ping");
  CHECK(shown.str("banner").starts_with("This shared link could not be read"));
  CHECK(shown.str("banner").find("your saved work is unchanged") != std::string::npos);
}
