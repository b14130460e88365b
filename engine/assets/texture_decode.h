#pragma once
// Texture decoding for the importer: encoded image bytes (or raw pixels) to
// a TextureData holding RGBA8 with a full mip chain. No GL, no Assimp.
//
// Convention: rows are stored top row first, as image files hold them, and
// the importer flips UVs so that v = 0 is the top of the image (glTF's
// convention); uploading mips as they are therefore shows textures upright.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "scene/model.h"

namespace engine {

// Largest image decoded at all (width * height); bigger ones are refused
// before any pixel is allocated.
constexpr uint64_t kMaxDecodedPixels = uint64_t(1) << 26;

// Decodes PNG, JPEG, TGA, BMP, PSD, GIF, HDR, PIC or PNM bytes (JPEG and
// PNG by libjpeg-turbo and libpng where built with them, the rest and their
// failures by stb_image), forced to RGBA8, downscaled so that no side
// exceeds `maxSize` (aspect kept; exact halvings by the mip box filter, the
// rest by stb_image_resize; sRGB-correct when `srgb`, except a JPEG at
// least twice too large, halved by libjpeg's scaled IDCT as it decodes),
// with the full mip chain. On undecodable
// or absurd input returns an error saying why (no name prefix: the caller
// knows which model and texture it was).
Result<TextureData> decodeTexture(std::span<const uint8_t> encoded, std::string name, bool srgb, uint32_t maxSize);

// Same from raw RGBA8 pixels (width * height * 4 bytes, top row first).
Result<TextureData> textureFromRgba(std::vector<uint8_t> rgba, uint32_t width, uint32_t height, std::string name,
                                    bool srgb, uint32_t maxSize);

// An 8x8 magenta / dark grey checker with its mip chain and
// placeholder = true, shown where a texture could not be read.
TextureData makePlaceholderTexture(std::string name, bool srgb);

// Replaces mips[1..] by a box-filtered chain down to 1x1 computed from
// mips[0] (averaged in linear light when `srgb`; alpha is always linear).
// mips[0] must hold width * height * 4 bytes.
void buildMipChain(TextureData& texture);

}  // namespace engine
