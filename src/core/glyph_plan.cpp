#include "core/glyph_plan.hpp"

#include <algorithm>
#include <iterator>

#include "core/text.hpp"

namespace core {
namespace {

// ASCII is always in the atlas; C1 controls are never drawn. Everything else
// is, even zero-width joiners and variation selectors (as empty glyphs).
bool drawable(char32_t c) { return c >= 0xA0; }

// The code unit of a JSON escape "\uXXXX" at text[i], or nullopt.
std::optional<char32_t> json_escape_at(std::string_view text, std::size_t i) {
  if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u') return std::nullopt;
  char32_t unit = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const int digit = hex_digit_value(text[k]);
    if (digit < 0) return std::nullopt;
    unit = unit * 16 + static_cast<char32_t>(digit);
  }
  return unit;
}

// A JSON escape at text[i] (a surrogate pair as one codepoint); advances `i`
// past it, or by one byte when there is none.
std::optional<char32_t> decode_escape(std::string_view text, std::size_t& i) {
  const std::optional<char32_t> unit = json_escape_at(text, i);
  if (!unit) {
    ++i;
    return std::nullopt;
  }
  i += 6;
  if (*unit < 0xD800 || *unit > 0xDFFF) return unit;
  const std::optional<char32_t> low = json_escape_at(text, i);
  if (*unit > 0xDBFF || !low || *low < 0xDC00 || *low > 0xDFFF) return std::nullopt;
  i += 6;
  return 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00);
}

}  // namespace

CodepointSet::CodepointSet(std::span<const CodepointRange> ranges) {
  for (const CodepointRange& r : ranges) {
    for (char32_t c = r.first; c <= r.last; ++c) values_.push_back(c);
  }
  std::sort(values_.begin(), values_.end());
  values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
}

bool CodepointSet::insert(char32_t c) {
  const auto at = std::lower_bound(values_.begin(), values_.end(), c);
  if (at != values_.end() && *at == c) return false;
  values_.insert(at, c);
  return true;
}

void CodepointSet::insert_all(const CodepointSet& other) {
  std::vector<char32_t> merged;
  merged.reserve(values_.size() + other.values_.size());
  std::set_union(values_.begin(), values_.end(), other.values_.begin(), other.values_.end(),
                 std::back_inserter(merged));
  values_ = std::move(merged);
}

void CodepointSet::erase_all(const CodepointSet& other) {
  std::vector<char32_t> kept;
  std::set_difference(values_.begin(), values_.end(), other.values_.begin(), other.values_.end(),
                      std::back_inserter(kept));
  values_ = std::move(kept);
}

bool CodepointSet::contains(char32_t c) const { return std::binary_search(values_.begin(), values_.end(), c); }

std::vector<CodepointRange> CodepointSet::ranges() const {
  std::vector<CodepointRange> out;
  for (const char32_t c : values_) {
    if (!out.empty() && out.back().last + 1 == c) {
      out.back().last = c;
    } else {
      out.push_back({c, c});
    }
  }
  return out;
}

bool operator==(const CodepointSet& a, const CodepointSet& b) { return a.values() == b.values(); }

std::size_t collect_codepoints(std::string_view text, CodepointSet& into) {
  std::size_t added = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && byte != '\\') {
      ++i;
      continue;
    }
    const std::optional<char32_t> c = byte == '\\' ? decode_escape(text, i) : decode_utf8(text, i);
    if (c && drawable(*c) && into.insert(*c)) ++added;
  }
  return added;
}

FontIndex::FontIndex(std::span<const FontFile> files) : files_(files) {
  for (std::size_t f = 0; f < files.size(); ++f) {
    for (const CodepointRange& range : files[f].codepoints) entries_.push_back({range, f});
  }
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.range.first < b.range.first; });
}

std::optional<std::size_t> FontIndex::file_for(char32_t c) const {
  const auto after = std::upper_bound(entries_.begin(), entries_.end(), c,
                                      [](char32_t value, const Entry& e) { return value < e.range.first; });
  if (after == entries_.begin()) return std::nullopt;
  const Entry& candidate = *std::prev(after);
  if (c > candidate.range.last) return std::nullopt;
  return candidate.file;
}

std::vector<std::string_view> font_file_parts(const FontFile& file) {
  std::vector<std::string_view> parts{file.path};
  if (!file.mono_path.empty()) parts.push_back(file.mono_path);
  return parts;
}

FontFileState FontFileFetch::arrived(bool ok) {
  if (remaining_ > 0) --remaining_;
  if (!ok) failed_ = true;
  return state();
}

FontFileState FontFileFetch::state() const {
  if (failed_) return FontFileState::Failed;
  return remaining_ == 0 ? FontFileState::Loaded : FontFileState::Loading;
}

GlyphPlan plan_glyphs(const CodepointSet& wanted, const CodepointSet& in_atlas, const CodepointSet& compiled_in,
                      const FontIndex& index, std::span<const FontFileState> states) {
  GlyphPlan plan;
  std::vector<bool> asked(states.size(), false);
  for (const char32_t c : wanted.values()) {
    if (in_atlas.contains(c)) continue;
    if (compiled_in.contains(c)) {
      plan.add.insert(c);
      continue;
    }
    const std::optional<std::size_t> file = index.file_for(c);
    const FontFileState state = file && *file < states.size() ? states[*file] : FontFileState::Failed;
    switch (state) {
      case FontFileState::Loaded: plan.add.insert(c); break;
      case FontFileState::Failed: plan.unavailable.insert(c); break;
      case FontFileState::Loading: plan.waiting.insert(c); break;
      case FontFileState::NotLoaded:
        plan.waiting.insert(c);
        if (!asked[*file]) {
          asked[*file] = true;
          plan.fetch.push_back(*file);
        }
        break;
    }
  }
  return plan;
}

}  // namespace core
