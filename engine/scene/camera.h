#pragma once
// Camera: a view and a projection, and the two conversions every 3D
// application needs between the world and the pixels of a viewport
// (window pixels, origin top left). No GL.
#include <cmath>
#include <optional>

#include <glm/glm.hpp>

namespace engine {

// A segment from the near plane to the far plane under a pixel.
struct ViewRay {
    glm::vec3 origin{0.0f};
    glm::vec3 direction{0.0f, 0.0f, -1.0f};  // unit length
    float length = 0.0f;                     // to the far plane
};

// Where a world point falls in a viewport.
struct ScreenPoint {
    glm::vec2 pixel{0.0f};  // window pixels, origin top left
    glm::vec3 ndc{0.0f};    // normalised device coordinates (-1..1 inside the view)
    // Inside the view's rectangle and before the far plane.
    bool onScreen() const { return std::abs(ndc.x) <= 1.0f && std::abs(ndc.y) <= 1.0f && ndc.z <= 1.0f; }
};

struct Camera {
    glm::mat4 view{1.0f};
    glm::mat4 projection{1.0f};
    glm::vec3 position{0.0f};

    glm::mat4 viewProjection() const { return projection * view; }
    // The pixel of `world` in a viewport of `viewport` pixels, or nullopt
    // when the point is behind the eye (or too close to it to place).
    std::optional<ScreenPoint> project(const glm::vec3& world, glm::vec2 viewport) const;
    // The ray under `pixel` (window pixels, origin top left).
    ViewRay rayThrough(glm::vec2 pixel, glm::vec2 viewport) const;
};

}  // namespace engine
