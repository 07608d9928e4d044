// libFuzzer target: any bytes, read as each kind of expression, give a parse
// (never a crash) whose every position lies within the input; an expression
// that parses still parses after its reserved words are aliased, and then
// holds no bare reserved word.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/expression.hpp"
#include "core/reserved_words.hpp"

namespace {

bool within(const core::TextSpan& span, std::string_view text) {
  return span.offset <= text.size() && span.length <= text.size() - span.offset;
}

void check_positions(const core::ParsedExpression& parsed, std::string_view text) {
  for (const auto& d : parsed.diagnostics) {
    if (!d.position || !within(*d.position, text)) std::abort();
  }
  for (const auto& path : parsed.paths) {
    if (!within(path.span, text)) std::abort();
    for (const auto& e : path.elements) {
      if (!within(e.span, text)) std::abort();
    }
  }
  for (const auto& value : parsed.values) {
    if (!within(value.span, text)) std::abort();
  }
}

bool has_bare_reserved_word(const core::ParsedExpression& parsed) {
  for (const auto& path : parsed.paths) {
    for (const auto& e : path.elements) {
      if (e.kind == core::PathElementKind::Name && core::is_reserved_word(e.text)) return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto kind : {core::ExpressionKind::Update, core::ExpressionKind::Condition, core::ExpressionKind::KeyCondition,
                    core::ExpressionKind::Projection}) {
    const auto parsed = core::parse_expression(text, kind);
    check_positions(parsed, text);
    if (!parsed.syntax_ok) continue;
    const auto aliased = core::alias_names(text, kind, {});
    const auto again = core::parse_expression(aliased.expression, kind);
    if (!again.syntax_ok || has_bare_reserved_word(again)) std::abort();
  }
  return 0;
}
