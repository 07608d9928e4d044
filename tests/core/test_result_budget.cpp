#include <doctest/doctest.h>

#include "core/result_budget.hpp"

TEST_CASE("another page fits while the table and the page being read stay within the budget") {
  constexpr std::size_t kMiB = 1024 * 1024;
  CHECK(core::next_page_fits(10 * kMiB, kMiB, 16 * kMiB).fits);
  const auto full = core::next_page_fits(14 * kMiB, kMiB, 16 * kMiB);
  CHECK_FALSE(full.fits);
  CHECK(full.why.find("Stopped before the next page") == 0);
  CHECK(full.why.find("16.0 MB") != std::string::npos);
  CHECK(full.why.find("stays usable") != std::string::npos);
}

TEST_CASE("a budget given in kilobytes is a whole positive number no larger than the default") {
  CHECK(core::budget_from_kilobytes("2") == std::optional<std::size_t>(2 * 1024));
  CHECK_FALSE(core::budget_from_kilobytes("0"));
  CHECK_FALSE(core::budget_from_kilobytes("2x"));
  CHECK_FALSE(core::budget_from_kilobytes(""));
  CHECK_FALSE(core::budget_from_kilobytes("1000000"));
}
