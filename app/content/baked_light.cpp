#include "content/baked_light.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <system_error>

#include "assets/model_file.h"
#include "core/file_util.h"
#include "core/hasher.h"
#include "scene/light_bake.h"

namespace twin {
namespace {

// Bumped whenever the bake's method changes: old files are then ignored.
constexpr uint64_t kBakeVersion = 2;  // 2: covered vertices take their neighbours' light
// Light files kept in the cache folder; older ones are removed.
constexpr size_t kKeptFiles = 4;

// Everything the light of content.models[baked] depends on: the settings
// and every model's meshes, materials' alpha and placements (the shadow
// casters come from them). Hashed as stored, not as placed triangles:
// gathering those costs 17-21 ms of each start, hashing this about 1 ms.
uint64_t bakeKey(const std::vector<LoadedModel>& models, size_t baked, const engine::LightBakeDesc& desc) {
    engine::Hasher h;
    h.add(&kBakeVersion, sizeof kBakeVersion);
    // Field by field: the struct's padding is not part of the settings.
    const float settings[] = {desc.sunDirection.x, desc.sunDirection.y, desc.sunDirection.z, desc.maxEdge,
                              desc.minEdge, desc.lightStep, float(desc.sunRays), desc.sunSpread,
                              float(desc.skyRays), desc.skyDistance, float(desc.maxTriangles)};
    h.add(settings, sizeof settings);
    const uint64_t which = baked;
    h.add(&which, sizeof which);
    for (const LoadedModel& model : models) {
        h.add(model.placements);
        for (const engine::MeshPlacement& mp : model.layout.placements) {
            h.add(&mp.mesh, sizeof mp.mesh);
            h.add(&mp.transform, sizeof mp.transform);
        }
        for (const engine::MaterialData& material : model.layout.materials)
            h.add(&material.alphaMode, sizeof material.alphaMode);
        for (const engine::MeshData& mesh : model.layout.meshes) {
            h.add(mesh.vertices);
            h.add(mesh.indices);
            h.add(&mesh.materialIndex, sizeof mesh.materialIndex);
        }
    }
    return h.digest();
}

// The baked meshes as they were stored, when the file fits this layout.
bool readBaked(const std::filesystem::path& file, engine::ModelLayout& layout, const std::vector<uint32_t>& meshes,
               std::string& error) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return false;
    engine::Result<engine::ModelData> stored = engine::readModelFile(file);
    if (!stored) {
        error = stored.error();
        return false;
    }
    if (stored->meshes.size() != meshes.size()) {
        error = file.string() + ": " + std::to_string(stored->meshes.size()) + " meshes, expected " +
                std::to_string(meshes.size());
        return false;
    }
    for (size_t k = 0; k < meshes.size(); ++k)
        if (stored->meshes[k].materialIndex != layout.meshes[meshes[k]].materialIndex) {
            error = file.string() + ": mesh " + std::to_string(k) + " has another material";
            return false;
        }
    for (size_t k = 0; k < meshes.size(); ++k) {
        engine::MeshData& mesh = layout.meshes[meshes[k]];
        mesh.vertices = std::move(stored->meshes[k].vertices);
        mesh.indices = std::move(stored->meshes[k].indices);
        mesh.bounds = stored->meshes[k].bounds;
        mesh.bakedLight = true;
    }
    return true;
}

engine::Status writeBaked(const std::filesystem::path& file, const engine::ModelLayout& layout,
                          const std::vector<uint32_t>& meshes) {
    engine::ModelData stored;
    stored.sourceName = "baked light";
    stored.materials = layout.materials;
    for (uint32_t i : meshes) stored.meshes.push_back(layout.meshes[i]);
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    engine::Status written = engine::writeModelFile(stored, file);
    // Keep the newest few: each changed scene leaves one behind.
    engine::keepNewestFiles(file.parent_path(), "light-", ".light", kKeptFiles);
    return written;
}

}  // namespace

BakedLightReport bakeBuildingLight(LoadedContent& content, const std::filesystem::path& cacheDirectory,
                                   BakeWhenMissing bakeWhenMissing) {
    const auto start = std::chrono::steady_clock::now();
    BakedLightReport report;
    std::shared_ptr<const engine::TriangleBvh> casters;  // built for the first bake that needs them
    auto buildCasters = [&content] {
        std::vector<engine::BvhTriangle> triangles;
        for (const LoadedModel& model : content.models)
            for (const glm::mat4& placement : model.placements)
                engine::appendShadowCasters(model.layout, placement, triangles);
        return std::make_shared<const engine::TriangleBvh>(engine::TriangleBvh::build(triangles));
    };
    const engine::LightBakeDesc desc;
    for (size_t m = 0; m < content.models.size(); ++m) {
        LoadedModel& model = content.models[m];
        const bool building = model.placements.size() == 1 && model.placementObjects[0] == kBuildingObjectBase;
        if (!building) continue;
        const std::vector<uint32_t> meshes = engine::bakeableMeshes(model.layout);
        size_t triangles = 0;
        for (uint32_t i : meshes) triangles += model.layout.meshes[i].indices.size() / 3;
        if (meshes.empty() || triangles > desc.maxTriangles) continue;  // lit per pixel (see bakeLight)
        const uint64_t key = bakeKey(content.models, m, desc);
        char name[40];
        std::snprintf(name, sizeof name, "light-%016llx.light", static_cast<unsigned long long>(key));
        const std::filesystem::path file = cacheDirectory.empty() ? std::filesystem::path() : cacheDirectory / name;
        if (!file.empty() && readBaked(file, model.layout, meshes, report.cacheError)) {
            model.layout.bakedSunDirection = glm::normalize(desc.sunDirection);
            report.fromCache = true;
            report.file = file;
        } else if (bakeWhenMissing == BakeWhenMissing::No) {
            continue;  // lit per pixel
        } else {
            if (!casters) casters = buildCasters();
            if (engine::bakeLight(model.layout, model.placements[0], *casters, desc).meshes == 0)
                continue;  // too big to bake: lit per pixel
            if (!file.empty()) {
                if (engine::Status written = writeBaked(file, model.layout, meshes); !written)
                    report.cacheError = written.error();
                else
                    report.file = file;
            }
        }
        report.meshes += meshes.size();
        report.litPerVertex += engine::markLitPerVertex(model.layout);
        for (uint32_t i : meshes) report.triangles += model.layout.meshes[i].indices.size() / 3;
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

}  // namespace twin
