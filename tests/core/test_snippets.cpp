#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/json_value.hpp"
#include "core/request.hpp"
#include "core/snippets.hpp"
#include "fixtures.hpp"

namespace {

// Text a request may hold that is hard to quote.
const std::vector<std::string> kAwkwardTexts = {"",
                                                "plain",
                                                "it's",
                                                "'",
                                                "''",
                                                "a'b'c",
                                                "line\nbreak",
                                                "tab\there",
                                                "$HOME `id` $(id) \\ \" ! * ? ~ # ; & |",
                                                "ünïcödé ✓",
                                                "\xE2\x80\xA8 and \xE2\x80\xA9",
                                                "\r\n",
                                                "ends with backslash\\",
                                                "-starts-with-dash"};

// Runs `program` with `interpreter` (sh or node) and returns what it printed.
std::string run(const std::string& interpreter, const std::string& program) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("crud_workbench_snippet_" + std::to_string(::getpid()) + (interpreter == "sh" ? ".sh" : ".js"));
  std::ofstream(path, std::ios::binary) << program;
  std::string output;
  if (FILE* pipe = ::popen((interpreter + " " + path.string()).c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    CHECK(::pclose(pipe) == 0);
  }
  std::filesystem::remove(path);
  return output;
}

// The arguments a POSIX shell passes for a command line, NUL-separated.
std::vector<std::string> shell_arguments(const std::string& command_line) {
  const std::string output = run("sh", "curl() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }\n" + command_line);
  std::vector<std::string> arguments;
  std::size_t start = 0;
  for (std::size_t end; (end = output.find('\0', start)) != std::string::npos; start = end + 1)
    arguments.push_back(output.substr(start, end - start));
  return arguments;
}

core::HttpRequest sample_request(const std::string& awkward) {
  core::JsonValue event = core::JsonValue::make_object(
      {{"operation", core::JsonValue::string("create")},
       {"payload", core::JsonValue::make_object(
                       {{"Item", core::JsonValue::make_object(
                                     {{"id", core::JsonValue::string(awkward)},
                                      {"n", core::JsonValue::number("12345678901234567890123456789012345678")}})}})}});
  return core::build_http_request(event, {.endpoint = "http://127.0.0.1:3000/prod/DynamoDBManager?q='x'",
                                          .api_key = "key'1",
                                          .headers = {{"X-Note", awkward}}});
}

}  // namespace

TEST_CASE("shell quoting gives the shell back exactly the text") {
  for (const auto& text : kAwkwardTexts) {
    CAPTURE(text);
    CHECK(run("sh", "printf '%s' " + core::shell_quote(text)) == text);
  }
}

TEST_CASE("a curl command passes the request's exact bytes as its arguments") {
  for (const auto& text : kAwkwardTexts) {
    CAPTURE(text);
    const auto request = sample_request(text);
    std::vector<std::string> expected = {"-X", "POST", request.url};
    for (const auto& [name, value] : request.headers) {
      expected.push_back("-H");
      expected.push_back(name + ": " + value);
    }
    expected.push_back("--data-raw");
    expected.push_back(request.body);
    CHECK(shell_arguments(core::curl_command(request)) == expected);
  }
}

TEST_CASE("JavaScript string literals read back as the text") {
  for (const auto& text : kAwkwardTexts) {
    CAPTURE(text);
    const std::string literal = core::js_string(text);
    CHECK(literal.find('\n') == std::string::npos);
    CHECK(literal.find("\xE2\x80\xA8") == std::string::npos);
    CHECK(fixtures::parse(literal).text == text);
  }
  CHECK(core::js_string("\xE2\x80\xA8") == "\"\\u2028\"");
  CHECK(core::js_string("a\xff") == "\"a\xEF\xBF\xBD\"");
}

TEST_CASE("a fetch call sends the request's exact url, headers and body") {
  // A stand-in fetch prints what the call passes it.
  const std::string stub =
      "globalThis.fetch = (url, init) => {\n"
      "  process.stdout.write(JSON.stringify([url, init.method, Object.entries(init.headers), init.body]));\n"
      "  return { then() { return this; } };\n"
      "};\n";
  for (const auto& text : kAwkwardTexts) {
    CAPTURE(text);
    const auto request = sample_request(text);
    const auto printed = fixtures::parse(run("node", stub + core::fetch_call(request)));
    const auto& call = printed.array;
    REQUIRE(call.size() == 4);
    CHECK(call[0].text == request.url);
    CHECK(call[1].text == "POST");
    core::HeaderList headers;
    for (const auto& pair : call[2].array) headers.emplace_back(pair.array.at(0).text, pair.array.at(1).text);
    CHECK(headers == request.headers);
    CHECK(call[3].text == request.body);
  }
}

TEST_CASE("the fetch call prints the answer as text, so numbers stay exact") {
  const auto call = core::fetch_call(sample_request("a"));
  CHECK(call.find("response.text()") != std::string::npos);
  CHECK(call.find("12345678901234567890123456789012345678") != std::string::npos);
}
