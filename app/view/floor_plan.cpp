#include "view/floor_plan.h"

#include <algorithm>

#include <glm/gtc/matrix_transform.hpp>

namespace twin {

engine::Camera floorPlanCamera(const engine::Aabb& floor, float aspect) {
    glm::vec3 centre = floor.center();
    glm::vec3 size = floor.size();
    float halfHeight = std::max(size.z * 0.5f, size.x * 0.5f / std::max(aspect, 0.1f)) * 1.08f;
    float halfWidth = halfHeight * aspect;
    float above = size.y + 50.0f;
    engine::Camera camera;
    camera.position = glm::vec3(centre.x, floor.max.y + above, centre.z);
    camera.view = glm::lookAt(camera.position, glm::vec3(centre.x, floor.min.y, centre.z), glm::vec3(0, 0, -1));
    camera.projection = glm::ortho(-halfWidth, halfWidth, -halfHeight, halfHeight, 1.0f, above + size.y + 10.0f);
    return camera;
}

glm::vec3 planPointAt(const engine::Camera& plan, glm::vec2 cursor, glm::vec2 viewport, float elevation) {
    // Straight down: the ray's x and z are the point's.
    glm::vec3 point = plan.rayThrough(cursor, viewport).origin;
    point.y = elevation;
    return point;
}

}  // namespace twin
