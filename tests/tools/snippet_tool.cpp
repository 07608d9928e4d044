// snippet_tool: prints the snippet core::make_snippet writes for an event, so
// tests in other languages (backend/tests/test_snippets.py runs the boto3
// snippets against dynalite) check the very code the app copies.
//
//   snippet_tool KIND [ENDPOINT] < event.json
//
// KIND is a snippet name (curl, fetch, python-requests, httpie, aws-cli,
// boto3, js-sdk-v3). Exit status: 0 printed, 1 bad arguments or event,
// 2 no snippet of this kind for the event (the reason on stderr).
#include <iostream>
#include <iterator>
#include <string>

#include "core/json_value.hpp"
#include "core/snippets.hpp"

int main(int argc, char** argv) {
  const auto kind = argc >= 2 ? core::snippet_kind_named(argv[1]) : std::nullopt;
  if (!kind) {
    std::cerr << "usage: snippet_tool KIND [ENDPOINT] < event.json\nKIND:";
    for (const auto k : core::kSnippetKinds) std::cerr << ' ' << core::snippet_name(k);
    std::cerr << '\n';
    return 1;
  }
  const std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  const auto event = core::parse_json(text);
  if (!event) {
    std::cerr << "the event is not JSON: line " << event.error->line << ", column " << event.error->column << ": "
              << event.error->message << '\n';
    return 1;
  }
  core::Connection connection{.endpoint = argc >= 3 ? argv[2] : "http://127.0.0.1:3000/prod/DynamoDBManager"};
  const core::Snippet snippet = core::make_snippet(*kind, *event.value, connection);
  if (snippet.text.empty()) {
    std::cerr << snippet.unavailable << '\n';
    return 2;
  }
  std::cout << snippet.text;
  return 0;
}
