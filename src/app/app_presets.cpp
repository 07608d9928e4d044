// App's part for list pages, presets and share links: reading a list page by
// page into one table, keeping presets in storage, collection files and
// Postman imports, and copying a link to the current request.
#include "app/app.hpp"
#include "app/glyph_atlas.hpp"

#include "app/response_model.hpp"
#include "core/builtin_presets.hpp"
#include "core/collection.hpp"
#include "core/event_text.hpp"
#include "core/format.hpp"
#include "core/result_budget.hpp"
#include "core/share_link.hpp"
#include "platform/platform.hpp"

namespace app {
namespace {

constexpr std::uint64_t kMaxCollectionFileBytes = 10 * 1024 * 1024;

std::string plural(std::size_t count, const std::string& noun) {
  return core::format_count(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace

void App::act(const PresetsPanelResult& result) {
  if (result.load) load_preset(*result.load);
  if (result.save_current) save_current_as_preset();
  if (result.copy_link) copy_share_link();
  if (result.changed) remember_presets();
  if (result.export_file) export_presets();
  if (result.import_file) import_presets_file();
  if (result.import_text) import_presets_text(*result.import_text, "the pasted text");
}

// ---- list pages

// Asks for the next page when it fits in the memory budget for results; otherwise stops loading and says why.
void App::ask_next_page() {
  if (exchange_ || !response_ || !response_->paging) return;
  const auto event = next_page_event(*response_);
  if (!event) return;
  ListPaging& paging = *response_->paging;
  const core::PageBudget budget =
      core::next_page_fits(response_->table.memory_bytes(), response_->http.body.size(), result_budget_);
  if (!budget.fits) {
    paging.over_budget = budget.why;
    paging.load_all = false;
    paging.stopped = true;
    return;
  }
  send_event(*event, true);
}

void App::receive_page(ResponseState page) {
  // A page cancelled by Stop changes nothing: the pages read so far stay.
  if (page.http.transport_error.failure == core::TransportFailure::Cancelled) return;
  response_ = add_page(std::move(*response_), std::move(page));
  ListPaging& paging = *response_->paging;
  if (paging.load_all && response_->answer.last_evaluated_key) {
    ask_next_page();
  } else {
    paging.load_all = false;
  }
}

// ---- presets

void App::load_preset(std::size_t index) {
  if (index >= presets_.count()) return;
  const core::Preset& preset = presets_.at(index);
  std::string origin = "Preset: " + preset.name;
  if (!preset.connection.endpoint.empty() && preset.connection.endpoint != connection_.settings.connection.endpoint) {
    origin += " (made for " + preset.connection.endpoint + ")";
  }
  set_editor_text(core::event_text(preset.event), std::move(origin));
}

void App::save_current_as_preset() {
  if (!request_.check.event) {
    presets_.notice = "Not saved: the event is not valid JSON yet.";
    presets_.notice_is_problem = true;
    return;
  }
  std::string wanted = request_.check.operation.empty() ? "request" : request_.check.operation;
  if (!request_.check.table_name.empty()) wanted += " " + request_.check.table_name;
  presets_.saved.push_back({.name = core::unique_preset_name(presets_.all(), wanted), .event = *request_.check.event});
  presets_.selected = presets_.builtin.size() + presets_.saved.size() - 1;
  presets_.notice = "Saved as \"" + presets_.saved.back().name + "\".";
  presets_.notice_is_problem = false;
  remember_presets();
}

void App::copy_share_link() {
  if (!request_.check.event) {
    presets_.notice = "No link: the event is not valid JSON yet.";
    presets_.notice_is_problem = true;
    return;
  }
  const core::Preset preset{
      .name = request_.check.operation, .event = *request_.check.event, .connection = connection_.settings.connection};
  const std::string link = core::share_link(platform::page_url(), preset);
  platform::copy_to_clipboard(link);
  presets_.notice = "Link copied (" + core::format_bytes(link.size()) +
                    "): it holds the request and endpoint, never the API key or secret headers.";
  presets_.notice_is_problem = false;
}

void App::export_presets() {
  if (presets_.saved.empty()) {
    presets_.notice = "Nothing to export yet: save a preset first (the built-in ones are in every workbench).";
    presets_.notice_is_problem = true;
    return;
  }
  platform::download_text_file("crud-workbench-presets.json", "application/json",
                               core::export_collection(presets_.saved, core::SecretHandling::LeaveOut));
  presets_.notice = "Exported " + plural(presets_.saved.size(), "preset") + " (without API keys or secret headers).";
  presets_.notice_is_problem = false;
}

void App::import_presets_file() {
  platform::open_text_file(
      ".json,application/json,text/plain", kMaxCollectionFileBytes, [this](const platform::OpenedFile& file) {
        glyphs::note_text(file.name);  // shown in what follows
        switch (file.status) {
          case platform::FileStatus::Opened: import_presets_text(file.text, file.name); break;
          case platform::FileStatus::TooLarge:
            presets_.notice =
                file.name + " was not imported: it is larger than " + core::format_bytes(kMaxCollectionFileBytes) + ".";
            presets_.notice_is_problem = true;
            break;
          case platform::FileStatus::Unreadable:
            presets_.notice = file.name + " could not be read.";
            presets_.notice_is_problem = true;
            break;
          case platform::FileStatus::Cancelled: break;
        }
      });
}

// Adds what `text` holds (a collection, a Postman collection or one event);
// names already taken get a number, so nothing is overwritten.
void App::import_presets_text(const std::string& text, const std::string& source) {
  glyphs::note_text(text);
  core::PresetImport read = core::import_presets(text);
  for (core::Preset& preset : read.presets) {
    preset.name = core::unique_preset_name(presets_.all(), preset.name);
    presets_.saved.push_back(std::move(preset));
  }
  const std::size_t skipped = read.diagnostics.size();
  if (read.presets.empty()) {
    presets_.notice = "Nothing imported from " + source + ": " +
                      (skipped ? read.diagnostics.front().message : std::string("it holds no requests")) + ".";
    presets_.notice_is_problem = true;
    return;
  }
  presets_.notice = "Imported " + plural(read.presets.size(), "preset") + " from " + source + ".";
  if (skipped) presets_.notice += " " + plural(skipped, "note") + ": " + read.diagnostics.front().message;
  presets_.notice_is_problem = false;
  remember_presets();
}

}  // namespace app
