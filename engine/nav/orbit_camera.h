#pragma once
// OrbitCamera: turns around a target point. Mouse, keyboard and touch-style
// drags set goals; the camera eases towards them (damping), so motion is
// smooth and `update` says when it has settled (no redraw needed then).
#include <optional>

#include <glm/glm.hpp>

#include "scene/bounds.h"

namespace engine {

struct OrbitCameraDesc {
    float fovYDegrees = 45.0f;
    float dampingPerSecond = 14.0f;   // higher: snappier
    float minPitchDegrees = -89.0f;   // looking up from below
    float maxPitchDegrees = 89.0f;
    float rotateDegreesPerPixel = 0.3f;
};

struct CameraPose {
    glm::vec3 target{0.0f};
    float yawDegrees = 0.0f;    // around +Y; 0 looks towards -Z
    float pitchDegrees = 0.0f;  // negative looks down
    float distance = 5.0f;
};

class OrbitCamera {
public:
    explicit OrbitCamera(const OrbitCameraDesc& desc = {});

    // Frames `bounds` so that all of it is in view, from the given angles.
    // `immediate` skips the easing (first frame, screenshots).
    void frame(const Aabb& bounds, float yawDegrees, float pitchDegrees, float aspect, bool immediate);
    // Places the eye at `eye` looking at `target`.
    void lookAt(const glm::vec3& eye, const glm::vec3& target, bool immediate);

    void rotate(const glm::vec2& dragPixels);
    void pan(const glm::vec2& dragPixels, const glm::vec2& viewportPixels);
    // steps > 0 zooms in, towards the point under `cursorPixels`.
    void zoom(float steps, const glm::vec2& cursorPixels, const glm::vec2& viewportPixels);

    // Keeps the eye at least at `height` (e.g. just above the ground) while
    // turning and zooming: the pitch is limited so the eye stays above it.
    void setMinEyeHeight(std::optional<float> height) { minEyeHeight_ = height; }

    // Eases the current pose towards the goal. Returns true while moving.
    bool update(float dtSeconds);

    const CameraPose& pose() const { return current_; }
    const CameraPose& goal() const { return goal_; }
    glm::vec3 eye() const { return eyeOf(current_); }
    glm::mat4 view() const;
    // Projection whose clip planes hold `sceneBounds` (and the eye's surroundings).
    glm::mat4 projection(float aspect, const Aabb& sceneBounds, float* nearOut = nullptr, float* farOut = nullptr) const;
    float fovYDegrees() const { return desc_.fovYDegrees; }

    static glm::vec3 eyeOf(const CameraPose& pose);
    static glm::vec3 forwardOf(const CameraPose& pose);

private:
    OrbitCameraDesc desc_;
    CameraPose current_;
    CameraPose goal_;
    std::optional<float> minEyeHeight_;
    void keepAboveGround(CameraPose& pose) const;
};

}  // namespace engine
