#pragma once
// The floor plan: a top view of one floor (the floors above cut away), with
// an orthographic camera that fits the floor in the view. No GL.
#include <glm/glm.hpp>

#include "scene/camera.h"
#include "scene/bounds.h"

namespace twin {

// A camera straight above `floor` (its bounds), north (-Z) up, showing all
// of it in a view of `aspect` with a small margin.
engine::Camera floorPlanCamera(const engine::Aabb& floor, float aspect);

// The floor point under a pixel of the plan (y = `elevation`).
glm::vec3 planPointAt(const engine::Camera& plan, glm::vec2 cursor, glm::vec2 viewport, float elevation);

}  // namespace twin
