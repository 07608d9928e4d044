#include <doctest/doctest.h>

#include "checks.hpp"
#include "core/response.hpp"
#include "fixtures.hpp"

using core::AnswerKind;
using core::classify_response;
using core::Operation;

namespace {

const core::TransportError kFailedToFetch{core::TransportFailure::Network, "Failed to fetch"};
const core::TransportError kTimedOut{core::TransportFailure::Timeout, ""};
const core::TransportError kCancelled{core::TransportFailure::Cancelled, ""};

core::Answer classify_fixture(const std::string& name, std::string_view operation = "") {
  return classify_response(fixtures::response(name), {.operation = core::operation_named(operation)});
}

}  // namespace

TEST_CASE("every answer has a sentence and a next step") {
  for (const char* name : {"create_acknowledged",
                           "read_item",
                           "read_not_found",
                           "update_attributes",
                           "list_page",
                           "list_mixed_types",
                           "ping_pong",
                           "echo_value",
                           "lambda_error_reserved_word",
                           "lambda_error_float",
                           "lambda_error_conditional_check",
                           "lambda_error_missing_table",
                           "lambda_error_unknown_operation",
                           "lambda_error_key_schema",
                           "lambda_error_no_table_name",
                           "lambda_error_no_payload",
                           "lambda_error_param_validation",
                           "lambda_error_task_timed_out",
                           "lambda_error_marshal",
                           "proxy_validation_error",
                           "gateway_missing_authentication_token",
                           "gateway_internal_server_error",
                           "gateway_integration_failure",
                           "gateway_too_many_requests",
                           "gateway_timeout",
                           "gateway_forbidden_api_key",
                           "dynamodb_endpoint",
                           "html_page",
                           "not_found_html",
                           "empty_body",
                           "not_json_text"}) {
    CAPTURE(name);
    const auto answer = classify_fixture(name);
    CHECK_FALSE(answer.summary.empty());
    CHECK_FALSE(answer.hint.empty());
  }
}

TEST_CASE("pong is a success") {
  const auto answer = classify_fixture("ping_pong", "ping");
  CHECK(answer.kind == AnswerKind::Pong);
  CHECK(answer.ok);
  CHECK(answer.body->text == "pong");
}

TEST_CASE("a read that found an item keeps the item and sets metadata apart") {
  const auto answer = classify_fixture("read_item", "read");
  CHECK(answer.kind == AnswerKind::Item);
  CHECK(answer.ok);
  CHECK(core::to_json_text(*answer.body) == R"({"Item":{"id":"2377ab","number":4}})");
  REQUIRE(answer.metadata);
  CHECK(answer.metadata->find("HTTPStatusCode")->text == "200");
}

TEST_CASE("a read answered with metadata only found nothing") {
  const auto answer = classify_fixture("read_not_found", "read");
  CHECK(answer.kind == AnswerKind::NotFound);
  CHECK(answer.ok);
  CHECK(mentions(answer.summary, "No item"));
}

TEST_CASE("a write answered with metadata only is acknowledged") {
  for (const char* operation : {"create", "update", "delete", ""}) {
    CAPTURE(operation);
    const auto answer = classify_fixture("create_acknowledged", operation);
    CHECK(answer.kind == AnswerKind::WriteAcknowledged);
    CHECK(answer.ok);
  }
  CHECK(mentions(classify_fixture("create_acknowledged", "delete").summary, "if it existed"));
}

TEST_CASE("attributes returned by a write are their own kind") {
  const auto answer = classify_fixture("update_attributes", "update");
  CHECK(answer.kind == AnswerKind::Attributes);
  CHECK(answer.body->find("Attributes")->find("FirstName")->text == "Sarvesh");
}

TEST_CASE("a list answer keeps count, scanned count and the key to continue from") {
  const auto answer = classify_fixture("list_mixed_types", "list");
  CHECK(answer.kind == AnswerKind::Items);
  CHECK(answer.count == "3");
  CHECK(answer.scanned_count == "10");
  REQUIRE(answer.last_evaluated_key);
  CHECK(core::to_json_text(*answer.last_evaluated_key) == R"({"id":"c"})");
  CHECK(mentions(answer.summary, "3 items of 10 scanned"));
  CHECK(mentions(answer.hint, "next page"));
}

TEST_CASE("numbers in an answer stay exact") {
  const auto answer = classify_fixture("echo_value", "echo");
  CHECK(answer.kind == AnswerKind::Echo);
  CHECK(answer.body->find("big")->text == "12345678901234567890123456789012345678");
  const auto list = classify_fixture("list_mixed_types", "list");
  CHECK(list.body->find("Items")->array[0].find("price")->text == "12345678901234567890123456789012345678");
  CHECK(list.body->find("Items")->array[1].find("price")->text == "0.1");
}

TEST_CASE("echo answers are echo whatever their shape") {
  const auto answer =
      classify_response({.status = 200, .body = R"({"Item":{"id":"x"}})"}, {.operation = Operation::Echo});
  CHECK(answer.kind == AnswerKind::Echo);
  CHECK(answer.ok);
}

TEST_CASE("a lambda error in a 200 body is a failure with its details") {
  const auto answer = classify_fixture("lambda_error_float", "create");
  CHECK(answer.kind == AnswerKind::LambdaError);
  CHECK_FALSE(answer.ok);
  CHECK(answer.status == 200);
  CHECK(answer.error.type == "TypeError");
  CHECK(answer.error.message == "Float types are not supported. Use Decimal types instead.");
  CHECK_FALSE(answer.error.request_id.empty());
  CHECK(answer.error.stack_trace.size() > 3);
  CHECK(mentions(answer.hint, "keeps numbers exact"));
}

TEST_CASE("a DynamoDB error wrapped by boto3 is recognised with its operation") {
  const auto answer = classify_fixture("lambda_error_reserved_word", "update");
  CHECK(answer.kind == AnswerKind::LambdaError);
  CHECK(answer.error.type == "ClientError");
  CHECK(answer.error.dynamodb_error == "ValidationException");
  CHECK(answer.error.dynamodb_operation == "UpdateItem");
  CHECK(answer.error.dynamodb_message ==
        "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: number");
  CHECK(mentions(answer.summary, "reserved keyword: number"));
  CHECK(mentions(answer.hint, "ExpressionAttributeNames"));
}

TEST_CASE("DynamoDB error types are recognised in the error type too") {
  const auto conditional = classify_fixture("lambda_error_conditional_check", "create");
  CHECK(conditional.error.dynamodb_error == "ConditionalCheckFailedException");
  CHECK(conditional.error.dynamodb_operation == "PutItem");
  CHECK(mentions(conditional.summary, "condition"));
  const auto missing = classify_fixture("lambda_error_missing_table", "read");
  CHECK(missing.error.dynamodb_error == "ResourceNotFoundException");
  CHECK(mentions(missing.hint, "tableName"));
  const auto proxy = classify_fixture("proxy_validation_error", "update");
  CHECK(proxy.kind == AnswerKind::LambdaError);
  CHECK(proxy.status == 400);
  CHECK(proxy.error.dynamodb_error == "ValidationException");
  CHECK(mentions(proxy.hint, "ExpressionAttributeNames"));
}

TEST_CASE("known handler failures say what to change in the event") {
  CHECK(mentions(classify_fixture("lambda_error_unknown_operation").hint, "create, read, update"));
  CHECK(mentions(classify_fixture("lambda_error_no_table_name").hint, "tableName"));
  CHECK(mentions(classify_fixture("lambda_error_no_payload").hint, "payload"));
  CHECK(mentions(classify_fixture("lambda_error_param_validation").summary, "Missing required parameter"));
  CHECK(mentions(classify_fixture("lambda_error_key_schema").hint, "key attributes"));
  CHECK(mentions(classify_fixture("lambda_error_marshal").hint, "$SS"));
  CHECK(mentions(classify_fixture("lambda_error_task_timed_out").hint, "timeout"));
}

TEST_CASE("403 Missing Authentication Token means a wrong path, stage or method") {
  const auto answer = classify_fixture("gateway_missing_authentication_token");
  CHECK(answer.kind == AnswerKind::GatewayError);
  CHECK(answer.error.message == "Missing Authentication Token");
  CHECK(mentions(answer.hint, "stage and path"));
  CHECK(mentions(answer.hint, "POST"));
  CHECK_FALSE(answer.error.request_id.empty());
}

TEST_CASE("API Gateway's own errors are explained by status") {
  const auto crash = classify_fixture("gateway_internal_server_error");
  CHECK(crash.kind == AnswerKind::GatewayError);
  CHECK(crash.error.message == "Internal server error");
  CHECK(crash.error.type == "InternalServerErrorException");
  CHECK(mentions(crash.summary, "crashed"));
  CHECK(mentions(classify_fixture("gateway_integration_failure").summary, "could not run the integration"));
  CHECK(mentions(classify_fixture("gateway_too_many_requests").summary, "throttled"));
  CHECK(mentions(classify_fixture("gateway_timeout").summary, "29-second"));
  CHECK(mentions(classify_fixture("gateway_forbidden_api_key").hint, "x-api-key"));
}

TEST_CASE("an endpoint that is DynamoDB itself is told apart from the API") {
  const auto answer = classify_fixture("dynamodb_endpoint");
  CHECK(answer.kind == AnswerKind::HttpError);
  CHECK(answer.status == 400);
  CHECK(mentions(answer.summary, "DynamoDB itself"));
}

TEST_CASE("other HTTP errors keep their status and text") {
  const auto answer = classify_fixture("not_found_html");
  CHECK(answer.kind == AnswerKind::HttpError);
  CHECK(answer.status == 404);
  CHECK(mentions(answer.text, "404 Not Found"));
  CHECK(mentions(answer.hint, "/prod/DynamoDBManager"));
}

TEST_CASE("a success whose body is not JSON keeps the text and says what it looks like") {
  const auto page = classify_fixture("html_page");
  CHECK(page.kind == AnswerKind::NotJson);
  CHECK_FALSE(page.ok);
  CHECK(mentions(page.summary, "web page"));
  CHECK(mentions(page.text, "<title>My site</title>"));
  CHECK(mentions(classify_fixture("empty_body").summary, "empty"));
  const auto broken = classify_fixture("not_json_text");
  CHECK(mentions(broken.summary, "line 1, column 1"));
  CHECK(broken.text == "OK: {broken");
}

TEST_CASE("a network failure without more to go on names both likely causes") {
  const auto answer =
      classify_response({.transport_error = kFailedToFetch},
                        {.url = "https://abc.execute-api.us-east-1.amazonaws.com/prod/DynamoDBManager"});
  CHECK(answer.kind == AnswerKind::TransportFailure);
  CHECK(answer.transport_cause == core::TransportCause::CorsOrUnreachable);
  CHECK(mentions(answer.summary, "abc.execute-api.us-east-1.amazonaws.com"));
  CHECK(mentions(answer.summary, "(network: Failed to fetch)"));  // the browser's words
  CHECK(mentions(answer.hint, "CORS"));
  CHECK(mentions(answer.hint, "server is down"));
}

TEST_CASE("a server that answers a no-cors probe points at CORS") {
  const auto answer = classify_response(
      {.transport_error = kFailedToFetch},
      {.url = "http://127.0.0.1:3000/prod/DynamoDBManager", .reachability = core::Reachability::Reachable});
  CHECK(answer.transport_cause == core::TransportCause::Cors);
  CHECK(mentions(answer.hint, "Enable CORS"));
}

TEST_CASE("a server that answers nothing at all is down or wrongly named") {
  const auto answer = classify_response(
      {.transport_error = kFailedToFetch},
      {.url = "http://127.0.0.1:3999/prod/DynamoDBManager", .reachability = core::Reachability::Unreachable});
  CHECK(answer.transport_cause == core::TransportCause::Unreachable);
  CHECK(mentions(answer.summary, "127.0.0.1"));
  CHECK(mentions(answer.hint, "host and port"));
}

TEST_CASE("an endpoint that is not an http URL is a wrong URL") {
  for (const char* url : {"127.0.0.1:3000/prod", "ftp://example.org/x", "https:///prod"}) {
    CAPTURE(url);
    const auto answer = classify_response({.transport_error = kFailedToFetch}, {.url = url});
    CHECK(answer.transport_cause == core::TransportCause::InvalidUrl);
  }
}

TEST_CASE("an http API called from an https page is blocked as mixed content") {
  const auto blocked = classify_response(
      {.transport_error = kFailedToFetch},
      {.url = "http://api.example.org/prod/DynamoDBManager", .page_origin = "https://workbench.example.org"});
  CHECK(blocked.transport_cause == core::TransportCause::MixedContent);
  const auto local = classify_response(
      {.transport_error = kFailedToFetch},
      {.url = "http://127.0.0.1:3000/prod/DynamoDBManager", .page_origin = "https://workbench.example.org"});
  CHECK(local.transport_cause == core::TransportCause::CorsOrUnreachable);
}

TEST_CASE("timeouts and cancels warn that a write may have happened") {
  const auto timeout = classify_response({.transport_error = kTimedOut});
  CHECK(timeout.transport_cause == core::TransportCause::Timeout);
  CHECK(mentions(timeout.hint, "read the item"));
  const auto cancelled = classify_response({.transport_error = kCancelled});
  CHECK(cancelled.transport_cause == core::TransportCause::Cancelled);
  CHECK(mentions(cancelled.summary, "cancelled"));
  CHECK(mentions(cancelled.hint, "read the item"));
}

TEST_CASE("only a network failure was probed, so only it says whether the server is reachable") {
  CHECK(core::probe_reachability({.transport_error = kFailedToFetch, .server_reachable = true}) ==
        core::Reachability::Reachable);
  CHECK(core::probe_reachability({.transport_error = kFailedToFetch}) == core::Reachability::Unreachable);
  CHECK(core::probe_reachability({.transport_error = kTimedOut}) == core::Reachability::Unknown);
  CHECK(core::probe_reachability({.status = 200, .server_reachable = true}) == core::Reachability::Unknown);
}

TEST_CASE("answer kinds and causes have stable names") {
  CHECK(core::answer_kind_name(AnswerKind::WriteAcknowledged) == "write_acknowledged");
  CHECK(core::answer_kind_name(AnswerKind::LambdaError) == "lambda_error");
  CHECK(core::transport_cause_name(core::TransportCause::CorsOrUnreachable) == "cors_or_unreachable");
}

TEST_CASE("a list read item by item classifies as the whole answer does, without keeping its items") {
  const auto whole = classify_fixture("list_mixed_types", "list");
  std::size_t handed = 0;
  const auto streamed = classify_response(fixtures::response("list_mixed_types"), {.operation = Operation::List},
                                          [&](core::JsonValue&&) { ++handed; });
  CHECK(handed == 3);
  CHECK(streamed.item_count == 3);
  CHECK(whole.item_count == 3);
  CHECK(streamed.kind == AnswerKind::Items);
  CHECK(streamed.summary == whole.summary);
  CHECK(streamed.body->find("Items")->array.empty());
  REQUIRE(streamed.last_evaluated_key);
  // Other operations are read whole: an echo's Items are its payload.
  std::size_t echoed = 0;
  const auto echo = classify_response(fixtures::response("list_mixed_types"), {.operation = Operation::Echo},
                                      [&](core::JsonValue&&) { ++echoed; });
  CHECK(echoed == 0);
  CHECK(echo.body->find("Items")->array.size() == 3);
}
