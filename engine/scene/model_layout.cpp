#include "scene/model_layout.h"

#include <cmath>
#include <map>
#include <tuple>

namespace engine {
namespace {

// Index of the root's child that node `i` is under (-1 for the root itself).
std::vector<int32_t> topNodes(const ModelData& model) {
    std::vector<int32_t> top(model.nodes.size(), -1);
    for (size_t i = 0; i < model.nodes.size(); ++i) {
        int32_t parent = model.nodes[i].parent;
        if (parent < 0 || size_t(parent) >= i) continue;  // a root (or a bad index, treated as one)
        top[i] = top[size_t(parent)] >= 0 ? top[size_t(parent)] : int32_t(i);
    }
    return top;
}

// Appends `mesh` transformed by `world` to `out` (vertices in world space).
void appendTransformed(const MeshData& mesh, const glm::mat4& world, MeshData& out) {
    glm::mat3 linear(world);
    glm::mat3 normalMatrix = glm::transpose(glm::inverse(linear));
    bool mirrored = glm::determinant(linear) < 0.0f;
    uint32_t base = uint32_t(out.vertices.size());
    for (Vertex v : mesh.vertices) {
        v.position = glm::vec3(world * glm::vec4(v.position, 1.0f));
        glm::vec3 n = normalMatrix * v.normal;
        v.normal = glm::dot(n, n) > 0.0f ? glm::normalize(n) : v.normal;
        glm::vec3 t = linear * glm::vec3(v.tangent);
        v.tangent = glm::vec4(glm::dot(t, t) > 0.0f ? glm::normalize(t) : glm::vec3(v.tangent),
                              mirrored ? -v.tangent.w : v.tangent.w);
        out.vertices.push_back(v);
        out.bounds.expand(v.position);
    }
    for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        uint32_t a = mesh.indices[i], b = mesh.indices[i + 1], c = mesh.indices[i + 2];
        if (a >= mesh.vertices.size() || b >= mesh.vertices.size() || c >= mesh.vertices.size()) continue;
        // A mirrored placement flips the winding: swap two corners to keep front faces.
        out.indices.insert(out.indices.end(), {base + a, mirrored ? base + c : base + b, mirrored ? base + b : base + c});
    }
}

bool drawable(const MeshData& mesh) { return !mesh.vertices.empty() && mesh.indices.size() >= 3; }

}  // namespace

int32_t ModelExtent::topNodeNamed(std::string_view name) const {
    for (const auto& [nodeName, index] : topNodeNames)
        if (nodeName == name) return index;
    return -1;
}

Aabb ModelExtent::topNodeBounds(int32_t node) const {
    Aabb box;
    for (const Part& part : parts)
        if (part.topNode == node) box.expand(part.bounds.transformed(part.transform));
    return box;
}

int32_t ModelExtent::nodeNamed(std::string_view name) const {
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].name == name) return int32_t(i);
    return -1;
}

bool ModelExtent::nodeUnder(int32_t node, int32_t ancestor) const {
    // Parents come first, so the walk up ends; the step count bounds a corrupt chain.
    for (size_t steps = 0; node >= 0 && size_t(node) < nodes.size() && steps <= nodes.size(); ++steps) {
        if (node == ancestor) return true;
        int32_t parent = nodes[size_t(node)].parent;
        if (parent >= node) return false;
        node = parent;
    }
    return false;
}

Aabb ModelExtent::nodeBounds(int32_t node) const {
    Aabb box;
    if (node < 0) return box;
    for (const Part& part : parts)
        if (part.node >= 0 && nodeUnder(part.node, node)) box.expand(part.bounds.transformed(part.transform));
    return box;
}

Aabb ModelExtent::worldBounds(const glm::mat4& placement) const {
    Aabb box;
    for (const Part& part : parts) box.expand(part.bounds.transformed(placement * part.transform));
    return box;
}

Aabb ModelExtent::worldBounds(const glm::mat4& placement, const std::vector<glm::mat4>& partTransforms) const {
    Aabb box;
    for (size_t i = 0; i < parts.size(); ++i) {
        const glm::mat4 moved = i < partTransforms.size() ? partTransforms[i] : glm::mat4(1.0f);
        box.expand(parts[i].bounds.transformed(placement * moved * parts[i].transform));
    }
    return box;
}

std::vector<glm::mat4> ModelExtent::animatedPlacementTransforms(const AnimationClip& clip, float time) const {
    std::vector<glm::mat4> local(nodes.size());
    std::vector<int32_t> parents(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        local[i] = nodes[i].local;
        parents[i] = nodes[i].parent;
    }
    const std::vector<glm::mat4> motion = animatedNodeMotion(local, parents, clip, time);
    std::vector<glm::mat4> out(parts.size(), glm::mat4(1.0f));
    for (size_t i = 0; i < parts.size(); ++i)
        if (parts[i].node >= 0 && size_t(parts[i].node) < motion.size()) out[i] = motion[size_t(parts[i].node)];
    return out;
}

ModelLayout layOutModel(ModelData model, const ModelLayoutDesc& desc) {
    ModelLayout layout;
    layout.textures = std::move(model.textures);
    layout.materials = std::move(model.materials);
    if (layout.materials.empty()) layout.materials.push_back(MaterialData{});
    auto materialOf = [&](const MeshData& mesh) {
        return mesh.materialIndex < layout.materials.size() ? mesh.materialIndex : 0u;
    };

    std::vector<glm::mat4> world = model.worldTransforms();
    std::vector<int32_t> top = topNodes(model);
    for (const NodeData& node : model.nodes) layout.extent.nodes.push_back({node.name, node.parent, node.localTransform});
    layout.extent.animations = std::move(model.animations);
    for (size_t i = 0; i < model.nodes.size(); ++i)
        if (top[i] == int32_t(i)) layout.extent.topNodeNames.push_back({model.nodes[i].name, int32_t(i)});
    // Which meshes are placed exactly once (candidates for merging).
    std::vector<uint32_t> uses(model.meshes.size(), 0);
    for (const NodeData& node : model.nodes)
        for (uint32_t mesh : node.meshes)
            if (mesh < uses.size()) ++uses[mesh];

    // Merged batches: (material, top node, node or -1, cell x, cell z) -> world-space mesh.
    std::map<std::tuple<uint32_t, int32_t, int32_t, int, int>, MeshData> batches;
    std::vector<MeshPlacement> separate;
    for (size_t i = 0; i < model.nodes.size(); ++i) {
        for (uint32_t meshIndex : model.nodes[i].meshes) {
            if (meshIndex >= model.meshes.size()) continue;
            const MeshData& mesh = model.meshes[meshIndex];
            if (!drawable(mesh)) continue;
            uint32_t material = materialOf(mesh);
            // Blended meshes stay separate: they are sorted one by one.
            bool blended = layout.materials[material].alphaMode == AlphaMode::Blend;
            if (desc.mergeStaticMeshes && uses[meshIndex] == 1 && !blended) {
                glm::vec3 c = mesh.bounds.transformed(world[i]).center();
                auto key = std::make_tuple(material, top[i], desc.mergeWithinNodes ? int32_t(i) : -1,
                                           int(std::floor(c.x / desc.mergeCellSize)),
                                           int(std::floor(c.z / desc.mergeCellSize)));
                MeshData& batch = batches[key];
                batch.materialIndex = material;
                appendTransformed(mesh, world[i], batch);
            } else {
                separate.push_back({meshIndex, world[i], top[i], int32_t(i)});
            }
        }
    }

    // Meshes used by several nodes (or blended) keep one copy each, in the
    // order of their first use; the merged batches follow.
    std::map<uint32_t, uint32_t> laidOut;
    for (const MeshPlacement& p : separate) {
        auto [it, inserted] = laidOut.emplace(p.mesh, 0);
        if (inserted) {
            MeshData& mesh = model.meshes[p.mesh];
            mesh.materialIndex = materialOf(mesh);
            layout.meshes.push_back(std::move(mesh));
            it->second = uint32_t(layout.meshes.size() - 1);
        }
        layout.placements.push_back({it->second, p.transform, p.topNode, p.node});
    }
    for (auto& [key, batch] : batches) {
        if (!drawable(batch)) continue;  // every triangle had a bad index
        layout.meshes.push_back(std::move(batch));
        layout.placements.push_back(
            {uint32_t(layout.meshes.size() - 1), glm::mat4(1.0f), std::get<1>(key), std::get<2>(key)});
    }

    for (const MeshPlacement& p : layout.placements) {
        const Aabb& bounds = layout.meshes[p.mesh].bounds;
        layout.extent.parts.push_back({bounds, p.transform, p.topNode, p.node});
        layout.extent.bounds.expand(bounds.transformed(p.transform));
    }
    return layout;
}

}  // namespace engine
