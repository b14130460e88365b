#pragma once
// The ground under a scene as a grid in world space, split in two: the
// cells a shadow of the scene can reach (lit per pixel, with the shadow
// map) and the rest, out to the horizon (lit per vertex: on llvmpipe the
// per-pixel ground was 7 ms of an aerial view's frame at 1280x720). Both
// parts share the grid's vertices, so no crack opens between them. No GL.
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/bounds.h"

namespace engine {

struct GroundGrid {
    glm::vec3 center{0.0f};  // under the scene's centre, just below its lowest point
    float radius = 0.0f;     // half the square's side
    std::vector<glm::vec3> vertices;
    std::vector<uint32_t> shadowed;  // triangles where a shadow can fall
    std::vector<uint32_t> unshadowed;  // the rest of the square
};

// The ground for a scene with bounds `scene` under a sun in direction
// `sunDirection` (towards the sun). A sun near or below the horizon casts
// shadows everywhere: the whole square is then `shadowed`.
GroundGrid makeGroundGrid(const Aabb& scene, glm::vec3 sunDirection);

}  // namespace engine
