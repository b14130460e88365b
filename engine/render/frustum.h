#pragma once
// View frustum planes, for culling nodes by their world bounds. No GL.
#include <array>

#include <glm/glm.hpp>

#include "scene/bounds.h"

namespace engine {

class Frustum {
public:
    // Planes of the clip volume of `viewProjection` (GL clip conventions).
    explicit Frustum(const glm::mat4& viewProjection);
    // False only when the box is entirely outside one plane.
    bool intersects(const Aabb& box) const;

private:
    std::array<glm::vec4, 6> planes_;
};

}  // namespace engine
