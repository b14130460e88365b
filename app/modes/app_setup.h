#pragma once
// Set-up shared by every mode: where the data is, how models are imported,
// turning loaded content into what the renderer draws, and the camera.
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "assets/isolated_importer.h"
#include "cli/app_options.h"
#include "content/content_loader.h"
#include "nav/orbit_camera.h"
#include "render/renderer.h"
#include "session/ui_view.h"

namespace twin {

// The folder holding shaders/ and scenes/: $TWIN_TOUR_DATA_DIR, the
// executable's folder or its parent, else the source tree it was built from.
std::filesystem::path findDataDirectory();

engine::IsolatedImportDesc importDescFor(const AppOptions& options);

// The scene or model to open: the command line's, or scenes/twin.json.
std::filesystem::path inputFor(const AppOptions& options, const std::filesystem::path& dataDirectory);

struct ShownContent {
    std::shared_ptr<const engine::GpuModel> building;  // the scene's first building model, or null
    std::map<std::filesystem::path, std::shared_ptr<const engine::GpuModel>> models;  // by file
    std::vector<size_t> machineSceneItems;  // by machine index: its item in the renderer's scene
    size_t sceneItems = 0;                  // how many items the renderer's scene has
};

// Uploads every loaded model and hands them to the renderer; each model's
// CPU data is released once it is on the GPU.
ShownContent showContent(engine::Renderer& renderer, LoadedContent& content);

void applyRenderOptions(engine::Renderer& renderer, const AppOptions& options);

// Renderer settings for what is opened: a whole building needs a finer
// shadow map than one model, which a 1024 map covers at a quarter of the
// memory (measured: 2048 costs 6 MiB more per process on llvmpipe). A
// scene's still shadows are kept in `cacheDirectory` (empty: not kept):
// drawing them was a quarter of its first frame.
engine::RendererDesc rendererDescFor(const std::filesystem::path& input, const std::filesystem::path& dataDirectory,
                                     const std::filesystem::path& cacheDirectory = {});


using Clock = std::chrono::steady_clock;
double millisecondsSince(Clock::time_point start);

// With --verbose, how long a start-up phase took, when it ended (from the
// process start set here by main) and the memory after it.
void setProcessStart(Clock::time_point start);
void logPhase(const char* phase, Clock::time_point since);

// Prints "twin-tour: REASON" on stderr and returns the failure exit code, 1.
int fail(const std::string& reason);

// First line of a possibly multi-line message, for one-line failures.
std::string firstLine(const std::string& text);

// The renderer's figures for the statistics panel.
void fillFigures(FrameFigures& figures, const engine::FrameStats& stats, const engine::Renderer& renderer);

}  // namespace twin
