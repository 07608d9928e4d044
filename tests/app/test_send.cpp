// Sending a request and reading its answer: Send reaches the platform as one
// HTTP request carrying the event, and the answer comes back as the table,
// the status and a history entry.
#include <doctest/doctest.h>

#include "app/driver.hpp"

namespace fake = platform::fake;
using apptest::Driver;

TEST_CASE("Send posts the event to the endpoint and shows the write acknowledged") {
  Driver app;
  REQUIRE(app.snapshot().str("request.operation") == "create");
  app.click("Send");

  REQUIRE(fake::requests().size() == 1);
  const fake::SentRequest& sent = fake::last_request();
  CHECK(sent.request.method == "POST");
  CHECK(sent.request.url == "http://127.0.0.1:3000/prod/DynamoDBManager");
  CHECK(sent.timeout_ms == 30000);
  const apptest::Json event = apptest::sent_event(sent);
  CHECK(event.str("operation") == "create");
  CHECK(event.str("tableName") == "lambda-apigateway");
  CHECK(event.text("payload.Item") == R"({"id":"2377ab","number":4})");
  CHECK(app.snapshot().str("request.in_flight.operation") == "create");
  CHECK(app.snapshot().is_null("response"));

  fake::respond(sent.id, 200, apptest::write_answer());
  app.frames(2);
  const apptest::Json shown = app.snapshot();
  CHECK(shown.is_null("request.in_flight"));
  CHECK(shown.flag("response.ok"));
  CHECK(shown.str("response.kind") == "write_acknowledged");
  CHECK(shown.integer("response.status") == 200);
  CHECK(shown.integer("history.count") == 1);
  CHECK(shown.str("history.entries.0.operation") == "create");
  CHECK(shown.str("history.entries.0.outcome") == "200");
  CHECK(shown.str("connection.state") == "connected");
}

TEST_CASE("A read answer shows its item as a row of the results table") {
  Driver app;
  app.click("Preset 1");  // Seed: read 127748AB
  REQUIRE(app.snapshot().str("request.operation") == "read");
  CHECK(app.snapshot().str("request.origin") == "Preset: Seed: read 127748AB");
  app.click("Send");
  CHECK(apptest::sent_event(fake::last_request()).text("payload.Key") == R"({"id":"127748AB"})");

  fake::respond(
      fake::last_request().id, 200,
      R"({"Item": {"id": "127748AB", "number": 5, "FirstName": "Sarvesh"}, "ResponseMetadata": {"HTTPStatusCode": 200}})");
  app.frames(2);
  const apptest::Json shown = app.snapshot();
  CHECK(shown.flag("response.ok"));
  CHECK(shown.str("response.kind") == "item");
  // One item: a row per attribute, with its DynamoDB type.
  CHECK(shown.text("response.columns") == R"(["attribute","type","value"])");
  CHECK(shown.text("response.rows") == R"([["id","S","127748AB"],["number","N","5"],["FirstName","S","Sarvesh"]])");
  CHECK(shown.str("response.tab") == "Table");
  // The rows are drawn: a person can click them.
  CHECK(app.has_widget("Results table"));
  CHECK(app.has_widget("Row 0"));
  CHECK(app.has_widget("Row 2"));
}

TEST_CASE("An HTTP error answer is shown as a failure with its status") {
  Driver app;
  app.click("Send");
  fake::respond(fake::last_request().id, 403, R"({"message":"Forbidden"})");
  app.frames(2);
  const apptest::Json shown = app.snapshot();
  CHECK_FALSE(shown.flag("response.ok"));
  CHECK(shown.integer("response.status") == 403);
  CHECK(shown.str("history.entries.0.outcome") == "403");
  CHECK_FALSE(shown.flag("history.entries.0.ok"));
}

TEST_CASE("Ctrl+Enter sends as the Send button does") {
  Driver app;
  app.press(ImGuiKey_Enter, ImGuiMod_Ctrl);
  REQUIRE(fake::requests().size() == 1);
  CHECK(apptest::sent_event(fake::last_request()).str("operation") == "create");
}
