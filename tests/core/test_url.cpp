#include <doctest/doctest.h>

#include "core/url.hpp"

TEST_CASE("an http or https URL gives its authority, host and path") {
  const auto url = core::parse_http_url("https://api.example.com:8443/prod/DynamoDBManager?stage=1#top");
  REQUIRE(url);
  CHECK(url->https);
  CHECK(url->authority == "api.example.com:8443");
  CHECK(url->host == "api.example.com");
  CHECK(url->path == "/prod/DynamoDBManager");

  const auto local = core::parse_http_url("http://127.0.0.1:3000");
  REQUIRE(local);
  CHECK_FALSE(local->https);
  CHECK(local->authority == "127.0.0.1:3000");
  CHECK(local->host == "127.0.0.1");
  CHECK(local->path == "");
}

TEST_CASE("the scheme is read in any case and user info is not part of the host") {
  const auto url = core::parse_http_url("HTTP://user:secret@Example.ORG?x=1");
  REQUIRE(url);
  CHECK_FALSE(url->https);
  CHECK(url->authority == "Example.ORG");
  CHECK(url->host == "Example.ORG");
  CHECK(url->path == "");
}

TEST_CASE("an IPv6 host keeps its brackets and loses its port") {
  const auto url = core::parse_http_url("http://[::1]:3000/prod");
  REQUIRE(url);
  CHECK(url->authority == "[::1]:3000");
  CHECK(url->host == "[::1]");
  CHECK(url->path == "/prod");
  CHECK(core::parse_http_url("http://[::1/prod")->host == "");  // no closing bracket: no host
}

TEST_CASE("text that is not an http(s) URL gives nothing") {
  CHECK_FALSE(core::parse_http_url("ftp://example.com"));
  CHECK_FALSE(core::parse_http_url("example.com/prod"));
  CHECK_FALSE(core::parse_http_url(" https://example.com"));  // not trimmed: callers trim
  CHECK_FALSE(core::parse_http_url(""));
  CHECK(core::parse_http_url("https://")->host == "");
}

TEST_CASE("local hosts are localhost and names under it, 127.0.0.1 and [::1], in any case") {
  for (const char* host : {"localhost", "LocalHost", "api.localhost", "127.0.0.1", "[::1]"}) {
    CAPTURE(host);
    CHECK(core::is_local_host(host));
  }
  for (const char* host : {"localhost.evil", "example.com", "127.0.0.2", ".localhost", "", "[::2]"}) {
    CAPTURE(host);
    CHECK_FALSE(core::is_local_host(host));
  }
}
