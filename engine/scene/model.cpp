#include "scene/model.h"

namespace engine {

size_t ModelData::triangleCount() const {
    size_t count = 0;
    for (const NodeData& node : nodes)
        for (uint32_t mesh : node.meshes)
            if (mesh < meshes.size()) count += meshes[mesh].indices.size() / 3;
    return count;
}

std::vector<glm::mat4> ModelData::worldTransforms() const {
    std::vector<glm::mat4> world(nodes.size(), glm::mat4(1.0f));
    for (size_t i = 0; i < nodes.size(); ++i) {
        const NodeData& node = nodes[i];
        // Parents come first; a bad parent index is treated as the root.
        if (node.parent >= 0 && size_t(node.parent) < i)
            world[i] = world[size_t(node.parent)] * node.localTransform;
        else
            world[i] = node.localTransform;
    }
    return world;
}

Aabb ModelData::computeBounds() const {
    std::vector<glm::mat4> world = worldTransforms();
    Aabb bounds;
    for (size_t i = 0; i < nodes.size(); ++i)
        for (uint32_t mesh : nodes[i].meshes)
            if (mesh < meshes.size()) bounds.expand(meshes[mesh].bounds.transformed(world[i]));
    return bounds;
}

}  // namespace engine
