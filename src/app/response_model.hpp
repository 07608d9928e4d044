// Turns an answer into what the response panel shows. The one place that
// reads answers through the core (core::classify_response and
// core::answer_table), so the panel only draws.
#pragma once

#include <optional>
#include <string>

#include "app/state.hpp"

namespace app {

// `page_origin` lets the core tell a blocked http call from an https page.
// A list answer is read into its table one item at a time, after the rows of
// `earlier_pages` (the list's pages shown so far; they are shared, not copied).
ResponseState make_response_state(core::HttpResponse response, const core::HttpRequest& sent,
                                  const core::ConnectionSettings& settings, std::optional<core::Operation> operation,
                                  const std::string& page_origin, core::ResultTable earlier_pages = {});

// Answers larger than this get their JSON tab text when it is first needed.
inline constexpr std::size_t kEagerJsonTextBytes = 1024 * 1024;
// Makes the JSON tab's text (pretty JSON, lines, folds) if it is not made yet.
void ensure_json_text(ResponseState& state);

// A list answer's first page: remembers `event` so further pages can be asked for.
void start_paging(ResponseState& state, const core::JsonValue& event);

// The list event asking for the page after the shown one; empty when there is none.
std::optional<core::JsonValue> next_page_event(const ResponseState& state);

// `page` (the answer to next_page_event, made with `shown`'s table as its
// earlier pages) shown instead of `shown`: one table of every page's items,
// the sort and filter kept. A failed page leaves the table and shows the
// failure in the status line instead.
ResponseState add_page(ResponseState shown, ResponseState page);

// Shows the JSON tab as plain JSON or as DynamoDB JSON (state.json_dynamodb):
// rebuilds its text, lines and folds.
void refresh_json_text(ResponseState& state);

// Folds or unfolds the JSON tab's line `line` (one that opens an object or array).
void toggle_fold(JsonFolds& folds, std::uint32_t line);
// Folds every object and array inside the top-level one, or unfolds all.
void fold_all(JsonFolds& folds, bool folded);

}  // namespace app
