#include "modes/check_mode.h"

#include <cstdio>

#include <map>

#include "content/scene_file.h"
#include "learn/part_check.h"
#include "modes/app_setup.h"

namespace twin {

// --check: validates a scene file and the files it names, without GL.
int runCheck(const AppOptions& options) {
    std::filesystem::path input = inputFor(options, findDataDirectory());
    if (input.extension() != ".json") return fail("--check takes a scene file (.json), got \"" + input.string() + "\"");
    SceneDescription scene = loadSceneFile(input);
    for (const SceneIssue& issue : scene.issues) std::fprintf(stderr, "%s\n", issue.text().c_str());
    // Animations the scene names must be in their models: those models are
    // imported (through the cache) to tell; the others are not opened.
    std::map<std::filesystem::path, engine::ModelExtent> animated;
    engine::IsolatedImporter importer(importDescFor(options));
    size_t problems = scene.issues.size();
    for (const Machine& machine : scene.machines) {
        if (machine.animation.empty() || animated.count(machine.model.file)) continue;
        auto model = importer.import(machine.model.file);
        if (!model) {
            std::fprintf(stderr, "%s\n", model.error().c_str());
            ++problems;
            continue;
        }
        animated[machine.model.file].animations = std::move(model->model.animations);
    }
    for (const std::string& problem : learn::missingAnimations(scene, animated)) {
        std::fprintf(stderr, "%s\n", problem.c_str());
        ++problems;
    }
    std::printf("%s: %zu platform(s), %zu machine(s), %zu tour(s), %zu problem(s)\n", input.string().c_str(),
                scene.platforms.size(), scene.machines.size(), scene.tours.size(), problems);
    return problems == 0 ? 0 : 1;
}

}  // namespace twin
