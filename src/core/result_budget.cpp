#include "core/result_budget.hpp"

#include <charconv>

#include "core/format.hpp"

namespace core {

PageBudget next_page_fits(std::size_t held, std::size_t last_page_bytes, std::size_t budget) {
  const std::size_t needed = held + kPageReadFactor * last_page_bytes;
  if (needed <= budget) return {};
  return {false, "Stopped before the next page: the list already holds " + format_bytes(held) + " of the " +
                     format_bytes(budget) +
                     " this workbench keeps for results, and another page "
                     "would not fit. What is loaded stays usable (sort, filter, copy, save); to see more, narrow "
                     "the list with a FilterExpression or a smaller ProjectionExpression."};
}

std::optional<std::size_t> budget_from_kilobytes(std::string_view text) {
  std::size_t kilobytes = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), kilobytes);
  if (error != std::errc() || end != text.data() + text.size() || kilobytes == 0) return std::nullopt;
  if (kilobytes > kDefaultResultBudgetBytes / 1024) return std::nullopt;
  return kilobytes * 1024;
}

}  // namespace core
