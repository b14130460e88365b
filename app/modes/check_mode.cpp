#include "modes/check_mode.h"

#include <cstdio>

#include "content/content_loader.h"
#include "learn/part_check.h"
#include "modes/app_setup.h"

namespace twin {

// --check: validates a scene file, the files it names, and every node its
// machines name (parts, procedure steps) against the models themselves,
// imported as the visit imports them (isolated, cached). No GL.
int runCheck(const AppOptions& options) {
    std::filesystem::path input = inputFor(options, findDataDirectory());
    if (input.extension() != ".json") return fail("--check takes a scene file (.json), got \"" + input.string() + "\"");
    const engine::IsolatedImporter importer(importDescFor(options));
    LoadedContent content = loadContent(input, importer);
    if (!content.scene) return fail("could not read \"" + input.string() + "\"");
    const SceneDescription& scene = *content.scene;
    // The scene's own issues, then the models that could not be opened.
    std::vector<std::string> problems = content.errors;
    learn::ModelExtents models;
    for (const LoadedModel& model : content.models) models[model.file] = model.layout.extent;
    for (std::string& problem : learn::missingPartNodes(scene, models)) problems.push_back(std::move(problem));
    for (std::string& problem : learn::missingAnimations(scene, models)) problems.push_back(std::move(problem));
    for (const std::string& problem : problems) std::fprintf(stderr, "%s\n", problem.c_str());
    std::printf("%s: %zu platform(s), %zu machine(s), %zu tour(s), %zu training module(s), %zu model(s), %zu problem(s)\n",
                input.string().c_str(), scene.platforms.size(), scene.machines.size(), scene.tours.size(),
                scene.trainingModules.size(), content.models.size(), problems.size());
    return problems.empty() ? 0 : 1;
}

}  // namespace twin
