// The workbench's state as plain structs, one per area. Panels draw them and
// report what the person did; App (app.cpp) acts on those reports.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/connection.hpp"
#include "core/connection_check.hpp"
#include "core/event_text.hpp"
#include "core/export.hpp"
#include "core/form_fixes.hpp"
#include "core/history.hpp"
#include "core/http.hpp"
#include "core/preset.hpp"
#include "core/response.hpp"
#include "core/result_table.hpp"
#include "core/saved_state.hpp"
#include "core/site_config.hpp"
#include "core/update_builder.hpp"
#include "platform/platform.hpp"

namespace app {

struct ConnectionState {
  core::ConnectionSettings settings;
  core::Diagnostics diagnostics;             // of `settings`; refreshed whenever they change
  core::ConnectionVerdict verdict;           // of the last test, or of the last answer
  std::optional<platform::RequestId> check;  // a Test connection in flight
  bool show_key = false;
  core::SiteConfig site;  // what the page's config.json said (endpoint, table, relay)
};

enum class RequestView { Form, Json };

// The form editor's side of the request (request_form.cpp). The text stays
// the one source of what is sent: an edited form is written into it, and a
// changed text is read back into the form.
struct FormState {
  std::optional<core::RequestForm> form;     // nullopt: the text has no form (invalid JSON, no operation)
  core::Diagnostics read;                    // form_from_event's: what stays raw JSON, or why there is no form
  core::Diagnostics built;                   // event_from_form's since the last form edit (a number that is not one)
  std::vector<core::FormFix> fixes;          // of `form`'s expressions
  std::vector<core::UpdateRow> update_rows;  // the update helper's rows
  core::Diagnostics update_problems;         // of the last Build from those rows
};

struct RequestState {
  std::string text;                     // the whole event as raw JSON
  core::EventCheck check;               // of `text`; refreshed whenever it changes
  std::string table_name;               // the Table name field, following `text`
  std::optional<std::size_t> caret_to;  // put the editor's caret here (an error's position)
  bool focus_editor = false;            // give the editor the keyboard on the next frame
  std::string origin;                   // where the text came from: "Restored from history", ...
  std::string problem;                  // why the last action did nothing (Send refused, file not opened)
  RequestView view = RequestView::Form;
  FormState form;
  std::string copied;  // "Copied as curl", shown until `copied_until` (ImGui time)
  double copied_until = 0;
};

// The request being sent (one at a time).
struct Exchange {
  platform::RequestId id = 0;
  double started_at = 0;  // ImGui time, seconds
  std::string operation;
  bool next_page = false;  // a further page of the shown list, not a new request
};

enum class ResponseTab { Table, Json, Metadata, Error };

// How the answer table is shown: sorted, filtered, the selected cell, the
// nested value opened. Orders are row indices into ResponseState::table.
struct TableView {
  std::vector<std::uint32_t> sorted;                // every row, in the chosen order
  std::vector<std::uint32_t> shown;                 // `sorted`, filtered
  std::shared_ptr<core::FilterIndex> filter_index;  // built on the first filter keystroke
  std::string filter;
  int sort_column = -1;  // -1: the answer's order
  core::SortDirection sort_direction = core::SortDirection::Ascending;
  core::CopyFormat copy_format = core::CopyFormat::Json;
  std::optional<std::uint32_t> selected_row;  // a row index into the table
  std::size_t selected_column = 0;
  std::optional<std::pair<std::uint32_t, std::size_t>> nested;  // the cell whose nested value is open
  bool nested_clicked = false;                                  // open its popup on this frame
  std::size_t first_visible = 0;                                // position in `shown` of the top row on screen
  int id = 0;                             // ImGui's id for the table: new per answer, kept across pages
  std::vector<std::size_t> time_columns;  // columns holding epoch times (core::time_columns)
  bool show_dates = false;                // a date column after each of them
};

// Folding of the JSON tab's pretty text: a line that opens an object or
// array can be collapsed up to its closing line.
struct JsonFolds {
  std::vector<std::uint32_t> end;      // per line: its closing line when it opens one, else 0
  std::vector<char> folded;            // per line
  std::vector<std::uint32_t> visible;  // the lines drawn, folded ranges left out
};

// A list being read page by page (Next page, Load all); its rows are the table's.
struct ListPaging {
  core::JsonValue event;  // the list event of the first page
  std::size_t pages = 1;
  bool load_all = false;
  bool stopped = false;
  std::string over_budget;  // why no further page is read: the memory budget for results
};

struct ResponseState {
  core::HttpResponse http;
  core::Answer answer;                   // core::classify_response, made in response_model.cpp only
  core::ResultTable table;               // the answer as rows and columns
  std::string text;                      // what the JSON tab shows: the body, pretty
  bool json_pending = false;             // `text` (and lines, folds) not made yet: a big answer, made when needed
  std::vector<std::size_t> line_starts;  // of `text`, for the clipped JSON view
  std::string metadata;                  // DynamoDB's ResponseMetadata, pretty; empty when none
  core::ConnectionVerdict verdict;       // what the answer says about the connection
  std::string operation;
  std::string url;
  core::HeaderList request_headers;       // as sent, secret values masked
  std::optional<ResponseTab> select_tab;  // switch to this tab on the next frame
  ResponseTab shown_tab = ResponseTab::Table;
  float json_scroll_lines = 0;  // how far the JSON view is scrolled, in lines
  TableView view;
  JsonFolds folds;
  std::optional<ListPaging> paging;  // a list answer: its pages so far
  bool json_dynamodb = false;        // the JSON tab shows DynamoDB JSON ({"S": ...}) instead of plain JSON
};

// Exporting the answer table (every loaded page) to a file or the clipboard.
enum class ExportTarget { File, Clipboard };

struct ExportChoice {
  core::ExportFormat format = core::ExportFormat::Csv;
  bool byte_order_mark = false;  // CSV: for spreadsheet programs
  bool filtered = false;         // only the rows the filter keeps, in the shown order
};

// An export being written, a few hundred rows per frame.
struct ExportJob {
  core::ResultTable table;  // its own copy: pages arriving meanwhile do not change what is written
  core::ExportWriter writer;
  ExportTarget target = ExportTarget::File;
  std::string file_name;
  platform::DownloadId download = 0;
  std::string text;         // the clipboard's text, built until done
  std::uint64_t bytes = 0;  // written so far
};

struct ExportState {
  ExportChoice choice;
  std::optional<ExportJob> job;
  std::string notice;  // what the last export did
  bool notice_is_problem = false;
  bool folded = false;    // the controls were folded behind a button this frame (a narrow screen)
  bool unfolded = false;  // on a narrow screen: the person opened them
};

struct HistoryState {
  core::History history;
  std::string problem;  // why it could not be read or saved
  bool confirm_clear = false;
  std::int64_t restored_id = 0;  // the entry last put into the editor
};

// The Presets panel: the built-in requests, then the person's own (kept in storage).
struct PresetsState {
  std::vector<core::Preset> builtin;
  std::vector<core::Preset> saved;
  std::vector<std::string> saved_ids;   // per saved preset, its id in storage; "" until first saved
  std::optional<std::size_t> selected;  // index over builtin then saved
  std::optional<std::size_t> renaming;  // index into saved
  std::string rename_text;
  bool pasting = false;  // the paste box for a collection is open
  std::string pasted;
  std::string notice;  // what the last import or save did
  bool notice_is_problem = false;
  std::string builtin_table;  // the table the built-in presets name

  std::size_t count() const { return builtin.size() + saved.size(); }
  const core::Preset& at(std::size_t index) const {
    return index < builtin.size() ? builtin[index] : saved[index - builtin.size()];
  }
  std::vector<core::Preset> all() const {
    std::vector<core::Preset> presets = builtin;
    presets.insert(presets.end(), saved.begin(), saved.end());
    return presets;
  }
};

// Saved work in browser storage, shared with the site's other tabs.
struct StorageState {
  core::SavedList presets_base;  // the presets as this tab last read or wrote them
  std::string problem;           // why the last save failed (storage full or unavailable); empty when saved
  // Stored values this version could not read, kept under their own keys for export.
  struct KeptAside {
    std::string key;   // where it is kept now
    std::string from;  // the key it was read from
    std::string why;
    std::string text;
  };
  std::vector<KeptAside> kept_aside;
  std::uint64_t id_random = 0;  // this tab's part of new preset ids
  std::uint64_t ids_made = 0;
};

}  // namespace app
