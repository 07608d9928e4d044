// libFuzzer target: classifying an answer and building its table. Input: two
// bytes of status, one byte choosing the operation and transport failure, then
// the body. Any input classifies with a sentence and a hint, never a crash;
// the table's sorts are permutations of its rows, and filtering and copying work.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "core/response.hpp"
#include "core/result_table.hpp"

namespace {

constexpr std::array<std::optional<core::Operation>, 8> kOperations = {std::nullopt,
                                                                       core::Operation::Create,
                                                                       core::Operation::Read,
                                                                       core::Operation::Update,
                                                                       core::Operation::Delete,
                                                                       core::Operation::List,
                                                                       core::Operation::Echo,
                                                                       core::Operation::Ping};
constexpr std::array<core::TransportFailure, 4> kTransportFailures = {
    core::TransportFailure::None, core::TransportFailure::Network, core::TransportFailure::Timeout,
    core::TransportFailure::Cancelled};

bool is_permutation_of_rows(const std::vector<std::uint32_t>& rows, std::size_t count) {
  std::vector<std::uint32_t> sorted = rows;
  std::sort(sorted.begin(), sorted.end());
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (sorted[i] != i) return false;
  }
  return sorted.size() == count;
}

void exercise_table(const core::ResultTable& table, std::string_view needle) {
  const core::FilterIndex index(table);
  if (index.row_count() != table.row_count()) std::abort();
  for (std::size_t column = 0; column < std::min<std::size_t>(table.column_count(), 4); ++column) {
    for (auto direction : {core::SortDirection::Ascending, core::SortDirection::Descending}) {
      const auto rows = core::sorted_rows(table, column, direction);
      if (!is_permutation_of_rows(rows, table.row_count())) std::abort();
      const auto kept = core::filter_rows(index, rows, needle);
      if (kept.size() > rows.size()) std::abort();
      (void)core::copy_rows(table, kept, core::CopyFormat::Json);
      (void)core::copy_rows(table, kept, core::CopyFormat::Tsv);
    }
  }
  for (std::size_t row = 0; row < std::min<std::size_t>(table.row_count(), 8); ++row) {
    for (std::size_t column = 0; column < table.column_count(); ++column) {
      const core::Cell& cell = table.cell(row, column);
      if (cell.expandable() && core::cell_children(cell).empty()) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  core::HttpResponse response;
  response.status = (data[0] << 8 | data[1]) % 600;
  const std::uint8_t choice = data[2];
  const core::TransportFailure failure = kTransportFailures[(choice >> 3) % kTransportFailures.size()];
  response.transport_error = {failure, failure == core::TransportFailure::Network ? "Failed to fetch" : ""};
  response.body.assign(reinterpret_cast<const char*>(data + 3), size - 3);
  response.headers = {{"x-amzn-ErrorType", choice & 0x80 ? "ForbiddenException" : ""}};

  const core::AnswerContext context{.operation = kOperations[choice % kOperations.size()],
                                    .url = choice & 0x40 ? "https://example.org/prod/DynamoDBManager" : "",
                                    .page_origin = "https://workbench.example.org"};
  const core::Answer answer = core::classify_response(response, context);
  if (answer.summary.empty() || answer.hint.empty() || !answer.body) std::abort();
  const core::ResultTable table = core::answer_table(answer, core::kDefaultKeyNames);
  exercise_table(table, std::string_view(response.body).substr(0, 2));
  // A list read item by item classifies the same and gives the same rows.
  core::ItemsTableBuilder rows(core::kDefaultKeyNames);
  const core::Answer streamed =
      core::classify_response(response, context, [&](core::JsonValue&& item) { rows.add(item); });
  if (streamed.kind != answer.kind || streamed.summary != answer.summary) std::abort();
  if (context.operation == core::Operation::List && streamed.kind == core::AnswerKind::Items) {
    const core::ResultTable streamed_table = rows.finish();
    if (streamed_table.row_count() != table.row_count() || streamed_table.column_count() != table.column_count())
      std::abort();
    exercise_table(streamed_table, std::string_view(response.body).substr(0, 2));
  }
  return 0;
}
