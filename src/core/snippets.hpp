// "Copy as": a request as code in the languages and tools people already use.
//   - Over HTTP, sending exactly the bytes the app sends, whatever the request
//     holds (quotes, newlines, non-ASCII text, 38-digit numbers): curl (POSIX
//     shell), JavaScript fetch, Python requests, HTTPie.
//   - The operation's direct DynamoDB equivalent, what the Lambda runs
//     (put_item, get_item, update_item, delete_item, scan): the AWS CLI
//     (DynamoDB JSON arguments, shell-quoted), boto3's resource API (numbers as
//     Decimal, sets as Python sets, binary as bytes) and the AWS SDK for
//     JavaScript v3 DynamoDBDocumentClient (numbers beyond a double's exact
//     range as NumberValue). echo and ping do not reach DynamoDB, so they have
//     no direct equivalent.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/http.hpp"
#include "core/json_value.hpp"
#include "core/request.hpp"

namespace core {

enum class SnippetKind { Curl, Fetch, PythonRequests, Httpie, AwsCli, Boto3, JsSdkV3 };

inline constexpr std::array kSnippetKinds = {SnippetKind::Curl,   SnippetKind::Fetch,  SnippetKind::PythonRequests,
                                             SnippetKind::Httpie, SnippetKind::AwsCli, SnippetKind::Boto3,
                                             SnippetKind::JsSdkV3};

// For menus: "curl", "fetch", "Python requests", "HTTPie", "AWS CLI", "boto3", "JS SDK v3".
std::string_view snippet_label(SnippetKind kind);
// A stable name for tools and tests: "curl", "fetch", "python-requests", "httpie", "aws-cli", "boto3", "js-sdk-v3".
std::string_view snippet_name(SnippetKind kind);
std::optional<SnippetKind> snippet_kind_named(std::string_view name);
// Whether the snippet calls DynamoDB itself rather than the workbench's API.
bool snippet_calls_dynamodb(SnippetKind kind);

struct Snippet {
  std::string text;         // empty when there is none
  std::string unavailable;  // why there is none (echo and ping for the direct kinds)
};

// `event` is the operation event; `connection` gives the URL and headers of
// the HTTP kinds (the direct kinds use the AWS credentials and region of
// whoever runs them).
Snippet make_snippet(SnippetKind kind, const JsonValue& event, const Connection& connection);

// `text` as one POSIX shell word: in single quotes, each ' written as '\''.
std::string shell_quote(std::string_view text);

// `text` as a double-quoted JavaScript string literal (also a valid JSON
// and Python string literal). Invalid UTF-8 becomes U+FFFD.
std::string js_string(std::string_view text);

// curl -X POST 'url' -H 'name: value' ... --data-raw 'body', one option per line.
std::string curl_command(const HttpRequest& request);

// fetch(url, {method, headers, body}) printing the answer's text. The body is
// a string literal, not an object literal, so numbers stay exact.
std::string fetch_call(const HttpRequest& request);

// requests.post(url, headers={...}, data="body".encode("utf-8")), printing the answer's text.
std::string python_requests_call(const HttpRequest& request);

// http --raw 'body' POST 'url' 'Name:value' ... (HTTPie 3).
std::string httpie_command(const HttpRequest& request);

}  // namespace core
