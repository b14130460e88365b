#pragma once
// Touch gestures of the 3D view, from touch events alone: a tap (a finger
// that barely moved and lifted soon), a one-finger drag that orbits and
// coasts on after release (inertia), two fingers that pinch to zoom and move
// together to pan. Pure: time comes from the events and from advance(), so
// unit tests and playback files drive it without a touch screen.
#include <cstdint>
#include <variant>
#include <vector>

#include <glm/glm.hpp>

#include "platform/input.h"

namespace twin {

struct TouchGestureDesc {
    float tapPixels = 10.0f;                 // a finger that moves farther drags (scale it with the UI)
    double tapSeconds = 0.3;                 // a finger held longer is no tap (a long press does nothing)
    double inertiaHalfLifeSeconds = 0.25;    // the orbit's speed after release halves this often
    float inertiaMinSpeed = 20.0f;           // pixels a second: slower, the orbit stops
    double releaseWindowSeconds = 0.1;       // the speed at release is measured over this much of the drag
    double releaseStillSeconds = 0.05;       // a finger still this long before it lifts leaves no inertia
};

namespace gesture {
struct Tap {
    glm::vec2 position{0.0f};
};
struct Orbit {  // a one-finger drag, or its inertia
    glm::vec2 dragPixels{0.0f};
};
struct Pan {  // two fingers moved together
    glm::vec2 dragPixels{0.0f};
};
struct Pinch {  // two fingers apart (ratio > 1: come closer) about their centre
    float ratio = 1.0f;
    glm::vec2 centre{0.0f};
};
}  // namespace gesture
using Gesture = std::variant<gesture::Tap, gesture::Orbit, gesture::Pan, gesture::Pinch>;

class TouchGestures {
public:
    explicit TouchGestures(const TouchGestureDesc& desc = {}) : desc_(desc) {}

    // Takes a touch event (other events are ignored) and appends what it
    // means. A new touch stops the inertia. A third finger is ignored; when
    // one of two fingers lifts, the gesture ends: the other one does nothing
    // more until it lifts too. A cancelled finger ends its gesture (no tap,
    // no inertia). Events of fingers never seen down are ignored.
    void handle(const engine::InputEvent& event, std::vector<Gesture>& out);
    // Moves time on by `seconds`: the inertia's orbit steps, its speed
    // decaying exponentially (half-life in the desc) until under the minimum.
    void advance(double seconds, std::vector<Gesture>& out);
    // Forgets the gesture and the inertia (the panels took the touch, the
    // visit was reset); fingers still down do nothing until they lift.
    void abandon();
    // Stops the inertia alone (a tour took the camera).
    void stopCoasting() { coasting_ = false; }

    bool fingersDown() const { return !fingers_.empty(); }
    bool coasting() const { return coasting_; }
    glm::vec2 inertiaVelocity() const { return coasting_ ? velocity_ : glm::vec2(0.0f); }

private:
    enum class Mode { Idle, MaybeTap, Orbiting, TwoFingers, Ended };
    struct Sample {
        double time = 0.0;
        glm::vec2 position{0.0f};
    };
    struct Finger {
        uint32_t id = 0;
        glm::vec2 start{0.0f};
        double startTime = 0.0;
        glm::vec2 position{0.0f};
    };
    Finger* finger(uint32_t id);
    void remember(double time, glm::vec2 position);
    void release(const engine::InputEvent& event, std::vector<Gesture>& out);
    void startTwoFingers();

    TouchGestureDesc desc_;
    Mode mode_ = Mode::Idle;
    std::vector<Finger> fingers_;  // in the order they touched; the first two make the gestures
    std::vector<Sample> samples_;  // the orbiting finger's recent path
    glm::vec2 lastCentre_{0.0f};
    float lastSpread_ = 0.0f;
    bool coasting_ = false;
    glm::vec2 velocity_{0.0f};  // pixels a second
};

}  // namespace twin
