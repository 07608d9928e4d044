#include "core/lz_codec.hpp"

#include <cstdint>
#include <vector>

namespace core {
namespace {

constexpr std::size_t kMinMatch = 4;
constexpr std::size_t kMaxOffset = 65535;
constexpr std::size_t kHashBits = 14;
constexpr int kMaxCandidates = 64;  // links are small: search well rather than fast
constexpr std::uint32_t kNoPosition = UINT32_MAX;

std::uint32_t hash4(const char* p) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = v << 8 | static_cast<std::uint8_t>(p[i]);
  return (v * 2654435761U) >> (32 - kHashBits);
}

void write_length_extra(std::size_t rest, std::string& out) {
  while (rest >= 255) {
    out += static_cast<char>(255);
    rest -= 255;
  }
  out += static_cast<char>(rest);
}

void write_sequence(std::string_view literals, std::size_t match_length, std::size_t offset, std::string& out) {
  const std::size_t lit_nibble = std::min<std::size_t>(literals.size(), 15);
  const std::size_t match_nibble = match_length == 0 ? 0 : std::min<std::size_t>(match_length - kMinMatch, 15);
  out += static_cast<char>(lit_nibble << 4 | match_nibble);
  if (lit_nibble == 15) write_length_extra(literals.size() - 15, out);
  out.append(literals);
  if (match_length == 0) return;
  out += static_cast<char>(offset & 0xFF);
  out += static_cast<char>(offset >> 8);
  if (match_nibble == 15) write_length_extra(match_length - kMinMatch - 15, out);
}

// Positions in dictionary + input that share a 4-byte hash, newest first.
class MatchFinder {
 public:
  explicit MatchFinder(std::string_view window)
      : window_(window), head_(std::size_t{1} << kHashBits, kNoPosition), previous_(window.size(), kNoPosition) {}

  void insert(std::size_t position) {
    if (position + kMinMatch > window_.size()) return;
    const std::uint32_t h = hash4(window_.data() + position);
    previous_[position] = head_[h];
    head_[h] = static_cast<std::uint32_t>(position);
  }

  // The longest earlier match for `position`, as {length, offset}; length 0 if none.
  std::pair<std::size_t, std::size_t> longest(std::size_t position) const {
    std::pair<std::size_t, std::size_t> best{0, 0};
    if (position + kMinMatch > window_.size()) return best;
    std::uint32_t candidate = head_[hash4(window_.data() + position)];
    for (int tries = 0; candidate != kNoPosition && tries < kMaxCandidates; ++tries) {
      if (position - candidate > kMaxOffset) break;
      std::size_t length = 0;
      while (position + length < window_.size() && window_[candidate + length] == window_[position + length]) ++length;
      if (length >= kMinMatch && length > best.first) best = {length, position - candidate};
      candidate = previous_[candidate];
    }
    return best;
  }

 private:
  std::string_view window_;
  std::vector<std::uint32_t> head_;
  std::vector<std::uint32_t> previous_;
};

// Reads a byte from the block; false when the block has ended.
class BlockReader {
 public:
  explicit BlockReader(std::string_view block) : block_(block) {}
  bool done() const { return at_ == block_.size(); }
  bool byte(std::size_t& value) {
    if (done()) return false;
    value = static_cast<std::uint8_t>(block_[at_++]);
    return true;
  }
  // A nibble's value, plus the extra bytes that follow a nibble of 15.
  bool length(std::size_t nibble, std::size_t limit, std::size_t& value) {
    value = nibble;
    if (nibble != 15) return true;
    std::size_t extra = 255;
    while (extra == 255) {
      if (!byte(extra)) return false;
      value += extra;
      if (value > limit) return false;
    }
    return true;
  }
  bool take(std::size_t count, std::string_view& bytes) {
    if (block_.size() - at_ < count) return false;
    bytes = block_.substr(at_, count);
    at_ += count;
    return true;
  }

 private:
  std::string_view block_;
  std::size_t at_ = 0;
};

}  // namespace

std::string lz_compress(std::string_view input, std::string_view dictionary) {
  // Only the last kMaxOffset dictionary bytes can ever be reached.
  if (dictionary.size() > kMaxOffset) dictionary = dictionary.substr(dictionary.size() - kMaxOffset);
  std::string window;
  window.reserve(dictionary.size() + input.size());
  window.append(dictionary).append(input);
  MatchFinder finder(window);
  for (std::size_t i = 0; i < dictionary.size(); ++i) finder.insert(i);

  std::string out;
  std::size_t literal_start = dictionary.size();
  std::size_t position = dictionary.size();
  while (position < window.size()) {
    const auto [length, offset] = finder.longest(position);
    if (length == 0) {
      finder.insert(position++);
      continue;
    }
    write_sequence(std::string_view(window).substr(literal_start, position - literal_start), length, offset, out);
    for (std::size_t end = position + length; position < end; ++position) finder.insert(position);
    literal_start = position;
  }
  write_sequence(std::string_view(window).substr(literal_start), 0, 0, out);
  return out;
}

std::optional<std::string> lz_decompress(std::string_view block, std::string_view dictionary, std::size_t max_size) {
  if (dictionary.size() > kMaxOffset) dictionary = dictionary.substr(dictionary.size() - kMaxOffset);
  std::string window(dictionary);
  const std::size_t limit = dictionary.size() + max_size;
  BlockReader reader(block);
  while (true) {
    std::size_t token = 0;
    if (!reader.byte(token)) return std::nullopt;  // a block always ends with a token
    std::size_t literal_count = 0;
    std::string_view literals;
    if (!reader.length(token >> 4, max_size, literal_count) || !reader.take(literal_count, literals))
      return std::nullopt;
    if (window.size() + literal_count > limit) return std::nullopt;
    window.append(literals);
    if (reader.done()) {
      if ((token & 15) != 0) return std::nullopt;  // a match announced but cut off
      break;
    }
    std::size_t low = 0;
    std::size_t high = 0;
    std::size_t match_length = 0;
    if (!reader.byte(low) || !reader.byte(high) || !reader.length(token & 15, max_size, match_length))
      return std::nullopt;
    const std::size_t offset = low | high << 8;
    match_length += kMinMatch;
    if (offset == 0 || offset > window.size() || window.size() + match_length > limit) return std::nullopt;
    // Byte by byte: a match may overlap the bytes it is producing.
    for (std::size_t from = window.size() - offset, i = 0; i < match_length; ++i) window += window[from + i];
  }
  return window.substr(dictionary.size());
}

}  // namespace core
