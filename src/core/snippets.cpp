#include "core/snippets.hpp"

#include "core/json_value.hpp"

namespace core {

namespace {

// U+2028 and U+2029 end a line in older JavaScript string literals.
constexpr std::string_view kLineSeparator = "\xE2\x80\xA8";
constexpr std::string_view kParagraphSeparator = "\xE2\x80\xA9";

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += '\'';
  return out;
}

std::string js_string(std::string_view text) {
  std::string out = json_string_literal(text);
  replace_all(out, kLineSeparator, "\\u2028");
  replace_all(out, kParagraphSeparator, "\\u2029");
  return out;
}

std::string curl_command(const HttpRequest& request) {
  std::string out = "curl -X " + request.method + " " + shell_quote(request.url);
  for (const auto& [name, value] : request.headers) out += " \\\n  -H " + shell_quote(name + ": " + value);
  if (!request.body.empty()) out += " \\\n  --data-raw " + shell_quote(request.body);
  return out;
}

std::string fetch_call(const HttpRequest& request) {
  std::string out = "fetch(" + js_string(request.url) + ", {\n  method: " + js_string(request.method) + ",\n";
  out += "  headers: {";
  for (std::size_t i = 0; i < request.headers.size(); ++i) {
    out += i ? ",\n    " : "\n    ";
    out += js_string(request.headers[i].first) + ": " + js_string(request.headers[i].second);
  }
  out += request.headers.empty() ? "},\n" : "\n  },\n";
  out += "  body: " + js_string(request.body) + "\n})\n";
  out += "  .then((response) => response.text())\n  .then((text) => console.log(text));\n";
  return out;
}

}  // namespace core
