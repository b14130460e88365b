#pragma once
// ImportSettings: every knob that changes what an import produces. The
// isolated importer hands them to the worker process and folds cacheKey()
// into the cache file name, so a changed setting never reuses a stale file.
#include <cstdint>
#include <string>

namespace engine {

struct ImportSettings {
    uint32_t maxTextureSize = 1024;     // larger textures are downscaled (aspect kept)
    uint64_t maxTriangles = 20'000'000; // above this the model is rejected as absurd
    uint64_t maxVertices = 30'000'000;  // idem, summed over all meshes
    uint32_t maxNodes = 1'000'000;      // idem
    uint32_t maxTextures = 4096;        // idem (distinct textures)

    // A short text naming every field and its value, e.g.
    // "tex=1024;tri=20000000;...". Two settings give the same key exactly
    // when they produce the same import.
    std::string cacheKey() const;
};

}  // namespace engine
