#include "core/kinetic_scroll.hpp"

#include <cmath>

namespace core {

void KineticScroll::press() {
  gliding_ = false;
  velocity_ = {};
}

Vec2f KineticScroll::drag(Vec2f delta, float dt) {
  if (dt > 0) {
    // The newest move counts most; one odd frame does not decide the throw.
    constexpr float kNewest = 0.6f;
    velocity_.x = kNewest * (delta.x / dt) + (1 - kNewest) * velocity_.x;
    velocity_.y = kNewest * (delta.y / dt) + (1 - kNewest) * velocity_.y;
  }
  return delta;
}

void KineticScroll::release(float idle) {
  if (idle >= kRestSeconds) velocity_ = {};
  gliding_ = std::hypot(velocity_.x, velocity_.y) >= kStopSpeed;
  if (!gliding_) velocity_ = {};
}

Vec2f KineticScroll::step(float dt) {
  if (!gliding_ || dt <= 0) return {};
  // v(t) = v0 * d^t, so the distance over dt is v0 * (d^dt - 1) / ln d.
  const float log_decay = std::log(kDecayPerSecond);
  const float factor = std::pow(kDecayPerSecond, dt);
  const Vec2f moved{velocity_.x * (factor - 1) / log_decay, velocity_.y * (factor - 1) / log_decay};
  velocity_.x *= factor;
  velocity_.y *= factor;
  if (std::hypot(velocity_.x, velocity_.y) < kStopSpeed) {
    gliding_ = false;
    velocity_ = {};
  }
  return moved;
}

}  // namespace core
