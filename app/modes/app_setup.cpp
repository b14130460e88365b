#include "modes/app_setup.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "core/file_util.h"
#include "core/log.h"
#include "core/process_stats.h"

#ifndef TWIN_TOUR_SOURCE_DIR
#define TWIN_TOUR_SOURCE_DIR ""
#endif
// Where an installed twin-tour finds its data, relative to its own folder
// (GNUInstallDirs: bin/ and share/twin-tour/, whatever the prefix).
#ifndef TWIN_TOUR_INSTALLED_DATA_DIR
#define TWIN_TOUR_INSTALLED_DATA_DIR "../share/twin-tour"
#endif

namespace twin {

namespace {

std::filesystem::path searchDataDirectory() {
    auto hasShaders = [](const std::filesystem::path& dir) {
        std::error_code ec;
        return !dir.empty() && std::filesystem::exists(dir / "shaders" / "pbr.frag", ec);
    };
    if (const char* env = std::getenv("TWIN_TOUR_DATA_DIR"); env && hasShaders(env)) return env;
    const std::filesystem::path exeDir = engine::executablePath().parent_path();
    // An installed copy first (bin/ -> share/twin-tour/), then a build folder
    // beside or inside the source tree, then the source tree it was built from.
    const std::filesystem::path installed = (exeDir / TWIN_TOUR_INSTALLED_DATA_DIR).lexically_normal();
    for (const auto& candidate :
         {installed, exeDir, exeDir.parent_path(), std::filesystem::path(TWIN_TOUR_SOURCE_DIR)})
        if (hasShaders(candidate)) return candidate;
    return std::filesystem::path(TWIN_TOUR_SOURCE_DIR);
}

}  // namespace

std::filesystem::path findDataDirectory() {
    std::filesystem::path found = searchDataDirectory();
    static std::once_flag said;
    std::call_once(said, [&found] { engine::log::debug("data directory: " + found.string()); });
    return found;
}

engine::IsolatedImportDesc importDescFor(const AppOptions& options) {
    engine::IsolatedImportDesc desc;
    desc.workerExecutable = engine::executablePath().parent_path() / "twin-tour-import";
    desc.settings.maxTextureSize = uint32_t(options.maxTextureSize);
    if (options.noCache) {
        desc.cacheDirectory.clear();
    } else if (!options.cacheDirectory.empty()) {
        desc.cacheDirectory = options.cacheDirectory;
    } else if (const char* env = std::getenv("TWIN_TOUR_CACHE_DIR"); env && *env) {
        desc.cacheDirectory = env;
    } else {
        desc.cacheDirectory = engine::defaultCacheDirectory("twin-tour");
    }
    return desc;
}

std::filesystem::path inputFor(const AppOptions& options, const std::filesystem::path& dataDirectory) {
    if (!options.input.empty()) return options.input;
    return dataDirectory / "scenes" / "twin.json";
}

ShownContent showContent(engine::Renderer& renderer, LoadedContent& content) {
    std::vector<engine::SceneModel> scene;
    ShownContent shown;
    for (LoadedModel& loaded : content.models) {
        auto model = std::make_shared<engine::GpuModel>(loaded.layout);
        // The GPU holds it now: free the CPU copy before the next upload, so
        // the two copies of the whole scene never coexist (peak memory).
        loaded.layout.meshes = std::vector<engine::MeshData>();
        loaded.layout.textures = std::vector<engine::TextureData>();
        if (!shown.building && content.scene && !content.scene->building.models.empty() &&
            content.scene->building.models.front().file == loaded.file)
            shown.building = model;
        shown.models[loaded.file] = model;
        for (size_t p = 0; p < loaded.placements.size(); ++p) {
            uint32_t object = p < loaded.placementObjects.size() ? loaded.placementObjects[p] : kOtherObject;
            if (object >= kMachineObjectBase) {
                size_t machine = object - kMachineObjectBase;
                if (shown.machineSceneItems.size() <= machine) shown.machineSceneItems.resize(machine + 1, SIZE_MAX);
                shown.machineSceneItems[machine] = scene.size();
            }
            scene.push_back({model, loaded.placements[p], true, {}, {}});
        }
    }
    shown.sceneItems = scene.size();
    renderer.setScene(std::move(scene));
    return shown;
}

engine::RendererDesc rendererDescFor(const std::filesystem::path& input, const std::filesystem::path& dataDirectory,
                                     const std::filesystem::path& cacheDirectory) {
    engine::RendererDesc desc;
    desc.shaderDirectory = dataDirectory / "shaders";
    const bool scene = input.extension() == ".json";
    desc.shadowMapSize = scene ? 2048 : 1024;
    if (scene) desc.shadowCacheDirectory = cacheDirectory;
    return desc;
}

void applyRenderOptions(engine::Renderer& renderer, const AppOptions& options) {
    renderer.options().shadows = options.shadows;
    renderer.options().fxaa = options.antialiasing;
    renderer.options().ground = options.ground;
}

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

namespace {
Clock::time_point gProcessStart = Clock::now();
}

void setProcessStart(Clock::time_point start) { gProcessStart = start; }

void logPhase(const char* phase, Clock::time_point since) {
    char text[160];
    std::snprintf(text, sizeof text, "%-18s %7.1f ms (at %6.1f ms), resident %6.1f MiB", phase, millisecondsSince(since),
                  millisecondsSince(gProcessStart), double(engine::residentBytes()) / (1024.0 * 1024.0));
    engine::log::debug(text);
}

int fail(const std::string& reason) {
    std::fprintf(stderr, "twin-tour: %s\n", reason.c_str());
    return 1;
}

// First line of a possibly multi-line message, for one-line failures.
std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

void fillFigures(FrameFigures& f, const engine::FrameStats& stats, const engine::Renderer& renderer) {
    f.triangles = stats.triangles;
    f.drawCalls = stats.drawCalls;
    f.visibleInstances = stats.visibleInstances;
    f.culledInstances = stats.culledInstances;
    f.coarserInstances = stats.coarserInstances;
    f.surfaceChanges = stats.surfaceChanges;
    f.residentBytes = engine::residentBytes();
    f.gpuBytes = renderer.gpuBytes();
}

}  // namespace twin
