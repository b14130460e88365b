#include "content/content_loader.h"

#include "content/baked_light.h"
#include "core/log.h"
#include "scene/bvh_file.h"
#include "scene/mesh_lod.h"

#include <algorithm>
#include <chrono>
#include <cctype>
#include <future>
#include <map>
#include <thread>

namespace twin {
namespace {
bool isSceneFile(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    return ext == ".json";
}

// Imports every distinct file once, a few at a time (imports are separate
// processes), and keeps the placements of those that opened.
struct Use {
    glm::mat4 transform;
    uint32_t object;
};
using Uses = std::map<std::filesystem::path, std::vector<Use>>;

// Returns the imported models, in the order of content.models.
std::vector<engine::ModelData> importAll(const Uses& uses, const engine::IsolatedImporter* importer,
                                         const ModelOpener* open, LoadedContent& content) {
    std::vector<engine::ModelData> models;
    std::vector<std::pair<std::filesystem::path, std::vector<Use>>> jobs(uses.begin(), uses.end());
    std::vector<engine::Result<engine::ImportOutcome>> results;
    results.reserve(jobs.size());
    if (open) {
        for (const auto& job : jobs) results.push_back((*open)(job.first));
    } else {
#ifndef __EMSCRIPTEN__  // the browser has no importer (nor threads): it reads converted models
        size_t parallel = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
        for (size_t begin = 0; begin < jobs.size(); begin += parallel) {
            std::vector<std::future<engine::Result<engine::ImportOutcome>>> running;
            for (size_t i = begin; i < std::min(jobs.size(), begin + parallel); ++i)
                running.push_back(
                    std::async(std::launch::async, [importer, &jobs, i] { return importer->import(jobs[i].first); }));
            for (auto& f : running) results.push_back(f.get());
        }
#endif
    }
    for (size_t i = 0; i < jobs.size(); ++i) {
        if (!results[i]) {
            content.errors.push_back(results[i].error());
            continue;
        }
        LoadedModel model;
        model.file = jobs[i].first;
        for (const Use& use : jobs[i].second) {
            model.placements.push_back(use.transform);
            model.placementObjects.push_back(use.object);
        }
        model.fromCache = results[i]->fromCache;
        model.seconds = results[i]->seconds;
        for (const std::string& w : results[i]->model.warnings) content.warnings.push_back(w);
        models.push_back(std::move(results[i]->model));
        content.models.push_back(std::move(model));
    }
    return models;
}

// Lays every model out for drawing (merging its static meshes) here, on the
// loading thread, and frees its imported form as it goes. Machines keep
// their nodes apart (merged per node and material) so the machine explorer
// can outline, move and cut each named part.
void layOut(LoadedContent& content, std::vector<engine::ModelData>& models) {
    for (size_t i = 0; i < models.size(); ++i) {
        engine::ModelLayoutDesc desc;
        for (uint32_t object : content.models[i].placementObjects)
            if (object >= kMachineObjectBase) desc.mergeWithinNodes = true;
        content.models[i].layout = engine::layOutModel(std::move(models[i]), desc);
    }
    models.clear();
}

// The triangles of every placed model, for the BVH: building triangles
// tagged by top-level node, machines by machine index.
std::vector<engine::BvhTriangle> placedTriangles(const LoadedContent& content, const std::vector<engine::ModelData>& data) {
    std::vector<engine::BvhTriangle> triangles;
    for (size_t m = 0; m < content.models.size(); ++m) {
        const LoadedModel& model = content.models[m];
        const engine::ModelData& modelData = data[m];
        // Top-level node (child of a root) of every node, for building tags.
        std::vector<int32_t> top(modelData.nodes.size(), -1);
        for (size_t i = 0; i < modelData.nodes.size(); ++i) {
            int32_t parent = modelData.nodes[i].parent;
            if (parent >= 0 && size_t(parent) < i) top[i] = top[size_t(parent)] >= 0 ? top[size_t(parent)] : int32_t(i);
        }
        for (size_t p = 0; p < model.placements.size(); ++p) {
            uint32_t object = model.placementObjects[p];
            auto idOfNode = [&](size_t node) -> uint32_t {
                if (object != kBuildingObjectBase) return object;
                return kBuildingObjectBase + uint32_t(std::max(0, top[node] + 1));
            };
            engine::appendModelTriangles(modelData, model.placements[p], idOfNode, triangles);
        }
    }
    return triangles;
}

#ifdef __EMSCRIPTEN__
constexpr std::launch kBeside = std::launch::deferred;  // no threads in the browser build: done at get()
#else
constexpr std::launch kBeside = std::launch::async;  // on another core
#endif

struct PickingBvh {
    engine::TriangleBvh bvh;
    bool fromFile = false;
    std::string problem;  // the kept file could not be read or written
    double seconds = 0.0;
};

// Starts the picking BVH of every placed triangle beside the rest of the
// loading (once the triangles are copied out, it needs nothing more of the
// models): the models are laid out, coarsened and lit while it builds, and
// the main thread, waiting for all of it, draws nothing before the end. A
// previous run's BVH of the same triangles is read from `directory` instead.
std::future<PickingBvh> startBvh(const LoadedContent& content, const std::vector<engine::ModelData>& models,
                                 bool buildPickingBvh, const std::filesystem::path& directory) {
    if (!buildPickingBvh) return {};
    return std::async(kBeside, [triangles = placedTriangles(content, models), directory] {
        const auto start = std::chrono::steady_clock::now();
        PickingBvh picking;
        picking.bvh = engine::loadOrBuildBvh(triangles, directory, &picking.problem, &picking.fromFile);
        picking.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return picking;
    });
}

void finishBvh(LoadedContent& content, std::future<PickingBvh>& started) {
    if (!started.valid()) return;
    PickingBvh picking = started.get();
    if (!picking.problem.empty()) engine::log::warning("picking BVH: " + picking.problem);
    engine::log::debug("picking BVH: " + std::to_string(picking.bvh.triangleCount()) + " triangles, " +
                       (picking.fromFile ? "read from the cache in " : "built in ") +
                       std::to_string(int(picking.seconds * 1000)) + " ms");
    content.bvh = std::make_shared<const engine::TriangleBvh>(std::move(picking.bvh));
}
}  // namespace

uint32_t buildingObjectOfTopNode(int32_t topNode) { return kBuildingObjectBase + uint32_t(std::max(0, topNode + 1)); }

namespace {
LoadedContent loadWith(const std::filesystem::path& input, const engine::IsolatedImporter* importer,
                       const ModelOpener* open, bool buildPickingBvh, const std::filesystem::path& lightDirectory) {
    LoadedContent content;
    Uses uses;
    // The import cache's folder keeps the picking BVH too (none in the browser).
    const std::filesystem::path bvhDirectory = importer ? importer->desc().cacheDirectory : std::filesystem::path();
    if (!isSceneFile(input)) {
        content.title = input.filename().string();
        uses[input].push_back({glm::mat4(1.0f), kOtherObject});
        std::vector<engine::ModelData> models = importAll(uses, importer, open, content);
        std::future<PickingBvh> bvh = startBvh(content, models, buildPickingBvh, bvhDirectory);
        layOut(content, models);
        finishBvh(content, bvh);
        return content;
    }
    SceneDescription scene = loadSceneFile(input);
    content.title = scene.name.fr.empty() ? input.filename().string() : scene.name.fr;
    for (const SceneIssue& issue : scene.issues) content.errors.push_back(issue.text());
    for (const ModelPlacement& placement : scene.building.models)
        uses[placement.file].push_back({placement.transform, kBuildingObjectBase});
    for (size_t i = 0; i < scene.machines.size(); ++i)
        uses[scene.machines[i].model.file].push_back({scene.machines[i].model.transform, kMachineObjectBase + uint32_t(i)});
    std::vector<engine::ModelData> models = importAll(uses, importer, open, content);
    std::future<PickingBvh> bvh = startBvh(content, models, buildPickingBvh, bvhDirectory);
    layOut(content, models);
    // Coarser levels of detail for the meshes that the light does not bake
    // (machines, props placed many times): a scene is seen from afar. A
    // single model is framed whole and close, so it gets none. The other
    // models' on another core while the building's light is read or baked
    // (it changes the building's meshes, so the building's come after).
    auto isBuilding = [](const LoadedModel& model) {
        return std::find(model.placementObjects.begin(), model.placementObjects.end(), kBuildingObjectBase) !=
               model.placementObjects.end();
    };
    auto levelsOfDetail = [&content](auto&& which) {
        for (LoadedModel& model : content.models)
            if (which(model)) engine::addLevelsOfDetail(model.layout);
    };
    auto notBuilding = [&](const LoadedModel& model) { return !isBuilding(model); };
    std::future<void> otherLevels = std::async(kBeside, [&] { levelsOfDetail(notBuilding); });
    // The browser has no core to spare for tracing: it reads what twin-tour-pack baked.
    content.light = bakeBuildingLight(content, lightDirectory, importer ? BakeWhenMissing::Yes : BakeWhenMissing::No);
    levelsOfDetail(isBuilding);
    otherLevels.get();
    finishBvh(content, bvh);
    const BakedLightReport& light = content.light;
    if (!light.cacheError.empty()) engine::log::warning("baked light: " + light.cacheError);
    if (light.meshes > 0)
        engine::log::debug("baked light: " + std::to_string(light.meshes) + " meshes, " +
                           std::to_string(light.triangles) + " triangles (" + std::to_string(light.litPerVertex) +
                           " meshes placed many times lit per vertex), " +
                           (light.fromCache ? "read from the cache in " : "traced in ") +
                           std::to_string(int(light.seconds * 1000)) + " ms");
    content.scene = std::move(scene);
    return content;
}
}  // namespace

#ifndef __EMSCRIPTEN__
LoadedContent loadContent(const std::filesystem::path& input, const engine::IsolatedImporter& importer,
                          bool buildPickingBvh) {
    return loadWith(input, &importer, nullptr, buildPickingBvh, importer.desc().cacheDirectory);
}
#endif

LoadedContent loadContent(const std::filesystem::path& input, const ModelOpener& open, bool buildPickingBvh,
                          const std::filesystem::path& bakedLightDirectory) {
    return loadWith(input, nullptr, &open, buildPickingBvh, bakedLightDirectory);
}

}  // namespace twin
