#include "kiosk/admin_gesture.h"

namespace twin::kiosk {

bool AdminGesture::inCorner(glm::vec2 at, glm::vec2 viewport) const {
    return at.x >= viewport.x - corner_ && at.x <= viewport.x && at.y >= 0.0f && at.y <= corner_;
}

bool AdminGesture::tap(glm::vec2 at, glm::vec2 viewport, double now) {
    if (!inCorner(at, viewport)) {
        taps_.clear();
        return false;
    }
    taps_.push_back(now);
    while (!taps_.empty() && now - taps_.front() > kWindowSeconds) taps_.pop_front();
    if (int(taps_.size()) < kTaps) return false;
    taps_.clear();
    return true;
}

}  // namespace twin::kiosk
