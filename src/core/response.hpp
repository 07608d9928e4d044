// Reading an answer: one function turns what came back from the API (an HTTP
// status, headers and body, or a transport failure) into a classified Answer
// with a short sentence and a next step a person can act on.
//
// The body is kept as a JsonValue (numbers exact, members in order) behind a
// shared pointer, so copying an Answer is cheap and tables built from it can
// keep it alive. DynamoDB's ResponseMetadata is split off into `metadata`.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http.hpp"
#include "core/json_value.hpp"
#include "core/request.hpp"

namespace core {

enum class AnswerKind {
  // Successes
  Item,               // read found an item: {"Item": {...}}
  Items,              // list: {"Items": [...], "Count", "ScannedCount", "LastEvaluatedKey"?}
  Attributes,         // a write with ReturnValues: {"Attributes": {...}}
  Echo,               // echo: the payload sent back
  Pong,               // ping: "pong"
  WriteAcknowledged,  // create/update/delete: nothing but ResponseMetadata
  NotFound,           // read: nothing but ResponseMetadata, so no item has that key
  OtherValue,         // JSON of no shape the operation explains
  // Failures
  LambdaError,       // {"errorMessage", "errorType", "requestId", "stackTrace"}
  GatewayError,      // API Gateway's own answer: 403 Missing Authentication Token, 429, 5xx {"message"}
  HttpError,         // any other non-2xx status
  NotJson,           // a 2xx whose body is not JSON
  TransportFailure,  // no HTTP answer at all
};

// Why no HTTP answer arrived, as far as the browser lets anyone tell.
enum class TransportCause {
  None,
  CorsOrUnreachable,  // the browser hides which: "Failed to fetch" for both
  Cors,               // a no-cors probe reached the server, so CORS blocked the answer
  Unreachable,        // a no-cors probe failed too: wrong host or server down
  InvalidUrl,         // the endpoint is not an http(s) URL
  MixedContent,       // an https page may not call a plain http API
  Timeout,
  Cancelled,
};

// Whether the server answered a follow-up request made without CORS (the
// platform can make one after a network failure; its answer is opaque, but
// that it arrived at all tells CORS apart from a dead server).
enum class Reachability { Unknown, Reachable, Unreachable };

// What is known about the request the answer belongs to. Every field may be
// left empty; the classification is then made from the answer alone.
struct AnswerContext {
  std::optional<Operation> operation;  // the event's operation; nullopt when unknown
  std::string url;                     // the endpoint it was sent to
  std::string page_origin;             // the page's origin, e.g. "https://example.org"
  Reachability reachability = Reachability::Unknown;
};

// A failure reported inside a body: the Lambda runtime's error object, API
// Gateway's {"message"}, or a DynamoDB error code.
struct ErrorDetail {
  std::string type;                // errorType, x-amzn-ErrorType, or DynamoDB's __type
  std::string message;             // errorMessage or the gateway's message
  std::string dynamodb_error;      // a recognised DynamoDB error code, e.g. "ValidationException"
  std::string dynamodb_operation;  // the API call boto3 names, e.g. "UpdateItem"
  std::string dynamodb_message;    // DynamoDB's own words, without boto3's wrapping
  std::string request_id;          // the Lambda's requestId or the x-amzn-RequestId header
  std::vector<std::string> stack_trace;
};

struct Answer {
  AnswerKind kind = AnswerKind::TransportFailure;
  bool ok = false;  // one of the success kinds
  int status = 0;   // HTTP status, 0 when no answer arrived
  double elapsed_ms = 0;
  std::size_t size = 0;  // body size in bytes
  std::string summary;   // one sentence saying what happened
  std::string hint;      // what to do next

  // The JSON body without ResponseMetadata; null when the body was not JSON.
  std::shared_ptr<const JsonValue> body;
  std::optional<JsonValue> metadata;  // DynamoDB's ResponseMetadata, when present
  std::string text;                   // the body as received, kept only when it is not JSON

  // Items answers: how many items the answer held, Count and ScannedCount as
  // exact number text, and the key to continue from.
  std::size_t item_count = 0;
  std::string count;
  std::string scanned_count;
  std::optional<JsonValue> last_evaluated_key;

  ErrorDetail error;  // for LambdaError, GatewayError and HttpError
  TransportCause transport_cause = TransportCause::None;
};

Answer classify_response(const HttpResponse& response, const AnswerContext& context = {});

// The same, but for a list (context.operation List) the body's Items are
// handed to `on_item` one by one as they are read, and not kept in `body`
// (its Items array stays empty; `item_count` says how many there were): a big
// list is read without a tree of all its items. When the answer turns out not
// to be JSON, items read before the error have been handed over already.
Answer classify_response(const HttpResponse& response, const AnswerContext& context,
                         const std::function<void(JsonValue&&)>& on_item);

// Why no HTTP answer arrived and what to do about it: the one explanation of
// transport failures, shared by classify_response and the connection check.
struct TransportExplanation {
  TransportCause cause = TransportCause::None;
  std::string summary;  // one sentence saying what happened
  std::string hint;     // what to check or do next, for any request
};

// For a response without an HTTP status (a transport error).
TransportExplanation explain_transport_failure(const HttpResponse& response, const AnswerContext& context);

// What the platform's CORS-free probe found: it makes one after a network
// failure only, so anything else is Unknown.
Reachability probe_reachability(const HttpResponse& response);

// Stable names for logs, tests and the app's published state: "item", "lambda_error", ...
std::string_view answer_kind_name(AnswerKind kind);
std::string_view transport_cause_name(TransportCause cause);

}  // namespace core
