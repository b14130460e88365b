#pragma once
// The browser's content: the page has fetched the scene and its models,
// converted beforehand by twin-tour-pack to the engine's model format, into
// the virtual file system; they open here without an importer. No GL.
#include <filesystem>

#include "content/content_loader.h"

namespace twin::web {

// Where a model named by the scene was converted to: FILE.tmdl beside it.
std::filesystem::path convertedModelFile(const std::filesystem::path& modelFile);

// loadContent() with each model read from its converted file; with the
// picking BVH (taps, tours, labels behind walls).
LoadedContent loadConvertedContent(const std::filesystem::path& sceneFile);

}  // namespace twin::web
