#pragma once
// The hidden gesture that opens the admin PIN pad: five taps in the top
// right corner of the screen within three seconds. Any tap elsewhere starts
// the count again. No GL.
#include <deque>

#include <glm/glm.hpp>

namespace twin::kiosk {

class AdminGesture {
public:
    static constexpr int kTaps = 5;
    static constexpr double kWindowSeconds = 3.0;

    // `cornerPixels`: the side of the corner square (scaled with the UI).
    explicit AdminGesture(float cornerPixels = 96.0f) : corner_(cornerPixels) {}
    void setCornerSize(float pixels) { corner_ = pixels; }
    float cornerSize() const { return corner_; }
    bool inCorner(glm::vec2 at, glm::vec2 viewport) const;
    // A press at `at` (window pixels) at `now`: true when it completes the
    // gesture (the count then starts again).
    bool tap(glm::vec2 at, glm::vec2 viewport, double now);

private:
    float corner_;
    std::deque<double> taps_;
};

}  // namespace twin::kiosk
