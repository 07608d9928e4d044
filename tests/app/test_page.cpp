// The rest of the page: theme, title, connection settings and test, Copy
// as curl, fonts fetched for other scripts, the phone layout.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "app/driver.hpp"
#include "app/glyph_atlas.hpp"
#include "app/storage_keys.hpp"

namespace fake = platform::fake;
using apptest::Driver;
using apptest::Start;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool fetched(const std::string& path) {
  const auto& paths = fake::static_fetches();
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

// A font file as the site serves it. The whole Debian font stands in for a
// page of it: the app rasterizes only the codepoints its table gives the page.
platform::StaticFile font_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return {200, std::vector<unsigned char>(std::istreambuf_iterator<char>(in), {})};
}

// What the page publishes of the fonts beside the app's snapshot (src/main.cpp does).
apptest::Json fonts() { return apptest::Json(app::glyphs::fonts_snapshot().value()); }

// How far the monospace font (the atlas's second) advances for `c`.
float mono_advance(ImWchar c) {
  const ImFontGlyph* glyph = ImGui::GetIO().Fonts->Fonts[1]->FindGlyphNoFallback(c);
  REQUIRE(glyph != nullptr);
  return glyph->AdvanceX;
}

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

TEST_CASE("A connection change not written yet stays when another tab saves its connection, and is written after it") {
  Driver app;
  app.fill("Timeout", "31");  // written once typing pauses: what another tab will save
  app.press(ImGuiKey_Escape);
  app.wait(0.5f);
  const std::string their_settings = fake::storage().at(app::kConnectionKey);
  REQUIRE_FALSE(app.snapshot().flag("connection.remember_key"));

  app.click("Remember key");  // not written yet
  REQUIRE(app.snapshot().flag("connection.remember_key"));
  fake::other_tab_wrote(app::kConnectionKey, their_settings);
  app.frame();
  CHECK(app.snapshot().flag("connection.remember_key"));
  app.wait(0.5f);
  CHECK(fake::storage().at(app::kConnectionKey) != their_settings);

  // With nothing of its own unwritten, the tab takes what another tab saved.
  fake::other_tab_wrote(app::kConnectionKey, their_settings);
  app.frame();
  CHECK_FALSE(app.snapshot().flag("connection.remember_key"));
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

TEST_CASE("Latin-1, Greek and Cyrillic in an answer fetch DejaVu's pages, sans and mono, and are drawn") {
  Driver app;
  for (const char* page : {"0", "3", "4"}) {
    fake::serve_static_file(std::string("fonts/latin-") + page + ".ttf", font_file(FONT_SANS_FILE));
    fake::serve_static_file(std::string("fonts/latin-mono-") + page + ".ttf", font_file(FONT_MONO_FILE));
  }
  app.click("Preset 1");
  app.click("Send");
  CHECK(fake::static_fetches().empty());  // the first frames draw the app's own text only
  // é U+00E9, Ω U+03A9, Ж U+0416: pages 0, 3 and 4.
  fake::respond(fake::last_request().id, 200, R"({"Item": {"id": "127748AB", "name": "Café Ωmega Жук"}})");
  app.frames(4);
  CHECK(app.snapshot().text("response.rows") == R"([["id","S","127748AB"],["name","S","Café Ωmega Жук"]])");
  for (const char* page : {"0", "3", "4"}) {
    CHECK(fetched(std::string("fonts/latin-") + page + ".ttf"));
    CHECK(fetched(std::string("fonts/latin-mono-") + page + ".ttf"));
  }
  CHECK(fonts().integer("loading") == 0);
  CHECK(fonts().integer("waiting") == 0);
  CHECK(fonts().text("failed") == "[]");
  CHECK(app::glyphs::missing_glyphs() == 0);
  CHECK(app.snapshot().str("banner").empty());
  // The monospace font has DejaVu Sans Mono's own glyphs: as wide as 'a'.
  for (const ImWchar c : {ImWchar{0xE9}, ImWchar{0x3A9}, ImWchar{0x416}}) CHECK(mono_advance(c) == mono_advance('a'));
}

TEST_CASE("A DejaVu page whose mono file fails is said once, naming the script") {
  Driver app;
  fake::serve_static_file("fonts/latin-0.ttf", font_file(FONT_SANS_FILE));
  app.click("Preset 1");
  app.click("Send");
  fake::respond(fake::last_request().id, 200, R"({"Item": {"id": "127748AB", "name": "Café"}})");
  app.frames(4);
  CHECK(fetched("fonts/latin-mono-0.ttf"));
  const std::string banner = app.snapshot().str("banner");
  CHECK(contains(banner, "Text in Latin, Greek and Cyrillic cannot be shown"));
  CHECK(contains(banner, "fonts/latin-mono-0.ttf"));
  CHECK(fonts().text("failed") == R"(["Latin, Greek and Cyrillic"])");
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
