#include "content/content_loader.h"

#include <algorithm>
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
void importAll(const std::map<std::filesystem::path, std::vector<glm::mat4>>& uses,
               const engine::IsolatedImporter& importer, LoadedContent& content) {
    std::vector<std::pair<std::filesystem::path, std::vector<glm::mat4>>> jobs(uses.begin(), uses.end());
    std::vector<engine::Result<engine::ImportOutcome>> results;
    results.reserve(jobs.size());
    size_t parallel = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    for (size_t begin = 0; begin < jobs.size(); begin += parallel) {
        std::vector<std::future<engine::Result<engine::ImportOutcome>>> running;
        for (size_t i = begin; i < std::min(jobs.size(), begin + parallel); ++i)
            running.push_back(std::async(std::launch::async, [&importer, &jobs, i] { return importer.import(jobs[i].first); }));
        for (auto& f : running) results.push_back(f.get());
    }
    for (size_t i = 0; i < jobs.size(); ++i) {
        if (!results[i]) {
            content.errors.push_back(results[i].error());
            continue;
        }
        LoadedModel model;
        model.file = jobs[i].first;
        model.placements = jobs[i].second;
        model.fromCache = results[i]->fromCache;
        model.seconds = results[i]->seconds;
        model.data = std::move(results[i]->model);
        for (const std::string& w : model.data.warnings) content.warnings.push_back(w);
        content.models.push_back(std::move(model));
    }
}
}  // namespace

LoadedContent loadContent(const std::filesystem::path& input, const engine::IsolatedImporter& importer) {
    LoadedContent content;
    std::map<std::filesystem::path, std::vector<glm::mat4>> uses;
    if (!isSceneFile(input)) {
        content.title = input.filename().string();
        uses[input].push_back(glm::mat4(1.0f));
        importAll(uses, importer, content);
        return content;
    }
    SceneDescription scene = loadSceneFile(input);
    content.title = scene.name.fr.empty() ? input.filename().string() : scene.name.fr;
    for (const SceneIssue& issue : scene.issues) content.errors.push_back(issue.text());
    for (const ModelPlacement& placement : scene.building.models) uses[placement.file].push_back(placement.transform);
    for (const Machine& machine : scene.machines) uses[machine.model.file].push_back(machine.model.transform);
    importAll(uses, importer, content);
    content.scene = std::move(scene);
    return content;
}

}  // namespace twin
