// When to write what keeps changing (the draft being typed, the connection
// settings being edited): not on every change but once changes pause for
// `quiet_ms`, and at the latest `max_wait_ms` after the first change not yet
// written, so steady typing is still saved now and then. The caller writes
// the current value when told to: the value itself stays where it is (the
// editor), this only keeps time. Times are milliseconds on one monotonic
// clock, given by the caller (no clock of its own).
#pragma once

#include <optional>

namespace core {

class Debounce {
 public:
  Debounce(double quiet_ms, double max_wait_ms);

  // The value changed at `now_ms`.
  void changed(double now_ms);
  // Whether a change waits to be written.
  bool pending() const { return first_change_.has_value(); }
  // Whether the waiting change is due at `now_ms`: true once, and then
  // nothing waits until the next change (the caller writes now).
  bool take_due(double now_ms);
  // Whether a change waits, taken at once whatever the time (the page is
  // being hidden, or the value is about to be used): the caller writes now.
  bool take_pending();

 private:
  double quiet_ms_;
  double max_wait_ms_;
  std::optional<double> first_change_;
  double last_change_ = 0;
};

}  // namespace core
