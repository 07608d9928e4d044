// Benchmark (not a test): how long the core takes to turn a big list answer
// into a table. Generates a ~10 MB `list` response (~25,000 items of mixed
// types, 38-digit numbers, sets, nested maps and lists, some attributes
// missing), then times parse, classify (parse included), table build, a sort
// by a number column and a text filter (index build, then one search). Prints
// the median of several runs.
//   bench_core [RUNS]   (default 7; build with the `bench` preset for figures)
// Memory, in a process of its own (the timing runs build JSON trees that
// would leave the wasm heap grown): a list of about MB megabytes read as the
// app reads it, in pages of at most 10 MB (API Gateway's limit), each page
// item by item into one table, only the last page's text kept; prints the
// bytes the table holds and, in wasm, the heap's size per JSON byte.
//   bench_core --memory MB
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "core/response.hpp"
#include "core/result_table.hpp"

namespace {

constexpr std::size_t kTargetBytes = 10 * 1000 * 1000;

// A fixed-seed generator, so every run measures the same document.
class Random {
 public:
  std::uint64_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return state_ >> 33;
  }
  std::string digits(int count) {
    std::string out(1, static_cast<char>('1' + next() % 9));
    while (static_cast<int>(out.size()) < count) out += static_cast<char>('0' + next() % 10);
    return out;
  }
  std::string word() {
    static const char* const kWords[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"};
    return kWords[next() % 8];
  }

 private:
  std::uint64_t state_ = 42;
};

std::string item(Random& random, std::size_t index) {
  std::string out = "{\"id\": \"item-" + std::to_string(index) + "\"";
  out += ", \"balance\": " + random.digits(38);
  out += ", \"price\": " + random.digits(3) + "." + random.digits(2);
  out += ", \"name\": \"" + random.word() + " " + random.word() + " " + random.digits(6) + "\"";
  if (random.next() % 4 != 0) out += std::string(", \"active\": ") + (random.next() % 2 ? "true" : "false");
  if (random.next() % 3 == 0) out += ", \"note\": null";
  out += ", \"tags\": {\"$SS\": [\"" + random.word() + "\", \"" + random.word() + "x\"]}";
  out += ", \"scores\": [" + random.digits(2) + ", " + random.digits(20) + ", -" + random.digits(5) + ".5E-3]";
  out += ", \"address\": {\"street\": \"" + random.word() + " street " + random.digits(3) + "\", \"city\": \"" +
         random.word() + "\", \"zip\": \"" + random.digits(5) + "\", \"geo\": {\"lat\": " + random.digits(2) + "." +
         random.digits(6) + ", \"lng\": -" + random.digits(2) + "." + random.digits(6) + "}}";
  out += ", \"description\": \"";
  for (int i = 0; i < 6; ++i) out += random.word() + (i < 5 ? " " : "\"");
  out += "}";
  return out;
}

std::string list_response(std::size_t& items, Random& random, std::size_t first = 0) {
  std::string body;
  body.reserve(kTargetBytes + 64 * 1024);  // sized once, as the app receives a body
  body = "{\"Items\": [";
  items = first;
  while (body.size() < kTargetBytes) {
    if (items > first) body += ", ";
    body += item(random, items++);
  }
  body += "], \"Count\": " + std::to_string(items) + ", \"ScannedCount\": " + std::to_string(items) +
          ", \"LastEvaluatedKey\": {\"id\": \"item-" + std::to_string(items - 1) +
          "\"}, \"ResponseMetadata\": {\"RequestId\": \"R\", \"HTTPStatusCode\": 200, \"RetryAttempts\": 0}}";
  return body;
}

std::string list_response(std::size_t& items) {
  Random random;
  return list_response(items, random);
}

// The wasm heap's size now (it only grows), or 0 natively.
std::size_t heap_bytes() {
#ifdef __EMSCRIPTEN__
  return __builtin_wasm_memory_size(0) * 65536;
#else
  return 0;
#endif
}

int measure_memory(std::size_t megabytes) {
  const std::size_t heap_before = heap_bytes();
  Random random;
  core::ResultTable table;
  core::HttpResponse page;  // the last page read: the app keeps its text for the JSON tab
  std::size_t json_bytes = 0;
  std::size_t items = 0;
  std::size_t pages = 0;
  while (json_bytes < megabytes * 1000 * 1000) {
    page = {};
    page.status = 200;
    page.body = list_response(items, random, items);
    json_bytes += page.body.size();
    core::ItemsTableBuilder rows(core::kDefaultKeyNames, std::move(table));
    const core::Answer answer = core::classify_response(page, {.operation = core::Operation::List},
                                                        [&](core::JsonValue&& item) { rows.add(item); });
    table = rows.finish();
    ++pages;
    if (answer.kind != core::AnswerKind::Items) return 1;
  }
  const std::size_t heap = heap_bytes();
  std::printf("memory: list of %.1f MB in %zu pages, %zu rows, %zu columns\n", json_bytes / 1e6, pages,
              table.row_count(), table.column_count());
  std::printf("  table holds: %.1f MB (%.2f bytes per JSON byte)\n", table.memory_bytes() / 1e6,
              static_cast<double>(table.memory_bytes()) / static_cast<double>(json_bytes));
  if (heap > 0) {
    std::printf("  wasm heap: %.1f MB (%.2f bytes per JSON byte; %.1f MB before reading)\n", heap / 1e6,
                static_cast<double>(heap) / static_cast<double>(json_bytes), heap_before / 1e6);
  }
  return 0;
}

double median_ms(int runs, const std::function<void()>& work) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 2 && std::string(argv[1]) == "--memory") return measure_memory(std::strtoul(argv[2], nullptr, 10));
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
  std::size_t item_count = 0;
  core::HttpResponse response;
  response.status = 200;
  response.body = list_response(item_count);
  const core::AnswerContext context{.operation = core::Operation::List};

  const core::Answer answer = core::classify_response(response, context);
  const core::ResultTable table = core::answer_table(answer, core::kDefaultKeyNames);
  const auto balance = static_cast<std::size_t>(
      std::find_if(table.columns().begin(), table.columns().end(), [](const auto& c) { return c.name == "balance"; }) -
      table.columns().begin());
  const auto sorted = core::sorted_rows(table, balance, core::SortDirection::Ascending);
  const core::FilterIndex index(table);

  std::printf("list answer: %.1f MB, %zu items, %zu columns, %zu cells (%s)\n", response.body.size() / 1e6, item_count,
              table.column_count(), table.row_count() * table.column_count(),
              std::string(core::answer_kind_name(answer.kind)).c_str());
  std::printf("median of %d runs, milliseconds:\n", runs);
  const double parse = median_ms(runs, [&] { (void)core::parse_json(response.body); });
  const double classify = median_ms(runs, [&] { (void)core::classify_response(response, context); });
  const double build = median_ms(runs, [&] { (void)core::answer_table(answer, core::kDefaultKeyNames); });
  const double streamed = median_ms(runs, [&] {
    core::ItemsTableBuilder rows(core::kDefaultKeyNames);
    (void)core::classify_response(response, context, [&](core::JsonValue&& item) { rows.add(item); });
    (void)rows.finish();
  });
  const double sort = median_ms(runs, [&] { (void)core::sorted_rows(table, balance, core::SortDirection::Ascending); });
  const double index_build = median_ms(runs, [&] { (void)core::FilterIndex(table); });
  const double filter = median_ms(runs, [&] { (void)core::filter_rows(index, sorted, "charlie 12"); });
  std::printf("  %-40s %8.1f\n", "parse (parse_json)", parse);
  std::printf("  %-40s %8.1f\n", "classify (classify_response, parse incl.)", classify);
  std::printf("  %-40s %8.1f\n", "table build (answer_table)", build);
  std::printf("  %-40s %8.1f\n", "classify + table build", classify + build);
  std::printf("  %-40s %8.1f\n", "list read item by item into a table", streamed);
  std::printf("  %-40s %8.1f\n", "sort by a 38-digit number column", sort);
  std::printf("  %-40s %8.1f\n", "filter index build (once per table)", index_build);
  std::printf("  %-40s %8.1f\n", "filter (per keystroke)", filter);
  return 0;
}
