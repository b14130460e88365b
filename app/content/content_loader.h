#pragma once
// Opens what the command line names: a scene file or a single model. Every
// model goes through the isolated importer, so a file that crashes Assimp
// costs an error message, never the application. A model file used by many
// machines is imported once and placed many times (the renderer instances
// it). No GL.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "assets/isolated_importer.h"
#include "content/scene_file.h"
#include "scene/model.h"

namespace twin {

struct LoadedModel {
    std::filesystem::path file;
    engine::ModelData data;
    std::vector<glm::mat4> placements;  // one per use in the scene
    bool fromCache = false;
    double seconds = 0.0;
};

struct LoadedContent {
    std::string title;
    std::optional<SceneDescription> scene;  // when a scene file was opened
    std::vector<LoadedModel> models;
    std::vector<std::string> errors;    // what could not be opened, one line each
    std::vector<std::string> warnings;  // opened, with problems (e.g. a missing texture)
    bool ok() const { return !models.empty(); }
};

// Loads `input` (.json: a scene file; anything else: one model).
LoadedContent loadContent(const std::filesystem::path& input, const engine::IsolatedImporter& importer);

}  // namespace twin
