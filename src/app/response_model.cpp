#include "app/response_model.hpp"

namespace app {
namespace {

std::vector<std::size_t> line_starts(const std::string& text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

// The platform probes the URL without CORS after a network failure.
core::Reachability reachability(const core::HttpResponse& response) {
  if (!response.transport_error.starts_with("network")) return core::Reachability::Unknown;
  return response.server_reachable ? core::Reachability::Reachable : core::Reachability::Unreachable;
}

// The body as the JSON tab shows it: pretty JSON, or the text as received.
std::string shown_text(const core::Answer& answer) {
  if (answer.body) return core::to_json_text(*answer.body, 2);
  return answer.text;
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
                                                    .reachability = reachability(response)});
  state.table = core::answer_table(state.answer, core::kDefaultKeyNames);
  state.text = shown_text(state.answer);
  state.line_starts = line_starts(state.text);
  if (state.answer.metadata) state.metadata = core::to_json_text(*state.answer.metadata, 2);
  state.verdict = core::judge_answer(response, settings);
  state.operation = std::move(operation);
  state.url = sent.url;
  state.request_headers = core::masked_headers(sent, settings.connection);
  state.select_tab = state.answer.ok ? ResponseTab::Table : ResponseTab::Error;
  return state;
}

}  // namespace app
