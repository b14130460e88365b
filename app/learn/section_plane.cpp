#include "learn/section_plane.h"

#include <algorithm>

namespace twin::learn {

std::optional<glm::vec4> sectionPlane(const engine::Aabb& bounds, const glm::mat4& placement, float depth,
                                      const glm::vec3& eye, bool flipped) {
    if (!(depth > 0.0f) || bounds.empty()) return std::nullopt;
    depth = std::min(depth, 1.0f);
    // The model's z axis in the world, and which end of it faces the eye.
    glm::vec3 axis = glm::vec3(placement * glm::vec4(0.0f, 0.0f, 1.0f, 0.0f));
    if (glm::dot(axis, axis) <= 0.0f) return std::nullopt;
    axis = glm::normalize(axis);
    const glm::vec3 centre = glm::vec3(placement * glm::vec4(bounds.center(), 1.0f));
    const bool eyeOnPlusSide = glm::dot(eye - centre, axis) >= 0.0f;
    // The cut moves in from the eye's side: depth 0 at that face, 1 at the far one.
    const float nearZ = eyeOnPlusSide ? bounds.max.z : bounds.min.z;
    const float farZ = eyeOnPlusSide ? bounds.min.z : bounds.max.z;
    glm::vec3 local = bounds.center();
    local.z = nearZ + (farZ - nearZ) * depth;
    const glm::vec3 point = glm::vec3(placement * glm::vec4(local, 1.0f));
    glm::vec3 normal = eyeOnPlusSide ? -axis : axis;  // kept: away from the eye
    if (flipped) normal = -normal;
    return glm::vec4(normal, -glm::dot(normal, point));
}

bool keptBy(const glm::vec4& plane, const glm::vec3& point) { return glm::dot(glm::vec3(plane), point) + plane.w >= 0.0f; }

}  // namespace twin::learn
