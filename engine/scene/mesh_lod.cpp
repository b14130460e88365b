#include "scene/mesh_lod.h"

#include <algorithm>
#include <cmath>

#include <meshoptimizer.h>

namespace engine {
namespace {
// The sloppy simplifier's error measures its clusters, not how far the new
// triangles lie from the old surface: on a sphere (mesh_lod_test.cpp) the
// triangles' centres were up to 2.2 times that far.
constexpr float kErrorMargin = 2.5f;
}  // namespace

std::vector<MeshLod> buildLevelsOfDetail(const MeshData& mesh, const LodDesc& desc) {
    std::vector<MeshLod> levels;
    const size_t triangles = mesh.indices.size() / 3;
    if (triangles < desc.minTriangles || mesh.vertices.empty()) return levels;
    const size_t indexCount = triangles * 3;
    for (size_t i = 0; i < indexCount; ++i)
        if (mesh.indices[i] >= mesh.vertices.size()) return levels;  // a corrupt mesh is drawn whole

    // One index per position, so split normals do not hold corners apart.
    const float* positions = &mesh.vertices[0].position.x;
    std::vector<uint32_t> byPosition(indexCount);
    meshopt_generateShadowIndexBuffer(byPosition.data(), mesh.indices.data(), indexCount, positions,
                                      mesh.vertices.size(), sizeof(glm::vec3), sizeof(Vertex));
    // The vertices at each position (first[p] to first[p + 1] in `split`),
    // to give each kept corner back its normal.
    const size_t vertexCount = mesh.vertices.size();
    std::vector<uint32_t> positionOf(vertexCount, UINT32_MAX);
    for (size_t i = 0; i < indexCount; ++i) positionOf[mesh.indices[i]] = byPosition[i];
    std::vector<uint32_t> first(vertexCount + 1, 0);
    for (uint32_t p : positionOf)
        if (p != UINT32_MAX) ++first[p + 1];
    for (size_t v = 0; v < vertexCount; ++v) first[v + 1] += first[v];
    std::vector<uint32_t> split(first[vertexCount]), filled(first.begin(), first.end() - 1);
    for (size_t v = 0; v < vertexCount; ++v)
        if (positionOf[v] != UINT32_MAX) split[filled[positionOf[v]]++] = uint32_t(v);
    const float scale = meshopt_simplifyScale(positions, mesh.vertices.size(), sizeof(Vertex));

    size_t previous = indexCount;
    std::vector<uint32_t> out(indexCount);
    for (float ratio : desc.ratios) {
        const size_t target = size_t(float(triangles) * ratio) * 3;
        float relativeError = 0.0f;
        size_t count = meshopt_simplifySloppy(out.data(), byPosition.data(), indexCount, positions, mesh.vertices.size(),
                                              sizeof(Vertex), target, 1.0f, &relativeError);
        if (count < 3 || float(count) > float(previous) * desc.minGain) continue;
        MeshLod level;
        level.error = relativeError * scale * kErrorMargin;
        level.indices.resize(count);
        for (size_t t = 0; t < count; t += 3) {
            const glm::vec3& a = mesh.vertices[out[t]].position;
            const glm::vec3 faceNormal = glm::cross(mesh.vertices[out[t + 1]].position - a, mesh.vertices[out[t + 2]].position - a);
            for (size_t c = 0; c < 3; ++c) {
                uint32_t best = out[t + c];
                float bestFacing = -INFINITY;
                for (uint32_t k = first[out[t + c]]; k < first[out[t + c] + 1]; ++k) {
                    const uint32_t candidate = split[k];
                    float facing = glm::dot(mesh.vertices[candidate].normal, faceNormal);
                    if (facing > bestFacing) bestFacing = facing, best = candidate;
                }
                level.indices[t + c] = best;
            }
        }
        if (!levels.empty()) level.error = std::max(level.error, levels.back().error);
        levels.push_back(std::move(level));
        previous = count;
    }
    return levels;
}

void addLevelsOfDetail(ModelLayout& layout, const LodDesc& desc) {
    for (MeshData& mesh : layout.meshes) {
        mesh.lods.clear();
        if (mesh.bakedLight || mesh.materialIndex >= layout.materials.size()) continue;
        const MaterialData& material = layout.materials[mesh.materialIndex];
        if (material.textured() || material.alphaMode != AlphaMode::Opaque) continue;
        mesh.lods = buildLevelsOfDetail(mesh, desc);
    }
}

size_t chooseLevelOfDetail(const std::vector<float>& errors, float pixelsPerUnit, float maxPixels) {
    size_t level = 0;
    for (size_t k = 0; k < errors.size(); ++k)
        if (errors[k] * pixelsPerUnit <= maxPixels) level = k + 1;
    return level;
}

}  // namespace engine
