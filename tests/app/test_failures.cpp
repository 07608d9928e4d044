// When no answer comes: a timeout, Cancel, a network failure. Each says
// what happened, and nothing the person made is lost (the request in the
// editor, the history, the answer shown before).
#include <doctest/doctest.h>

#include "app/driver.hpp"

namespace fake = platform::fake;
using apptest::Driver;

TEST_CASE("A request that outlasts its timeout fails as a timeout and keeps the request") {
  Driver app;
  app.click("Operation ping");
  const std::string text = app.snapshot().str("request.text");
  app.click("Send");
  REQUIRE(fake::pending_requests().size() == 1);
  REQUIRE(fake::last_request().timeout_ms == 30000);

  app.wait(29);
  CHECK_FALSE(app.snapshot().is_null("request.in_flight"));  // still waiting
  CHECK(app.snapshot().integer("request.in_flight.elapsed_ms") >= 29000);
  app.wait(2);
  app.frames(2);

  const apptest::Json shown = app.snapshot();
  CHECK(shown.is_null("request.in_flight"));
  CHECK_FALSE(shown.flag("response.ok"));
  CHECK(shown.str("response.transport_error") == "timeout");
  CHECK(shown.str("response.transport_cause") == "timeout");
  CHECK_FALSE(shown.str("response.summary").empty());
  CHECK(shown.str("request.text") == text);
  CHECK(shown.str("history.entries.0.outcome") == "timeout");
  CHECK(shown.flag("history.entries.0.restorable"));
  // Send is there again.
  app.click("Send");
  CHECK(fake::requests().size() == 2);
}

TEST_CASE("The timeout set in Connection is the one the request gets") {
  Driver app;
  app.fill("Timeout", "5");
  CHECK(app.snapshot().integer("connection.timeout_seconds") == 5);
  app.click("Send");
  CHECK(fake::last_request().timeout_ms == 5000);
  app.wait(6);
  app.frames(2);
  CHECK(app.snapshot().str("response.transport_error") == "timeout");
}

TEST_CASE("Cancel stops the request in flight, and the editor and the history stay") {
  Driver app;
  app.click("Send");
  fake::respond(fake::last_request().id, 200, apptest::write_answer());
  app.frames(2);
  app.click("Operation ping");
  const std::string text = app.snapshot().str("request.text");
  app.click("Send");
  REQUIRE(app.has_widget("In flight"));
  app.click("Cancel");
  REQUIRE(fake::cancels().size() == 1);
  CHECK(fake::cancels().front() == fake::last_request().id);
  app.frames(2);

  const apptest::Json shown = app.snapshot();
  CHECK(shown.is_null("request.in_flight"));
  CHECK(shown.str("response.transport_error") == "cancelled");
  CHECK(shown.str("response.transport_cause") == "cancelled");
  CHECK(shown.str("request.text") == text);
  CHECK(shown.integer("history.count") == 2);
  CHECK(shown.str("history.entries.0.outcome") == "cancelled");
  CHECK(shown.str("history.entries.1.outcome") == "200");
  CHECK_FALSE(app.has_widget("In flight"));
  CHECK(app.has_widget("Send"));
}

TEST_CASE("A network failure with the server reachable is explained as CORS") {
  Driver app;
  app.click("Send");
  fake::fail(fake::last_request().id, core::TransportFailure::Network, "Failed to fetch", true);
  app.frames(2);
  const apptest::Json shown = app.snapshot();
  CHECK_FALSE(shown.flag("response.ok"));
  CHECK(shown.str("response.transport_error") == "network: Failed to fetch");
  CHECK(shown.str("response.transport_cause") == "cors");
  CHECK(shown.str("history.entries.0.outcome") == "no answer");
  CHECK(shown.str("connection.state") == "failed");
}

TEST_CASE("A network failure with the server unreachable says so") {
  Driver app;
  app.click("Send");
  fake::fail(fake::last_request().id, core::TransportFailure::Network, "Failed to fetch", false);
  app.frames(2);
  const std::string cause = app.snapshot().str("response.transport_cause");
  CHECK((cause == "unreachable" || cause == "cors_or_unreachable"));
}
