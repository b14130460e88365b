#pragma once
// A shadow map kept on disk between runs (RendererDesc::shadowCacheDirectory):
// the 16-bit depths of what stays still, behind a header naming the key
// they were drawn for and a checksum. Drawing the Twin building's map is
// the slowest part of the first frame on llvmpipe (77 ms); reading it back
// takes a few. No GL.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/result.h"

namespace engine {

struct ShadowMapImage {
    uint64_t key = 0;  // what it was drawn from (Renderer's still-shadows key)
    int width = 0, height = 0;
    std::vector<uint16_t> depths;  // width x height, GL's row order
};

// The file's name for `key` in `directory`.
std::filesystem::path shadowMapFileName(const std::filesystem::path& directory, uint64_t key);

// Reads `file`, which must hold `key` at `width` x `height`. The error names
// the file and what did not match (absent, another key or size, truncated,
// checksum).
Result<ShadowMapImage> readShadowMapFile(const std::filesystem::path& file, uint64_t key, int width, int height);

// Writes `image` to `file` (atomically), then keeps only the newest few
// shadow map files of its folder.
Status writeShadowMapFile(const std::filesystem::path& file, const ShadowMapImage& image);

}  // namespace engine
