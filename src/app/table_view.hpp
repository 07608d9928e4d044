// The answer table's view: its row order after sorting and filtering, kept
// in TableView beside the table. Sorting and filtering go through the core
// (sorted_rows, FilterIndex, filter_rows); this file only keeps them in step.
#pragma once

#include <string>

#include "app/state.hpp"

namespace app {

// Shows `table` with the view's current sort and filter (a new page, a new answer).
void show_table(ResponseState& state, core::ResultTable table);
// Orders the rows by `column` (-1: the answer's order), then filters again.
void sort_table(ResponseState& state, int column, core::SortDirection direction);
// Keeps the rows with a cell containing `filter` (any case).
void filter_table(ResponseState& state, std::string filter);

}  // namespace app
