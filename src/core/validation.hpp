// Checks before sending: everything DynamoDB, boto3 or the Lambda would
// refuse in an event, found before the request leaves the browser, each as a
// Diagnostic on the field at fault ("payload.Item.number", "tableName", ...).
// Nothing here throws, whatever the input; a request with an Error
// diagnostic should not be sent.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/diagnostic.hpp"
#include "core/expression.hpp"
#include "core/json_value.hpp"
#include "core/request.hpp"

namespace core {

// DynamoDB's item size limit: 400 KB, names and values counted.
inline constexpr std::size_t kMaxItemBytes = 400 * 1024;

// Everything wrong with an event: its shape, the operation and tableName,
// payload members the operation does not take (boto3 parameters the form has
// no field for are only warned about: the Lambda passes them on), keys, items
// (values, size), numbers, options, and its expressions (check_expressions).
Diagnostics validate_event(const JsonValue& event);

// The same for text typed in a raw editor; invalid JSON gives one error with
// its line, column and byte position.
Diagnostics validate_event_text(std::string_view text);

// The event a form builds, with every diagnostic of the conversion and of
// validate_event: what the UI shows before it lets a request go.
EventBuild check_form(const RequestForm& form);

// 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'.
Diagnostics validate_table_name(std::string_view name);

// Bytes DynamoDB counts for an item (an object of attribute names and values):
// each name's UTF-8 length plus its value's size (see attribute_size).
std::size_t item_size(const JsonValue& item);

// The endpoint is an http(s) URL; header names are HTTP tokens a browser lets
// a page set, values have no line breaks.
Diagnostics validate_connection(const Connection& connection);

// The expressions, placeholders and key of an event's payload, for
// check_expressions and the fixes built on its report.
ExpressionContext expression_context(const JsonValue& event);

}  // namespace core
