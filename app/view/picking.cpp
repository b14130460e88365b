#include "view/picking.h"

#include <algorithm>

#include "content/content_loader.h"

namespace twin {

std::optional<engine::RayHit> pickAt(const engine::TriangleBvh& bvh, const engine::Camera& camera, glm::vec2 cursor,
                                     glm::vec2 viewport, const std::vector<int32_t>& hiddenTopNodes) {
    engine::ViewRay ray = camera.rayThrough(cursor, viewport);
    return bvh.raycast({ray.origin, ray.direction}, ray.length, hiddenFilter(hiddenTopNodes));
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
