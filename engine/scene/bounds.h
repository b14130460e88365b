#pragma once
// Axis-aligned bounding box helpers. An empty box has min > max.
#include <limits>

#include <glm/glm.hpp>

namespace engine {

struct Aabb {
    glm::vec3 min{std::numeric_limits<float>::max()};
    glm::vec3 max{std::numeric_limits<float>::lowest()};

    bool empty() const { return min.x > max.x || min.y > max.y || min.z > max.z; }
    glm::vec3 center() const { return (min + max) * 0.5f; }
    glm::vec3 size() const { return empty() ? glm::vec3(0.0f) : max - min; }
    float radius() const { return empty() ? 0.0f : glm::length(max - min) * 0.5f; }

    void expand(const glm::vec3& p) {
        min = glm::min(min, p);
        max = glm::max(max, p);
    }
    void expand(const Aabb& other) {
        if (other.empty()) return;
        expand(other.min);
        expand(other.max);
    }
    // Bounds of this box after an affine transform (all 8 corners).
    Aabb transformed(const glm::mat4& m) const {
        Aabb out;
        if (empty()) return out;
        for (int i = 0; i < 8; ++i) {
            glm::vec3 c((i & 1) ? max.x : min.x, (i & 2) ? max.y : min.y, (i & 4) ? max.z : min.z);
            out.expand(glm::vec3(m * glm::vec4(c, 1.0f)));
        }
        return out;
    }
};

}  // namespace engine
