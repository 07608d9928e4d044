#include "app/accessibility.hpp"

#include <algorithm>
#include <chrono>
#include <unordered_map>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "platform/platform.hpp"

namespace app::a11y {
namespace {

namespace core_a11y = core::a11y;

// One item drawn this frame, in drawing (reading) order.
struct Record {
  ImGuiID id = 0;
  ImGuiID parent = 0;
  ImRect rect;
  ImRect nav_rect;
  ImRect clip;
  ImGuiWindow* window = nullptr;  // ImGui keeps windows for the page's life
  ImGuiID focus_scope = 0;
  ImGuiNavLayer nav_layer = ImGuiNavLayer_Main;
  std::string label;
  bool described = false;  // by describe_last: the label is only the name, the key apart
  std::string key;
  std::uint32_t status = 0;
  Hint hint = Hint::None;
  std::optional<bool> selected;

  // The same item, drawn the same: its node cannot have changed.
  bool same_as(const Record& o) const {
    const auto same_rect = [](const ImRect& a, const ImRect& b) {
      return a.Min.x == b.Min.x && a.Min.y == b.Min.y && a.Max.x == b.Max.x && a.Max.y == b.Max.y;
    };
    return id == o.id && parent == o.parent && same_rect(rect, o.rect) && same_rect(clip, o.clip) &&
           status == o.status && hint == o.hint && selected == o.selected && described == o.described &&
           label == o.label && key == o.key;
  }
};

struct PendingHint {
  Hint hint = Hint::None;
  std::string label;
  std::uint32_t status = 0;
  std::optional<bool> selected;
};

struct Tree {
  std::vector<Record> records;
  std::vector<Record> previous;                    // the last frame's, to skip a frame that drew the same
  std::unordered_map<ImGuiID, std::size_t> index;  // id -> records
  std::vector<ImGuiID> parents;
  std::optional<PendingHint> hint;

  std::vector<core_a11y::Node> nodes;  // the last frame's, as the page has them
  std::unordered_map<ImGuiID, core_a11y::Role> roles;

  ImGuiID awaiting_edit = 0;  // a text field asked to edit: typed text waits for it
  int awaiting_frames = 0;
  bool select_on_edit = true;  // its text is selected once it edits (as Tab into a field does)
  std::string held_text;
  ImGuiID last_nav_id = 0;
  float ratio = 0;
  double cost_ms = 0;
};

Tree& tree() {
  static Tree t;
  return t;
}

std::uint32_t status_bits(ImGuiItemStatusFlags flags) {
  std::uint32_t bits = 0;
  if (flags & ImGuiItemStatusFlags_Openable) bits |= core_a11y::kOpenable;
  if (flags & ImGuiItemStatusFlags_Opened) bits |= core_a11y::kOpened;
  if (flags & ImGuiItemStatusFlags_Checkable) bits |= core_a11y::kCheckable;
  if (flags & ImGuiItemStatusFlags_Checked) bits |= core_a11y::kChecked;
  if (flags & ImGuiItemStatusFlags_Inputable) bits |= core_a11y::kInputable;
  return bits;
}

Record& add_record(ImGuiID id, const ImRect& rect) {
  Tree& t = tree();
  ImGuiContext& g = *GImGui;
  const auto found = t.index.find(id);
  if (found != t.index.end()) {  // the same item again (a widget registering twice): keep its first place
    t.records[found->second].rect = rect;
    return t.records[found->second];
  }
  Record record;
  record.id = id;
  record.parent = t.parents.empty() ? 0 : t.parents.back();
  record.rect = rect;
  record.nav_rect = rect;
  record.clip = g.CurrentWindow ? g.CurrentWindow->ClipRect : rect;
  record.window = g.CurrentWindow;
  record.focus_scope = g.CurrentFocusScopeId;
  if (g.CurrentWindow) record.nav_layer = g.CurrentWindow->DC.NavLayerCurrent;
  t.index.emplace(id, t.records.size());
  t.records.push_back(std::move(record));
  return t.records.back();
}

void take_hint(Record& record) {
  Tree& t = tree();
  if (!t.hint) return;
  record.hint = t.hint->hint;
  if (!t.hint->label.empty()) record.label = std::move(t.hint->label);
  record.status |= t.hint->status;
  record.selected = t.hint->selected;
  t.hint.reset();
}

// Moves ImGui's keyboard focus to an item drawn last frame, at once (as
// SetFocusID does while drawing), so a key pressed right after the page's
// focus moved reaches that item; its window scrolls to show it.
void focus_now(const Record& record) {
  ImGuiContext& g = *GImGui;
  ImGuiWindow* window = record.window;
  if (window == nullptr) return;
  // The field being edited lets go (what was typed stays), as it does when Tab leaves it.
  if (g.ActiveId != 0 && g.ActiveId != record.id) ImGui::ClearActiveID();
  if (g.NavId != record.id || g.NavWindow != window) {
    ImGui::SetNavWindow(window);
    g.NavId = record.id;
    g.NavLayer = record.nav_layer;
    g.NavFocusScopeId = record.focus_scope;
    window->NavLastIds[record.nav_layer] = record.id;
    window->NavRectRel[record.nav_layer] = ImGui::WindowRectAbsToRel(window, record.nav_rect);
    ImGui::ScrollToRectEx(window, record.rect, ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
  }
  g.NavDisableHighlight = false;  // the focus ring shows
  g.NavDisableMouseHover = true;
  tree().last_nav_id = record.id;
}

const Record* last_frame_record(ImGuiID id) {
  const Tree& t = tree();
  const auto found = t.index.find(id);
  return found == t.index.end() ? nullptr : &t.records[found->second];
}

// What the widget map calls the item: its key, "" when it has none.
std::string widget_key(const Record& record) {
  if (record.described) return record.key;
  const core_a11y::LabelParts parts = core_a11y::split_label(record.label);
  return std::string(parts.id.empty() ? parts.visible : parts.id);
}

core_a11y::Box css_box(const ImRect& r, float ratio) {
  return {r.Min.x / ratio, r.Min.y / ratio, (r.Max.x - r.Min.x) / ratio, (r.Max.y - r.Min.y) / ratio};
}

// The part of the item its window shows; empty when none.
ImRect shown_rect(const Record& record) {
  ImRect shown = record.rect;
  shown.ClipWithFull(record.clip);
  if (shown.GetWidth() <= 0 || shown.GetHeight() <= 0) return ImRect(0, 0, 0, 0);
  return shown;
}

// A described text's words are its whole name, "##" included; its key is apart.
core_a11y::Description description_of(const Record& record) {
  if (!record.described) {
    return core_a11y::describe_item(
        {.label = record.label, .status = record.status, .hint = record.hint, .selected = record.selected});
  }
  core_a11y::Description d;
  d.role = record.label.empty() ? core_a11y::Role::None : core_a11y::role_of(record.hint);
  d.name = record.label;
  d.key = widget_key(record);
  return d;
}

std::vector<core_a11y::Node> build_nodes(float ratio) {
  Tree& t = tree();
  std::vector<core_a11y::Node> nodes;
  nodes.reserve(t.records.size());
  std::unordered_map<ImGuiID, bool> exposed;
  for (const Record& record : t.records) {
    core_a11y::Description d = description_of(record);
    if (d.role == core_a11y::Role::None) continue;
    // A parent not exposed (an unlabelled item) hands its children to the root.
    const ImGuiID parent = exposed.contains(record.parent) ? record.parent : 0;
    ImRect shown = shown_rect(record);
    if (shown.GetWidth() <= 0) {
      // Not on screen (scrolled away): still in the reading order, as a point where its window shows it.
      const ImVec2 at(ImClamp(record.rect.Min.x, record.clip.Min.x, record.clip.Max.x),
                      ImClamp(record.rect.Min.y, record.clip.Min.y, record.clip.Max.y));
      shown = ImRect(at, at);
    }
    nodes.push_back({.id = record.id, .parent = parent, .description = std::move(d), .box = css_box(shown, ratio)});
    exposed[record.id] = true;
  }
  return nodes;
}

// The item ImGui's keyboard focus moved to by itself (arrow keys in a table,
// a popup opening), for the page to move its focus along; 0 when none.
ImGuiID focus_followed() {
  Tree& t = tree();
  ImGuiContext& g = *GImGui;
  const ImGuiID nav = g.NavId;
  if (nav == t.last_nav_id) return 0;
  t.last_nav_id = nav;
  if (nav == 0 || g.NavDisableHighlight || !t.roles.contains(nav)) return 0;
  return nav;
}

void flush_held_text() {
  Tree& t = tree();
  if (t.awaiting_edit == 0) return;
  ImGuiContext& g = *GImGui;
  const bool editing = g.ActiveId == t.awaiting_edit;
  if (!editing && ++t.awaiting_frames < 4) return;
  // The keyboard reached the field: all its text is selected (ImGui does so
  // for one line only), so typing replaces it, as in a browser's field.
  if (editing && t.select_on_edit && g.InputTextState.ID == t.awaiting_edit) g.InputTextState.SelectAll();
  t.awaiting_edit = 0;
  if (!t.held_text.empty()) ImGui::GetIO().AddInputCharactersUTF8(t.held_text.c_str());
  t.held_text.clear();
}

}  // namespace

void install() {
  GImGui->TestEngineHookItems = true;
  platform::start_accessibility([](std::uint32_t id) { request_focus(id); },
                                [](std::uint32_t id) { request_press(id); });
}

void begin_frame() {
  Tree& t = tree();
  t.previous.swap(t.records);
  t.records.clear();
  t.index.clear();
  t.parents.clear();
  t.hint.reset();
}

void end_frame(float pixel_ratio) {
  const auto started = std::chrono::steady_clock::now();
  Tree& t = tree();
  const float ratio = pixel_ratio > 0 ? pixel_ratio : 1.0f;
  // Most frames draw what the last one drew (a mouse moving, a caret): nothing to build.
  const bool same = ratio == t.ratio && t.records.size() == t.previous.size() &&
                    std::equal(t.records.begin(), t.records.end(), t.previous.begin(),
                               [](const Record& a, const Record& b) { return a.same_as(b); });
  t.ratio = ratio;
  std::string changes_text;
  if (!same) {
    std::vector<core_a11y::Node> nodes = build_nodes(ratio);
    const core_a11y::TreeChanges changes = core_a11y::diff_trees(t.nodes, nodes);
    t.roles.clear();
    for (const auto& node : nodes) t.roles.emplace(node.id, node.description.role);
    if (!changes.empty()) changes_text = core_a11y::changes_json(changes, nodes);
    t.nodes = std::move(nodes);
  }
  const ImGuiID follow = focus_followed();
  if (!changes_text.empty() || follow != 0) platform::update_accessibility(changes_text, follow);
  flush_held_text();
  t.cost_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

void defer_frame() {
  // A ratio no frame has: the next end_frame cannot take its items for the last frame's.
  tree().ratio = 0;
}

SnapshotJson widgets_json(float pixel_ratio) {
  const float ratio = pixel_ratio > 0 ? pixel_ratio : 1.0f;
  SnapshotJson out = SnapshotJson::object();
  const auto box = [ratio](const ImRect& r) -> SnapshotJson {
    const core_a11y::Box b = css_box(r, ratio);
    return {{"x", b.x}, {"y", b.y}, {"w", b.w}, {"h", b.h}};
  };
  for (const Record& record : tree().records) {
    const std::string key = widget_key(record);
    if (key.empty()) continue;
    const ImRect shown = shown_rect(record);
    SnapshotJson entry = box(record.rect);
    entry.set("visible", shown.GetWidth() > 0);
    entry.set("shown", box(shown));
    entry.set("role", core_a11y::role_name(description_of(record).role));
    entry.set("id", record.id);  // the node's data-id in the accessibility layer
    out.set(key, std::move(entry));
  }
  return out;
}

void hint_next(Hint hint, std::string_view label, std::uint32_t status, std::optional<bool> selected) {
  tree().hint = PendingHint{hint, std::string(label), status, selected};
}

namespace {

void describe(Hint hint, std::string_view key, std::string_view name, const ImRect& rect, ImGuiID item) {
  // A text has no id of its own: it takes one from its key, which stays while its words change.
  const std::string_view seed = key.empty() ? name : key;
  const ImGuiID id =
      item != 0 && tree().index.contains(item) ? item : ImGui::GetID(seed.data(), seed.data() + seed.size());
  Record& record = add_record(id, rect);
  record.label = std::string(name);
  record.described = true;
  record.key = std::string(key);
  record.hint = hint;
}

}  // namespace

void describe_last(Hint hint, std::string_view key, std::string_view name) {
  ImGuiContext& g = *GImGui;
  describe(hint, key, name, g.LastItemData.Rect, g.LastItemData.ID);
}

void describe_window(Hint hint, std::string_view key, std::string_view name) {
  describe(hint, key, name, ImGui::GetCurrentWindow()->Rect(), 0);
}

void describe_rect(Hint hint, std::string_view key, std::string_view name, float x0, float y0, float x1, float y1) {
  describe(hint, key, name, ImRect(x0, y0, x1, y1), 0);
}

std::uint32_t push_parent() {
  Tree& t = tree();
  const ImGuiID id = t.records.empty() ? 0 : t.records.back().id;
  t.parents.push_back(id);
  return id;
}

void push_parent(std::uint32_t id) { tree().parents.push_back(id); }

void pop_parent() {
  Tree& t = tree();
  if (!t.parents.empty()) t.parents.pop_back();
}

void request_focus(std::uint32_t id) {
  Tree& t = tree();
  const Record* record = last_frame_record(id);
  if (record == nullptr) return;
  // Focus passing through a text field faster than frames are drawn: the
  // field it left must not start editing (and pull the focus back) later.
  ImGuiContext& g = *GImGui;
  if (g.NavNextActivateId != 0 && g.NavNextActivateId != id) g.NavNextActivateId = 0;
  if (t.awaiting_edit != 0 && t.awaiting_edit != id) {
    t.awaiting_edit = 0;
    if (!t.held_text.empty()) ImGui::GetIO().AddInputCharactersUTF8(t.held_text.c_str());
    t.held_text.clear();
  }
  focus_now(*record);
  // A text field starts editing (its text selected, as a browser's field
  // does on Tab); what is typed meanwhile waits for it.
  if ((record->status & core_a11y::kInputable) && GImGui->ActiveId != id) {
    ImGui::ActivateItemByID(id);
    GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
    t.awaiting_edit = id;
    t.awaiting_frames = 0;
    t.select_on_edit = true;
  }
}

void request_press(std::uint32_t id) {
  const Record* record = last_frame_record(id);
  if (record == nullptr) return;
  request_focus(id);
  if (GImGui->NavNextActivateId != id) ImGui::ActivateItemByID(id);
}

void type_text(const char* utf8, std::uint32_t node) {
  Tree& t = tree();
  if (node != 0 && GImGui->ActiveId != node && t.awaiting_edit != node) {
    request_focus(node);
    // Typing goes on where the caret was: nothing is selected, nothing replaced.
    t.select_on_edit = false;
    if (GImGui->NavNextActivateId == node) GImGui->NavNextActivateFlags |= ImGuiActivateFlags_TryToPreserveState;
  }
  if (t.awaiting_edit != 0)
    t.held_text += utf8;
  else
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

double last_cost_ms() { return tree().cost_ms; }

}  // namespace app::a11y

// ---- Dear ImGui's test-engine hooks (imgui_internal.h, IMGUI_ENABLE_TEST_ENGINE) ----

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data) {
  if (ctx != GImGui) return;
  // Windows register themselves too (by name): they are areas, not items.
  if (item_data == nullptr && ImGui::FindWindowByID(id) != nullptr) return;
  const ImRect rect = item_data ? item_data->Rect : bb;
  app::a11y::Record& record = app::a11y::add_record(id, rect);
  const ImGuiItemFlags flags = item_data ? item_data->InFlags : ctx->CurrentItemFlags;
  if (flags & ImGuiItemFlags_Disabled) record.status |= core::a11y::kDisabled;
  if (item_data) record.nav_rect = item_data->NavRect;
  app::a11y::take_hint(record);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  if (ctx != GImGui) return;
  app::a11y::Tree& t = app::a11y::tree();
  const auto found = t.index.find(id);
  if (found == t.index.end()) return;
  app::a11y::Record& record = t.records[found->second];
  if (record.label.empty() && label != nullptr) record.label = label;
  record.status |= app::a11y::status_bits(flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
  const app::a11y::Tree& t = app::a11y::tree();
  const auto found = t.index.find(id);
  return found == t.index.end() ? nullptr : t.records[found->second].label.c_str();
}
