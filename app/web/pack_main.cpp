// twin-tour-pack: converts a scene's models for the browser build. Each
// model the scene places (building and machines) is imported as the native
// app imports it (the isolated importer, its cache) and written in the
// engine's model format beside where the scene names it, under OUT_DIR:
// OUT_DIR/assets/models/machines/agv.glb.tmdl; the building's baked light
// goes to OUT_DIR/light/. scripts/web.sh runs it.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>

#include "assets/isolated_importer.h"
#include "assets/model_file.h"
#include "cli/app_options.h"
#include "content/scene_file.h"
#include "core/file_util.h"
#include "modes/app_setup.h"
#include "web/web_content.h"

namespace {

int usage() {
    std::fputs("usage: twin-tour-pack SCENE.json OUT_DIR [--max-texture-size N]\n"
               "  writes every model SCENE.json places as OUT_DIR/<its path from the scene's parent folder>.tmdl\n",
               stderr);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    const std::filesystem::path scenePath = std::filesystem::absolute(argv[1]);
    const std::filesystem::path out = argv[2];
    twin::AppOptions defaults;  // the native app's import settings, unless told otherwise
    uint32_t maxTextureSize = uint32_t(defaults.maxTextureSize);
    for (int i = 3; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--max-texture-size" && i + 1 < argc) {
            const long value = std::strtol(argv[++i], nullptr, 10);
            if (value < 16 || value > 16384) return usage();
            maxTextureSize = uint32_t(value);
        } else {
            return usage();
        }
    }
    twin::SceneDescription scene = twin::loadSceneFile(scenePath);
    for (const twin::SceneIssue& issue : scene.issues) std::fprintf(stderr, "twin-tour-pack: %s\n", issue.text().c_str());
    // Paths are kept relative to the scene's parent folder (the repository),
    // so the scene file works unchanged in the browser's file system.
    const std::filesystem::path root = scenePath.parent_path().parent_path();
    std::set<std::filesystem::path> files;
    for (const twin::ModelPlacement& placement : scene.building.models) files.insert(placement.file);
    for (const twin::Machine& machine : scene.machines) files.insert(machine.model.file);

    engine::IsolatedImportDesc desc;
    desc.workerExecutable = engine::executablePath().parent_path() / "twin-tour-import";
    desc.cacheDirectory = engine::defaultCacheDirectory("twin-tour");
    if (const char* env = std::getenv("TWIN_TOUR_CACHE_DIR"); env && *env) desc.cacheDirectory = env;
    desc.settings.maxTextureSize = maxTextureSize;
    engine::IsolatedImporter importer(desc);
    int failures = 0;
    for (const std::filesystem::path& file : files) {
        const std::filesystem::path relative = file.lexically_normal().lexically_relative(root);
        if (relative.empty() || relative.native().starts_with("..")) {
            std::fprintf(stderr, "twin-tour-pack: %s is outside %s\n", file.c_str(), root.c_str());
            ++failures;
            continue;
        }
        auto imported = importer.import(file);
        if (!imported) {
            std::fprintf(stderr, "twin-tour-pack: %s\n", imported.error().c_str());
            ++failures;
            continue;
        }
        const std::filesystem::path target = twin::web::convertedModelFile(out / relative);
        std::error_code ec;
        std::filesystem::create_directories(target.parent_path(), ec);
        if (engine::Status written = engine::writeModelFile(imported->model, target); !written) {
            std::fprintf(stderr, "twin-tour-pack: %s\n", written.error().c_str());
            ++failures;
            continue;
        }
        std::printf("%s -> %s\n", relative.c_str(), target.c_str());
    }
    // The building's baked light, as the native app bakes it (or finds it in
    // its cache): the browser reads it rather than tracing it.
    if (failures == 0) {
        twin::LoadedContent content = twin::loadContent(scenePath, importer);
        if (!content.light.file.empty()) {
            const std::filesystem::path target =
                twin::web::bakedLightDirectory(out / "scenes" / scenePath.filename()) / content.light.file.filename();
            std::error_code ec;
            std::filesystem::create_directories(target.parent_path(), ec);
            std::filesystem::copy_file(content.light.file, target, std::filesystem::copy_options::overwrite_existing, ec);
            if (ec) {
                std::fprintf(stderr, "twin-tour-pack: %s: %s\n", target.c_str(), ec.message().c_str());
                ++failures;
            } else {
                std::printf("baked light -> %s\n", target.c_str());
                // An earlier pack's light, for another scene, is dead weight in the download.
                for (const auto& entry : std::filesystem::directory_iterator(target.parent_path(), ec))
                    if (entry.path().extension() == ".light" && entry.path() != target)
                        std::filesystem::remove(entry.path(), ec);
            }
        }
    }
    return failures == 0 ? 0 : 1;
}
