// libFuzzer target for the attribute value and number readers: any JSON read
// as an attribute tree writes back as the same JSON (numbers exact, set and
// binary markers kept); any text read as a typed number gives JSON number
// text that reads back to itself and to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/attribute_value.hpp"

namespace {

void check_tree(std::string_view text) {
  const auto parsed = core::parse_json(text);
  if (!parsed) return;
  const auto value = core::attribute_from_json(*parsed.value);
  const auto writing = core::attribute_to_json(value, "v");
  if (!(writing.json == *parsed.value) || core::has_errors(writing.diagnostics)) std::abort();
  (void)core::check_attribute(value, "v");
  (void)core::attribute_size(value);
}

// JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
// (checked directly: the JSON reader also refuses numbers beyond a double's
// range, whose text is still a JSON number).
bool is_json_number(std::string_view t) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i - start;
  };
  if (i < t.size() && t[i] == '-') ++i;
  if (i < t.size() && t[i] == '0') {
    ++i;
  } else if (i >= t.size() || t[i] < '1' || t[i] > '9' || digits() == 0) {
    return false;
  }
  if (i < t.size() && t[i] == '.' && (++i, digits() == 0)) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == t.size();
}

void check_number(std::string_view text) {
  const auto json_text = core::number_to_json_text(text);
  if (!json_text) {
    if (core::parse_decimal(text)) std::abort();
    return;
  }
  if (!is_json_number(*json_text)) std::abort();
  if (core::number_to_json_text(*json_text) != json_text) std::abort();
  if (core::parse_decimal(*json_text) != core::parse_decimal(text)) std::abort();
  (void)core::number_problem(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_tree(text);
  check_number(text);
  return 0;
}
