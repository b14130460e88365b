#include "render/gpu_model.h"

#include <cmath>
#include <cstddef>
#include <map>
#include <tuple>

namespace engine {
namespace {
const gfx::VertexAttribute kVertexLayout[] = {
    {0, 3, gfx::AttributeType::Float, offsetof(Vertex, position), sizeof(Vertex), false},
    {1, 3, gfx::AttributeType::Float, offsetof(Vertex, normal), sizeof(Vertex), false},
    {2, 4, gfx::AttributeType::Float, offsetof(Vertex, tangent), sizeof(Vertex), false},
    {3, 2, gfx::AttributeType::Float, offsetof(Vertex, uv), sizeof(Vertex), false},
};

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

const gfx::Texture2D* textureAt(const std::vector<gfx::Texture2D>& textures, int32_t index) {
    return index >= 0 && size_t(index) < textures.size() ? &textures[size_t(index)] : nullptr;
}
}  // namespace

GpuModel::GpuModel(const ModelData& model, const GpuModelDesc& desc) {
    textures_.reserve(model.textures.size());
    for (const TextureData& t : model.textures) {
        gfx::TextureDesc desc;
        desc.width = int(t.width);
        desc.height = int(t.height);
        desc.format = t.srgb ? gfx::TextureFormat::Srgb8Alpha8 : gfx::TextureFormat::Rgba8;
        desc.filter = t.placeholder ? gfx::TextureFilter::Nearest : gfx::TextureFilter::Trilinear;
        desc.wrap = gfx::TextureWrap::Repeat;
        desc.maxAnisotropy = 4.0f;
        std::vector<const uint8_t*> levels;
        bool consistent = t.width > 0 && t.height > 0 && !t.mips.empty();
        for (size_t level = 0; consistent && level < t.mips.size(); ++level) {
            size_t w = std::max<size_t>(1, t.width >> level), h = std::max<size_t>(1, t.height >> level);
            consistent = t.mips[level].size() == w * h * 4;
            levels.push_back(t.mips[level].data());
        }
        if (!consistent) {
            textures_.emplace_back();  // an empty texture: materials fall back to defaults
            continue;
        }
        textures_.emplace_back(desc, levels);
        gpuBytes_ += textures_.back().byteSize();
    }

    for (const MaterialData& m : model.materials) {
        GpuMaterial g;
        g.data = m;
        g.baseColor = textureAt(textures_, m.baseColorTexture);
        g.metallicRoughness = textureAt(textures_, m.metallicRoughnessTexture);
        g.normal = textureAt(textures_, m.normalTexture);
        g.occlusion = textureAt(textures_, m.occlusionTexture);
        g.emissive = textureAt(textures_, m.emissiveTexture);
        materials_.push_back(g);
    }
    if (materials_.empty()) materials_.push_back(GpuMaterial{});

    // Which meshes are placed exactly once (candidates for merging).
    std::vector<glm::mat4> world = model.worldTransforms();
    std::vector<int32_t> top = topNodes(model);
    for (size_t i = 0; i < model.nodes.size(); ++i)
        if (top[i] == int32_t(i)) topNodeNames_.push_back({model.nodes[i].name, int32_t(i)});
    std::vector<uint32_t> uses(model.meshes.size(), 0);
    for (const NodeData& node : model.nodes)
        for (uint32_t mesh : node.meshes)
            if (mesh < uses.size()) ++uses[mesh];

    // Merged batches: (material, top node, cell x, cell z) -> world-space mesh.
    std::map<std::tuple<uint32_t, int32_t, int, int>, MeshData> batches;
    std::vector<MeshPlacement> separate;
    for (size_t i = 0; i < model.nodes.size(); ++i) {
        for (uint32_t meshIndex : model.nodes[i].meshes) {
            if (meshIndex >= model.meshes.size()) continue;
            const MeshData& mesh = model.meshes[meshIndex];
            if (mesh.vertices.empty() || mesh.indices.size() < 3) continue;
            uint32_t material = mesh.materialIndex < materials_.size() ? mesh.materialIndex : 0;
            bool blended = materials_[material].data.alphaMode == AlphaMode::Blend;
            // Blended meshes stay separate: they are sorted one by one.
            if (desc.mergeStaticMeshes && uses[meshIndex] == 1 && !blended) {
                glm::vec3 c = mesh.bounds.transformed(world[i]).center();
                auto key = std::make_tuple(material, top[i], int(std::floor(c.x / desc.mergeCellSize)),
                                           int(std::floor(c.z / desc.mergeCellSize)));
                MeshData& batch = batches[key];
                batch.materialIndex = material;
                appendTransformed(mesh, world[i], batch);
            } else {
                separate.push_back({meshIndex, world[i], top[i]});
            }
        }
    }

    meshes_.reserve(model.meshes.size() + batches.size());
    auto upload = [&](const MeshData& m) {
        GpuMesh mesh;
        mesh.materialIndex = m.materialIndex < materials_.size() ? m.materialIndex : 0;
        mesh.bounds = m.bounds;
        if (!m.vertices.empty() && !m.indices.empty()) {
            mesh.vertices = gfx::Buffer(gfx::BufferKind::Vertex, m.vertices.data(), m.vertices.size() * sizeof(Vertex));
            mesh.indices = gfx::Buffer(gfx::BufferKind::Index, m.indices.data(), m.indices.size() * sizeof(uint32_t));
            mesh.vao.addAttributes(mesh.vertices, kVertexLayout, std::size(kVertexLayout));
            mesh.vao.setIndexBuffer(mesh.indices);
            mesh.indexCount = m.indices.size() / 3 * 3;
            gpuBytes_ += mesh.vertices.size() + mesh.indices.size();
        }
        meshes_.push_back(std::move(mesh));
        return uint32_t(meshes_.size() - 1);
    };
    // Meshes used by several nodes (or blended) keep their own index.
    std::map<uint32_t, uint32_t> uploaded;
    for (const MeshPlacement& p : separate) {
        auto [it, inserted] = uploaded.emplace(p.mesh, 0);
        if (inserted) it->second = upload(model.meshes[p.mesh]);
        if (meshes_[it->second].indexCount > 0) placements_.push_back({it->second, p.transform, p.topNode});
    }
    for (auto& [key, batch] : batches) {
        uint32_t mesh = upload(batch);
        if (meshes_[mesh].indexCount > 0) placements_.push_back({mesh, glm::mat4(1.0f), std::get<1>(key)});
    }

    for (const MeshPlacement& p : placements_) {
        const GpuMesh& mesh = meshes_[p.mesh];
        if (mesh.indexCount == 0) continue;
        bounds_.expand(mesh.bounds.transformed(p.transform));
        triangles_ += mesh.indexCount / 3;
    }
}

int32_t GpuModel::topNodeNamed(std::string_view name) const {
    for (const auto& [nodeName, index] : topNodeNames_)
        if (nodeName == name) return index;
    return -1;
}

}  // namespace engine
