#include "core/connection_check.hpp"

#include <algorithm>

#include "core/format.hpp"
#include "core/json_value.hpp"

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
  std::size_t cut = std::min(response.body.size(), kQuotedBodyLimit);
  while (cut > 0 && cut < response.body.size() && (static_cast<unsigned char>(response.body[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  std::string body = response.body.substr(0, cut);
  if (cut < response.body.size()) body += "…";
  return body.empty() ? "an empty body" : body;
}

ConnectionVerdict no_answer(const HttpResponse& response, const ConnectionSettings& settings) {
  if (response.transport_error == "cancelled") return {ConnectionState::Unknown, "Cancelled", ""};
  if (response.transport_error == "timeout") {
    return failed("No answer within " + std::to_string(settings.timeout_seconds) + " s",
                  "The server may be down or overloaded, or a firewall drops the connection. Check the URL; "
                  "if the API is just slow, raise the timeout in Connection.");
  }
  const std::string host = endpoint_host(settings.connection.endpoint);
  if (!response.server_reachable) {
    return failed("Cannot reach " + (host.empty() ? std::string("the endpoint") : host),
                  "Wrong URL, or the server is down. Check the address for typos and that the API is deployed; "
                  "for the local stack, start it with scripts/demo.");
  }
  if (!path_looks_right(settings.connection.endpoint)) {
    return failed("Wrong path: " + endpoint_path(settings.connection.endpoint),
                  "The server at " + host + " answered, but not at this path. API Gateway answers an unknown path "
                  "or stage with 403 Missing Authentication Token and no CORS headers, so the browser hides it. "
                  "The URL should end with /{stage}/DynamoDBManager, e.g. /prod/DynamoDBManager.");
  }
  std::string advice =
      "The server at " + host + " answered, but without an Access-Control-Allow-Origin header, so the browser "
      "withheld the answer. In API Gateway select the DynamoDBManager resource, Actions > Enable CORS, then "
      "Deploy API. A wrong stage name looks the same: check the stage in the URL.";
  if (const std::string extra = extra_header_names(settings); !extra.empty()) {
    advice += " The API must also allow the headers sent (" + extra + ") in Access-Control-Allow-Headers.";
  }
  return failed("CORS is not enabled on the API", std::move(advice));
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
  if (!response.transport_error.empty()) return no_answer(response, settings);
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
  return failed("Answered, but not with pong",
                "HTTP " + std::to_string(response.status) + " with " + quoted_body(response) +
                    ". Is this the CRUD Lambda's endpoint? Its ping answers \"pong\".");
}

ConnectionVerdict judge_answer(const HttpResponse& response, const ConnectionSettings& settings) {
  if (!response.transport_error.empty()) return no_answer(response, settings);
  const int status = response.status;
  const bool api_answered = is_success(status) || (status >= 400 && status < 500 && status != 403 &&
                                                   status != 404 && status != 429);
  if (api_answered) return {ConnectionState::Connected, "Connected", ""};
  return http_failure(response, settings);
}

}  // namespace core
