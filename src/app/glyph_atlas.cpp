#include "app/glyph_atlas.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <utility>

#include "app/fonts.hpp"
#include "platform/platform.hpp"

namespace app::glyphs {
namespace {

// DejaVu Sans's em as a share of the height ImGui sizes fonts by (ascent
// minus descent: 2048 / 2384 units). Fallback fonts get the same em, not the
// same height: their ascent and descent vary (Noto Sans Arabic's span twice
// its em), and their letters would shrink.
constexpr float kEmPerFontHeight = 2048.0f / 2384.0f;
// A texture side beyond this costs more memory (RGBA, 64 MB at 4096) than a
// page of text is worth, whatever the GPU allows.
constexpr int kMaxTextureSide = 4096;

core::CodepointSet set_of(const ImWchar* ranges) {
  std::vector<core::CodepointRange> runs;
  for (; ranges[0] != 0; ranges += 2)
    runs.push_back({static_cast<char32_t>(ranges[0]), static_cast<char32_t>(ranges[1])});
  return core::CodepointSet(runs);
}

std::vector<ImWchar> imgui_ranges(const core::CodepointSet& set) {
  std::vector<ImWchar> out;
  for (const core::CodepointRange& run : set.ranges()) {
    out.push_back(static_cast<ImWchar>(run.first));
    out.push_back(static_cast<ImWchar>(run.last));
  }
  out.push_back(0);
  return out;
}

// TrueType or OpenType data, not an HTML page a static host answered with.
bool looks_like_font(const std::vector<unsigned char>& bytes) {
  if (bytes.size() < 12) return false;
  return std::memcmp(bytes.data(), "\x00\x01\x00\x00", 4) == 0 || std::memcmp(bytes.data(), "OTTO", 4) == 0 ||
         std::memcmp(bytes.data(), "true", 4) == 0;
}

struct Atlas {
  core::FontIndex index{fonts::fallback_files};
  // What the wasm holds: the first frame's characters, rasterized before it is drawn.
  core::CodepointSet compiled_in = set_of(fonts::first_frame_ranges);
  core::CodepointSet in_atlas = compiled_in;
  core::CodepointSet pending;   // noted, not in the atlas: to plan, or waiting for their file
  core::CodepointSet recent;    // noted since the last answer
  core::CodepointSet given_up;  // no font has them, or their file failed
  core::CodepointSet overflow;  // did not fit in the texture: drawn as U+FFFD until the next answer
  std::vector<core::FontFileState> states = std::vector<core::FontFileState>(fonts::fallback_files.size());
  std::vector<core::FontFileFetch> fetches =
      std::vector<core::FontFileFetch>(fonts::fallback_files.size(), core::FontFileFetch(0));
  // Per file: its parts' bytes (core::font_file_parts: the file, then its mono file if it has one).
  std::vector<std::vector<std::vector<unsigned char>>> data =
      std::vector<std::vector<std::vector<unsigned char>>>(fonts::fallback_files.size());
  std::vector<std::vector<ImWchar>> ranges;  // what ImGui's font configs point to, until the next build
  std::vector<std::string> failed_scripts;
  std::vector<std::string> notices;
  bool replan = false;
  bool said_full = false;
  float built_size = 0;  // the text size the atlas was rasterized at, device pixels
  int loading = 0;
  int missing = 0;  // most characters drawn without a glyph in one frame since the last answer
  int builds = 0;
  double build_ms = 0;
};

Atlas& atlas() {
  static Atlas a;
  return a;
}

bool available(const Atlas& a, char32_t c) {
  if (a.compiled_in.contains(c)) return true;
  const auto file = a.index.file_for(c);
  return file && a.states[*file] == core::FontFileState::Loaded;
}

void report_failure(Atlas& a, std::size_t file, std::string_view path, int status) {
  const core::FontFile& info = fonts::fallback_files[file];
  const std::string script(info.script);
  if (std::find(a.failed_scripts.begin(), a.failed_scripts.end(), script) != a.failed_scripts.end()) return;
  a.failed_scripts.push_back(script);
  const std::string why = status == 0 ? "no answer" : status == 200 ? "not a font" : "HTTP " + std::to_string(status);
  a.notices.push_back("Text in " + script + " cannot be shown: its font (" + std::string(path) +
                      ") could not be loaded (" + why + "), so those characters show as \xEF\xBF\xBD. " +
                      "The data is intact: copying gives the exact text. Reload the page to try again.");
}

// Fetches a file's parts; it is loaded when each part is a font, and failed
// (said once, naming the part) as soon as one is not.
void start_fetch(Atlas& a, std::size_t file) {
  const std::vector<std::string_view> parts = core::font_file_parts(fonts::fallback_files[file]);
  a.fetches[file] = core::FontFileFetch(parts.size());
  a.data[file].assign(parts.size(), {});
  a.states[file] = core::FontFileState::Loading;
  ++a.loading;
  for (std::size_t part = 0; part < parts.size(); ++part) {
    const std::string path(parts[part]);
    platform::fetch_static_file(path, [file, part, path](platform::StaticFile& fetched) {
      Atlas& now = atlas();
      const bool ok = fetched.status == 200 && looks_like_font(fetched.bytes);
      const bool had_failed = now.states[file] == core::FontFileState::Failed;
      now.states[file] = now.fetches[file].arrived(ok);
      if (!ok && !had_failed) report_failure(now, file, path, fetched.status);
      if (now.states[file] == core::FontFileState::Failed) {
        now.data[file].clear();
      } else if (ok) {
        now.data[file][part] = std::move(fetched.bytes);
      }
      if (now.fetches[file].done()) --now.loading;
      now.replan = true;
    });
  }
}

// Rasterizes `glyphs` (compiled-in and loaded-file codepoints)
// into both fonts, the fallback files merged in. True when the texture fits.
bool build(Atlas& a, float text_px, const core::CodepointSet& glyphs) {
  const auto started = std::chrono::steady_clock::now();
  core::CodepointSet compiled;
  std::vector<core::CodepointSet> per_file(a.data.size());
  for (const char32_t c : glyphs.values()) {
    if (a.compiled_in.contains(c)) {
      compiled.insert(c);
    } else if (const auto file = a.index.file_for(c); file && a.states[*file] == core::FontFileState::Loaded) {
      per_file[*file].insert(c);
    }
  }
  a.ranges.clear();
  a.ranges.push_back(imgui_ranges(compiled));
  std::vector<std::size_t> merged;
  for (std::size_t f = 0; f < per_file.size(); ++f) {
    if (per_file[f].empty()) continue;
    a.ranges.push_back(imgui_ranges(per_file[f]));
    merged.push_back(f);
  }

  ImGuiIO& io = ImGui::GetIO();
  const float em = text_px * kEmPerFontHeight;
  // Merges the fetched files into the font being added: the monospace font
  // takes a file's mono part first (DejaVu Sans Mono's own glyphs), then its
  // other part for what that lacks; the UI font takes the first part alone.
  const auto merge_files = [&](const ImFontConfig& config, bool mono) {
    for (std::size_t i = 0; i < merged.size(); ++i) {
      std::vector<std::vector<unsigned char>>& parts = a.data[merged[i]];
      const float file_px = em * fonts::fallback_files[merged[i]].height_per_em;
      // ImGui keeps the first glyph a codepoint gets: the mono part goes in first.
      for (std::size_t part = mono ? parts.size() : 1; part-- > 0;) {
        io.Fonts->AddFontFromMemoryTTF(parts[part].data(), static_cast<int>(parts[part].size()), file_px, &config,
                                       a.ranges[i + 1].data());
      }
    }
  };

  io.Fonts->Clear();
  const int side = std::min(platform::max_texture_size(), kMaxTextureSide);
  io.Fonts->TexDesiredWidth = side < kMaxTextureSide ? side : 0;
  const float size = text_px;
  for (const auto bytes : {fonts::ui_bytes, fonts::mono_bytes}) {
    ImFontConfig config;
    config.OversampleH = 1;
    config.PixelSnapH = true;
    // The font data stays ours (the atlas does not free it).
    config.FontDataOwnedByAtlas = false;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size()), size,
                                   &config, a.ranges[0].data());
    config.MergeMode = true;
    // What the monospace font lacks of the UI's own characters comes from DejaVu Sans.
    if (bytes.data() == fonts::mono_bytes.data()) {
      io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(fonts::ui_bytes.data()),
                                     static_cast<int>(fonts::ui_bytes.size()), size, &config, a.ranges[0].data());
    }
    merge_files(config, bytes.data() == fonts::mono_bytes.data());
  }
  const bool built = io.Fonts->Build();
  ++a.builds;
  a.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return built && io.Fonts->TexWidth <= side && io.Fonts->TexHeight <= side;
}

// The atlas with `wanted` if it fits; else with what was noted since the
// last answer; else as it was (or the first frame's alone), the new
// characters put aside until the next answer.
void rebuild(Atlas& a, float text_px, core::CodepointSet wanted) {
  if (build(a, text_px, wanted)) {
    a.in_atlas = std::move(wanted);
    return;
  }
  core::CodepointSet current = a.compiled_in;
  for (const char32_t c : a.recent.values()) {
    if (available(a, c)) current.insert(c);
  }
  core::CodepointSet left_out = wanted;
  left_out.erase_all(current);
  a.overflow.insert_all(left_out);
  if (!a.said_full) {
    a.said_full = true;
    a.notices.push_back(
        "So many different characters are shown that they no longer fit in the font texture: some show as "
        "\xEF\xBF\xBD until the next answer arrives. The data is intact.");
  }
  if (build(a, text_px, current)) {
    a.in_atlas = std::move(current);
    return;
  }
  build(a, text_px, a.compiled_in);
  a.in_atlas = a.compiled_in;
}

}  // namespace

void note_text(std::string_view utf8) {
  Atlas& a = atlas();
  core::CodepointSet found;
  if (core::collect_codepoints(utf8, found) == 0) return;
  a.recent.insert_all(found);
  for (const char32_t c : found.values()) {
    if (a.in_atlas.contains(c) || a.given_up.contains(c) || a.overflow.contains(c)) continue;
    if (a.pending.insert(c)) a.replan = true;
  }
}

void note_answer(std::string_view body) {
  Atlas& a = atlas();
  a.missing = 0;
  a.recent = {};
  a.pending.insert_all(a.overflow);
  a.overflow = {};
  a.replan = true;
  note_text(body);
}

bool update(float text_px) {
  Atlas& a = atlas();
  core::CodepointSet add;
  if (a.replan && !a.pending.empty()) {
    core::GlyphPlan plan = core::plan_glyphs(a.pending, a.in_atlas, a.compiled_in, a.index, a.states);
    for (const std::size_t file : plan.fetch) start_fetch(a, file);
    a.given_up.insert_all(plan.unavailable);
    a.pending = std::move(plan.waiting);
    add = std::move(plan.add);
  }
  a.replan = false;
  if (add.empty() && text_px == a.built_size) return false;
  add.insert_all(a.in_atlas);
  rebuild(a, text_px, std::move(add));
  a.built_size = text_px;
  return true;
}

void count_missing(const ImDrawData& draw_data) {
  Atlas& a = atlas();
  const ImFontAtlas& fonts = *ImGui::GetIO().Fonts;
  ImVec2 fallback[2];
  int kinds = 0;
  for (const ImFont* font : fonts.Fonts) {
    if (font->FallbackGlyph != nullptr && kinds < 2)
      fallback[kinds++] = ImVec2(font->FallbackGlyph->U0, font->FallbackGlyph->V0);
  }
  int count = 0;
  // Each glyph is a quad whose first corner has the glyph's top-left UV.
  for (const ImDrawList* list : draw_data.CmdLists) {
    for (const ImDrawVert& v : list->VtxBuffer) {
      for (int k = 0; k < kinds; ++k) {
        if (v.uv.x == fallback[k].x && v.uv.y == fallback[k].y) ++count;
      }
    }
  }
  if (a.loading == 0 && a.pending.empty()) a.missing = std::max(a.missing, count);
}

std::vector<std::string> take_notices() { return std::exchange(atlas().notices, {}); }

int missing_glyphs() { return atlas().missing; }

void reset() { atlas() = Atlas{}; }

SnapshotJson fonts_snapshot() {
  const Atlas& a = atlas();
  const ImFontAtlas& fonts = *ImGui::GetIO().Fonts;
  int loaded = 0;
  SnapshotJson files = SnapshotJson::array();
  for (std::size_t f = 0; f < a.states.size(); ++f) {
    if (a.states[f] != core::FontFileState::Loaded) continue;
    ++loaded;
    files.push_back(std::string(fonts::fallback_files[f].path));
  }
  SnapshotJson failed = SnapshotJson::array();
  for (const std::string& script : a.failed_scripts) failed.push_back(script);
  return {{"loading", a.loading},
          {"waiting", static_cast<int>(a.pending.size())},
          {"loaded", loaded},
          {"files", std::move(files)},
          {"failed", std::move(failed)},
          {"glyphs", static_cast<int>(a.in_atlas.size())},
          {"unavailable", static_cast<int>(a.given_up.size())},
          {"overflow", static_cast<int>(a.overflow.size())},
          {"texture", {{"width", fonts.TexWidth}, {"height", fonts.TexHeight}}},
          {"max_texture", std::min(platform::max_texture_size(), kMaxTextureSide)},
          {"builds", a.builds},
          {"build_ms", a.build_ms}};
}

}  // namespace app::glyphs
