#include "core/response.hpp"

#include <algorithm>
#include <array>

#include "core/json_fields.hpp"
#include "core/text.hpp"
#include "core/url.hpp"

namespace core {
namespace {

// ---------------------------------------------------------------- helpers

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::string header_value(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (equals_ignoring_case(key, name)) return value;
  }
  return {};
}

// "HTTP 403" or "HTTP 403: Forbidden".
std::string status_note(int status, std::string_view message) {
  std::string note = "HTTP " + std::to_string(status);
  if (!message.empty()) note += ": " + std::string(message);
  return note;
}

// Messages such as boto3's "Parameter validation failed:\nMissing ..." span lines; a summary is one.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

// ----------------------------------------------------- transport failures

TransportCause network_cause(const AnswerContext& context) {
  if (!context.url.empty()) {
    const auto url = parse_http_url(context.url);
    if (!url || url->host.empty()) return TransportCause::InvalidUrl;
    if (!url->https && starts_with_ignoring_case(context.page_origin, "https://") && !is_local_host(url->host))
      return TransportCause::MixedContent;
  }
  switch (context.reachability) {
    case Reachability::Reachable: return TransportCause::Cors;
    case Reachability::Unreachable: return TransportCause::Unreachable;
    case Reachability::Unknown: break;
  }
  return TransportCause::CorsOrUnreachable;
}

TransportCause transport_cause_of(TransportFailure failure, const AnswerContext& context) {
  switch (failure) {
    case TransportFailure::Timeout: return TransportCause::Timeout;
    case TransportFailure::Cancelled: return TransportCause::Cancelled;
    case TransportFailure::Network:
    case TransportFailure::None: break;
  }
  return network_cause(context);
}

// The sentences for a cause; `error` is the platform's words, for the cause it cannot narrow down.
TransportExplanation explain_cause(TransportCause cause, std::string_view error, const AnswerContext& context) {
  const auto url = parse_http_url(context.url);
  const std::string host(url ? url->host : std::string_view());
  const std::string where = host.empty() ? "the API" : host;
  switch (cause) {
    case TransportCause::Timeout:
      return {cause, "No answer arrived in time.",
              "Check the URL and the function's logs (API Gateway itself gives up after 29 s)."};
    case TransportCause::Cancelled:
      return {cause, "The request was cancelled before an answer arrived.", "Send it again when ready."};
    case TransportCause::InvalidUrl:
      return {cause, "The endpoint is not an http(s) URL, so nothing was sent.",
              "Enter the API's invoke URL, e.g. "
              "https://{api-id}.execute-api.{region}.amazonaws.com/prod/DynamoDBManager."};
    case TransportCause::MixedContent:
      return {cause, "The browser blocked the request: this page is https and the API is plain http.",
              "Use the API's https URL, or open the workbench over http."};
    case TransportCause::Cors:
      return {cause,
              (host.empty() ? "The API" : "The server at " + host) +
                  " answered, but the browser withheld the answer: the API does not allow this page's origin (CORS).",
              "Enable CORS on the API's resource (allow this origin, POST and the Content-Type header) and deploy "
              "the stage. Check the stage and path too: API Gateway answers a wrong path without CORS headers."};
    case TransportCause::Unreachable:
      return {cause, "Nothing answered at " + where + ": the host is wrong or the server is down.",
              "Check the host and port in the URL; for the local stack, start it with scripts/demo."};
    case TransportCause::CorsOrUnreachable:
    case TransportCause::None: break;
  }
  return {cause, "No answer from " + where + " (" + std::string(error) + ").",
          "The browser does not say why. Either the API does not allow this page's origin (enable CORS and deploy the "
          "stage), or the URL's stage or path is wrong (API Gateway answers those without CORS headers), or the "
          "server is down or the host is wrong. Check the URL, then test the connection with Ping."};
}

// A request that timed out or was cancelled may still have run. Said here, not
// in the shared explanation, because a connection check (a ping) writes nothing.
bool write_may_have_happened(TransportCause cause) {
  return cause == TransportCause::Timeout || cause == TransportCause::Cancelled;
}

// --------------------------------------------------- errors inside bodies

struct Explanation {
  std::string_view code;  // matched against an error type or a DynamoDB error code
  std::string_view summary;
  std::string_view hint;
};

constexpr std::array kDynamoDbErrors = {
    Explanation{"ValidationException", "DynamoDB rejected the request as invalid",
                "Fix what the message names: an expression, a placeholder, a key attribute or a value's type."},
    Explanation{"ConditionalCheckFailedException", "The condition was not met, so nothing was written",
                "Read the item to see its current values, or change the ConditionExpression."},
    Explanation{"ResourceNotFoundException", "The table does not exist here",
                "Check tableName, and that the Lambda runs in the table's account and region."},
    Explanation{"ProvisionedThroughputExceededException", "DynamoDB throttled the request",
                "Wait a moment and retry; lower the request rate or raise the table's capacity."},
    Explanation{"ThrottlingException", "DynamoDB throttled the request",
                "Wait a moment and retry; lower the request rate."},
    Explanation{"RequestLimitExceeded", "DynamoDB throttled the request", "Wait a moment and retry."},
    Explanation{"ItemCollectionSizeLimitExceededException", "An item collection grew beyond 10 GB",
                "Spread the items over more partition key values."},
    Explanation{"TransactionConflictException", "Another transaction is changing this item", "Retry the request."},
    Explanation{"AccessDeniedException", "The Lambda's role may not do this",
                "Allow the DynamoDB action on the table's ARN in the function's role policy."},
    Explanation{"UnrecognizedClientException", "DynamoDB did not accept the Lambda's credentials",
                "Check the function's role and region."},
    Explanation{"InternalServerError", "DynamoDB had an internal error", "Retry the request."},
    Explanation{"ServiceUnavailable", "DynamoDB was unavailable", "Retry the request."},
};

// Failures of the handler itself. `code` is the errorType, `when` a part of
// the message that must be present (empty: any message).
struct HandlerExplanation {
  std::string_view code;
  std::string_view when;
  std::string_view summary;
  std::string_view hint;
  bool quote_message = false;  // the message adds something (a name, a field) to the summary
};

constexpr std::array kHandlerErrors = {
    HandlerExplanation{"TypeError", "Float types are not supported",
                       "The Lambda cannot store a number with a fraction: this handler passes floats where boto3 "
                       "needs Decimal",
                       "Deploy this project's Lambda (backend/), which keeps numbers exact, or send whole numbers."},
    HandlerExplanation{"TypeError", "must be a mapping", "The event has no payload object",
                       "Add \"payload\": {...} with the operation's fields to the event."},
    HandlerExplanation{"KeyError", "operation", "The event has no operation",
                       "Add \"operation\": one of create, read, update, delete, list, echo, ping."},
    HandlerExplanation{"ValueError", "Unrecognized operation", "The Lambda does not know this operation",
                       "Use one of create, read, update, delete, list, echo, ping.", true},
    HandlerExplanation{"NameError", "dynamo", "The event has no tableName, so the handler has no table to use",
                       "Add \"tableName\" to the event."},
    HandlerExplanation{"UnboundLocalError", "dynamo", "The event has no tableName, so the handler has no table to use",
                       "Add \"tableName\" to the event."},
    HandlerExplanation{"ParamValidationError", "", "boto3 refused the payload before sending it",
                       "Fix the payload field the message names (a missing Key, an unknown parameter, a wrong type).",
                       true},
    HandlerExplanation{"Runtime.MarshalError", "",
                       "The Lambda could not turn DynamoDB's answer into JSON (a set or binary value)",
                       "Deploy this project's Lambda (backend/), which returns sets and binary values as "
                       "{\"$SS\": [...]}-style objects."},
    HandlerExplanation{"", "Task timed out after", "The Lambda ran out of time",
                       "Raise the function's timeout, or read less at once (a Limit on list).", true},
};

const Explanation* dynamodb_explanation(std::string_view code) {
  for (const auto& e : kDynamoDbErrors) {
    if (e.code == code) return &e;
  }
  return nullptr;
}

// A known DynamoDB error code at the end of `type`
// ("ConditionalCheckFailedException", "com.amazonaws.dynamodb.v20120810#ValidationException").
std::string dynamodb_code_in_type(std::string_view type) {
  for (const auto& e : kDynamoDbErrors) {
    if (!type.ends_with(e.code)) continue;
    const std::string_view before = type.substr(0, type.size() - e.code.size());
    if (before.empty() || before.ends_with('#') || before.ends_with('.')) return std::string(e.code);
  }
  return {};
}

// boto3: "An error occurred (ValidationException) when calling the UpdateItem operation: Invalid ..."
void read_boto3_message(ErrorDetail& error) {
  constexpr std::string_view kStart = "An error occurred (";
  constexpr std::string_view kCalling = " when calling the ";
  constexpr std::string_view kOperation = " operation";
  const std::string& m = error.message;
  const auto start = m.find(kStart);
  if (start == std::string::npos) return;
  const auto code_begin = start + kStart.size();
  const auto code_end = m.find(')', code_begin);
  if (code_end == std::string::npos) return;
  const std::string code = m.substr(code_begin, code_end - code_begin);
  if (error.dynamodb_error.empty()) error.dynamodb_error = code;
  std::size_t rest = code_end + 1;
  if (m.compare(rest, kCalling.size(), kCalling) == 0) {
    const auto op_begin = rest + kCalling.size();
    const auto op_end = m.find(kOperation, op_begin);
    if (op_end != std::string::npos) {
      error.dynamodb_operation = m.substr(op_begin, op_end - op_begin);
      rest = op_end + kOperation.size();
    }
  }
  if (m.compare(rest, 2, ": ") == 0) rest += 2;
  error.dynamodb_message = m.substr(std::min(rest, m.size()));
}

ErrorDetail lambda_error_detail(const JsonValue& body) {
  ErrorDetail error;
  error.type = string_member(body, "errorType");
  error.message = string_member(body, "errorMessage");
  error.request_id = string_member(body, "requestId");
  if (const JsonValue* trace = body.find("stackTrace"); trace && trace->is_array()) {
    for (const auto& frame : trace->array)
      error.stack_trace.push_back(frame.is_string() ? frame.text : to_json_text(frame));
  }
  error.dynamodb_error = dynamodb_code_in_type(error.type);
  read_boto3_message(error);
  if (error.dynamodb_message.empty() && !error.dynamodb_error.empty()) error.dynamodb_message = error.message;
  return error;
}

void explain_lambda_error(Answer& answer) {
  const ErrorDetail& error = answer.error;
  if (const Explanation* known = dynamodb_explanation(error.dynamodb_error)) {
    std::string what(known->summary);
    if (!error.dynamodb_operation.empty()) what += " (" + error.dynamodb_operation + ")";
    answer.summary = what + ": " + one_line(error.dynamodb_message);
    answer.hint = std::string(known->hint);
    if (contains(error.dynamodb_message, "reserved keyword"))
      answer.hint =
          "Alias the word: write #name in the expression and add \"#name\": \"<the word>\" to "
          "ExpressionAttributeNames.";
    else if (contains(error.dynamodb_message, "key element does not match the schema"))
      answer.hint = "Give exactly the table's key attributes, with their types (a number key is not a string).";
    return;
  }
  for (const auto& known : kHandlerErrors) {
    if ((known.code.empty() || known.code == error.type) && contains(error.message, known.when)) {
      answer.summary = std::string(known.summary) + (known.quote_message ? ": " + one_line(error.message) : ".");
      answer.hint = std::string(known.hint);
      return;
    }
  }
  const std::string type = error.type.empty() ? "an error" : error.type;
  answer.summary = "The Lambda failed with " + type + ": " + one_line(error.message);
  answer.hint = "Read the stack trace below and the function's CloudWatch logs.";
}

// API Gateway's own answers, by status; `message` narrows a status when set.
struct GatewayExplanation {
  int status;
  std::string_view message;
  std::string_view summary;
  std::string_view hint;
};

constexpr std::array kGatewayErrors = {
    GatewayExplanation{403, "Missing Authentication Token", "API Gateway has no such resource or method at this URL",
                       "Check the stage and path in the URL (e.g. .../prod/DynamoDBManager) and that the request "
                       "is a POST; despite its wording, this does not mean a key is missing."},
    GatewayExplanation{403, "Forbidden", "API Gateway refused the request: this API needs an API key",
                       "Enter the API key (sent as x-api-key) and check that its usage plan covers this stage."},
    GatewayExplanation{403, "", "API Gateway refused the request",
                       "Check the API's authorization settings (resource policy, IAM, API key)."},
    GatewayExplanation{401, "", "The API's authorizer refused the request",
                       "Send the credentials the authorizer expects, usually an Authorization header."},
    GatewayExplanation{413, "", "The request is larger than API Gateway's 10 MB limit", "Send less in one request."},
    GatewayExplanation{429, "",
                       "API Gateway throttled the request: too many requests, or the usage plan's quota is used up",
                       "Wait a moment and retry; raise the stage's throttling or the usage plan's quota."},
    GatewayExplanation{500, "", "API Gateway could not run the integration: a configuration or permission problem",
                       "Check the integration and that API Gateway may invoke the function; the stage's execution "
                       "logs say more."},
    GatewayExplanation{502, "", "The Lambda crashed or returned something API Gateway cannot use",
                       "Check the function's CloudWatch logs; with a proxy integration it must return "
                       "{statusCode, headers, body}."},
    GatewayExplanation{503, "", "The API is unavailable", "Retry in a moment."},
    GatewayExplanation{504, "", "The Lambda did not answer within API Gateway's 29-second limit",
                       "Read less at once (a Limit on list) or make the function faster."},
};

void explain_gateway_error(Answer& answer) {
  for (const auto& known : kGatewayErrors) {
    if (known.status == answer.status && (known.message.empty() || known.message == answer.error.message)) {
      answer.summary = std::string(known.summary) + " (" + status_note(answer.status, answer.error.message) + ").";
      answer.hint = std::string(known.hint);
      return;
    }
  }
  answer.summary = "API Gateway refused the request (" + status_note(answer.status, answer.error.message) + ").";
  answer.hint = "Check the URL and the API's settings; the stage's execution logs say more.";
}

void explain_http_error(Answer& answer) {
  const std::string note = status_note(answer.status, answer.error.message);
  if (!answer.error.type.empty() && answer.error.type.find('#') != std::string::npos) {
    answer.summary = "This endpoint is DynamoDB itself, not the API in front of it (" + note + ").";
    answer.hint = "Use the API's URL (.../prod/DynamoDBManager), which runs the Lambda, not DynamoDB's endpoint.";
  } else if (answer.status == 404) {
    answer.summary = "Nothing was found at this URL (" + note + ").";
    answer.hint = "Check the endpoint URL: it ends with the stage and the resource, e.g. /prod/DynamoDBManager.";
  } else if (answer.status == 405) {
    answer.summary = "This URL does not take POST requests (" + note + ").";
    answer.hint = "Check the endpoint URL: it should be the API's POST resource.";
  } else if (answer.status >= 500) {
    answer.summary = "The server failed (" + note + ").";
    answer.hint = "Retry; if it persists, read the server's logs.";
  } else {
    answer.summary = "The API refused the request (" + note + ").";
    answer.hint = "Fix what the message names, or check the endpoint URL.";
  }
}

// API Gateway's own error answers are {"message": "..."} (or "Message") and
// carry an x-amzn-ErrorType header.
bool read_gateway_error(const JsonValue& body, const HeaderList& headers, ErrorDetail& error) {
  const bool only_message = body.is_object() && body.object.size() == 1 &&
                            (body.object[0].first == "message" || body.object[0].first == "Message") &&
                            body.object[0].second.is_string();
  error.type = header_value(headers, "x-amzn-ErrorType");
  if (only_message) error.message = body.object[0].second.text;
  return only_message || !error.type.empty();
}

// Any other error body: {"message"}, {"error"}, DynamoDB's {"__type", "message"}.
void read_http_error(const JsonValue& body, ErrorDetail& error) {
  for (const char* key : {"message", "Message", "error", "errorMessage"}) {
    if (error.message.empty()) error.message = string_member(body, key);
  }
  error.type = string_member(body, "__type");
  error.dynamodb_error = dynamodb_code_in_type(error.type);
}

bool is_lambda_error(const JsonValue& body) {
  const JsonValue* message = member_of(body, "errorMessage");
  return message && message->is_string();
}

// ------------------------------------------------------------- successes

bool is_write(std::optional<Operation> operation) {
  return operation == Operation::Create || operation == Operation::Update || operation == Operation::Delete;
}

void explain_items(Answer& answer) {
  const JsonValue& items = *answer.body->find("Items");
  if (const JsonValue* count = answer.body->find("Count"); count && count->is_number()) answer.count = count->text;
  if (const JsonValue* scanned = answer.body->find("ScannedCount"); scanned && scanned->is_number())
    answer.scanned_count = scanned->text;
  if (const JsonValue* key = answer.body->find("LastEvaluatedKey")) answer.last_evaluated_key = *key;

  if (!items.array.empty()) answer.item_count = items.array.size();  // not streamed
  answer.summary = "Listed " + plural(answer.item_count, "item", "items");
  if (!answer.scanned_count.empty() && answer.scanned_count != std::to_string(answer.item_count))
    answer.summary += " of " + answer.scanned_count + " scanned (the filter left out the rest)";
  answer.summary += answer.last_evaluated_key ? "; more remain." : ".";
  answer.hint = answer.last_evaluated_key ? "Load the next page: it continues after LastEvaluatedKey."
                                          : "That is every item the scan reached.";
}

void explain_acknowledgement(Answer& answer, std::optional<Operation> operation) {
  if (operation == Operation::Create) {
    answer.summary = "Stored the item (DynamoDB confirms writes without echoing them).";
    answer.hint = "Read it back with the same Key to see it.";
  } else if (operation == Operation::Update) {
    answer.summary = "Updated the item.";
    answer.hint = "Set ReturnValues to ALL_NEW to get the item back with the answer.";
  } else if (operation == Operation::Delete) {
    answer.summary = "Deleted the item, if it existed (DynamoDB does not say which).";
    answer.hint = "Set ReturnValues to ALL_OLD to get the deleted item back.";
  } else {
    answer.summary = "The request succeeded; the answer holds no item.";
    answer.hint = "A read with this answer found nothing; a write was stored.";
  }
}

void classify_success(Answer& answer, const AnswerContext& context) {
  const JsonValue& body = *answer.body;
  const std::optional<Operation> operation = context.operation;
  const auto object_member = [&](std::string_view key) {
    const JsonValue* value = member_of(body, key);
    return value && value->is_object();
  };
  answer.ok = true;
  if (operation == Operation::Echo) {
    answer.kind = AnswerKind::Echo;
    answer.summary = "The Lambda sent the payload back.";
    answer.hint = "Echo returns what it was given unchanged: compare it with what you sent.";
  } else if (body.is_string() && body.text == "pong") {
    answer.kind = AnswerKind::Pong;
    answer.summary = "pong: the API and the Lambda answer.";
    answer.hint = "The connection works: build a request and send it.";
  } else if (body.is_object() && body.find("Items") && body.find("Items")->is_array()) {
    answer.kind = AnswerKind::Items;
    explain_items(answer);
  } else if (object_member("Item")) {
    answer.kind = AnswerKind::Item;
    answer.summary = "Found the item (" + plural(body.find("Item")->object.size(), "attribute", "attributes") + ").";
    answer.hint = "To change it, send an update with the same Key.";
  } else if (object_member("Attributes")) {
    answer.kind = AnswerKind::Attributes;
    answer.summary = "The write succeeded and returned " +
                     plural(body.find("Attributes")->object.size(), "attribute", "attributes") + ".";
    answer.hint = "These are the values ReturnValues asked for.";
  } else if (body.is_object() && body.object.empty() && operation == Operation::Read) {
    answer.kind = AnswerKind::NotFound;
    answer.summary = "No item has this key.";
    answer.hint = "Check the key's value and type: the number 5 and the string \"5\" are different keys.";
  } else if (body.is_object() && body.object.empty() && (answer.metadata || is_write(operation))) {
    answer.kind = AnswerKind::WriteAcknowledged;
    explain_acknowledgement(answer, operation);
  } else {
    answer.kind = AnswerKind::OtherValue;
    answer.summary = "The API answered with JSON of an unexpected shape.";
    answer.hint = "Check that the endpoint runs this project's Lambda.";
  }
}

void classify_not_json(Answer& answer, const HttpResponse& response, const JsonError& error) {
  answer.text = response.body;
  if (answer.status < 200 || answer.status >= 300) {
    answer.kind = AnswerKind::HttpError;
    explain_http_error(answer);
    return;
  }
  answer.kind = AnswerKind::NotJson;
  const auto first = response.body.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    answer.summary = "The API answered with an empty body.";
    answer.hint = "Check the endpoint URL: this project's Lambda always answers with JSON.";
  } else if (response.body[first] == '<') {
    answer.summary = "The URL answered with a web page, not with the API's JSON.";
    answer.hint =
        "Point the endpoint at the API's invoke URL, e.g. "
        "https://{api-id}.execute-api.{region}.amazonaws.com/prod/DynamoDBManager.";
  } else {
    answer.summary = "The answer is not JSON (line " + std::to_string(error.line) + ", column " +
                     std::to_string(error.column) + ": " + error.message + ").";
    answer.hint = "Check that the endpoint is the API's URL; the raw answer is shown below.";
  }
}

}  // namespace

Answer classify_response(const HttpResponse& response, const AnswerContext& context) {
  return classify_response(response, context, nullptr);
}

Answer classify_response(const HttpResponse& response, const AnswerContext& context,
                         const std::function<void(JsonValue&&)>& on_item) {
  Answer answer;
  answer.status = response.status;
  answer.elapsed_ms = response.elapsed_ms;
  answer.size = response.body.size();
  answer.body = std::make_shared<const JsonValue>();

  if (response.transport_error.failure != TransportFailure::None || response.status == 0) {
    TransportExplanation explanation = explain_transport_failure(response, context);
    answer.kind = AnswerKind::TransportFailure;
    answer.transport_cause = explanation.cause;
    answer.summary = std::move(explanation.summary);
    answer.hint = std::move(explanation.hint);
    if (write_may_have_happened(answer.transport_cause)) {
      answer.hint += " A write may still have reached DynamoDB: read the item to check before sending it again.";
    }
    return answer;
  }

  std::size_t streamed = 0;
  const std::function<void(JsonValue &&)> count_item = [&](JsonValue&& item) {
    ++streamed;
    on_item(std::move(item));
  };
  const bool stream_items = on_item && context.operation == Operation::List;
  auto parsed = stream_items ? parse_json_streaming(response.body, "Items", count_item) : parse_json(response.body);
  answer.item_count = streamed;
  if (!parsed) {
    classify_not_json(answer, response, *parsed.error);
    return answer;
  }
  JsonValue body = std::move(*parsed.value);
  if (JsonValue* metadata = body.is_object() ? body.find("ResponseMetadata") : nullptr) {
    answer.metadata = std::move(*metadata);
    body.erase("ResponseMetadata");
  }
  answer.body = std::make_shared<const JsonValue>(std::move(body));
  const JsonValue& kept = *answer.body;
  const bool success_status = response.status >= 200 && response.status < 300;

  if (is_lambda_error(kept)) {
    answer.kind = AnswerKind::LambdaError;
    answer.error = lambda_error_detail(kept);
    explain_lambda_error(answer);
  } else if (!success_status && read_gateway_error(kept, response.headers, answer.error)) {
    answer.kind = AnswerKind::GatewayError;
    explain_gateway_error(answer);
  } else if (!success_status) {
    answer.kind = AnswerKind::HttpError;
    read_http_error(kept, answer.error);
    explain_http_error(answer);
  } else {
    classify_success(answer, context);
  }
  if (answer.error.request_id.empty() && !answer.ok)
    answer.error.request_id = header_value(response.headers, "x-amzn-RequestId");
  return answer;
}

TransportExplanation explain_transport_failure(const HttpResponse& response, const AnswerContext& context) {
  const std::string error = response.transport_error.failure == TransportFailure::None
                                ? "no status"
                                : transport_error_text(response.transport_error);
  return explain_cause(transport_cause_of(response.transport_error.failure, context), error, context);
}

Reachability probe_reachability(const HttpResponse& response) {
  if (response.transport_error.failure != TransportFailure::Network) return Reachability::Unknown;
  return response.server_reachable ? Reachability::Reachable : Reachability::Unreachable;
}

std::string_view answer_kind_name(AnswerKind kind) {
  switch (kind) {
    case AnswerKind::Item: return "item";
    case AnswerKind::Items: return "items";
    case AnswerKind::Attributes: return "attributes";
    case AnswerKind::Echo: return "echo";
    case AnswerKind::Pong: return "pong";
    case AnswerKind::WriteAcknowledged: return "write_acknowledged";
    case AnswerKind::NotFound: return "not_found";
    case AnswerKind::OtherValue: return "other_value";
    case AnswerKind::LambdaError: return "lambda_error";
    case AnswerKind::GatewayError: return "gateway_error";
    case AnswerKind::HttpError: return "http_error";
    case AnswerKind::NotJson: return "not_json";
    case AnswerKind::TransportFailure: return "transport_failure";
  }
  return "unknown";
}

std::string_view transport_cause_name(TransportCause cause) {
  switch (cause) {
    case TransportCause::None: return "none";
    case TransportCause::CorsOrUnreachable: return "cors_or_unreachable";
    case TransportCause::Cors: return "cors";
    case TransportCause::Unreachable: return "unreachable";
    case TransportCause::InvalidUrl: return "invalid_url";
    case TransportCause::MixedContent: return "mixed_content";
    case TransportCause::Timeout: return "timeout";
    case TransportCause::Cancelled: return "cancelled";
  }
  return "unknown";
}

}  // namespace core
