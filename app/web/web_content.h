#pragma once
// The browser's content: the page has fetched the scene and its models,
// converted beforehand by twin-tour-pack to the engine's model format, into
// the virtual file system; they open here without an importer. No GL.
#include <filesystem>

#include "content/content_loader.h"

namespace twin::web {

// Where twin-tour-pack writes a model named by the scene: FILE.tmdl, so the
// site says what it holds. The page puts it back under FILE's own name in the
// program's file system, so the scene file is used unchanged.
std::filesystem::path convertedModelFile(const std::filesystem::path& modelFile);

// Where twin-tour-pack puts the building's baked light, and the browser
// reads it: light/ beside the scene's folder.
std::filesystem::path bakedLightDirectory(const std::filesystem::path& sceneFile);

// loadContent() with each model file read as a converted model (in the
// browser's file system, a model's path holds its converted form); with the
// picking BVH (taps, tours, labels behind walls).
LoadedContent loadConvertedContent(const std::filesystem::path& sceneFile);

}  // namespace twin::web
