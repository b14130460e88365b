#pragma once
// Picking: what is under a pixel of the view, by a ray through the scene's
// triangle BVH. Floors cut away cannot be picked. No GL.
#include <cstdint>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "scene/camera.h"
#include "scene/triangle_bvh.h"

namespace twin {

// The closest hit under `cursor` (window pixels from the top left) for a
// `camera` drawn in a `viewport` of that many pixels; `hiddenTopNodes` are
// the building's nodes cut away.
std::optional<engine::RayHit> pickAt(const engine::TriangleBvh& bvh, const engine::Camera& camera, glm::vec2 cursor,
                                     glm::vec2 viewport, const std::vector<int32_t>& hiddenTopNodes);

// The filter that ignores the building's nodes cut away.
engine::ObjectFilter hiddenFilter(const std::vector<int32_t>& hiddenTopNodes);

// The machine index a hit belongs to, or nullopt for the building and others.
std::optional<size_t> machineOfHit(const engine::RayHit& hit);

}  // namespace twin
