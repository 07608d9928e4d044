// Which glyphs the font atlas needs and which font files to fetch for them.
// The app starts with what its first frame draws; text about to be drawn
// (answers, the editor, typed input, preset names) is scanned for codepoints,
// and plan_glyphs decides, without touching fonts or the network: add these
// codepoints now (their font is compiled in or loaded), fetch these files,
// give up on these (no font has them, or their file failed to load).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace core {

struct CodepointRange {
  char32_t first = 0;
  char32_t last = 0;  // inclusive
};

// A font file the app can fetch: the script it serves (for messages), its
// path under the site, the exact codepoints it has glyphs for, and its
// ascent minus descent in ems (to draw it at the size of the UI font's em).
// `mono_path`, when not empty: a second file with the same codepoints from
// the monospace font of the same design (the page is loaded when both are),
// for the monospace font; without it the one file serves both fonts.
struct FontFile {
  std::string_view script;
  std::string_view path;
  std::span<const CodepointRange> codepoints;
  float height_per_em = 1;
  std::string_view mono_path;
};

// A sorted set of codepoints.
class CodepointSet {
 public:
  CodepointSet() = default;
  explicit CodepointSet(std::span<const CodepointRange> ranges);
  // True when `c` was not in the set.
  bool insert(char32_t c);
  void insert_all(const CodepointSet& other);
  void erase_all(const CodepointSet& other);
  bool contains(char32_t c) const;
  bool empty() const { return values_.empty(); }
  std::size_t size() const { return values_.size(); }
  const std::vector<char32_t>& values() const { return values_; }
  // Runs of consecutive codepoints.
  std::vector<CodepointRange> ranges() const;

 private:
  std::vector<char32_t> values_;
};

bool operator==(const CodepointSet& a, const CodepointSet& b);

// Adds to `into` the codepoints of UTF-8 `text` beyond ASCII (which the first
// frame always has) and C1 controls, including those
// written as JSON escapes ("\u540d", surrogate pairs joined: an answer's
// strings are drawn decoded); invalid bytes are skipped. Returns how many
// were new. ASCII-only text costs one pass.
std::size_t collect_codepoints(std::string_view text, CodepointSet& into);

// Finds the file that has a codepoint, among many files with many ranges.
class FontIndex {
 public:
  explicit FontIndex(std::span<const FontFile> files);
  std::optional<std::size_t> file_for(char32_t c) const;
  std::span<const FontFile> files() const { return files_; }

 private:
  struct Entry {
    CodepointRange range;
    std::size_t file = 0;
  };
  std::span<const FontFile> files_;
  std::vector<Entry> entries_;  // sorted by range.first
};

enum class FontFileState { NotLoaded, Loading, Loaded, Failed };

// The paths a font file is fetched as: its path, then its mono_path if it has one.
std::vector<std::string_view> font_file_parts(const FontFile& file);

// One font file's fetch, part by part (font_file_parts): Loading until every
// part has arrived, then Loaded; Failed as soon as one part fails (a part
// still out changes nothing when it arrives).
class FontFileFetch {
 public:
  explicit FontFileFetch(std::size_t parts) : remaining_(parts) {}
  // One part arrived (`ok`: a font) or failed; returns the file's state now.
  FontFileState arrived(bool ok);
  FontFileState state() const;
  // Every part has answered, well or not.
  bool done() const { return remaining_ == 0; }

 private:
  std::size_t remaining_ = 0;
  bool failed_ = false;
};

struct GlyphPlan {
  CodepointSet add;                // into the atlas now: compiled in, or in a loaded file
  std::vector<std::size_t> fetch;  // files to start loading (indices into the index's files), each once
  CodepointSet unavailable;        // no font has them, or their file failed: never asked for again
  CodepointSet waiting;            // their file is loading (or about to): asked for again when it arrives
};

// Plans the codepoints `wanted` that are not yet in the atlas (`in_atlas`):
// compiled-in fonts (`compiled_in`) come first, then the files, by their
// state (`states`, one per file).
GlyphPlan plan_glyphs(const CodepointSet& wanted, const CodepointSet& in_atlas, const CodepointSet& compiled_in,
                      const FontIndex& index, std::span<const FontFileState> states);

}  // namespace core
