#pragma once
// Helpers shared by the tour tests: measuring a camera's motion sampled at a
// fine time step, and crafting stops.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "content/scene_file.h"

namespace twin::test {

inline glm::vec3 lookDirection(const CameraViewpoint& view) { return glm::normalize(view.target - view.eye); }

// Accurate for tiny angles too (acos is not, in single precision).
inline double angleDegrees(glm::vec3 a, glm::vec3 b) {
    glm::dvec3 x = glm::normalize(glm::dvec3(a)), y = glm::normalize(glm::dvec3(b));
    return glm::degrees(std::atan2(glm::length(glm::cross(x, y)), glm::dot(x, y)));
}

inline bool sameView(const CameraViewpoint& a, const CameraViewpoint& b, float tolerance = 1e-4f) {
    return glm::length(a.eye - b.eye) <= tolerance && glm::length(a.target - b.target) <= tolerance;
}

// The largest speeds and accelerations met while sampling `at` every `step`
// seconds over [from, to]: eye speed (m/s), eye acceleration (m/s^2) and the
// look direction's angular speed (degrees/s) and angular acceleration.
struct MotionExtremes {
    double speed = 0, acceleration = 0, angularSpeed = 0, angularAcceleration = 0;
    double speedAt = 0, angularSpeedAt = 0;  // when the maxima happened
};

inline MotionExtremes measureMotion(const std::function<CameraViewpoint(double)>& at, double from, double to,
                                    double step) {
    MotionExtremes m;
    CameraViewpoint previous = at(from);
    glm::dvec3 previousVelocity(0.0);
    double previousAngular = 0.0;
    bool first = true;
    for (double t = from + step; t <= to + 1e-9; t += step) {
        CameraViewpoint here = at(t);
        glm::dvec3 velocity = glm::dvec3(here.eye - previous.eye) / step;
        double angular = angleDegrees(lookDirection(previous), lookDirection(here)) / step;
        double speed = glm::length(velocity);
        if (speed > m.speed) m.speed = speed, m.speedAt = t;
        if (angular > m.angularSpeed) m.angularSpeed = angular, m.angularSpeedAt = t;
        if (!first) {
            m.acceleration = std::max(m.acceleration, glm::length(velocity - previousVelocity) / step);
            m.angularAcceleration = std::max(m.angularAcceleration, std::abs(angular - previousAngular) / step);
        }
        first = false;
        previous = here;
        previousVelocity = velocity;
        previousAngular = angular;
    }
    return m;
}

inline TourStop cameraStop(glm::vec3 eye, glm::vec3 target, float seconds, std::string fr = "Arrêt",
                           std::string en = "Stop", std::vector<std::string> panels = {}) {
    TourStop stop;
    stop.kind = TourStop::TargetKind::Point;
    stop.point = target;
    stop.camera = CameraViewpoint{eye, target};
    stop.durationSeconds = seconds;
    stop.narration = {std::move(fr), std::move(en)};
    stop.panels = std::move(panels);
    return stop;
}

// A segment-box test for obstacles in the detour tests (slab method).
inline bool segmentHitsBox(glm::vec3 a, glm::vec3 b, glm::vec3 lo, glm::vec3 hi) {
    glm::vec3 d = b - a;
    float enter = 0.0f, leave = 1.0f;
    for (int axis = 0; axis < 3; ++axis) {
        if (std::abs(d[axis]) < 1e-9f) {
            if (a[axis] < lo[axis] || a[axis] > hi[axis]) return false;
            continue;
        }
        float t0 = (lo[axis] - a[axis]) / d[axis], t1 = (hi[axis] - a[axis]) / d[axis];
        if (t0 > t1) std::swap(t0, t1);
        enter = std::max(enter, t0);
        leave = std::min(leave, t1);
        if (enter > leave) return false;
    }
    return true;
}

}  // namespace twin::test
