#include "nav/orbit_camera.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace engine {
namespace {
constexpr float kMinDistance = 0.01f;

float wrapDegrees(float a) {
    a = std::fmod(a, 360.0f);
    return a < 0 ? a + 360.0f : a;
}
}  // namespace

OrbitCamera::OrbitCamera(const OrbitCameraDesc& desc) : desc_(desc) {}

glm::vec3 OrbitCamera::forwardOf(const CameraPose& p) {
    float yaw = glm::radians(p.yawDegrees), pitch = glm::radians(p.pitchDegrees);
    return glm::vec3(std::sin(yaw) * std::cos(pitch), std::sin(pitch), -std::cos(yaw) * std::cos(pitch));
}

glm::vec3 OrbitCamera::eyeOf(const CameraPose& p) { return p.target - forwardOf(p) * p.distance; }

void OrbitCamera::frame(const Aabb& bounds, float yawDegrees, float pitchDegrees, float aspect, bool immediate) {
    CameraPose pose;
    pose.yawDegrees = wrapDegrees(yawDegrees);
    pose.pitchDegrees = std::clamp(pitchDegrees, desc_.minPitchDegrees, desc_.maxPitchDegrees);
    pose.target = bounds.empty() ? glm::vec3(0.0f) : bounds.center();
    // The closest distance at which every corner of the box is inside the
    // view, with a 6% margin: tighter than the bounding sphere, so wide flat
    // scenes (a site, a building) fill the screen.
    float tanY = std::tan(glm::radians(desc_.fovYDegrees) * 0.5f) * 0.94f;
    float tanX = tanY * std::max(aspect, 0.1f);
    glm::vec3 forward = forwardOf(pose);
    glm::vec3 right = glm::normalize(glm::cross(forward, std::abs(forward.y) > 0.999f ? glm::vec3(0, 0, -1) : glm::vec3(0, 1, 0)));
    glm::vec3 up = glm::cross(right, forward);
    Aabb box = bounds;
    if (box.empty()) box.expand(glm::vec3(-0.5f)), box.expand(glm::vec3(0.5f));
    float distance = 1e-3f;
    for (int i = 0; i < 8; ++i) {
        glm::vec3 corner((i & 1) ? box.max.x : box.min.x, (i & 2) ? box.max.y : box.min.y, (i & 4) ? box.max.z : box.min.z);
        glm::vec3 offset = corner - pose.target;
        float along = glm::dot(offset, forward);
        distance = std::max(distance, std::abs(glm::dot(offset, right)) / tanX - along);
        distance = std::max(distance, std::abs(glm::dot(offset, up)) / tanY - along);
    }
    // Never inside the box's bounding sphere (the near plane would cut it).
    pose.distance = std::max(distance, box.radius() * 0.6f);
    goal_ = pose;
    if (immediate) current_ = pose;
}

void OrbitCamera::lookAt(const glm::vec3& eye, const glm::vec3& target, bool immediate) {
    glm::vec3 d = target - eye;
    float distance = glm::length(d);
    CameraPose pose;
    pose.target = target;
    pose.distance = std::max(distance, kMinDistance);
    if (distance > 1e-6f) {
        d /= distance;
        pose.pitchDegrees = glm::degrees(std::asin(std::clamp(d.y, -1.0f, 1.0f)));
        pose.yawDegrees = wrapDegrees(glm::degrees(std::atan2(d.x, -d.z)));
    }
    pose.pitchDegrees = std::clamp(pose.pitchDegrees, desc_.minPitchDegrees, desc_.maxPitchDegrees);
    goal_ = pose;
    if (immediate) current_ = pose;
}

void OrbitCamera::keepAboveGround(CameraPose& pose) const {
    if (!minEyeHeight_) return;
    // eye.y = target.y - sin(pitch) * distance >= minimum  =>  sin(pitch) <= (target.y - minimum) / distance
    float limit = (pose.target.y - *minEyeHeight_) / std::max(pose.distance, 1e-3f);
    if (limit >= 1.0f) return;
    float maxPitch = limit <= -1.0f ? -89.0f : glm::degrees(std::asin(limit));
    pose.pitchDegrees = std::min(pose.pitchDegrees, maxPitch);
}

void OrbitCamera::rotate(const glm::vec2& drag) {
    goal_.yawDegrees += drag.x * desc_.rotateDegreesPerPixel;
    goal_.pitchDegrees = std::clamp(goal_.pitchDegrees - drag.y * desc_.rotateDegreesPerPixel,
                                    desc_.minPitchDegrees, desc_.maxPitchDegrees);
    keepAboveGround(goal_);
}

void OrbitCamera::pan(const glm::vec2& drag, const glm::vec2& viewport) {
    // One pixel moves the target by the size of a pixel at the target's depth.
    float worldPerPixel = 2.0f * goal_.distance * std::tan(glm::radians(desc_.fovYDegrees) * 0.5f) /
                          std::max(viewport.y, 1.0f);
    glm::vec3 forward = forwardOf(goal_);
    glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0, 1, 0)));
    glm::vec3 up = glm::cross(right, forward);
    goal_.target += (-right * drag.x + up * drag.y) * worldPerPixel;
}

void OrbitCamera::zoom(float steps, const glm::vec2& cursor, const glm::vec2& viewport) {
    float factor = std::pow(0.85f, steps);
    // The point under the cursor on the plane through the target stays put.
    float tanHalf = std::tan(glm::radians(desc_.fovYDegrees) * 0.5f);
    float aspect = viewport.x / std::max(viewport.y, 1.0f);
    glm::vec2 ndc((cursor.x / std::max(viewport.x, 1.0f)) * 2.0f - 1.0f,
                  1.0f - (cursor.y / std::max(viewport.y, 1.0f)) * 2.0f);
    glm::vec3 forward = forwardOf(goal_);
    glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0, 1, 0)));
    glm::vec3 up = glm::cross(right, forward);
    glm::vec3 offset = (right * ndc.x * aspect + up * ndc.y) * tanHalf * goal_.distance;
    goal_.target += offset * (1.0f - factor);
    goal_.distance = std::max(goal_.distance * factor, kMinDistance);
    keepAboveGround(goal_);
}

bool OrbitCamera::update(float dt) {
    float t = 1.0f - std::exp(-desc_.dampingPerSecond * std::max(dt, 0.0f));
    // Yaw takes the short way round.
    float yawDelta = std::remainder(goal_.yawDegrees - current_.yawDegrees, 360.0f);
    current_.yawDegrees = wrapDegrees(current_.yawDegrees + yawDelta * t);
    goal_.yawDegrees = wrapDegrees(goal_.yawDegrees);
    current_.pitchDegrees += (goal_.pitchDegrees - current_.pitchDegrees) * t;
    current_.target += (goal_.target - current_.target) * t;
    current_.distance = std::exp(glm::mix(std::log(current_.distance), std::log(goal_.distance), t));

    float scale = std::max(goal_.distance, 1e-3f);
    bool moving = std::abs(yawDelta) * (1 - t) > 0.01f || std::abs(goal_.pitchDegrees - current_.pitchDegrees) > 0.01f ||
                  glm::length(goal_.target - current_.target) > scale * 1e-4f ||
                  std::abs(goal_.distance - current_.distance) > scale * 1e-4f;
    if (!moving) current_ = goal_;
    return moving;
}

glm::mat4 OrbitCamera::view() const {
    glm::vec3 eye = eyeOf(current_);
    glm::vec3 forward = forwardOf(current_);
    glm::vec3 up = std::abs(forward.y) > 0.999f ? glm::vec3(0, 0, -1) : glm::vec3(0, 1, 0);
    return glm::lookAt(eye, current_.target, up);
}

glm::mat4 OrbitCamera::projection(float aspect, const Aabb& bounds, float* nearOut, float* farOut) const {
    glm::vec3 eye = eyeOf(current_);
    float radius = bounds.empty() ? 1.0f : bounds.radius();
    glm::vec3 center = bounds.empty() ? current_.target : bounds.center();
    float centerDistance = glm::length(center - eye);
    float farPlane = std::max(centerDistance + radius * 4.0f, current_.distance * 2.0f);
    // Keep the depth range ratio bounded for precision, but let the near
    // plane come close when the eye is inside or next to the scene. Outside
    // the scene's box nothing is nearer than the box, so the near plane goes
    // as far as the box allows: most of a depth buffer's precision lies near
    // the near plane, and an overview of a site 100 m wide otherwise leaves
    // ground markings a few millimetres up z-fighting with the ground. A
    // point in the frustum at distance d from the eye is at least
    // d / sqrt(1 + tan²x + tan²y) deep along the view.
    const float tanY = std::tan(glm::radians(desc_.fovYDegrees) * 0.5f);
    const float tanX = tanY * std::max(aspect, 1e-3f);
    const float boxDistance =
        bounds.empty() ? 0.0f : glm::length(glm::max(glm::max(bounds.min - eye, eye - bounds.max), glm::vec3(0.0f)));
    const float nearestDepth = boxDistance / std::sqrt(1.0f + tanX * tanX + tanY * tanY);
    float nearPlane = std::max({centerDistance - radius * 1.5f, nearestDepth * 0.99f, farPlane * 1e-4f});
    nearPlane = std::min(nearPlane, current_.distance * 0.5f);
    nearPlane = std::max(nearPlane, 1e-3f);
    if (nearOut) *nearOut = nearPlane;
    if (farOut) *farOut = farPlane;
    return glm::perspective(glm::radians(desc_.fovYDegrees), std::max(aspect, 1e-3f), nearPlane, farPlane);
}

}  // namespace engine
