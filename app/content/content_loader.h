#pragma once
// Opens what the command line names: a scene file or a single model. Every
// model goes through the isolated importer, so a file that crashes Assimp
// costs an error message, never the application. No GL.
#include <filesystem>
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
    glm::mat4 transform{1.0f};
    bool fromCache = false;
    double seconds = 0.0;
};

struct LoadedContent {
    std::string title;
    std::vector<LoadedModel> models;
    std::vector<std::string> errors;    // models or scene entries that could not be opened
    std::vector<std::string> warnings;  // opened, with problems (e.g. a missing texture)
    bool ok() const { return !models.empty(); }
};

// Loads `input` (.json: a scene file; anything else: one model).
LoadedContent loadContent(const std::filesystem::path& input, const engine::IsolatedImporter& importer);

}  // namespace twin
