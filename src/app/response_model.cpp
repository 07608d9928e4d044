#include "app/response_model.hpp"

#include "app/table_view.hpp"
#include "core/dynamodb_json.hpp"

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
// form), or the text as received when it is not JSON.
std::string shown_text(const core::Answer& answer, bool dynamodb_json) {
  if (!answer.body) return answer.text;
  return core::to_json_text(dynamodb_json ? core::answer_to_dynamodb_json(*answer.body) : *answer.body, 2);
}

}  // namespace

ResponseState make_response_state(const core::HttpResponse& response, const core::HttpRequest& sent,
                                  const core::ConnectionSettings& settings, std::string operation,
                                  const std::string& page_origin) {
  ResponseState state;
  state.http = response;
  state.answer = core::classify_response(response, {.operation = operation,
                                                    .url = sent.url,
                                                    .page_origin = page_origin,
                                                    .reachability = core::probe_reachability(response)});
  static int answers = 0;
  state.view.id = ++answers;
  show_table(state, core::answer_table(state.answer, core::kDefaultKeyNames));
  refresh_json_text(state);
  if (state.answer.metadata) state.metadata = core::to_json_text(*state.answer.metadata, 2);
  state.verdict = core::judge_answer(response, settings);
  state.operation = std::move(operation);
  state.url = sent.url;
  state.request_headers = core::masked_headers(sent, settings.connection);
  state.select_tab = state.answer.ok ? ResponseTab::Table : ResponseTab::Error;
  return state;
}

void start_paging(ResponseState& state, const core::JsonValue& event) {
  if (state.answer.kind != core::AnswerKind::Items || !state.answer.body) return;
  const core::JsonValue* items = state.answer.body->find("Items");
  if (!items || !items->is_array()) return;
  state.paging = ListPaging{.event = event, .items = std::shared_ptr<const core::JsonValue>(state.answer.body, items)};
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
  const core::JsonValue* items = page.answer.body ? page.answer.body->find("Items") : nullptr;
  if (!shown.paging || page.answer.kind != core::AnswerKind::Items || !items || !items->is_array()) {
    // Keep every page read so far; say what went wrong with this one.
    if (shown.paging) shown.paging->load_all = false;
    shown.http = page.http;
    shown.answer.ok = page.answer.ok;
    shown.answer.summary = "Page " + std::to_string(shown.paging ? shown.paging->pages + 1 : 1) +
                           " failed: " + page.answer.summary;
    shown.answer.hint = page.answer.hint;
    return shown;
  }
  auto all = std::make_shared<core::JsonValue>(*shown.paging->items);
  all->array.insert(all->array.end(), items->array.begin(), items->array.end());
  ListPaging paging = std::move(*shown.paging);
  paging.items = all;
  ++paging.pages;
  page.paging = std::move(paging);
  page.view = std::move(shown.view);
  page.select_tab.reset();
  page.shown_tab = shown.shown_tab;
  if (shown.json_dynamodb) {
    page.json_dynamodb = true;
    refresh_json_text(page);
  }
  show_table(page, core::items_table(all, core::kDefaultKeyNames));
  return page;
}

void refresh_json_text(ResponseState& state) {
  state.text = shown_text(state.answer, state.json_dynamodb);
  state.line_starts = line_starts(state.text);
  state.folds.end = state.answer.body ? fold_ends(state.text, state.line_starts)
                                      : std::vector<std::uint32_t>(state.line_starts.size(), 0);
  state.folds.folded.assign(state.line_starts.size(), 0);
  refresh_visible(state.folds);
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
