#include "picking.h"

#include <algorithm>

#include "content/content_loader.h"

namespace twin {

std::optional<engine::RayHit> pickAt(const engine::TriangleBvh& bvh, const engine::Camera& camera, glm::vec2 cursor,
                                     glm::vec2 viewport, const std::vector<int32_t>& hiddenTopNodes) {
    glm::mat4 inverse = glm::inverse(camera.projection * camera.view);
    glm::vec2 ndc(cursor.x / std::max(viewport.x, 1.0f) * 2.0f - 1.0f,
                  1.0f - cursor.y / std::max(viewport.y, 1.0f) * 2.0f);
    glm::vec4 nearPoint = inverse * glm::vec4(ndc, -1.0f, 1.0f);
    glm::vec4 farPoint = inverse * glm::vec4(ndc, 1.0f, 1.0f);
    glm::vec3 from = glm::vec3(nearPoint) / nearPoint.w, to = glm::vec3(farPoint) / farPoint.w;
    return bvh.raycast({from, to - from}, glm::length(to - from), hiddenFilter(hiddenTopNodes));
}

engine::ObjectFilter hiddenFilter(const std::vector<int32_t>& hiddenTopNodes) {
    engine::ObjectFilter hidden;
    for (int32_t node : hiddenTopNodes) hidden.ignore(buildingObjectOfTopNode(node));
    return hidden;
}

std::optional<size_t> machineOfHit(const engine::RayHit& hit) {
    if (hit.objectId < kMachineObjectBase) return std::nullopt;
    return size_t(hit.objectId - kMachineObjectBase);
}

}  // namespace twin
