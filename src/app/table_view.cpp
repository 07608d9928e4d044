#include "app/table_view.hpp"

#include "core/dates.hpp"

namespace app {
namespace {

void apply_filter(ResponseState& state) {
  TableView& view = state.view;
  if (view.filter.empty()) {
    view.shown = view.sorted;
    return;
  }
  // Built once per table: each keystroke then searches one string per row.
  if (!view.filter_index) view.filter_index = std::make_shared<core::FilterIndex>(state.table);
  view.shown = core::filter_rows(*view.filter_index, view.sorted, view.filter);
}

}  // namespace

void show_table(ResponseState& state, core::ResultTable table) {
  state.table = std::move(table);
  state.view.time_columns = core::time_columns(state.table);
  state.view.filter_index.reset();
  state.view.selected_row.reset();
  state.view.nested.reset();
  if (state.view.sort_column >= static_cast<int>(state.table.column_count())) state.view.sort_column = -1;
  sort_table(state, state.view.sort_column, state.view.sort_direction);
}

void sort_table(ResponseState& state, int column, core::SortDirection direction) {
  TableView& view = state.view;
  view.sort_column = column;
  view.sort_direction = direction;
  view.sorted = column < 0 ? core::all_rows(state.table)
                           : core::sorted_rows(state.table, static_cast<std::size_t>(column), direction);
  apply_filter(state);
}

void filter_table(ResponseState& state, std::string filter) {
  state.view.filter = std::move(filter);
  apply_filter(state);
}

}  // namespace app
