// libFuzzer target for events: any text validates without a crash; an event
// the form can hold comes back from the form the same the second time round,
// and unchanged the first time when it is valid and has no repeated members.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/request.hpp"
#include "core/validation.hpp"

namespace {

core::JsonValue through_form(const core::RequestForm& form) { return core::event_from_form(form).event; }

bool has_warnings(const core::Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity != core::Severity::Info) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto diagnostics = core::validate_event_text(text);
  const auto parsed = core::parse_json(text);
  if (!parsed) return 0;
  const auto read = core::form_from_event(*parsed.value);
  if (!read.form) return 0;
  const auto once = through_form(*read.form);
  const auto again = core::form_from_event(once);
  if (!again.form || !(through_form(*again.form) == once)) std::abort();
  if (!core::has_errors(diagnostics) && !has_warnings(read.diagnostics) && !(once == *parsed.value)) std::abort();
  return 0;
}
