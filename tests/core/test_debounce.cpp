#include <doctest/doctest.h>

#include "core/debounce.hpp"

TEST_CASE("nothing is due before a change") {
  core::Debounce save(400, 2000);
  CHECK_FALSE(save.pending());
  CHECK_FALSE(save.take_due(0));
  CHECK_FALSE(save.take_due(1e9));
  CHECK_FALSE(save.take_pending());
}

TEST_CASE("a change is due once changes have paused for the quiet time, and only once") {
  core::Debounce save(400, 2000);
  save.changed(1000);
  CHECK(save.pending());
  CHECK_FALSE(save.take_due(1000));
  CHECK_FALSE(save.take_due(1399));
  CHECK(save.take_due(1400));
  CHECK_FALSE(save.pending());
  CHECK_FALSE(save.take_due(5000));
}

TEST_CASE("each change restarts the quiet time: quick typing is written once, after the last key") {
  core::Debounce save(400, 2000);
  int writes = 0;
  for (double now = 0; now <= 1000; now += 50) {
    save.changed(now);  // a key every 50 ms
    if (save.take_due(now + 10)) ++writes;
  }
  CHECK(writes == 0);
  CHECK_FALSE(save.take_due(1399));
  CHECK(save.take_due(1400));
}

TEST_CASE("steady typing is still written at the latest the longest wait after the first unwritten change") {
  core::Debounce save(400, 2000);
  int writes = 0;
  for (double now = 0; now < 5000; now += 100) {
    save.changed(now);
    if (save.take_due(now)) ++writes;  // never quiet for 400 ms
  }
  CHECK(writes == 2);  // at 2000 and at 4100 (the first change after 2000 came at 2100)
  CHECK(save.pending());
}

TEST_CASE("a waiting change can be taken at once whatever the time, and is then no longer due") {
  core::Debounce save(400, 2000);
  save.changed(100);
  CHECK(save.take_pending());
  CHECK_FALSE(save.pending());
  CHECK_FALSE(save.take_due(10000));
  CHECK_FALSE(save.take_pending());
}

TEST_CASE("a change after a write starts a new wait") {
  core::Debounce save(400, 2000);
  save.changed(0);
  CHECK(save.take_due(400));
  save.changed(3000);
  CHECK_FALSE(save.take_due(3399));
  CHECK(save.take_due(3400));
}
