#include <doctest/doctest.h>

#include "core/connection_check.hpp"
#include "core/response.hpp"

using core::ConnectionSettings;
using core::ConnectionState;
using core::HttpResponse;

namespace {

const core::TransportError kFailedToFetch{core::TransportFailure::Network, "Failed to fetch"};
const core::TransportError kTimedOut{core::TransportFailure::Timeout, ""};
const core::TransportError kCancelled{core::TransportFailure::Cancelled, ""};
const ConnectionSettings kLocal{.connection = {.endpoint = "http://127.0.0.1:3000/prod/DynamoDBManager"}};

bool mentions(const core::ConnectionVerdict& verdict, std::string_view words) {
  return (verdict.headline + " " + verdict.advice).find(words) != std::string::npos;
}

}  // namespace

TEST_CASE("a pong answer means connected with the time it took") {
  const auto verdict = core::judge_ping({.status = 200, .body = "\"pong\"", .elapsed_ms = 12}, kLocal);
  CHECK(verdict.state == ConnectionState::Connected);
  CHECK(verdict.headline == "Connected: pong in 12 ms");
  CHECK(verdict.advice.empty());
}

TEST_CASE("a server that cannot be reached is reported as a wrong url or a server that is down") {
  const auto verdict = core::judge_ping({.transport_error = kFailedToFetch}, kLocal);
  CHECK(verdict.state == ConnectionState::Failed);
  CHECK(verdict.headline == "Cannot reach 127.0.0.1:3000");
  CHECK(mentions(verdict, "the host is wrong or the server is down"));
}

TEST_CASE("a server that answers but whose answer the browser withholds lacks cors") {
  const auto verdict = core::judge_ping({.transport_error = kFailedToFetch, .server_reachable = true}, kLocal);
  CHECK(verdict.state == ConnectionState::Failed);
  CHECK(verdict.headline == "CORS is not enabled on the API");
  CHECK(mentions(verdict, "Enable CORS"));
  CHECK_FALSE(mentions(verdict, "Access-Control-Allow-Headers"));
}

TEST_CASE("the cors advice names the extra headers the api must allow") {
  ConnectionSettings settings = kLocal;
  settings.connection.api_key = "k";
  settings.connection.headers = {{"X-Trace", "1", false}};
  const auto verdict = core::judge_ping({.transport_error = kFailedToFetch, .server_reachable = true}, settings);
  CHECK(mentions(verdict, "(x-api-key, X-Trace) in Access-Control-Allow-Headers"));
}

TEST_CASE("a withheld answer from a url whose path is not the api's resource points at the path") {
  const ConnectionSettings settings{.connection = {.endpoint = "http://127.0.0.1:3000/prod/Wrong"}};
  const auto verdict = core::judge_ping({.transport_error = kFailedToFetch, .server_reachable = true}, settings);
  CHECK(verdict.headline == "Wrong path: /prod/Wrong");
  CHECK(mentions(verdict, "403 Missing Authentication Token"));
  CHECK(mentions(verdict, "/prod/DynamoDBManager"));
}

TEST_CASE("a readable 403 missing authentication token says the path or method is wrong") {
  const auto verdict =
      core::judge_ping({.status = 403, .body = R"({"message":"Missing Authentication Token"})"}, kLocal);
  CHECK(verdict.state == ConnectionState::Failed);
  CHECK(verdict.headline == "Wrong path or method (403 Missing Authentication Token)");
}

TEST_CASE("a 403 forbidden asks for the api key or to check the one given") {
  const HttpResponse forbidden{.status = 403, .body = R"({"message":"Forbidden"})"};
  CHECK(mentions(core::judge_ping(forbidden, kLocal), "needs an API key"));
  ConnectionSettings with_key = kLocal;
  with_key.connection.api_key = "k";
  CHECK(mentions(core::judge_ping(forbidden, with_key), "the API key was refused"));
}

TEST_CASE("a timeout names the timeout and how to raise it") {
  ConnectionSettings settings = kLocal;
  settings.timeout_seconds = 5;
  const auto verdict = core::judge_ping({.transport_error = kTimedOut}, settings);
  CHECK(verdict.headline == "No answer within 5 s");
  CHECK(mentions(verdict, "raise the timeout"));
}

TEST_CASE("a check that times out does not warn about writes, as a ping writes nothing") {
  const auto verdict = core::judge_ping({.transport_error = kTimedOut}, kLocal);
  CHECK(mentions(verdict, "No answer arrived in time."));
  CHECK_FALSE(mentions(verdict, "write"));
}

TEST_CASE("an endpoint that is not an http url is named as such") {
  const ConnectionSettings settings{.connection = {.endpoint = "127.0.0.1:3000/prod/DynamoDBManager"}};
  const auto verdict = core::judge_ping({.transport_error = kFailedToFetch}, settings);
  CHECK(verdict.state == ConnectionState::Failed);
  CHECK(verdict.headline == "Not an http(s) URL");
  CHECK(mentions(verdict, "invoke URL"));
}

TEST_CASE("a failure without an answer is explained in the same words as the answer to a request") {
  for (const HttpResponse& response :
       {HttpResponse{.transport_error = kFailedToFetch, .server_reachable = true},
        HttpResponse{.transport_error = kFailedToFetch, .server_reachable = false},
        HttpResponse{.transport_error = kTimedOut},
        HttpResponse{.transport_error = {core::TransportFailure::Network, "no route"}}}) {
    CAPTURE(core::transport_error_text(response.transport_error));
    CAPTURE(response.server_reachable);
    const core::AnswerContext context{.url = kLocal.connection.endpoint,
                                      .reachability = core::probe_reachability(response)};
    const core::TransportExplanation explanation = core::explain_transport_failure(response, context);
    const core::Answer answer = core::classify_response(response, context);
    CHECK(answer.summary == explanation.summary);
    CHECK(answer.hint.starts_with(explanation.hint));  // a request's hint may add a warning about writes
    for (const auto& verdict : {core::judge_ping(response, kLocal), core::judge_answer(response, kLocal)}) {
      CHECK(verdict.state == ConnectionState::Failed);
      CHECK(mentions(verdict, answer.summary));
      CHECK(mentions(verdict, explanation.hint));
    }
  }
}

TEST_CASE("a cancelled check leaves the connection state unknown") {
  CHECK(core::judge_ping({.transport_error = kCancelled}, kLocal).state == ConnectionState::Unknown);
}

TEST_CASE("gateway errors are named with what to check") {
  CHECK(core::judge_ping({.status = 502, .body = R"({"message": "Internal server error"})"}, kLocal).headline ==
        "The Lambda failed (502)");
  CHECK(core::judge_ping({.status = 504, .body = "{}"}, kLocal).headline == "The Lambda did not answer in time (504)");
  CHECK(core::judge_ping({.status = 429, .body = "{}"}, kLocal).headline == "Too many requests (429)");
  CHECK(core::judge_ping({.status = 500, .body = "oops"}, kLocal).advice == "oops");
}

TEST_CASE("a ping answered with a lambda error or something else is not a connection to the crud lambda") {
  const auto error = core::judge_ping(
      {.status = 200, .body = R"({"errorMessage": "Unrecognized operation \"ping\"", "errorType": "ValueError"})"},
      kLocal);
  CHECK(error.state == ConnectionState::Failed);
  CHECK(mentions(error, "Unrecognized operation"));
  const auto other = core::judge_ping({.status = 200, .body = "<html>hello</html>"}, kLocal);
  CHECK(other.headline == "Answered, but not with pong");
  CHECK(mentions(other, "<html>hello</html>"));
}

TEST_CASE("a long unexpected body is quoted shortened on a character boundary") {
  const std::string body = std::string(119, 'a') + "\xc3\xa9" + std::string(50, 'b');
  const auto verdict = core::judge_ping({.status = 200, .body = body}, kLocal);
  CHECK(mentions(verdict, std::string(119, 'a') + "…"));
}

TEST_CASE("any answer from the lambda even an error about the request means connected") {
  CHECK(core::judge_answer({.status = 200, .body = R"({"errorMessage": "bad key"})"}, kLocal).state ==
        ConnectionState::Connected);
  CHECK(core::judge_answer({.status = 400, .body = R"({"message": "bad body"})"}, kLocal).state ==
        ConnectionState::Connected);
  CHECK(core::judge_answer({.status = 403, .body = R"({"message":"Forbidden"})"}, kLocal).state ==
        ConnectionState::Failed);
  CHECK(core::judge_answer({.transport_error = {core::TransportFailure::Network, "x"}}, kLocal).headline ==
        "Cannot reach 127.0.0.1:3000");
}
