#pragma once
// GpuModel: a ModelData uploaded to the GPU, ready to draw many times.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "gfx/buffer.h"
#include "gfx/texture.h"
#include "gfx/vertex_array.h"
#include "scene/model.h"
#include "scene/model_layout.h"

namespace engine {

struct IndexRange {
    size_t first = 0;  // in indices, not bytes
    size_t count = 0;
};

struct GpuMesh {
    gfx::Buffer vertices;
    gfx::Buffer indices;  // the full mesh's, then each coarser level's
    gfx::VertexArray vao;
    size_t indexCount = 0;  // the full mesh's: levels[0].count
    // levels[0] the full mesh, then its coarser versions (scene/mesh_lod.h);
    // levelErrors[k - 1] is level k's MeshLod::error.
    std::vector<IndexRange> levels;
    std::vector<float> levelErrors;
    IndexRange level(uint32_t k) const { return k < levels.size() ? levels[k] : IndexRange{0, indexCount}; }
    uint32_t materialIndex = 0;
    Aabb bounds;
    bool bakedLight = false;  // its uv hold baked light (MeshData::bakedLight)
    bool lightPerVertex = false;  // MeshData::lightPerVertex
    // A hash of all its shadow depends on (vertices, triangles, the
    // material's alpha, a masked material's texture): names the shadow maps
    // kept between runs (RendererDesc::shadowCacheDirectory).
    uint64_t shadowKey = 0;
};

struct GpuMaterial {
    MaterialData data;
    const gfx::Texture2D* baseColor = nullptr;  // null: use the renderer's defaults
    const gfx::Texture2D* metallicRoughness = nullptr;
    const gfx::Texture2D* normal = nullptr;
    const gfx::Texture2D* occlusion = nullptr;
    const gfx::Texture2D* emissive = nullptr;
    // Equal for materials that set the surface programs' uniforms and
    // textures alike, whatever their model or name: the renderer draws
    // them one after the other (see Renderer::drawOpaque).
    uint64_t shadingKey = 0;

    // Whether any map is present: without, the renderer's plain surface
    // program draws it (no UV or tangent varyings).
    bool textured() const {
        for (const gfx::Texture2D* t : {baseColor, metallicRoughness, normal, occlusion, emissive})
            if (t && *t) return true;
        return false;
    }
};

// How meshes are merged: see ModelLayoutDesc (llvmpipe pays per draw call;
// the Twin building's 845 draws cost more than its triangles).
using GpuModelDesc = ModelLayoutDesc;

class GpuModel {
public:
    // Uploads a layout made beforehand (on a worker thread, say).
    explicit GpuModel(const ModelLayout& layout);
    // Lays `model` out and uploads it. Bad indices in `model` (a corrupt
    // cache) are skipped rather than trusted.
    explicit GpuModel(const ModelData& model, const GpuModelDesc& desc = {});
    GpuModel(const GpuModel&) = delete;
    GpuModel& operator=(const GpuModel&) = delete;

    const std::vector<GpuMesh>& meshes() const { return meshes_; }
    const std::vector<GpuMaterial>& materials() const { return materials_; }
    const std::vector<MeshPlacement>& placements() const { return placements_; }
    // Index of the top-level node (a child of the root) called `name`, or -1:
    // lets an application hide a floor or the roof by name.
    int32_t topNodeNamed(std::string_view name) const { return extent_.topNodeNamed(name); }
    const Aabb& bounds() const { return extent_.bounds; }
    const ModelExtent& extent() const { return extent_; }
    size_t triangleCount() const { return triangles_; }
    // The sun its baked meshes were lit for (none: nothing baked).
    const std::optional<glm::vec3>& bakedSunDirection() const { return bakedSunDirection_; }
    size_t gpuBytes() const { return gpuBytes_; }

private:
    std::vector<GpuMesh> meshes_;
    std::vector<gfx::Texture2D> textures_;
    std::vector<GpuMaterial> materials_;
    std::vector<MeshPlacement> placements_;
    ModelExtent extent_;
    std::optional<glm::vec3> bakedSunDirection_;
    size_t triangles_ = 0;
    size_t gpuBytes_ = 0;
};

}  // namespace engine
