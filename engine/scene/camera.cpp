#include "scene/camera.h"

#include <algorithm>
#include <cmath>

namespace engine {
namespace {
// Clip w under which a point counts as behind the eye: labels of points
// almost at the eye would fly across the screen.
constexpr float kMinClipW = 0.05f;
}  // namespace

std::optional<ScreenPoint> Camera::project(const glm::vec3& world, glm::vec2 viewport) const {
    glm::vec4 clip = viewProjection() * glm::vec4(world, 1.0f);
    if (!(clip.w > kMinClipW)) return std::nullopt;
    ScreenPoint point;
    point.ndc = glm::vec3(clip) / clip.w;
    point.pixel = glm::vec2((point.ndc.x * 0.5f + 0.5f) * viewport.x, (0.5f - point.ndc.y * 0.5f) * viewport.y);
    return point;
}

ViewRay Camera::rayThrough(glm::vec2 pixel, glm::vec2 viewport) const {
    glm::mat4 inverse = glm::inverse(viewProjection());
    glm::vec2 ndc(pixel.x / std::max(viewport.x, 1.0f) * 2.0f - 1.0f, 1.0f - pixel.y / std::max(viewport.y, 1.0f) * 2.0f);
    glm::vec4 nearPoint = inverse * glm::vec4(ndc, -1.0f, 1.0f);
    glm::vec4 farPoint = inverse * glm::vec4(ndc, 1.0f, 1.0f);
    glm::vec3 from = glm::vec3(nearPoint) / nearPoint.w, to = glm::vec3(farPoint) / farPoint.w;
    ViewRay ray;
    ray.origin = from;
    ray.length = glm::length(to - from);
    ray.direction = ray.length > 0.0f ? (to - from) / ray.length : glm::vec3(0.0f, 0.0f, -1.0f);
    return ray;
}

}  // namespace engine
