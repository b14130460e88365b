#pragma once
// The section plane of the machine explorer: a plane across the machine's
// depth that cuts away the part nearer the learner. No GL.
#include <optional>

#include <glm/glm.hpp>

#include "scene/bounds.h"

namespace twin::learn {

// The world-space plane (normal xyz, offset w; kept where dot(n, p) + w >= 0)
// that cuts `depth` (0-1) of a machine whose model-space bounds are `bounds`
// and placement `placement`, along its model z axis, from the side where the
// `eye` is. depth <= 0: no cut. `flipped` keeps the other side of the same
// plane (the part nearer the eye; the learner turns round to see the cut).
std::optional<glm::vec4> sectionPlane(const engine::Aabb& bounds, const glm::mat4& placement, float depth,
                                      const glm::vec3& eye, bool flipped = false);

// True when a world point is kept by `plane`.
bool keptBy(const glm::vec4& plane, const glm::vec3& point);

}  // namespace twin::learn
