#include "content/content_loader.h"

#include <algorithm>
#include <cctype>

namespace twin {
namespace {
bool isSceneFile(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    return ext == ".json";
}

void importOne(const std::filesystem::path& file, const glm::mat4& transform, const engine::IsolatedImporter& importer,
               LoadedContent& content) {
    engine::Result<engine::ImportOutcome> outcome = importer.import(file);
    if (!outcome) {
        content.errors.push_back(outcome.error());
        return;
    }
    LoadedModel model;
    model.file = file;
    model.transform = transform;
    model.fromCache = outcome->fromCache;
    model.seconds = outcome->seconds;
    model.data = std::move(outcome->model);
    for (const std::string& w : model.data.warnings) content.warnings.push_back(w);
    content.models.push_back(std::move(model));
}
}  // namespace

LoadedContent loadContent(const std::filesystem::path& input, const engine::IsolatedImporter& importer) {
    LoadedContent content;
    if (!isSceneFile(input)) {
        content.title = input.filename().string();
        importOne(input, glm::mat4(1.0f), importer, content);
        return content;
    }
    SceneDescription scene = loadSceneFile(input);
    content.title = scene.name.fr.empty() ? input.filename().string() : scene.name.fr;
    for (const SceneIssue& issue : scene.issues) content.errors.push_back(issue.where + ": " + issue.message);
    for (const ModelPlacement& placement : scene.models) importOne(placement.file, placement.transform, importer, content);
    return content;
}

}  // namespace twin
