#include <doctest/doctest.h>

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "core/glyph_plan.hpp"

using core::CodepointRange;
using core::CodepointSet;
using core::FontFile;
using core::FontFileState;
using core::FontIndex;

namespace {

// Two files of one CJK block, one Arabic, one emoji page: as cmake/split_fonts.py makes them.
constexpr CodepointRange kCjk4e[] = {{0x4E00, 0x4EFF}};
constexpr CodepointRange kCjk54[] = {{0x5400, 0x54FF}};
constexpr CodepointRange kKana[] = {{0x3041, 0x3096}, {0x30A1, 0x30FA}};
constexpr CodepointRange kArabic[] = {{0x600, 0x61C}, {0x61E, 0x6FF}};
constexpr CodepointRange kEmoji[] = {{0x1F600, 0x1F64F}};
const std::array<FontFile, 5> kFiles = {{
    {"Chinese, Japanese and Korean", "fonts/cjk-4e.ttf", kCjk4e},
    {"Chinese, Japanese and Korean", "fonts/cjk-54.ttf", kCjk54},
    {"Chinese, Japanese and Korean", "fonts/cjk-30.ttf", kKana},
    {"Arabic", "fonts/arabic-6.ttf", kArabic},
    {"Emoji and symbols", "fonts/symbols-1f6.ttf", kEmoji},
}};
constexpr CodepointRange kCompiledIn[] = {{0xA0, 0x17F},    {0x370, 0x3FF},   {0x400, 0x45F},
                                          {0x200B, 0x200F}, {0xFE00, 0xFE0F}, {0xFFFD, 0xFFFD}};

CodepointSet codepoints_of(std::string_view text) {
  CodepointSet set;
  core::collect_codepoints(text, set);
  return set;
}

std::array<FontFileState, 5> all(FontFileState state) {
  std::array<FontFileState, 5> states;
  states.fill(state);
  return states;
}

}  // namespace

TEST_CASE("codepoints are collected from UTF-8 beyond ASCII, once each, with invalid bytes skipped") {
  CodepointSet set;
  CHECK(core::collect_codepoints("plain ASCII only", set) == 0);
  CHECK(set.empty());
  // 名前 テスト 😀 مر Ωmega
  CHECK(core::collect_codepoints("\xE5\x90\x8D\xE5\x89\x8D \xE3\x83\x86\xE3\x82\xB9\xE3\x83\x88 "
                                 "\xF0\x9F\x98\x80 \xD9\x85\xD8\xB1 \xCE\xA9mega",
                                 set) == 9);
  CHECK(set.contains(0x540D));
  CHECK(set.contains(0x1F600));
  CHECK(set.contains(0x3A9));
  CHECK(core::collect_codepoints("\xE5\x90\x8D again", set) == 0);
  CHECK(core::collect_codepoints("\xFF\xC3 \xE5\x90 truncated \xF0\x9F", set) == 0);
  CHECK(core::collect_codepoints("\xC0\xAF overlong, \xED\xA0\x80 surrogate", set) == 0);
  CHECK(set.size() == 9);
}

TEST_CASE("C1 controls are not glyphs: joiners and variation selectors are (empty ones, compiled in)") {
  // U+0085, U+200D (zero-width joiner), U+FE0F (emoji presentation), U+2028
  const auto set = codepoints_of("\xC2\x85\xE2\x80\x8D\xEF\xB8\x8F\xE2\x80\xA8");
  CHECK(set.values() == std::vector<char32_t>{0x200D, 0x2028, 0xFE0F});
}

TEST_CASE("a codepoint set keeps order and gives its runs") {
  CodepointSet set;
  for (char32_t c : {0x4E01, 0x4E00, 0x41, 0x4E02, 0x1F600}) set.insert(c);
  const auto runs = set.ranges();
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].first == 0x41);
  CHECK(runs[1].first == 0x4E00);
  CHECK(runs[1].last == 0x4E02);
  CHECK(runs[2].last == 0x1F600);
  CodepointSet other{std::span<const CodepointRange>(kCjk4e)};
  other.erase_all(set);
  CHECK(other.size() == 256 - 3);
}

TEST_CASE("the index finds the one file that has a codepoint, or none") {
  const FontIndex index(kFiles);
  CHECK(index.file_for(0x4E00) == 0);
  CHECK(index.file_for(0x4EFF) == 0);
  CHECK(index.file_for(0x540D) == 1);
  CHECK(index.file_for(0x30C6) == 2);
  CHECK(index.file_for(0x61D) == std::nullopt);  // a hole inside the Arabic page
  CHECK(index.file_for(0x1F600) == 4);
  CHECK(index.file_for(0x4F00) == std::nullopt);
  CHECK(index.file_for(0x20) == std::nullopt);
}

TEST_CASE("text in compiled-in scripts is added at once and fetches nothing") {
  const FontIndex index(kFiles);
  const auto states = all(FontFileState::NotLoaded);
  // Ωmega Ж, and a thumbs-up's variation selector (U+FE0F)
  const auto plan = core::plan_glyphs(codepoints_of("\xCE\xA9mega \xD0\x96 \xEF\xB8\x8F"), {},
                                      CodepointSet(kCompiledIn), index, states);
  CHECK(plan.add.size() == 3);
  CHECK(plan.fetch.empty());
  CHECK(plan.waiting.empty());
}

TEST_CASE("a Japanese name fetches only the pages its characters are on, each once") {
  const FontIndex index(kFiles);
  const auto states = all(FontFileState::NotLoaded);
  // 名前 (U+540D U+524D: 524D is on no page here) テスト 一 丁
  const auto wanted =
      codepoints_of("\xE5\x90\x8D\xE5\x89\x8D \xE3\x83\x86\xE3\x82\xB9\xE3\x83\x88 \xE4\xB8\x80\xE4\xB8\x81");
  const auto plan = core::plan_glyphs(wanted, {}, CodepointSet(kCompiledIn), index, states);
  CHECK(plan.fetch == std::vector<std::size_t>{2, 0, 1});
  CHECK(plan.add.empty());
  CHECK(plan.waiting.size() == 6);
  CHECK(plan.unavailable.values() == std::vector<char32_t>{0x524D});
}

TEST_CASE("codepoints of a loading file wait without a second fetch: once loaded they are added") {
  const FontIndex index(kFiles);
  const auto wanted = codepoints_of("\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7");  // مرحبا
  auto states = all(FontFileState::NotLoaded);
  states[3] = FontFileState::Loading;
  auto plan = core::plan_glyphs(wanted, {}, CodepointSet(kCompiledIn), index, states);
  CHECK(plan.fetch.empty());
  CHECK(plan.waiting.size() == 5);
  CHECK(plan.add.empty());
  states[3] = FontFileState::Loaded;
  plan = core::plan_glyphs(wanted, {}, CodepointSet(kCompiledIn), index, states);
  CHECK(plan.add.size() == 5);
  CHECK(plan.waiting.empty());
}

TEST_CASE("what the atlas has is not planned again, and a failed file gives its codepoints up") {
  const FontIndex index(kFiles);
  const auto wanted = codepoints_of("\xF0\x9F\x98\x80 \xE4\xB8\x80");  // 😀 一
  auto states = all(FontFileState::Failed);
  CodepointSet in_atlas;
  in_atlas.insert(0x4E00);
  const auto plan = core::plan_glyphs(wanted, in_atlas, CodepointSet(kCompiledIn), index, states);
  CHECK(plan.add.empty());
  CHECK(plan.fetch.empty());
  CHECK(plan.unavailable.values() == std::vector<char32_t>{0x1F600});
}

TEST_CASE("codepoints written as JSON escapes count, surrogate pairs joined, broken escapes skipped") {
  // {"name": "\u540d\u524d \ud83d\ude00"} as Python's json.dumps writes it
  const auto set =
      codepoints_of(R"({"name": "\u540d\u524D \ud83d\ude00 \u00e9", "bad": "\u12 \ud83d \\u0041 \udc00x"})");
  CHECK(set.values() == std::vector<char32_t>{0xE9, 0x524D, 0x540D, 0x1F600});
}

TEST_CASE("a font file with a mono file is fetched as both, the sans file first") {
  constexpr CodepointRange latin[] = {{0xA0, 0xFF}};
  const FontFile both{"Latin, Greek and Cyrillic", "fonts/latin-0.ttf", latin, 1.1641f, "fonts/latin-mono-0.ttf"};
  CHECK(core::font_file_parts(both) == std::vector<std::string_view>{"fonts/latin-0.ttf", "fonts/latin-mono-0.ttf"});
  CHECK(core::font_file_parts(kFiles[0]) == std::vector<std::string_view>{"fonts/cjk-4e.ttf"});
}

TEST_CASE("a file fetched in parts is loaded once every part arrived, and failed as soon as one part fails") {
  core::FontFileFetch one(1);
  CHECK(one.state() == FontFileState::Loading);
  CHECK(one.arrived(true) == FontFileState::Loaded);
  CHECK(one.done());

  core::FontFileFetch two(2);
  CHECK(two.arrived(true) == FontFileState::Loading);
  CHECK_FALSE(two.done());
  CHECK(two.arrived(true) == FontFileState::Loaded);
  CHECK(two.done());

  core::FontFileFetch mono_fails(2);
  CHECK(mono_fails.arrived(false) == FontFileState::Failed);
  CHECK_FALSE(mono_fails.done());
  CHECK(mono_fails.arrived(true) == FontFileState::Failed);
  CHECK(mono_fails.done());
}

TEST_CASE("the first file that has a codepoint serves it: DejaVu's pages before Symbola's overlapping ones") {
  // As cmake/split_fonts.py writes them: a codepoint goes to the first font (in
  // priority order) that has it, so the later file's ranges leave it out.
  constexpr CodepointRange latin20[] = {{0x2010, 0x2027}, {0x2030, 0x203A}, {0x20AC, 0x20AC}};
  constexpr CodepointRange symbols20[] = {{0x2000, 0x200A}, {0x2028, 0x202F}, {0x203B, 0x20AB}};
  const std::array<FontFile, 2> files = {{
      {"Latin, Greek and Cyrillic", "fonts/latin-20.ttf", latin20, 1.1641f, "fonts/latin-mono-20.ttf"},
      {"emoji and symbols", "fonts/symbols-20.ttf", symbols20},
  }};
  const FontIndex index(files);
  CHECK(index.file_for(0x2014) == std::optional<std::size_t>{0});  // em dash
  CHECK(index.file_for(0x20AC) == std::optional<std::size_t>{0});  // euro sign
  CHECK(index.file_for(0x2041) == std::optional<std::size_t>{1});
  const auto plan = core::plan_glyphs(codepoints_of("\xE2\x80\x94 \xE2\x82\xAC \xE2\x81\x81"), {}, {}, index,
                                      std::array<FontFileState, 2>{});
  CHECK(plan.fetch == std::vector<std::size_t>{0, 1});
  CHECK(plan.waiting.size() == 3);
}
