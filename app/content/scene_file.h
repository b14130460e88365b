#pragma once
// Scene files (scenes/*.json): parsing and validation. No GL.
// This first version reads what the viewer needs (the building's models and
// their placement); DESIGN.md section 3 lists the sections still to come.
#include <filesystem>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace twin {

struct LocalizedText {
    std::string fr;
    std::string en;
};

struct ModelPlacement {
    std::filesystem::path file;  // resolved, inside the scene's asset root
    glm::mat4 transform{1.0f};
};

struct SceneIssue {
    std::string where;    // "file:line: /json/path"
    std::string message;  // what was expected
};

struct SceneDescription {
    std::filesystem::path file;
    LocalizedText name;
    std::vector<ModelPlacement> models;
    std::vector<SceneIssue> issues;  // every problem found; what is valid is kept
};

// Reads and validates a scene file. Never throws; problems land in `issues`,
// and entries with problems are left out.
SceneDescription loadSceneFile(const std::filesystem::path& file);

}  // namespace twin
