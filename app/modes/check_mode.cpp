#include "modes/check_mode.h"

#include <cstdio>
#include <map>
#include <set>

#include "modes/app_setup.h"
#include "content/scene_file.h"
#include "learn/part_check.h"
#include "scene/model_layout.h"

namespace twin {
namespace {

// The machines' models, opened through the isolated importer (its cache
// makes this quick once the app has run), as the part checks need them:
// their node names. A model that cannot be opened is a problem of its own.
std::map<std::filesystem::path, engine::ModelExtent> machineModels(const SceneDescription& scene,
                                                                   const AppOptions& options,
                                                                   std::vector<std::string>& problems) {
    std::map<std::filesystem::path, engine::ModelExtent> models;
    std::set<std::filesystem::path> tried;
    engine::IsolatedImporter importer(importDescFor(options));
    for (const Machine& machine : scene.machines) {
        const std::filesystem::path& file = machine.model.file;
        if (machine.parts.empty() && machine.quiz.empty()) continue;
        if (!tried.insert(file).second) continue;
        auto imported = importer.import(file);
        if (!imported) {
            problems.push_back(imported.error());  // its parts are left unchecked
            continue;
        }
        engine::ModelLayoutDesc desc;
        desc.mergeWithinNodes = true;
        models[file] = engine::layOutModel(std::move(imported->model), desc).extent;
    }
    return models;
}

}  // namespace

// --check: validates a scene file and the files it names, without GL: the
// scene itself, then every part, procedure step and quiz answer it names
// against the machine's model.
int runCheck(const AppOptions& options) {
    std::filesystem::path input = inputFor(options, findDataDirectory());
    if (input.extension() != ".json") return fail("--check takes a scene file (.json), got \"" + input.string() + "\"");
    SceneDescription scene = loadSceneFile(input);
    for (const SceneIssue& issue : scene.issues) std::fprintf(stderr, "%s\n", issue.text().c_str());
    std::vector<std::string> modelProblems;
    auto models = machineModels(scene, options, modelProblems);
    for (std::string& problem : learn::missingPartNodes(scene, models)) modelProblems.push_back(std::move(problem));
    for (const std::string& problem : modelProblems) std::fprintf(stderr, "%s\n", problem.c_str());
    const size_t problems = scene.issues.size() + modelProblems.size();
    std::printf("%s: %zu platform(s), %zu machine(s), %zu tour(s), %zu problem(s)\n", input.string().c_str(),
                scene.platforms.size(), scene.machines.size(), scene.tours.size(), problems);
    return problems == 0 ? 0 : 1;
}

}  // namespace twin
