#include "render/gpu_model.h"

#include <cstddef>

#include "core/hasher.h"

namespace engine {
namespace {
const gfx::VertexAttribute kVertexLayout[] = {
    {0, 3, gfx::AttributeType::Float, offsetof(Vertex, position), sizeof(Vertex), false},
    {1, 3, gfx::AttributeType::Float, offsetof(Vertex, normal), sizeof(Vertex), false},
    {2, 4, gfx::AttributeType::Float, offsetof(Vertex, tangent), sizeof(Vertex), false},
    {3, 2, gfx::AttributeType::Float, offsetof(Vertex, uv), sizeof(Vertex), false},
};

uint64_t shadowKeyOf(const MeshData& mesh, const MaterialData& material, const std::vector<TextureData>& textures) {
    Hasher h;
    h.add(mesh.vertices);
    h.add(mesh.indices);
    const float alpha[] = {float(material.alphaMode), material.alphaCutoff, material.baseColorFactor.a};
    h.add(alpha, sizeof alpha);
    const int32_t texture = material.baseColorTexture;
    if (material.alphaMode == AlphaMode::Mask && texture >= 0 && size_t(texture) < textures.size())
        for (const std::vector<uint8_t>& level : textures[size_t(texture)].mips) h.add(level);
    return h.digest();
}

// The values Renderer::bindMaterial gives the surface programs, one by one.
uint64_t shadingKeyOf(const GpuMaterial& g) {
    const MaterialData& m = g.data;
    Hasher h;
    const float values[] = {m.baseColorFactor.r, m.baseColorFactor.g, m.baseColorFactor.b, m.baseColorFactor.a,
                            m.metallicFactor,    m.roughnessFactor,   m.emissiveFactor.r,  m.emissiveFactor.g,
                            m.emissiveFactor.b,  m.normalScale,       m.occlusionStrength, m.alphaCutoff,
                            float(m.alphaMode),  float(m.doubleSided)};
    h.add(values, sizeof values);
    const gfx::Texture2D* textures[] = {g.baseColor, g.metallicRoughness, g.normal, g.occlusion, g.emissive};
    h.add(textures, sizeof textures);
    return h.digest();
}

const gfx::Texture2D* textureAt(const std::vector<gfx::Texture2D>& textures, int32_t index) {
    return index >= 0 && size_t(index) < textures.size() ? &textures[size_t(index)] : nullptr;
}
}  // namespace

GpuModel::GpuModel(const ModelData& model, const GpuModelDesc& desc) : GpuModel(layOutModel(model, desc)) {}

GpuModel::GpuModel(const ModelLayout& model) {
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
        g.shadingKey = shadingKeyOf(g);
        materials_.push_back(g);
    }
    if (materials_.empty()) materials_.push_back(GpuMaterial{});

    meshes_.reserve(model.meshes.size());
    auto upload = [&](const MeshData& m) {
        GpuMesh mesh;
        mesh.materialIndex = m.materialIndex < materials_.size() ? m.materialIndex : 0;
        mesh.bounds = m.bounds;
        mesh.bakedLight = m.bakedLight && !materials_[mesh.materialIndex].textured();
        mesh.lightPerVertex = m.lightPerVertex && !materials_[mesh.materialIndex].textured();
        mesh.shadowKey = shadowKeyOf(m, materials_[mesh.materialIndex].data, model.textures);
        if (!m.vertices.empty() && !m.indices.empty()) {
            mesh.vertices = gfx::Buffer(gfx::BufferKind::Vertex, m.vertices.data(), m.vertices.size() * sizeof(Vertex));
            mesh.indexCount = m.indices.size() / 3 * 3;
            mesh.levels.push_back({0, mesh.indexCount});
            std::vector<uint32_t> all;
            const std::vector<uint32_t>* indices = &m.indices;
            if (!m.lods.empty()) {
                all.assign(m.indices.begin(), m.indices.begin() + ptrdiff_t(mesh.indexCount));
                for (const MeshLod& lod : m.lods) {
                    mesh.levels.push_back({all.size(), lod.indices.size() / 3 * 3});
                    mesh.levelErrors.push_back(lod.error);
                    all.insert(all.end(), lod.indices.begin(), lod.indices.begin() + ptrdiff_t(mesh.levels.back().count));
                }
                indices = &all;
            }
            mesh.indices = gfx::Buffer(gfx::BufferKind::Index, indices->data(), indices->size() * sizeof(uint32_t));
            mesh.vao.addAttributes(mesh.vertices, kVertexLayout, std::size(kVertexLayout));
            mesh.vao.setIndexBuffer(mesh.indices);
            gpuBytes_ += mesh.vertices.size() + mesh.indices.size();
        }
        meshes_.push_back(std::move(mesh));
        return uint32_t(meshes_.size() - 1);
    };
    for (const MeshData& mesh : model.meshes) upload(mesh);
    placements_ = model.placements;
    extent_ = model.extent;
    bakedSunDirection_ = model.bakedSunDirection;

    for (const MeshPlacement& p : placements_) {
        const GpuMesh& mesh = meshes_[p.mesh];
        if (mesh.indexCount == 0) continue;
        triangles_ += mesh.indexCount / 3;
    }
}

}  // namespace engine
