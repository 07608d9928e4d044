#include "core/debounce.hpp"

#include <utility>

namespace core {

Debounce::Debounce(double quiet_ms, double max_wait_ms) : quiet_ms_(quiet_ms), max_wait_ms_(max_wait_ms) {}

void Debounce::changed(double now_ms) {
  if (!first_change_) first_change_ = now_ms;
  last_change_ = now_ms;
}

bool Debounce::take_due(double now_ms) {
  if (!first_change_) return false;
  if (now_ms - last_change_ < quiet_ms_ && now_ms - *first_change_ < max_wait_ms_) return false;
  first_change_.reset();
  return true;
}

bool Debounce::take_pending() { return std::exchange(first_change_, std::nullopt).has_value(); }

}  // namespace core
