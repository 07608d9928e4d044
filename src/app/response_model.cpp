#include "app/response_model.hpp"

#include "app/table_view.hpp"
#include "core/dynamodb_json.hpp"

#include <functional>

namespace app {
namespace {

std::vector<std::size_t> line_starts(const std::string& text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

// Pretty JSON puts an opening brace or bracket last on its line and a closing
// one first on its line (strings are quoted, so neither is ever a value's end).
std::vector<std::uint32_t> fold_ends(const std::string& text, const std::vector<std::size_t>& starts) {
  std::vector<std::uint32_t> ends(starts.size(), 0);
  std::vector<std::uint32_t> open;
  for (std::uint32_t line = 0; line < starts.size(); ++line) {
    const std::size_t begin = starts[line];
    const std::size_t end = line + 1 < starts.size() ? starts[line + 1] - 1 : text.size();
    const std::size_t first = text.find_first_not_of(' ', begin);
    if (first < end && (text[first] == '}' || text[first] == ']') && !open.empty()) {
      ends[open.back()] = line;
      open.pop_back();
    }
    if (end > begin && (text[end - 1] == '{' || text[end - 1] == '[')) open.push_back(line);
  }
  return ends;
}

void refresh_visible(JsonFolds& folds) {
  folds.visible.clear();
  for (std::uint32_t line = 0; line < folds.end.size(); ++line) {
    folds.visible.push_back(line);
    if (folds.folded[line]) line = folds.end[line];  // the closing bracket is drawn on the folded line
  }
}

// The body as the JSON tab shows it: pretty JSON (plain or DynamoDB's typed
// form, without ResponseMetadata), or the text as received when it is not JSON.
// A list read item by item has no tree of its items: its plain text is
// re-indented as received, and its DynamoDB form is read from that text.
std::string shown_text(const ResponseState& state) {
  const core::Answer& answer = state.answer;
  if (!answer.body) return answer.text;
  const bool streamed =
      answer.kind == core::AnswerKind::Items && answer.item_count > 0 && answer.body->find("Items")->array.empty();
  if (streamed && !state.json_dynamodb) return core::reindent_json_text(state.http.body, 2, "ResponseMetadata");
  if (!state.json_dynamodb) return core::to_json_text(*answer.body, 2);
  if (!streamed) return core::to_json_text(core::answer_to_dynamodb_json(*answer.body), 2);
  core::JsonParseResult whole = core::parse_json(state.http.body);
  if (!whole.value) return core::reindent_json_text(state.http.body, 2, "ResponseMetadata");
  whole.value->erase("ResponseMetadata");
  return core::to_json_text(core::answer_to_dynamodb_json(*whole.value), 2);
}

}  // namespace

void ensure_json_text(ResponseState& state) {
  if (!state.json_pending) return;
  state.json_pending = false;
  state.text = shown_text(state);
  state.line_starts = line_starts(state.text);
  state.folds.end = state.answer.body ? fold_ends(state.text, state.line_starts)
                                      : std::vector<std::uint32_t>(state.line_starts.size(), 0);
  state.folds.folded.assign(state.line_starts.size(), 0);
  refresh_visible(state.folds);
}

void refresh_json_text(ResponseState& state) {
  state.json_pending = true;
  ensure_json_text(state);
}

ResponseState make_response_state(core::HttpResponse response, const core::HttpRequest& sent,
                                  const core::ConnectionSettings& settings, std::optional<core::Operation> operation,
                                  const std::string& page_origin, core::ResultTable earlier_pages) {
  ResponseState state;
  state.http = std::move(response);
  std::optional<core::ItemsTableBuilder> rows;
  if (operation == core::Operation::List) rows.emplace(core::kDefaultKeyNames, std::move(earlier_pages));
  const std::function<void(core::JsonValue &&)> add_row = [&](core::JsonValue&& item) { rows->add(item); };
  state.answer = core::classify_response(state.http,
                                         {.operation = operation,
                                          .url = sent.url,
                                          .page_origin = page_origin,
                                          .reachability = core::probe_reachability(state.http)},
                                         rows ? add_row : nullptr);
  static int answers = 0;
  state.view.id = ++answers;
  const bool streamed = rows && state.answer.kind == core::AnswerKind::Items;
  show_table(state, streamed ? rows->finish() : core::answer_table(state.answer, core::kDefaultKeyNames));
  rows.reset();
  state.json_pending = true;
  if (state.http.body.size() <= kEagerJsonTextBytes) ensure_json_text(state);
  if (state.answer.metadata) state.metadata = core::to_json_text(*state.answer.metadata, 2);
  state.verdict = core::judge_answer(state.http, settings);
  state.operation = operation ? std::string(core::operation_name(*operation)) : std::string();
  state.url = sent.url;
  state.request_headers = core::masked_headers(sent, settings.connection);
  state.select_tab = state.answer.ok ? ResponseTab::Table : ResponseTab::Error;
  return state;
}

void start_paging(ResponseState& state, const core::JsonValue& event) {
  if (state.answer.kind != core::AnswerKind::Items || !state.answer.body) return;
  state.paging = ListPaging{.event = event};
}

std::optional<core::JsonValue> next_page_event(const ResponseState& state) {
  if (!state.paging || !state.answer.last_evaluated_key) return std::nullopt;
  core::JsonValue event = state.paging->event;
  core::JsonValue* payload = event.find("payload");
  if (!payload || !payload->is_object()) payload = &event.set("payload", core::JsonValue::make_object());
  payload->set("ExclusiveStartKey", *state.answer.last_evaluated_key);
  return event;
}

ResponseState add_page(ResponseState shown, ResponseState page) {
  if (!shown.paging || page.answer.kind != core::AnswerKind::Items) {
    // Keep every page read so far; say what went wrong with this one.
    if (shown.paging) shown.paging->load_all = false;
    shown.http = page.http;
    shown.answer.ok = page.answer.ok;
    shown.answer.summary =
        "Page " + std::to_string(shown.paging ? shown.paging->pages + 1 : 1) + " failed: " + page.answer.summary;
    shown.answer.hint = page.answer.hint;
    return shown;
  }
  ListPaging paging = std::move(*shown.paging);
  ++paging.pages;
  page.paging = std::move(paging);
  core::ResultTable all = std::move(page.table);  // the earlier pages' rows, then this page's
  page.view = std::move(shown.view);
  page.select_tab.reset();
  page.shown_tab = shown.shown_tab;
  if (shown.json_dynamodb) {
    page.json_dynamodb = true;
    page.json_pending = true;
  }
  if (page.shown_tab == ResponseTab::Json) ensure_json_text(page);
  show_table(page, std::move(all));
  return page;
}

void toggle_fold(JsonFolds& folds, std::uint32_t line) {
  if (line >= folds.end.size() || folds.end[line] == 0) return;
  folds.folded[line] = !folds.folded[line];
  refresh_visible(folds);
}

void fold_all(JsonFolds& folds, bool folded) {
  for (std::uint32_t line = 1; line < folds.end.size(); ++line) folds.folded[line] = folded && folds.end[line] != 0;
  refresh_visible(folds);
}

}  // namespace app
