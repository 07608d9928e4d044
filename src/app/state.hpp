// The workbench's state as plain structs, one per area. Panels draw them and
// report what the person did; App (app.cpp) acts on those reports.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/connection.hpp"
#include "core/connection_check.hpp"
#include "core/event_text.hpp"
#include "core/form_fixes.hpp"
#include "core/history.hpp"
#include "core/http.hpp"
#include "core/response.hpp"
#include "core/result_table.hpp"
#include "core/update_builder.hpp"
#include "platform/platform.hpp"

namespace app {

struct ConnectionState {
  core::ConnectionSettings settings;
  core::Diagnostics diagnostics;    // of `settings`; refreshed whenever they change
  core::ConnectionVerdict verdict;  // of the last test, or of the last answer
  std::optional<platform::RequestId> check;  // a Test connection in flight
  bool show_key = false;
};

enum class RequestView { Form, Json };

// The form editor's side of the request (request_form.cpp). The text stays
// the one source of what is sent: an edited form is written into it, and a
// changed text is read back into the form.
struct FormState {
  std::optional<core::RequestForm> form;  // nullopt: the text has no form (invalid JSON, no operation)
  core::Diagnostics read;                 // form_from_event's: what stays raw JSON, or why there is no form
  core::Diagnostics built;                // event_from_form's since the last form edit (a number that is not one)
  std::vector<core::FormFix> fixes;       // of `form`'s expressions
  std::vector<core::UpdateRow> update_rows;  // the update helper's rows
  core::Diagnostics update_problems;      // of the last Build from those rows
};

struct RequestState {
  std::string text;                      // the whole event as raw JSON
  core::EventCheck check;                // of `text`; refreshed whenever it changes
  std::string table_name;                // the Table name field, following `text`
  std::optional<std::size_t> caret_to;   // put the editor's caret here (an error's position)
  bool focus_editor = false;             // give the editor the keyboard on the next frame
  std::string origin;                    // where the text came from: "Restored from history", ...
  std::string problem;                   // why the last action did nothing (Send refused, file not opened)
  RequestView view = RequestView::Form;
  FormState form;
  std::string copied;                    // "Copied as curl", shown until `copied_until` (ImGui time)
  double copied_until = 0;
};

// The request being sent (one at a time).
struct Exchange {
  platform::RequestId id = 0;
  double started_at = 0;  // ImGui time, seconds
  std::string operation;
};

enum class ResponseTab { Table, Json, Metadata, Error };

struct ResponseState {
  core::HttpResponse http;
  core::Answer answer;                     // core::classify_response, made in response_model.cpp only
  core::ResultTable table;                 // the answer as rows and columns
  std::string text;                        // what the JSON tab shows: the body, pretty
  std::vector<std::size_t> line_starts;    // of `text`, for the clipped JSON view
  std::string metadata;                    // DynamoDB's ResponseMetadata, pretty; empty when none
  core::ConnectionVerdict verdict;         // what the answer says about the connection
  std::string operation;
  std::string url;
  core::HeaderList request_headers;        // as sent, secret values masked
  std::optional<ResponseTab> select_tab;   // switch to this tab on the next frame
  ResponseTab shown_tab = ResponseTab::Table;
  float json_scroll_lines = 0;             // how far the JSON view is scrolled, in lines
};

struct HistoryState {
  core::History history;
  std::string problem;          // why it could not be read or saved
  bool confirm_clear = false;
  std::int64_t restored_id = 0; // the entry last put into the editor
};

}  // namespace app
