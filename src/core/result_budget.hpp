// The memory budget for results: how much a list read page by page (Next
// page, Load all) may hold, and whether one more page fits. The app's wasm
// memory has a fixed maximum (cmake/web_app.cmake); the budget keeps the
// table well below it, so that reading, sorting and filtering a big list
// never runs the tab out of memory: loading stops first, and says why.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace core {

// What the table of one list may hold by default (the wasm maximum is 2 GiB:
// the rest is for the page being read, the filter index, the JSON tab and
// everything else).
inline constexpr std::size_t kDefaultResultBudgetBytes = std::size_t{768} * 1024 * 1024;

// Reading a page holds its JSON text twice for a moment (as received and as
// kept for the JSON tab) and adds its rows to the table (about as much again).
inline constexpr std::size_t kPageReadFactor = 3;

struct PageBudget {
  bool fits = true;
  std::string why;  // when it does not: one sentence a person can act on
};

// Whether another page of about `last_page_bytes` of JSON fits beside a table
// holding `held` bytes within `budget` bytes.
PageBudget next_page_fits(std::size_t held, std::size_t last_page_bytes, std::size_t budget);

// A budget in whole kilobytes (KiB) as text, e.g. from the page's address;
// nullopt for anything else (no number, zero, or beyond the default).
std::optional<std::size_t> budget_from_kilobytes(std::string_view text);

}  // namespace core
