// What an answer says about the connection: the verdict of "Test connection"
// (a ping) and of every other request, with a headline and what to do next.
// Browsers hide why a request failed; the platform adds whether the server
// answered a CORS-free probe, which separates "CORS not enabled" or "wrong
// path" from "wrong URL or server down". A failure without an HTTP answer is
// explained in core/response's words (explain_transport_failure), the same
// an answer shows, plus what only the connection settings tell.
#pragma once

#include <string>

#include "core/connection.hpp"
#include "core/http.hpp"

namespace core {

enum class ConnectionState { Unknown, Connected, Failed };

struct ConnectionVerdict {
  ConnectionState state = ConnectionState::Unknown;
  std::string headline;  // short, for the status line: "Connected", "CORS is not enabled on the API"
  std::string advice;    // what to check or do next; empty when all is well
};

// The answer to {"operation": "ping"} sent with `settings`: connected only
// when the Lambda answered "pong".
ConnectionVerdict judge_ping(const HttpResponse& response, const ConnectionSettings& settings);

// The answer to any other request: connected when the API and the Lambda
// answered, even with an error about the request itself.
ConnectionVerdict judge_answer(const HttpResponse& response, const ConnectionSettings& settings);

}  // namespace core
