// "Copy as": a request as a curl command for a POSIX shell and as a
// JavaScript fetch call. Both send exactly the bytes the app sends, whatever
// the request holds (quotes, newlines, non-ASCII text, 38-digit numbers).
#pragma once

#include <string>
#include <string_view>

#include "core/http.hpp"

namespace core {

// `text` as one POSIX shell word: in single quotes, each ' written as '\''.
std::string shell_quote(std::string_view text);

// `text` as a double-quoted JavaScript string literal (also a valid JSON
// string). Invalid UTF-8 becomes U+FFFD.
std::string js_string(std::string_view text);

// curl -X POST 'url' -H 'name: value' ... --data-raw 'body', one option per line.
std::string curl_command(const HttpRequest& request);

// fetch(url, {method, headers, body}) printing the answer's text. The body is
// a string literal, not an object literal, so numbers stay exact.
std::string fetch_call(const HttpRequest& request);

}  // namespace core
