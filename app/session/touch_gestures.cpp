#include "session/touch_gestures.h"

#include <algorithm>
#include <cmath>

namespace twin {

TouchGestures::Finger* TouchGestures::finger(uint32_t id) {
    auto it = std::find_if(fingers_.begin(), fingers_.end(), [&](const Finger& f) { return f.id == id; });
    return it == fingers_.end() ? nullptr : &*it;
}

void TouchGestures::remember(double time, glm::vec2 position) {
    samples_.push_back({time, position});
    // Keep what the release speed needs, and one sample from before it.
    while (samples_.size() > 2 && samples_[1].time < time - desc_.releaseWindowSeconds) samples_.erase(samples_.begin());
}

void TouchGestures::startTwoFingers() {
    mode_ = Mode::TwoFingers;
    lastCentre_ = (fingers_[0].position + fingers_[1].position) * 0.5f;
    lastSpread_ = glm::length(fingers_[0].position - fingers_[1].position);
}

void TouchGestures::handle(const engine::InputEvent& e, std::vector<Gesture>& out) {
    using Kind = engine::InputEvent::Kind;
    switch (e.kind) {
        case Kind::TouchDown:
            coasting_ = false;  // a touch stops the coasting view
            if (finger(e.finger)) break;
            fingers_.push_back({e.finger, e.position, e.time, e.position});
            if (fingers_.size() == 1) {
                mode_ = Mode::MaybeTap;
                samples_.clear();
                remember(e.time, e.position);
            } else if (fingers_.size() == 2 && (mode_ == Mode::MaybeTap || mode_ == Mode::Orbiting)) {
                startTwoFingers();
            }
            break;
        case Kind::TouchMove: {
            Finger* f = finger(e.finger);
            if (!f) break;
            const glm::vec2 before = f->position;
            f->position = e.position;
            if (mode_ == Mode::MaybeTap && glm::length(e.position - f->start) > desc_.tapPixels) {
                mode_ = Mode::Orbiting;
                out.push_back(gesture::Orbit{e.position - f->start});  // the way it came, slop included
                remember(e.time, e.position);
            } else if (mode_ == Mode::Orbiting) {
                out.push_back(gesture::Orbit{e.position - before});
                remember(e.time, e.position);
            } else if (mode_ == Mode::TwoFingers && (f == &fingers_[0] || f == &fingers_[1])) {
                const glm::vec2 centre = (fingers_[0].position + fingers_[1].position) * 0.5f;
                const float spread = glm::length(fingers_[0].position - fingers_[1].position);
                if (centre != lastCentre_) out.push_back(gesture::Pan{centre - lastCentre_});
                // Fingers about to meet would zoom without bound: a pinch needs some spread.
                if (spread != lastSpread_ && lastSpread_ > 1.0f && spread > 1.0f)
                    out.push_back(gesture::Pinch{spread / lastSpread_, centre});
                lastCentre_ = centre;
                lastSpread_ = spread;
            }
            break;
        }
        case Kind::TouchUp:
        case Kind::TouchCancel: release(e, out); break;
        default: break;
    }
}

void TouchGestures::release(const engine::InputEvent& e, std::vector<Gesture>& out) {
    using Kind = engine::InputEvent::Kind;
    auto it = std::find_if(fingers_.begin(), fingers_.end(), [&](const Finger& f) { return f.id == e.finger; });
    if (it == fingers_.end()) return;
    const bool gestureFinger = it - fingers_.begin() < 2;
    const Finger lifted = *it;
    fingers_.erase(it);
    const bool cancelled = e.kind == Kind::TouchCancel;
    if (mode_ == Mode::MaybeTap && !cancelled) {
        const bool still = glm::length(e.position - lifted.start) <= desc_.tapPixels;
        const bool short_ = e.time - lifted.startTime < desc_.tapSeconds;
        if (still && short_) out.push_back(gesture::Tap{e.position});
    } else if (mode_ == Mode::Orbiting && !cancelled) {
        if (e.position != samples_.back().position) remember(e.time, e.position);
        // The speed over the last moments of the drag; a finger held still
        // before it lifts leaves the view still.
        const Sample& last = samples_.back();
        const Sample* from = &samples_.front();
        for (const Sample& s : samples_)
            if (s.time >= last.time - desc_.releaseWindowSeconds) {
                from = &s;
                break;
            }
        const double span = last.time - from->time;
        if (e.time - last.time <= desc_.releaseStillSeconds && span > 0.008) {
            velocity_ = (last.position - from->position) / float(span);
            coasting_ = glm::length(velocity_) >= desc_.inertiaMinSpeed;
        }
    }
    if (fingers_.empty())
        mode_ = Mode::Idle;
    else if (gestureFinger)
        mode_ = Mode::Ended;  // a finger lifted mid-gesture: the rest wait to lift
}

void TouchGestures::advance(double seconds, std::vector<Gesture>& out) {
    if (!coasting_ || seconds <= 0.0) return;
    // Exponential decay v(t) = v0 * 2^(-t / halfLife); the step is its integral.
    const double rate = std::log(2.0) / desc_.inertiaHalfLifeSeconds;
    const float keep = float(std::exp(-rate * seconds));
    out.push_back(gesture::Orbit{velocity_ * float((1.0 - keep) / rate)});
    velocity_ *= keep;
    if (glm::length(velocity_) < desc_.inertiaMinSpeed) coasting_ = false;
}

void TouchGestures::abandon() {
    coasting_ = false;
    if (!fingers_.empty()) mode_ = Mode::Ended;
}

}  // namespace twin
