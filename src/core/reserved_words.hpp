// DynamoDB's reserved words: names that cannot appear bare in an expression
// and must be aliased through ExpressionAttributeNames (`SET #n = :v` with
// `#n` -> `number`). The full list of 573 words from the DynamoDB Developer
// Guide ("Reserved words in DynamoDB"), spelled as published (it includes
// FLATTERN, INNTER and LOGED).
#pragma once

#include <span>
#include <string_view>

namespace core {

// True when `name` is a reserved word; DynamoDB compares without case.
bool is_reserved_word(std::string_view name);

// Every reserved word, upper case, sorted.
std::span<const std::string_view> reserved_words();

}  // namespace core
