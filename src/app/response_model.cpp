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

}  // namespace

ResponseState make_response_state(const core::HttpResponse& response, const core::HttpRequest& sent,
                                  const core::ConnectionSettings& settings, std::string operation) {
  ResponseState state;
  state.http = response;
  state.view = core::view_response(response);
  state.verdict = core::judge_answer(response, settings);
  state.line_starts = line_starts(state.view.text);
  state.operation = std::move(operation);
  state.url = sent.url;
  state.request_headers = core::masked_headers(sent, settings.connection);
  state.select_tab = state.view.ok ? ResponseTab::Table : ResponseTab::Error;
  return state;
}

}  // namespace app
