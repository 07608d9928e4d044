// Scrolling by dragging a finger, with momentum: while the finger moves the
// content follows it and the speed is measured (smoothed over the last
// moves); after the finger lifts the content glides on, slowing down
// exponentially, until it is too slow to see. Times in seconds, distances
// in any unit (the app uses device pixels). A pure rule, no clock of its own.
#pragma once

namespace core {

struct Vec2f {
  float x = 0;
  float y = 0;
};

class KineticScroll {
 public:
  // Speed falls to this share of itself each second while gliding.
  static constexpr float kDecayPerSecond = 0.05f;
  // Gliding stops below this speed (units per second).
  static constexpr float kStopSpeed = 20.0f;
  // A finger that rested this long before lifting throws nothing.
  static constexpr float kRestSeconds = 0.1f;

  // The finger touched: any glide stops.
  void press();
  // The finger moved by `delta` in `dt` seconds; returns how far to scroll (the same `delta`).
  Vec2f drag(Vec2f delta, float dt);
  // The finger lifted `idle` seconds after its last move; gliding starts at the measured speed.
  void release(float idle);
  // The distance to scroll over the next `dt` seconds of gliding (zero when not gliding).
  Vec2f step(float dt);

  bool gliding() const { return gliding_; }
  Vec2f velocity() const { return velocity_; }

 private:
  Vec2f velocity_;
  bool gliding_ = false;
};

}  // namespace core
