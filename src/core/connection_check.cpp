#include "core/connection_check.hpp"

#include <algorithm>

#include "core/format.hpp"
#include "core/json_value.hpp"
#include "core/response.hpp"
#include "core/text.hpp"

namespace core {
namespace {

constexpr std::string_view kResource = "/DynamoDBManager";
constexpr std::size_t kQuotedBodyLimit = 120;

ConnectionVerdict failed(std::string headline, std::string advice) {
  return {ConnectionState::Failed, std::move(headline), std::move(advice)};
}

// The body as JSON, or null when it is not JSON.
JsonValue parse_body(const HttpResponse& response) {
  auto parsed = parse_json(response.body);
  return parsed ? std::move(*parsed.value) : JsonValue::null();
}

// API Gateway's own errors are {"message": "..."}.
std::string gateway_message(const HttpResponse& response) {
  const auto body = parse_body(response);
  const JsonValue* message = body.find("message");
  return message != nullptr && message->is_string() ? message->text : std::string();
}

// "/{stage}/DynamoDBManager", as API Gateway serves the seed's resource.
bool path_looks_right(std::string_view endpoint) {
  std::string path = endpoint_path(endpoint);
  if (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.size() <= kResource.size() + 1) return false;
  return path.compare(path.size() - kResource.size(), kResource.size(), kResource) == 0;
}

// The headers besides Content-Type that a CORS preflight must allow.
std::string extra_header_names(const ConnectionSettings& settings) {
  std::string names;
  for (const auto& [name, value] : build_http_request(JsonValue::null(), settings.connection).headers) {
    if (name == "Content-Type") continue;
    names += (names.empty() ? "" : ", ") + name;
  }
  return names;
}

// The start of the body, cut on a UTF-8 character boundary.
std::string quoted_body(const HttpResponse& response) {
  const std::size_t cut = utf8_cut(response.body, kQuotedBodyLimit);
  std::string body = response.body.substr(0, cut);
  if (cut < response.body.size()) body += "…";
  return body.empty() ? "an empty body" : body;
}

// The server answered the CORS-free probe but the browser withheld its answer:
// a path that is not the API's resource looks just like CORS being off.
ConnectionVerdict withheld_answer(std::string explained, const ConnectionSettings& settings) {
  const std::string& endpoint = settings.connection.endpoint;
  if (!path_looks_right(endpoint)) {
    return failed(
        "Wrong path: " + endpoint_path(endpoint),
        "The server at " + endpoint_host(endpoint) +
            " answered, but not at this path. API Gateway answers "
            "an unknown path or stage with 403 Missing Authentication Token and no CORS headers, so the "
            "browser hides it. The URL should end with /{stage}/DynamoDBManager, e.g. /prod/DynamoDBManager.");
  }
  if (const std::string extra = extra_header_names(settings); !extra.empty()) {
    explained += " The API must also allow the headers sent (" + extra + ") in Access-Control-Allow-Headers.";
  }
  return failed("CORS is not enabled on the API", std::move(explained));
}

// The core's explanation of the failure (the same sentences an answer shows),
// under a headline for the status line, with what only a connection check knows:
// the timeout setting, whether the path is the API's resource, the headers sent.
ConnectionVerdict no_answer(const HttpResponse& response, const ConnectionSettings& settings) {
  const std::string& endpoint = settings.connection.endpoint;
  const TransportExplanation explanation =
      explain_transport_failure(response, {.url = endpoint, .reachability = probe_reachability(response)});
  const std::string explained = explanation.summary + " " + explanation.hint;
  const std::string host = endpoint_host(endpoint);
  const std::string where = host.empty() ? std::string("the endpoint") : host;
  switch (explanation.cause) {
    case TransportCause::Cancelled: return {ConnectionState::Unknown, "Cancelled", ""};
    case TransportCause::Timeout:
      return failed("No answer within " + std::to_string(settings.timeout_seconds) + " s",
                    explained + " If the API is just slow, raise the timeout in Connection.");
    case TransportCause::Unreachable: return failed("Cannot reach " + where, explained);
    case TransportCause::InvalidUrl: return failed("Not an http(s) URL", explained);
    case TransportCause::Cors: return withheld_answer(explained, settings);
    case TransportCause::MixedContent:
    case TransportCause::CorsOrUnreachable:
    case TransportCause::None: break;
  }
  return failed("No answer from " + where, explained);
}

ConnectionVerdict forbidden(const HttpResponse& response, const ConnectionSettings& settings) {
  const std::string message = gateway_message(response);
  if (message == "Missing Authentication Token") {
    return failed("Wrong path or method (403 Missing Authentication Token)",
                  "API Gateway has no POST method at " + endpoint_path(settings.connection.endpoint) +
                      ". The URL should end with /{stage}/DynamoDBManager, e.g. /prod/DynamoDBManager.");
  }
  if (message == "Forbidden") {
    return settings.connection.api_key.empty()
               ? failed("Forbidden (403): this API needs an API key",
                        "Enter the API key in Connection; it is sent as x-api-key.")
               : failed("Forbidden (403): the API key was refused",
                        "Check the key, and that it belongs to a usage plan of this API and stage.");
  }
  return failed("Forbidden (403)" + (message.empty() ? std::string() : ": " + message),
                "The API refused the request; check the URL, the API key and the API's resource policy.");
}

ConnectionVerdict http_failure(const HttpResponse& response, const ConnectionSettings& settings) {
  const int status = response.status;
  const std::string message = gateway_message(response);
  const std::string status_text = "HTTP " + std::to_string(status);
  if (status == 403) return forbidden(response, settings);
  if (status == 404) return failed("Not found (404)", "Check the URL's path: /{stage}/DynamoDBManager.");
  if (status == 429) {
    return failed("Too many requests (429)", "API Gateway is throttling this API; wait a moment and try again.");
  }
  if (status == 502) {
    return failed("The Lambda failed (502)",
                  "The function crashed or returned a malformed answer; its CloudWatch logs say why.");
  }
  if (status == 504) {
    return failed("The Lambda did not answer in time (504)",
                  "API Gateway waits at most 29 s; check the function's timeout and its CloudWatch logs.");
  }
  if (status >= 500) {
    return failed("Server error (" + status_text + ")", message.empty() ? quoted_body(response) : message);
  }
  return failed(status_text + (message.empty() ? std::string() : ": " + message), quoted_body(response));
}

bool is_success(int status) { return status >= 200 && status < 300; }

}  // namespace

ConnectionVerdict judge_ping(const HttpResponse& response, const ConnectionSettings& settings) {
  if (response.transport_error.failure != TransportFailure::None) return no_answer(response, settings);
  if (!is_success(response.status)) return http_failure(response, settings);
  const auto body = parse_body(response);
  if (body.is_string() && body.text == "pong") {
    return {ConnectionState::Connected, "Connected: pong in " + format_duration(response.elapsed_ms), ""};
  }
  if (const JsonValue* message = body.find("errorMessage")) {
    return failed("The Lambda answered the ping with an error",
                  (message->is_string() ? message->text : to_json_text(*message)) +
                      ". Is this the CRUD Lambda? Its ping answers \"pong\".");
  }
  return failed("Answered, but not with pong", "HTTP " + std::to_string(response.status) + " with " +
                                                   quoted_body(response) +
                                                   ". Is this the CRUD Lambda's endpoint? Its ping answers \"pong\".");
}

ConnectionVerdict judge_answer(const HttpResponse& response, const ConnectionSettings& settings) {
  if (response.transport_error.failure != TransportFailure::None) return no_answer(response, settings);
  const int status = response.status;
  const bool api_answered =
      is_success(status) || (status >= 400 && status < 500 && status != 403 && status != 404 && status != 429);
  if (api_answered) return {ConnectionState::Connected, "Connected", ""};
  return http_failure(response, settings);
}

}  // namespace core
