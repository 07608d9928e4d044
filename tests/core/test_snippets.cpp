#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/dynamodb_json.hpp"
#include "core/json_value.hpp"
#include "core/request.hpp"
#include "core/snippets.hpp"
#include "fixtures.hpp"
#include "hostile.hpp"

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

// Runs a shell command line and returns what it printed; checks it succeeded.
std::string run_command(const std::string& command) {
  std::string output;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    const int status = ::pclose(pipe);
    CHECK_MESSAGE(status == 0, command << " failed: " << output);
  }
  return output;
}

// A fresh folder for one test's files, removed with it.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("crud_workbench_" + name + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

// Runs `program` with `interpreter` (sh or node) and returns what it printed.
std::string run(const std::string& interpreter, const std::string& program) {
  const TempDir dir("run");
  const auto path = dir.write(interpreter == "sh" ? "program.sh" : "program.js", program);
  return run_command(interpreter + " " + path);
}

// Splits NUL-terminated output.
std::vector<std::string> nul_separated(const std::string& output) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t end; (end = output.find('\0', start)) != std::string::npos; start = end + 1)
    parts.push_back(output.substr(start, end - start));
  return parts;
}

// The arguments a POSIX shell passes for a command line, NUL-separated.
std::vector<std::string> shell_arguments(const std::string& command_line) {
  const std::string output = run("sh",
                                 "curl() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }\n"
                                 "http() { curl \"$@\"; }\naws() { curl \"$@\"; }\n" +
                                     command_line);
  return nul_separated(output);
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

namespace {

// Every event the snippet checks use: the seed's, the tutorial's, and events
// full of hostile values (hostile.hpp) for each operation.
std::vector<std::pair<std::string, core::JsonValue>> snippet_events() {
  std::vector<std::pair<std::string, core::JsonValue>> events;
  for (const auto& name : fixtures::kSeedBodies) events.emplace_back(name, fixtures::json(name));
  for (const auto& name : fixtures::kTutorialEvents) events.emplace_back(name, fixtures::json(name));
  const std::string item(hostile::kItem);
  const std::string key = R"J({"id": "it's \"quoted\", with a comma\nand a line, ünïcödé ✓ مرحبا 日本"})J";
  events.emplace_back("hostile create",
                      fixtures::parse(R"J({"operation": "create", "tableName": "t'1", "payload": {"Item": )J" + item +
                                      R"J(, "ConditionExpression": "attribute_not_exists(#k)",
                                                        "ExpressionAttributeNames": {"#k": "id"}}})J"));
  events.emplace_back("hostile read",
                      fixtures::parse(R"J({"operation": "read", "payload": {"Key": )J" + key +
                                      R"J(, "ConsistentRead": true, "ProjectionExpression": "big, nums"}})J"));
  events.emplace_back(
      "hostile update",
      fixtures::parse(R"J({"operation": "update", "payload": {"Key": )J" + key +
                      R"J(, "UpdateExpression": "SET #n = :n, tags = :t, nested.m.l[0] = :b ADD nums :ns",
          "ExpressionAttributeNames": {"#n": "name'\"x"},
          "ExpressionAttributeValues": {":n": "new\nname ✓", ":t": {"$SS": ["x", "y'z"]}, ":b": 99999999999999999999999999999999999999,
                                        ":ns": {"$NS": [12345678901234567890123456789012345678]}},
          "ReturnValues": "ALL_NEW"}})J"));
  events.emplace_back("hostile delete", fixtures::parse(R"J({"operation": "delete", "payload": {"Key": )J" + key +
                                                        R"J(, "ReturnValues": "ALL_OLD"}})J"));
  events.emplace_back(
      "hostile list",
      fixtures::parse(
          R"J({"operation": "list", "payload": {"Limit": 25, "FilterExpression": "big > :b and contains(tags, :s)",
          "ExpressionAttributeValues": {":b": 1.5, ":s": "a,b"}, "ExclusiveStartKey": {"id": "k'ey"}, "ConsistentRead": false}})J"));
  events.emplace_back("list without payload", fixtures::parse(R"J({"operation": "list"})J"));
  events.emplace_back("a payload field that is no identifier",
                      fixtures::parse(R"J({"operation": "list", "payload": {"Odd-Name ✓": 1, "__proto__": {}}})J"));
  events.emplace_back("ping", fixtures::parse(R"J({"operation": "ping"})J"));
  return events;
}

const core::Connection kConnection{.endpoint = "http://127.0.0.1:3000/prod/DynamoDBManager?q='x'",
                                   .api_key = "key'1 ✓",
                                   .headers = {{"X-Note", "line\nbreak 'q' \"dq\" =@:"}, {"X-Empty", ""}}};

std::string operation_of(const core::JsonValue& event) {
  const core::JsonValue* operation = event.find("operation");
  return operation ? operation->text : "";
}

}  // namespace

TEST_CASE("snippet kinds have labels and stable names") {
  for (const auto kind : core::kSnippetKinds) {
    CHECK_FALSE(core::snippet_label(kind).empty());
    CHECK(core::snippet_kind_named(core::snippet_name(kind)) == kind);
  }
  CHECK_FALSE(core::snippet_kind_named("cobol"));
  CHECK(core::snippet_calls_dynamodb(core::SnippetKind::Boto3));
  CHECK_FALSE(core::snippet_calls_dynamodb(core::SnippetKind::Httpie));
}

TEST_CASE("echo and ping have no DynamoDB snippet, and say why") {
  for (const auto kind : {core::SnippetKind::AwsCli, core::SnippetKind::Boto3, core::SnippetKind::JsSdkV3}) {
    const auto snippet = core::make_snippet(kind, fixtures::parse(R"({"operation": "ping"})"), kConnection);
    CHECK(snippet.text.empty());
    CHECK(snippet.unavailable.find("\"ping\" is answered by the Lambda itself") != std::string::npos);
  }
  CHECK_FALSE(core::make_snippet(core::SnippetKind::Curl, fixtures::parse(R"({"operation": "ping"})"), kConnection)
                  .text.empty());
}

TEST_CASE("the boto3 snippet writes numbers as Decimal, sets as sets and binary as bytes") {
  const auto snippet = core::make_snippet(core::SnippetKind::Boto3, snippet_events()[13].second, kConnection);
  REQUIRE(snippet_events()[13].first == "hostile create");
  const std::string& text = snippet.text;
  CHECK(text.find("table = boto3.resource(\"dynamodb\").Table(\"t'1\")") != std::string::npos);
  CHECK(text.find("response = table.put_item(") != std::string::npos);
  CHECK(text.find("\"big\": Decimal(\"12345678901234567890123456789012345678\")") != std::string::npos);
  CHECK(text.find("\"tags\": {\"a,b\", \"c\\\"d\", \"e'f\\ng\"}") != std::string::npos);
  CHECK(text.find("\"bin\": b64decode(\"AAEC/w==\")") != std::string::npos);
  CHECK(text.find("\"nothing\": None") != std::string::npos);
  CHECK(text.find("\"flag\": False") != std::string::npos);
  CHECK(text.find("from decimal import Decimal") != std::string::npos);
  // Not attribute values: plain Python.
  const auto list = core::make_snippet(
      core::SnippetKind::Boto3, fixtures::parse(R"({"operation": "list", "payload": {"Limit": 25}})"), kConnection);
  CHECK(list.text.find("Limit=25,") != std::string::npos);
  CHECK(list.text.find("Decimal") == std::string::npos);
  CHECK(list.text.find("Table(\"lambda-apigateway\")") != std::string::npos);  // the Lambda's default table
}

TEST_CASE("the JS SDK snippet keeps numbers beyond a double exact with NumberValue") {
  const auto snippet = core::make_snippet(core::SnippetKind::JsSdkV3, snippet_events()[13].second, kConnection);
  const std::string& text = snippet.text;
  CHECK(text.find("new PutCommand({") != std::string::npos);
  CHECK(text.find("\"big\": NumberValue.from(\"12345678901234567890123456789012345678\")") != std::string::npos);
  CHECK(text.find("\"tags\": new Set([\"a,b\", \"c\\\"d\", \"e'f\\ng\"])") != std::string::npos);
  CHECK(text.find("\"nums\": new Set([1, NumberValue.from(\"99999999999999999999999999999999999999\"), 0.5])") !=
        std::string::npos);
  CHECK(text.find("\"bin\": Buffer.from(\"AAEC/w==\", \"base64\")") != std::string::npos);
  CHECK(text.find("import { DynamoDBDocumentClient, NumberValue, PutCommand } from \"@aws-sdk/lib-dynamodb\";") !=
        std::string::npos);
  CHECK(text.find("wrapNumbers: true") != std::string::npos);
  const auto proto = core::make_snippet(
      core::SnippetKind::JsSdkV3,
      fixtures::parse(R"({"operation": "create", "payload": {"Item": {"id": "a", "__proto__": 1}}})"), kConnection);
  CHECK(proto.text.find("[\"__proto__\"]: 1") != std::string::npos);
}

TEST_CASE("every snippet of every kind parses in its language, for the seed's events and hostile ones") {
  const TempDir dir("snippets");
  std::vector<std::string> python_files;
  std::string cli_script = "curl() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }\naws() { curl \"$@\"; }\n";
  std::vector<const core::JsonValue*> cli_events;
  const auto events = snippet_events();
  for (std::size_t e = 0; e < events.size(); ++e) {
    const std::string& name = events[e].first;  // not a structured binding: CAPTURE's lambda takes it
    const core::JsonValue& event = events[e].second;
    for (const auto kind : core::kSnippetKinds) {
      CAPTURE(name);
      CAPTURE(core::snippet_name(kind));
      const core::Snippet snippet = core::make_snippet(kind, event, kConnection);
      const std::string operation = operation_of(event);
      if (core::snippet_calls_dynamodb(kind) && (operation == "echo" || operation == "ping")) {
        CHECK(snippet.text.empty());
        continue;
      }
      REQUIRE_MESSAGE(!snippet.text.empty(), snippet.unavailable);
      const std::string stem = std::to_string(e) + "_" + std::string(core::snippet_name(kind));
      switch (kind) {
        case core::SnippetKind::PythonRequests:
        case core::SnippetKind::Boto3: python_files.push_back(dir.write(stem + ".py", snippet.text)); break;
        case core::SnippetKind::Fetch:
          run_command("node --check " + dir.write(stem + ".js", snippet.text) + " 2>&1");
          break;
        case core::SnippetKind::JsSdkV3:
          run_command("node --check " + dir.write(stem + ".mjs", snippet.text) + " 2>&1");
          break;
        case core::SnippetKind::AwsCli:
          cli_script += snippet.text + "printf 'END\\0'\n";
          cli_events.push_back(&event);
          break;
        case core::SnippetKind::Curl:
        case core::SnippetKind::Httpie: break;  // their arguments are checked exactly below
      }
    }
  }
  std::string compile = "python3 -m py_compile";
  for (const auto& file : python_files) compile += " " + file;
  run_command(compile + " 2>&1");

  // The AWS CLI's arguments: every JSON one parses, and the DynamoDB JSON reads back as the payload's values.
  const auto arguments = nul_separated(run("sh", cli_script));
  std::size_t command = 0;
  std::vector<std::string> current;
  for (const auto& argument : arguments) {
    if (argument != "END") {
      current.push_back(argument);
      continue;
    }
    REQUIRE(command < cli_events.size());
    const core::JsonValue& event = *cli_events[command++];
    const core::JsonValue* payload = event.find("payload");
    CAPTURE(core::to_json_text(event));
    REQUIRE(current.size() >= 4);
    CHECK(current[0] == "dynamodb");
    CHECK(current[2] == "--table-name");
    const core::JsonValue* table = event.find("tableName");
    CHECK(current[3] == (table ? table->text : "lambda-apigateway"));
    std::size_t options = 0;
    for (std::size_t i = 4; i < current.size(); ++i) {
      const std::string& option = current[i];
      REQUIRE(option.starts_with("--"));
      ++options;
      if (option == "--consistent-read" || option == "--no-consistent-read") continue;
      REQUIRE(i + 1 < current.size());
      const std::string& value = current[++i];
      for (const char* map_option : {"--item", "--key", "--expression-attribute-values", "--exclusive-start-key"}) {
        if (option != map_option) continue;
        const auto parsed = core::parse_json(value);
        REQUIRE_MESSAGE(parsed, option << " is not JSON: " << value);
        const auto plain = core::item_from_dynamodb_json(*parsed.value);
        REQUIRE_MESSAGE(plain.plain, plain.error);
        const char* field = option == std::string("--item")                  ? "Item"
                            : option == std::string("--key")                 ? "Key"
                            : option == std::string("--exclusive-start-key") ? "ExclusiveStartKey"
                                                                             : "ExpressionAttributeValues";
        CHECK(*plain.plain == *payload->find(field));
      }
      if (option == "--expression-attribute-names")
        CHECK(fixtures::parse(value) == *payload->find("ExpressionAttributeNames"));
      if (option == "--update-expression") CHECK(value == payload->find("UpdateExpression")->text);
      if (option == "--limit") CHECK(value == payload->find("Limit")->text);
    }
    CHECK(options == (payload ? payload->object.size() : 0));
    current.clear();
  }
  CHECK(command == cli_events.size());
}

TEST_CASE("a Python requests call sends the request's exact url, headers and body") {
  const TempDir dir("requests");
  // A stand-in requests module prints what the call passes it.
  dir.write("requests.py",
            "import json, sys\n"
            "class Response:\n    text = ''\n"
            "def request(method, url, headers, data):\n"
            "    sys.stdout.write(json.dumps([method, url, list(headers.items()), data.decode('utf-8')]))\n"
            "    return Response()\n");
  for (const auto& text : kAwkwardTexts) {
    CAPTURE(text);
    const auto request = sample_request(text);
    const auto program = dir.write("call.py", core::python_requests_call(request));
    const auto printed = fixtures::parse(run_command("PYTHONPATH=" + dir.path.string() + " python3 " + program));
    REQUIRE(printed.array.size() == 4);
    CHECK(printed.array[0].text == "POST");
    CHECK(printed.array[1].text == request.url);
    core::HeaderList headers;
    for (const auto& pair : printed.array[2].array) headers.emplace_back(pair.array.at(0).text, pair.array.at(1).text);
    CHECK(headers == request.headers);
    CHECK(printed.array[3].text == request.body);
  }
}

TEST_CASE("an HTTPie command passes the request's exact bytes as its arguments") {
  for (const auto& text : kAwkwardTexts) {
    CAPTURE(text);
    auto request = sample_request(text);
    request.headers.emplace_back("X-Empty", "");
    std::vector<std::string> expected = {"--raw", request.body, "POST", request.url};
    for (const auto& [name, value] : request.headers)
      expected.push_back(value.empty() ? name + ";" : name + ":" + value);
    CHECK(shell_arguments(core::httpie_command(request)) == expected);
  }
}
