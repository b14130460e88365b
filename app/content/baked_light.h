#pragma once
// The building's light, baked into its vertices (engine/scene/light_bake.h)
// and kept in the cache folder: tracing it takes seconds on two cores,
// reading it back tens of milliseconds. A cache file is named by a hash of
// all the light depends on (the baked meshes, every shadow caster of the
// scene, the sun, the settings), so a changed scene never reads stale
// light; a file that does not parse or does not fit is baked again. No GL.
#include <filesystem>
#include <string>

#include "content/content_loader.h"

namespace twin {

enum class BakeWhenMissing { Yes, No };

// Bakes the light of the scene's building models (placed once), with every
// model of the scene casting shadows, or reads it from `cacheDirectory`
// (empty: no cache). With BakeWhenMissing::No (the browser: no core to
// spare), a model whose light is not in the cache stays lit per pixel.
BakedLightReport bakeBuildingLight(LoadedContent& content, const std::filesystem::path& cacheDirectory,
                                   BakeWhenMissing bakeWhenMissing = BakeWhenMissing::Yes);

}  // namespace twin
