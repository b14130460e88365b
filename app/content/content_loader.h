#pragma once
// Opens what the command line names: a scene file or a single model. Every
// model goes through the isolated importer, so a file that crashes Assimp
// costs an error message, never the application. A model file used by many
// machines is imported once and placed many times (the renderer instances
// it). No GL.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "assets/isolated_importer.h"
#include "content/scene_file.h"
#include "scene/model.h"
#include "scene/model_layout.h"
#include "scene/triangle_bvh.h"

namespace twin {

// Object ids in the picking BVH: the building's triangles carry
// kBuildingObjectBase + the index of their top-level node (a floor, the
// roof...), so hidden floors can be ignored; a machine's carry
// kMachineObjectBase + its index in the scene's machines.
constexpr uint32_t kBuildingObjectBase = 1;
constexpr uint32_t kMachineObjectBase = 1u << 20;
constexpr uint32_t kOtherObject = 0;

struct LoadedModel {
    std::filesystem::path file;
    engine::ModelLayout layout;  // laid out for drawing, on the loading thread
    std::vector<glm::mat4> placements;  // one per use in the scene
    std::vector<uint32_t> placementObjects;  // per placement: kMachineObjectBase + i, kBuildingObjectBase or kOtherObject
    bool fromCache = false;
    double seconds = 0.0;
};

// The building's baked light (content/baked_light.h).
struct BakedLightReport {
    size_t meshes = 0;
    size_t triangles = 0;  // of the baked meshes, once cut
    size_t litPerVertex = 0;  // meshes placed many times, lit per vertex instead (engine::markLitPerVertex)
    bool fromCache = false;
    double seconds = 0.0;
    std::string cacheError;  // a cache file that could not be read or written
    std::filesystem::path file;  // the cache file read or written
};

struct LoadedContent {
    std::string title;
    std::optional<SceneDescription> scene;  // when a scene file was opened
    std::vector<LoadedModel> models;
    std::vector<std::string> errors;    // what could not be opened, one line each
    std::vector<std::string> warnings;  // opened, with problems (e.g. a missing texture)
    std::shared_ptr<const engine::TriangleBvh> bvh;  // for picking, when asked for
    BakedLightReport light;
    bool ok() const { return !models.empty(); }
};

// The picking object id of the building's top-level node `topNode`.
uint32_t buildingObjectOfTopNode(int32_t topNode);

// Loads `input` (.json: a scene file; anything else: one model). With
// `buildPickingBvh`, also builds the triangle BVH of everything placed.
LoadedContent loadContent(const std::filesystem::path& input, const engine::IsolatedImporter& importer,
                          bool buildPickingBvh = false);

// The same with another way of opening each model file (the browser reads
// models converted beforehand: it has no importer). One file at a time.
// The building's baked light is read from `bakedLightDirectory` when it is
// there (twin-tour-pack puts it), never traced.
using ModelOpener = std::function<engine::Result<engine::ImportOutcome>(const std::filesystem::path& file)>;
LoadedContent loadContent(const std::filesystem::path& input, const ModelOpener& open, bool buildPickingBvh = false,
                          const std::filesystem::path& bakedLightDirectory = {});

}  // namespace twin
