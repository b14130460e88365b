#include "web/web_content.h"

#include <chrono>

#include "assets/model_file.h"

namespace twin::web {

std::filesystem::path convertedModelFile(const std::filesystem::path& modelFile) {
    std::filesystem::path converted = modelFile;
    converted += ".tmdl";
    return converted;
}

std::filesystem::path bakedLightDirectory(const std::filesystem::path& sceneFile) {
    return sceneFile.parent_path().parent_path() / "light";
}

LoadedContent loadConvertedContent(const std::filesystem::path& sceneFile) {
    ModelOpener open = [](const std::filesystem::path& file) -> engine::Result<engine::ImportOutcome> {
        const auto start = std::chrono::steady_clock::now();
        engine::Result<engine::ModelData> model = engine::readModelFile(file);
        if (!model)
            return engine::makeError(file.filename().string() + ": not converted for the web (" + model.error() + ")");
        engine::ImportOutcome outcome;
        outcome.model = std::move(model).value();
        outcome.fromCache = true;
        outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return outcome;
    };
    return loadContent(sceneFile, open, true, bakedLightDirectory(sceneFile));
}

}  // namespace twin::web
