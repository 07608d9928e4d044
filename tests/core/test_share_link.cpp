#include <doctest/doctest.h>

#include "checks.hpp"
#include "core/base64.hpp"
#include "core/share_link.hpp"
#include "fixtures.hpp"

namespace {

constexpr std::string_view kPage = "http://127.0.0.1:8080/";

core::Preset seed_preset(const std::string& body) {
  core::Preset preset;
  preset.name = body;
  preset.event = fixtures::json(body);
  return preset;
}

}  // namespace

TEST_CASE("every seed request round-trips through a share link") {
  for (const std::string& body : fixtures::kSeedBodies) {
    CAPTURE(body);
    const core::Preset preset = seed_preset(body);
    const auto read = core::read_share_link(core::share_link(kPage, preset));
    REQUIRE(read.preset);
    CHECK(*read.preset == preset);
    CHECK(read.version == core::kShareLinkVersion);
    CHECK(read.diagnostics.empty());
  }
}

TEST_CASE("a share link keeps exact numbers, unicode and the endpoint") {
  core::Preset preset;
  preset.name = "naïve ✓";
  preset.event = fixtures::parse(
      R"({"operation":"create","tableName":"t","payload":{"Item":{"id":"ü","n":12345678901234567890123456789012345678,"f":0.10,"e":1E-130}}})");
  preset.connection.endpoint = "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager";
  preset.connection.headers = {{"X-Trace", "abc", false}};
  const auto read = core::read_share_link(core::share_link(kPage, preset));
  REQUIRE(read.preset);
  CHECK(*read.preset == preset);
}

TEST_CASE("a share link is URL-safe and replaces the page's own fragment") {
  const std::string link =
      core::share_link("https://example.org/workbench/?x=1#old", seed_preset("seed/3_update_attribute.json"));
  CHECK(link.starts_with("https://example.org/workbench/?x=1#p=v2."));
  const std::string data = link.substr(link.find("#p=v2.") + 6);
  CHECK(data.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
        std::string::npos);
}

TEST_CASE("a share link is much shorter than the plain JSON it carries") {
  const core::Preset preset = seed_preset("seed/4_update_first_name.json");
  const std::string plain = core::base64url_encode(core::to_json_text(core::preset_to_json(preset)));
  const std::string fragment = core::share_fragment(preset);
  CHECK(fragment.size() * 2 < plain.size());
}

TEST_CASE("API keys and secret headers are never put in a link") {
  core::Preset preset = seed_preset("seed/2_read.json");
  preset.connection.api_key = "APIKEY-do-not-share";
  preset.connection.headers = {{"X-Session", "SESSION-do-not-share", true},
                               {"Authorization", "Bearer TOKEN-do-not-share", false},
                               {"X-Trace", "visible", false}};
  const std::string link = core::share_link(kPage, preset);
  // The link is byte for byte the link of the preset without its secrets...
  CHECK(link == core::share_link(kPage, core::without_secrets(preset)));
  // ...and reading it finds nothing to drop (a link that carried secrets reads with a warning).
  const auto read = core::read_share_link(link);
  REQUIRE(read.preset);
  CHECK(read.diagnostics.empty());
  CHECK(read.preset->connection.api_key.empty());
  REQUIRE(read.preset->connection.headers.size() == 1);
  CHECK(read.preset->connection.headers[0].name == "X-Trace");
}

TEST_CASE("secrets in a hand-made link are ignored with a warning") {
  core::Preset preset = seed_preset("seed/2_read.json");
  preset.connection.api_key = "planted";
  const std::string json = core::to_json_text(core::preset_to_json(preset));
  const auto read = core::read_share_link("#p=v1." + core::base64url_encode(json));
  REQUIRE(read.preset);
  CHECK(read.preset->connection.api_key.empty());
  CHECK(mentions(read.diagnostics, "ignored"));
  CHECK_FALSE(core::has_errors(read.diagnostics));
}

TEST_CASE("a link's endpoint is read as its preset's endpoint, not as a warning") {
  core::Preset preset = seed_preset("seed/2_read.json");
  preset.connection.endpoint = "https://elsewhere.example.org/prod/DynamoDBManager";
  const auto read = core::read_share_link(core::share_link(kPage, preset));
  REQUIRE(read.preset);
  CHECK(read.preset->connection.endpoint == "https://elsewhere.example.org/prod/DynamoDBManager");
  // The reader decides what to say about it (the app does not apply it), so no wording to filter out.
  CHECK(read.diagnostics.empty());
  const auto without = core::read_share_link(core::share_link(kPage, seed_preset("seed/2_read.json")));
  REQUIRE(without.preset);
  CHECK(without.preset->connection.endpoint.empty());
}

TEST_CASE("links written in the first format still open") {
  const std::string link = fixtures::text("links/v1_seed_update_first_name.txt");
  const auto read = core::read_share_link(link);
  REQUIRE(read.preset);
  CHECK(read.version == 1);
  CHECK(read.preset->name == "seed: set FirstName");
  CHECK(read.preset->event == fixtures::json("seed/4_update_first_name.json"));
  CHECK(read.preset->connection.endpoint ==
        "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager");
}

TEST_CASE("a share link is found in a whole URL, a fragment or a bare parameter") {
  const std::string fragment = core::share_fragment(seed_preset("seed/6_delete.json"));
  for (const std::string& form :
       {std::string(kPage) + fragment, fragment, fragment.substr(1), "  " + std::string(kPage) + fragment + "\n",
        "https://x.org/#theme=dark&" + fragment.substr(1)}) {
    CAPTURE(form);
    CHECK(core::is_share_link(form));
    CHECK(core::read_share_link(form).preset);
  }
}

TEST_CASE("a percent-encoded link still opens") {
  std::string fragment = core::share_fragment(seed_preset("seed/6_delete.json"));
  fragment.replace(fragment.find('.'), 1, "%2E");
  CHECK(core::read_share_link(fragment).preset);
}

TEST_CASE("a link cut short gives a clear error") {
  const std::string link = core::share_link(kPage, seed_preset("seed/4_update_first_name.json"));
  const std::size_t start = link.find("#p=v2.") + 6;
  for (std::size_t length = start; length < link.size(); ++length) {
    CAPTURE(length);
    const auto read = core::read_share_link(link.substr(0, length));
    CHECK_FALSE(read.preset);
    REQUIRE_FALSE(read.diagnostics.empty());
    CHECK(read.diagnostics[0].field == "link");
    CHECK(core::has_errors(read.diagnostics));
  }
  CHECK(mentions(core::read_share_link(link.substr(0, link.size() - 10)).diagnostics, "damaged or cut off"));
}

TEST_CASE("a damaged link gives a clear error") {
  std::string link = core::share_link(kPage, seed_preset("seed/1_create.json"));
  const auto read_with = [&](std::size_t at, char c) {
    std::string damaged = link;
    damaged[at] = c;
    return core::read_share_link(damaged);
  };
  CHECK(mentions(read_with(link.size() - 3, '!').diagnostics, "damaged or cut off"));
  CHECK(mentions(read_with(link.size() - 3, '+').diagnostics, "damaged or cut off"));
  // Any change to the data is either caught or still yields a well-formed preset: never a crash.
  for (std::size_t at = link.find("#p=v2.") + 6; at < link.size(); ++at) {
    const auto read = read_with(at, link[at] == 'A' ? 'B' : 'A');
    CHECK((read.preset.has_value() || core::has_errors(read.diagnostics)));
  }
}

TEST_CASE("a foreign link is named as not a workbench link") {
  for (const char* foreign : {"https://example.org/page", "https://example.org/#section-2", "#q=v2.abc",
                              "https://example.org/#p=hello", ""}) {
    CAPTURE(foreign);
    const auto read = core::read_share_link(foreign);
    CHECK_FALSE(read.preset);
    CHECK(mentions(read.diagnostics, "not a workbench share link"));
  }
  CHECK_FALSE(core::is_share_link("https://example.org/#section-2"));
}

TEST_CASE("a link from a newer version asks for a reload") {
  const auto read = core::read_share_link("http://127.0.0.1:8080/#p=v9.AAAA");
  CHECK_FALSE(read.preset);
  CHECK(read.version == 9);
  CHECK(mentions(read.diagnostics, "newer version"));
}

TEST_CASE("a link format no version wrote is refused") {
  const auto read = core::read_share_link("#p=v0.AAAA");
  CHECK_FALSE(read.preset);
  CHECK(mentions(read.diagnostics, "not one any version"));
}

TEST_CASE("a link holding JSON that is not a request is refused") {
  const auto read = core::read_share_link("#p=v1." + core::base64url_encode(R"({"name":"x","event":{"no":"op"}})"));
  CHECK_FALSE(read.preset);
  CHECK(mentions(read.diagnostics, "does not hold a request"));
  const auto not_json = core::read_share_link("#p=v1." + core::base64url_encode("{\"name\":"));
  CHECK(mentions(not_json.diagnostics, "not valid JSON"));
}
