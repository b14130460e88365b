#pragma once
// JPEG and PNG decoding with Debian's libjpeg-turbo and libpng, for the
// import worker: they are the formats models use most, and these libraries
// decode them 1.5-3 times faster than stb_image (SIMD IDCT, zlib's inflate).
// texture_decode.cpp tries them first and keeps stb_image for the other
// formats and as the fallback. Not in the browser build (stb_image only).
#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"

namespace engine {

struct RgbaPixels {
    std::vector<uint8_t> rgba;  // width * height * 4, top row first
    uint32_t width = 0;
    uint32_t height = 0;
};

bool looksLikeJpeg(std::span<const uint8_t> encoded);
bool looksLikePng(std::span<const uint8_t> encoded);

// Decodes a JPEG to RGBA8. When its longer side is at least twice
// `minLongerSide`, it is decoded at 1/2, 1/4 or 1/8 of its size by the
// scaled IDCT (never below minLongerSide): a texture that will be shown at
// 1024 pixels is never built at 4096. Images over `maxPixels` (at full
// size) are refused before any pixel is allocated. Warnings about damaged
// data are ignored, as viewers do: the decoded part is kept.
Result<RgbaPixels> decodeJpeg(std::span<const uint8_t> encoded, uint32_t minLongerSide, uint64_t maxPixels);

// Decodes a PNG of any colour type and depth to RGBA8 (palette and grey
// expanded, 16-bit cut to 8, no gamma conversion: the bytes stb_image gives).
// Checksums are not checked (as stb_image does not).
Result<RgbaPixels> decodePng(std::span<const uint8_t> encoded, uint64_t maxPixels);

}  // namespace engine
