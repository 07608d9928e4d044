#include "app/app.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include <imgui.h>
#include <imgui_internal.h>

#include "app/glyph_atlas.hpp"
#include "app/response_model.hpp"
#include "app/storage_keys.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "core/format.hpp"
#include "core/result_budget.hpp"
#include "core/share_link.hpp"
#include "core/snippets.hpp"
#include "platform/platform.hpp"

namespace app {
namespace {

constexpr std::uint64_t kMaxEventFileBytes = 10 * 1024 * 1024;
// Rows an export writes per frame: 10,000 rows take some 40 frames, so the
// page keeps drawing (and Cancel can be pressed) while it is written.
constexpr std::size_t kExportRowsPerFrame = 250;

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string file_stem(const RequestState& request) {
  std::string stem = request.check.operation.empty() ? "event" : request.check.operation;
  if (!request.check.table_name.empty()) stem += "-" + request.check.table_name;
  return stem;
}

}  // namespace

App::App() {
  load_kept_aside();
  result_budget_ = core::budget_from_kilobytes(platform::page_query_parameter("result-budget-kb"))
                       .value_or(core::kDefaultResultBudgetBytes);
  const auto theme = platform::storage_get(kThemeKey);
  dark_ = theme ? *theme != "light" : platform::prefers_dark_color_scheme();
  platform::set_page_theme(dark_, page_background_css(dark_));

  // config.json names the API (and, for a local demo page only, its key).
  const std::string site_config = platform::site_config_json();
  glyphs::note_text(site_config);
  connection_.site = core::site_config_from_json(site_config);
  core::ConnectionSettings defaults;
  defaults.connection.endpoint = platform::default_endpoint();
  defaults.connection.api_key = connection_.site.api_key;
  const std::string connection = platform::storage_get(kConnectionKey).value_or("");
  glyphs::note_text(connection);
  if (const auto parsed = core::parse_json(connection); !connection.empty() && !(parsed && parsed.value->is_object())) {
    keep_aside(kConnectionKey, connection,
               parsed ? "it is not in the form this version saves" : "it is not valid JSON");
  }
  connection_.settings = core::connection_from_storage(connection, defaults);
  connection_.diagnostics = core::check_connection(connection_.settings);

  load_history();

  if (const auto scale = platform::storage_get(kTextScaleKey)) {
    text_scale_ = core::pinch_text_scale(std::strtof(scale->c_str(), nullptr), 1, 1);
  }
  request_.text = platform::storage_get(kDraftKey).value_or(
      core::event_text(core::example_event(core::Operation::Create, core::site_table(connection_.site))));
  editor_text_changed();
  load_presets();
  open_link(platform::url_fragment());
  update_title();
  platform::on_page_hidden([this] { write_pending_saves(); });
}

const core::Layout& App::arrange(float css_width, float css_height, bool touch) {
  touch_ = touch;
  if (auto pinch = platform::take_pinch()) {
    const float scale = core::pinch_text_scale(text_scale_, pinch->start_distance, pinch->end_distance);
    if (scale != text_scale_) {
      text_scale_ = scale;
      remember(kTextScaleKey, std::to_string(text_scale_));
    }
  }
  layout_ = core::decide_layout({.css_width = css_width,
                                 .css_height = css_height,
                                 .touch = touch,
                                 .text_scale = text_scale_,
                                 .choice = layout_choice_});
  layout_choice_ = core::layout_shown(layout_choice_, layout_.kind);
  return layout_;
}

void App::draw() {
  step_export();
  send_pressed_ = take_send_shortcut();
  ui::keep_typing_on_escape();
  take_other_tabs_changes();
  if (auto fragment = platform::take_url_fragment_change()) open_link(*fragment);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  const auto flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar;
  ImGui::Begin("CRUD Workbench", nullptr, flags);
  ImGui::PopStyleVar(3);

  const HeaderBarOptions header{
      .compact = layout_.compact_header, .sidebar_toggle = layout_.sidebar_toggle, .sidebar_shown = layout_.sidebar};
  const HeaderBarResult header_result = draw_header_bar(dark_, connection_, header);
  if (header_result.toggle_theme) toggle_theme();
  if (header_result.toggle_sidebar) layout_choice_.sidebar_folded = !layout_choice_.sidebar_folded;
  if (!banner_.empty() && draw_banner(banner_)) dismiss_banner();
  if (layout_.tab_bar) {
    draw_one_column();
  } else {
    const float width = ImGui::GetContentRegionAvail().x;
    if (layout_.sidebar) {
      const float share = layout_.sidebar_share;
      draw_sidebar(std::clamp(width * share, std::min(ui::em(20), width * 0.5f), std::min(ui::em(30), width * 0.5f)));
      ImGui::SameLine(0, 0);
    }
    draw_main();
  }
  keep_edited_field_visible();
  ImGui::End();
  update_title();
}

void App::draw_one_column() {
  const float bar_height = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
  const float page_height =
      std::max(1.0f, ImGui::GetContentRegionAvail().y - bar_height - ImGui::GetStyle().ItemSpacing.y);
  const core::LayoutTab tab = layout_.tab;
  ImGui::BeginChild("page", ImVec2(0, page_height), ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  switch (tab) {
    case core::LayoutTab::Request:
      act(draw_request_panel(request_, exchange_, send_pressed_, layout_.send_at_bottom));
      break;
    case core::LayoutTab::Answer: act(draw_response_panel(response_, export_, exchange_.has_value())); break;
    case core::LayoutTab::Connection:
    case core::LayoutTab::Presets:
    case core::LayoutTab::History: draw_panel_page("panel", tab); break;
  }
  ImGui::EndChild();
  draw_tab_bar(bar_height);
}

// Connection, Presets or History alone, scrolling as one page.
void App::draw_panel_page(const char* id, core::LayoutTab tab) {
  ImGui::BeginChild(id, ImVec2(0, 0));
  if (tab == core::LayoutTab::Connection) act(draw_connection_panel(connection_));
  if (tab == core::LayoutTab::Presets) act(draw_presets_panel(presets_));
  if (tab == core::LayoutTab::History) act(draw_history_panel(history_, !exchange_.has_value()));
  ImGui::EndChild();
}

// At the bottom, where a thumb reaches: one button per panel, the shown one
// highlighted, a dot on Answer when an answer has not been seen.
void App::draw_tab_bar(float height) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().header_bg);
  ImGui::BeginChild("tab bar", ImVec2(0, height), 0, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const float gap = ui::em(0.2f);
  const float count = static_cast<float>(core::kLayoutTabs.size());
  const float width = (ImGui::GetContentRegionAvail().x - gap * (count + 1)) / count;
  ImGui::SetCursorPos(ImVec2(gap, ImGui::GetStyle().WindowPadding.y * 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ui::em(0.1f), ImGui::GetStyle().FramePadding.y));
  // Labels a little smaller than the text, as phones' tab bars have them: "Connection" fits a fifth of a phone.
  ImGui::SetWindowFontScale(0.8f);
  a11y::describe_window(a11y::Hint::TabList, "", "Panels");
  a11y::push_parent();
  for (const core::LayoutTab tab : core::kLayoutTabs) {
    const std::string name(core::layout_tab_name(tab));
    const bool selected = layout_.tab == tab;
    const bool badge = tab == core::LayoutTab::Answer && layout_.answer_badge;
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? palette().accent : ImVec4(0, 0, 0, 0));
    if (selected) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    a11y::hint_next(a11y::Hint::Tab, (badge ? name + ", new answer" : name) + "##Tab " + name, 0, selected);
    if (ImGui::Button((name + "##Tab " + name).c_str(),
                      ImVec2(width, std::max(ImGui::GetFrameHeight(), touch_target())))) {
      layout_choice_ = core::tab_picked(layout_choice_, tab);
    }
    if (selected) ImGui::PopStyleColor();
    ImGui::PopStyleColor();
    if (badge) {
      const ImVec2 max = ImGui::GetItemRectMax();
      const float r = ui::em(0.3f);
      ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(max.x - r * 2, ImGui::GetItemRectMin().y + r * 2), r,
                                                  ImGui::ColorConvertFloat4ToU32(palette().error));
    }
    ImGui::SameLine(0, gap);
  }
  a11y::pop_parent();
  ImGui::PopStyleVar();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

// The field being edited stays on screen when the window gets shorter (a
// phone's keyboard takes the bottom of the page): each window around it
// scrolls until its caret shows.
void App::keep_edited_field_visible() {
  ImGuiContext& g = *GImGui;
  if (g.ActiveId == 0 || g.ActiveIdWindow == nullptr) return;
  // A field whose window the shorter page clipped away entirely was not drawn
  // this frame (ImGui skips a hidden window's items, and would end the
  // editing): it stays the edited field, at the caret it had last frame,
  // and the windows around it scroll to it.
  const bool drawn = g.PlatformImeData.WantVisible;
  if (!drawn && !g.PlatformImeDataPrev.WantVisible) return;
  const ImGuiPlatformImeData& ime = drawn ? g.PlatformImeData : g.PlatformImeDataPrev;
  if (!drawn) {
    ImGui::KeepAliveID(g.ActiveId);
    g.PlatformImeData = g.PlatformImeDataPrev;  // still editing: the page keeps its keyboard up
  }
  // The whole field, not only its caret's line: the frame's padding around it.
  const float margin = ImGui::GetStyle().FramePadding.y + ui::em(0.25f);
  float caret_bottom = ime.InputPos.y + ime.InputLineHeight + margin;
  float caret_top = ime.InputPos.y - margin;
  // Inner windows first; each scrolls what it can and leaves the rest to the
  // window around it. A window clipped away entirely cannot show it by scrolling itself.
  for (ImGuiWindow* window = g.ActiveIdWindow; window != nullptr; window = window->ParentWindow) {
    const ImRect clip = window->InnerClipRect;
    if (clip.Min.y >= clip.Max.y) continue;
    float delta = 0;
    if (caret_bottom > clip.Max.y)
      delta = std::min(window->ScrollMax.y - window->Scroll.y, caret_bottom - clip.Max.y);
    else if (caret_top < clip.Min.y)
      delta = -std::min(window->Scroll.y, clip.Min.y - caret_top);
    if (delta == 0) continue;
    ImGui::SetScrollY(window, window->Scroll.y + delta);
    caret_bottom -= delta;
    caret_top -= delta;
  }
}

bool App::animating() const {
  return exchange_.has_value() || connection_.check.has_value() || request_.copied_until > ImGui::GetTime() ||
         export_.job.has_value();
}

void App::draw_sidebar(float width) {
  ImGui::BeginChild("sidebar", ImVec2(width, 0), ImGuiChildFlags_AlwaysUseWindowPadding);
  draw_kept_aside_notice();
  act(draw_connection_panel(connection_));
  ImGui::Spacing();
  act(draw_presets_panel(presets_));
  ImGui::Spacing();
  act(draw_history_panel(history_, !exchange_.has_value()));
  ImGui::EndChild();
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddLine(ImVec2(max.x - 1, min.y), ImVec2(max.x - 1, max.y),
                                      ImGui::GetColorU32(ImGuiCol_Separator));
}

void App::draw_main() {
  ImGui::BeginChild("main", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding);
  const float available = ImGui::GetContentRegionAvail().y;
  const float splitter = ui::em(0.6f);
  const float request_height = std::clamp(available * request_share_, std::min(ui::em(12), available * 0.5f),
                                          std::max(available - ui::em(8), available * 0.5f));
  ImGui::BeginChild("request", ImVec2(0, request_height), 0, ImGuiWindowFlags_NoScrollbar);
  act(draw_request_panel(request_, exchange_, send_pressed_));
  ImGui::EndChild();
  if (const float moved = ui::horizontal_splitter("##split", splitter); moved != 0 && available > 0) {
    request_share_ = std::clamp(request_share_ + moved / available, 0.15f, 0.85f);
  }
  ImGui::BeginChild("response");
  act(draw_response_panel(response_, export_, exchange_.has_value()));
  ImGui::EndChild();
  ImGui::EndChild();
}

void App::act(const ConnectionPanelResult& result) {
  if (result.changed) {
    connection_.diagnostics = core::check_connection(connection_.settings);
    connection_changed();
  }
  if (result.test) test_connection();
  if (result.cancel_test && connection_.check) platform::http_cancel(*connection_.check);
}

void App::act(const RequestPanelResult& result) {
  if (result.text_changed) {
    request_.origin.clear();
    editor_text_changed();
  }
  if (result.send) send_from_editor();
  if (result.cancel && exchange_) platform::http_cancel(exchange_->id);
  if (result.open_file) open_event_file();
  if (result.save_file) platform::download_text_file(file_stem(request_) + ".json", "application/json", request_.text);
  if (result.form_changed) form_changed();
  if (result.copy_snippet) copy_request_as(*result.copy_snippet);
}

void App::act(const ResponsePanelResult& result) {
  if (!response_) return;
  if (result.copy_json || result.save_json) ensure_json_text(*response_);
  if (result.copy_json) platform::copy_to_clipboard(response_->text);
  if (result.copy) platform::copy_to_clipboard(*result.copy);
  if (result.next_page) ask_next_page();
  if (result.load_all && response_->paging) {
    response_->paging->load_all = true;
    response_->paging->stopped = false;
    ask_next_page();
  }
  if (result.stop_loading && response_->paging) {
    response_->paging->load_all = false;
    response_->paging->stopped = true;
    if (exchange_ && exchange_->next_page) platform::http_cancel(exchange_->id);
  }
  if (result.start_export) start_export(*result.start_export);
  if (result.cancel_export) cancel_export();
  if (result.save_json) {
    platform::download_text_file("response-" + response_->operation + ".json", "application/json", response_->text);
  }
}

void App::act(const HistoryPanelResult& result) {
  if (result.restore) {
    const core::HistoryEntry* entry = core::find_history_entry(history_.history, *result.restore);
    if (entry && entry->event) {
      history_.restored_id = entry->id;
      set_editor_text(core::event_text(*entry->event), "Restored from history");
    }
  }
  if (result.resend) {
    const core::HistoryEntry* entry = core::find_history_entry(history_.history, *result.resend);
    if (entry && entry->event && !exchange_) send_event(*entry->event);
  }
  if (result.clear) clear_history();
}

void App::set_editor_text(std::string text, std::string origin) {
  request_.text = std::move(text);
  request_.origin = std::move(origin);
  layout_choice_ = core::request_loaded(layout_choice_);
  editor_text_changed();
}

void App::editor_text_changed() {
  glyphs::note_text(request_.text);
  request_.check = core::check_event_text(request_.text);
  request_.table_name = request_.check.table_name;
  request_.problem.clear();
  read_form(request_);
  draft_changed();
}

void App::form_changed() {
  request_.origin.clear();
  request_.problem.clear();
  write_form(request_);
  draft_changed();
}

// Copies the request as it would be sent (current connection included) as a
// snippet: curl, fetch, ..., or the DynamoDB call the Lambda makes.
void App::copy_request_as(core::SnippetKind kind) {
  if (!request_.check.event) return;
  const core::Snippet snippet = core::make_snippet(kind, *request_.check.event, connection_.settings.connection);
  if (snippet.text.empty()) {
    request_.problem = "Not copied: " + snippet.unavailable;
    return;
  }
  platform::copy_to_clipboard(snippet.text);
  constexpr double kConfirmationSeconds = 3;
  request_.copied = "Copied as " + std::string(core::snippet_label(kind));
  request_.copied_until = ImGui::GetTime() + kConfirmationSeconds;
}

void App::send_from_editor() {
  write_pending_saves();  // what is sent is saved, even if the page goes away before typing would have paused
  if (exchange_) return;
  if (const core::Diagnostic* error = first_send_error(request_)) {
    request_.problem = "Not sent: fix the event first.";
    if (error->position && request_.view == RequestView::Json) {
      request_.caret_to = error->position->offset;
      request_.focus_editor = true;
    }
    return;
  }
  for (const auto& diagnostic : connection_.diagnostics) {
    if (diagnostic.severity != core::Severity::Error) continue;
    request_.problem = "Not sent: " + diagnostic.message + " (Connection)";
    return;
  }
  if (request_.check.event) send_event(*request_.check.event);
}

void App::send_event(const core::JsonValue& event, bool next_page) {
  core::HistoryEntry entry = core::make_history_entry(event, connection_.settings.connection.endpoint, now_ms());
  const core::HttpRequest request = core::build_http_request(event, connection_.settings.connection);
  request_.problem.clear();
  if (!next_page) layout_choice_ = core::request_sent(layout_choice_, layout_.tab);
  exchange_ = Exchange{.started_at = ImGui::GetTime(), .operation = entry.operation, .next_page = next_page};
  exchange_->id =
      platform::http_send(request, connection_.settings.timeout_seconds * 1000,
                          [this, entry, event, request, next_page](core::HttpResponse response) mutable {
                            receive_answer(std::move(entry), event, request, std::move(response), next_page);
                          });
}

void App::receive_answer(core::HistoryEntry entry, const core::JsonValue& event, const core::HttpRequest& sent,
                         core::HttpResponse response, bool next_page) {
  exchange_.reset();
  glyphs::note_answer(response.body);
  const bool page = next_page && response_ && response_->paging;
  const std::optional<core::Operation> operation = core::operation_named(entry.operation);
  ResponseState answer = make_response_state(std::move(response), sent, connection_.settings, operation,
                                             platform::page_origin(), page ? response_->table : core::ResultTable{});
  if (page) {
    receive_page(std::move(answer));
    return;
  }
  response_ = std::move(answer);
  layout_choice_ = core::answer_arrived(layout_choice_, layout_.kind);
  if (operation == core::Operation::List) start_paging(*response_, event);
  if (response_->verdict.state != core::ConnectionState::Unknown) connection_.verdict = response_->verdict;
  entry.status = response_->http.status;
  entry.transport_error = response_->http.transport_error;
  entry.ok = response_->answer.ok;
  entry.elapsed_ms = static_cast<std::int64_t>(response_->http.elapsed_ms);
  core::add_to_history(history_.history, std::move(entry));
  remember_history();
}

// Starts writing the shown table (every loaded page, or the filtered and
// sorted view when chosen) in the chosen format; step_export writes it.
void App::start_export(ExportTarget target) {
  if (!response_ || export_.job) return;
  const ExportChoice& choice = export_.choice;
  std::vector<std::uint32_t> rows = choice.filtered ? response_->view.shown : core::all_rows(response_->table);
  const std::string extension(core::export_extension(choice.format));
  export_.notice.clear();
  export_.job.emplace(ExportJob{
      .table = response_->table,
      .writer =
          core::ExportWriter(std::move(rows), {.format = choice.format, .byte_order_mark = choice.byte_order_mark}),
      .target = target,
      .file_name =
          "export-" + (response_->operation.empty() ? std::string("answer") : response_->operation) + "." + extension});
  if (target == ExportTarget::File) {
    export_.job->download =
        platform::download_begin(export_.job->file_name, std::string(core::export_mime_type(choice.format)));
  } else {
    // Browsers let a page write the clipboard only just after the person's
    // click, and the clipboard takes one string anyway: written at once.
    while (export_.job) step_export();
  }
}

// One frame's part of a download: a bounded number of rows, handed to the
// browser as it is written (a clipboard export runs every step at once).
void App::step_export() {
  if (!export_.job) return;
  ExportJob& job = *export_.job;
  std::string chunk;
  const bool done = job.writer.write_next(job.table, chunk, kExportRowsPerFrame);
  job.bytes += chunk.size();
  if (job.target == ExportTarget::File) {
    platform::download_append(job.download, chunk);
  } else {
    job.text += chunk;
  }
  if (!done) return;
  const std::string what =
      core::format_count(job.writer.row_total()) + (job.writer.row_total() == 1 ? " row as " : " rows as ") +
      std::string(core::export_format_label(export_.choice.format)) + " (" + core::format_bytes(job.bytes) + ")";
  if (job.target == ExportTarget::File) {
    platform::download_finish(job.download);
    export_.notice = "Saved " + what + " to " + job.file_name;
  } else {
    platform::copy_to_clipboard(job.text);
    export_.notice = "Copied " + what;
  }
  export_.notice_is_problem = false;
  export_.job.reset();
}

void App::cancel_export() {
  if (!export_.job) return;
  const ExportJob& job = *export_.job;
  if (job.target == ExportTarget::File) platform::download_abort(job.download);
  export_.notice = "Export cancelled after " + core::format_count(job.writer.rows_written()) + " of " +
                   core::format_count(job.writer.row_total()) + " rows; nothing was saved.";
  export_.notice_is_problem = true;
  export_.job.reset();
}

void App::test_connection() {
  for (const auto& diagnostic : connection_.diagnostics) {
    if (diagnostic.severity != core::Severity::Error) continue;
    connection_.verdict = {core::ConnectionState::Failed, diagnostic.message, ""};
    return;
  }
  const core::HttpRequest request =
      core::build_http_request(core::example_event(core::Operation::Ping, ""), connection_.settings.connection);
  connection_.check = platform::http_send(request, connection_.settings.timeout_seconds * 1000,
                                          [this](const core::HttpResponse& response) {
                                            connection_.check.reset();
                                            connection_.verdict = core::judge_ping(response, connection_.settings);
                                          });
}

void App::open_event_file() {
  platform::open_text_file(
      ".json,application/json,text/plain", kMaxEventFileBytes, [this](const platform::OpenedFile& file) {
        glyphs::note_text(file.name);  // shown in what follows
        switch (file.status) {
          case platform::FileStatus::Opened: set_editor_text(file.text, "Opened " + file.name); break;
          case platform::FileStatus::TooLarge:
            request_.problem =
                file.name + " was not opened: it is larger than " + core::format_bytes(kMaxEventFileBytes) + ".";
            break;
          case platform::FileStatus::Unreadable: request_.problem = file.name + " could not be read."; break;
          case platform::FileStatus::Cancelled: break;
        }
      });
}

// The single entry point for links (at start-up and on every hashchange). A
// good share link goes into the editor, unsent; anything else leaves the
// saved work (draft, presets, history) as it was and says why.
void App::open_link(const std::string& fragment) {
  if (fragment.empty()) return;
  banner_is_link_ = true;
  if (!core::is_share_link(fragment)) {
    constexpr std::size_t kShown = 24;  // a fragment is percent-encoded ASCII
    const std::string shown = fragment.size() > kShown ? fragment.substr(0, kShown) + "…" : fragment;
    banner_ = "This page was opened with a link this version cannot read (#" + shown +
              "). Nothing was loaded; your saved work is unchanged.";
    return;
  }
  const core::LinkRead read = core::read_share_link(fragment);
  if (!read.preset) {
    const std::string why = read.diagnostics.empty() ? "It holds no request." : read.diagnostics.front().message;
    banner_ = "This shared link could not be read: " + why + " Nothing was loaded; your saved work is unchanged.";
    return;
  }
  set_editor_text(core::event_text(read.preset->event), "Loaded from a shared link — not sent yet");
  banner_ = "Loaded from a shared link — not sent yet. Check the request, then press Send.";
  // The link's endpoint is not applied (a link must not redirect the API key
  // elsewhere), so the banner says where the request will go instead.
  const std::string& endpoint = read.preset->connection.endpoint;
  if (!endpoint.empty() && endpoint != connection_.settings.connection.endpoint) {
    banner_ += " The link was made for " + endpoint + "; it will go to your endpoint (" +
               connection_.settings.connection.endpoint + ") unless you change it in Connection.";
  }
  for (const auto& diagnostic : read.diagnostics) {
    if (diagnostic.severity == core::Severity::Warning) banner_ += " " + diagnostic.message;
  }
}

void App::show_notice(const std::string& text) { banner_ = banner_.empty() ? text : banner_ + " " + text; }

void App::dismiss_banner() {
  if (banner_is_link_) platform::replace_url_fragment("");
  banner_.clear();
  banner_is_link_ = false;
}

void App::toggle_theme(bool save) {
  dark_ = !dark_;
  if (save) remember(kThemeKey, dark_ ? "dark" : "light");
  platform::set_page_theme(dark_, page_background_css(dark_));
}

SnapshotJson App::layout_snapshot() const {
  return {
      {"kind", std::string(core::layout_kind_name(layout_.kind))},
      // The choice, which the next frame shows (an answer may have just opened the Answer tab).
      {"tab", layout_.tab_bar ? SnapshotJson(std::string(core::layout_tab_name(layout_choice_.tab))) : SnapshotJson()},
      {"sidebar", layout_.sidebar},
      {"answer_badge", layout_.answer_badge},
      {"touch", touch_},
      {"font_px", layout_.font_px},
      {"text_scale", text_scale_}};
}

void App::update_title() {
  const std::string host = core::endpoint_host(connection_.settings.connection.endpoint);
  std::string title = host.empty() ? "CRUD Workbench" : "CRUD Workbench · " + host;
  if (title == title_) return;
  title_ = std::move(title);
  platform::set_page_title(title_);
}

SnapshotJson App::snapshot() const {
  return {{"theme", dark_ ? "dark" : "light"},
          {"title", title_},
          {"banner", banner_},
          {"connection", connection_snapshot(connection_)},
          {"request", request_snapshot(request_, exchange_)},
          {"response", response_snapshot(response_)},
          {"export", export_snapshot(export_)},
          {"history", history_snapshot(history_)},
          {"presets", presets_snapshot(presets_)},
          {"storage", storage_snapshot()},
          {"layout", layout_snapshot()}};
}

}  // namespace app
