#include "assets/texture_decode.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <stb_image.h>
#include <stb_image_resize.h>

#if ENGINE_SYSTEM_IMAGE_DECODERS
#include "assets/jpeg_png_decode.h"
#endif

namespace engine {
namespace {

struct SrgbTables {
    std::array<float, 256> toLinear{};
    // Linear [0, 1] quantised to 4096 steps -> sRGB byte. Fine enough for
    // mip averaging: the error stays under one 8-bit step.
    std::array<uint8_t, 4096> fromLinear{};

    SrgbTables() {
        for (int i = 0; i < 256; ++i) {
            float c = float(i) / 255.0f;
            toLinear[size_t(i)] = c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
        }
        for (size_t i = 0; i < fromLinear.size(); ++i) {
            float l = float(i) / float(fromLinear.size() - 1);
            float s = l <= 0.0031308f ? l * 12.92f : 1.055f * std::pow(l, 1.0f / 2.4f) - 0.055f;
            fromLinear[i] = uint8_t(std::clamp(std::lround(s * 255.0f), 0L, 255L));
        }
    }
    uint8_t encode(float linear) const {
        long step = std::lround(std::clamp(linear, 0.0f, 1.0f) * float(fromLinear.size() - 1));
        return fromLinear[size_t(step)];
    }
};

const SrgbTables& srgbTables() {
    static const SrgbTables tables;
    return tables;
}

// Next level of a chain: 2x2 box filter; an odd last row/column is
// clamped, a side of 1 stays 1.
std::vector<uint8_t> downsample(const std::vector<uint8_t>& src, uint32_t w, uint32_t h, bool srgb) {
    const uint32_t nw = std::max(1u, w / 2);
    const uint32_t nh = std::max(1u, h / 2);
    std::vector<uint8_t> dst(size_t(nw) * nh * 4);
    const SrgbTables& t = srgbTables();
    for (uint32_t y = 0; y < nh; ++y) {
        const uint32_t y0 = std::min(2 * y, h - 1);
        const uint32_t y1 = std::min(2 * y + 1, h - 1);
        for (uint32_t x = 0; x < nw; ++x) {
            const uint32_t x0 = std::min(2 * x, w - 1);
            const uint32_t x1 = std::min(2 * x + 1, w - 1);
            const uint8_t* p[4] = {&src[(size_t(y0) * w + x0) * 4], &src[(size_t(y0) * w + x1) * 4],
                                   &src[(size_t(y1) * w + x0) * 4], &src[(size_t(y1) * w + x1) * 4]};
            uint8_t* out = &dst[(size_t(y) * nw + x) * 4];
            for (int c = 0; c < 4; ++c) {
                if (srgb && c < 3) {
                    float sum = t.toLinear[p[0][c]] + t.toLinear[p[1][c]] + t.toLinear[p[2][c]] + t.toLinear[p[3][c]];
                    out[c] = t.encode(sum * 0.25f);
                } else {
                    out[c] = uint8_t((unsigned(p[0][c]) + p[1][c] + p[2][c] + p[3][c] + 2) / 4);
                }
            }
        }
    }
    return dst;
}

}  // namespace

void buildMipChain(TextureData& texture) {
    texture.mips.resize(1);
    uint32_t w = texture.width;
    uint32_t h = texture.height;
    while (w > 1 || h > 1) {
        texture.mips.push_back(downsample(texture.mips.back(), w, h, texture.srgb));
        w = std::max(1u, w / 2);
        h = std::max(1u, h / 2);
    }
}

Result<TextureData> textureFromRgba(std::vector<uint8_t> rgba, uint32_t width, uint32_t height, std::string name,
                                    bool srgb, uint32_t maxSize) {
    if (width == 0 || height == 0) return makeError("the image is empty (0 pixels)");
    if (uint64_t(width) * height > kMaxDecodedPixels)
        return makeError("the image is too large (" + std::to_string(width) + "x" + std::to_string(height) + ")");
    if (rgba.size() != size_t(width) * height * 4) return makeError("the pixel data does not match the image size");
    maxSize = std::max(1u, maxSize);

    TextureData texture;
    texture.name = std::move(name);
    texture.srgb = srgb;
    // Exact halvings first: the mip box filter is several times faster
    // than stb_image_resize and, for a 2:1 ratio, just as good.
    while (std::max(width, height) >= 2 * maxSize && width % 2 == 0 && height % 2 == 0) {
        rgba = downsample(rgba, width, height, srgb);
        width /= 2;
        height /= 2;
    }
    if (width > maxSize || height > maxSize) {
        // Scale the longer side to maxSize; the shorter keeps the aspect.
        const double scale = double(maxSize) / double(std::max(width, height));
        const uint32_t nw = std::clamp<uint32_t>(uint32_t(std::lround(width * scale)), 1, maxSize);
        const uint32_t nh = std::clamp<uint32_t>(uint32_t(std::lround(height * scale)), 1, maxSize);
        std::vector<uint8_t> resized(size_t(nw) * nh * 4);
        const int ok = srgb ? stbir_resize_uint8_srgb(rgba.data(), int(width), int(height), 0, resized.data(), int(nw),
                                                      int(nh), 0, 4, 3, 0)
                            : stbir_resize_uint8(rgba.data(), int(width), int(height), 0, resized.data(), int(nw),
                                                 int(nh), 0, 4);
        if (!ok) return makeError("resizing the image failed (out of memory)");
        rgba = std::move(resized);
        width = nw;
        height = nh;
    }
    texture.width = width;
    texture.height = height;
    texture.mips.push_back(std::move(rgba));
    buildMipChain(texture);
    return texture;
}

Result<TextureData> decodeTexture(std::span<const uint8_t> encoded, std::string name, bool srgb, uint32_t maxSize) {
    if (encoded.empty()) return makeError("the image file is empty");
    if (encoded.size() > size_t(std::numeric_limits<int>::max())) return makeError("the image file is too large");
#if ENGINE_SYSTEM_IMAGE_DECODERS
    // JPEG and PNG, most textures, through their own libraries (faster; a
    // large JPEG decoded straight at the size kept). Where they fail,
    // stb_image tries too, and its reason is the one reported.
    if (looksLikeJpeg(encoded) || looksLikePng(encoded)) {
        Result<RgbaPixels> decoded = looksLikeJpeg(encoded) ? decodeJpeg(encoded, maxSize, kMaxDecodedPixels)
                                                             : decodePng(encoded, kMaxDecodedPixels);
        if (decoded)
            return textureFromRgba(std::move(decoded->rgba), decoded->width, decoded->height, std::move(name), srgb,
                                   maxSize);
    }
#endif
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(encoded.data(), int(encoded.size()), &w, &h, &channels)) {
        const char* why = stbi_failure_reason();
        return makeError(std::string("unsupported or corrupt image (") + (why ? why : "unknown") + ")");
    }
    if (w <= 0 || h <= 0 || uint64_t(w) * uint64_t(h) > kMaxDecodedPixels)
        return makeError("the image is too large (" + std::to_string(w) + "x" + std::to_string(h) + ")");
    // Rows top first whatever another user of stb_image set process-wide.
    stbi_set_flip_vertically_on_load_thread(0);
    stbi_uc* pixels = stbi_load_from_memory(encoded.data(), int(encoded.size()), &w, &h, &channels, 4);
    if (!pixels) {
        const char* why = stbi_failure_reason();
        return makeError(std::string("corrupt image (") + (why ? why : "unknown") + ")");
    }
    std::vector<uint8_t> rgba;
    try {
        rgba.assign(pixels, pixels + size_t(w) * size_t(h) * 4);
    } catch (...) {
        stbi_image_free(pixels);
        throw;
    }
    stbi_image_free(pixels);
    return textureFromRgba(std::move(rgba), uint32_t(w), uint32_t(h), std::move(name), srgb, maxSize);
}

TextureData makePlaceholderTexture(std::string name, bool srgb) {
    constexpr uint32_t kSide = 8;
    TextureData texture;
    texture.name = std::move(name);
    texture.width = kSide;
    texture.height = kSide;
    texture.srgb = srgb;
    texture.placeholder = true;
    std::vector<uint8_t> pixels(kSide * kSide * 4);
    for (uint32_t y = 0; y < kSide; ++y)
        for (uint32_t x = 0; x < kSide; ++x) {
            const bool magenta = ((x / 2) + (y / 2)) % 2 == 0;
            uint8_t* p = &pixels[(y * kSide + x) * 4];
            p[0] = magenta ? 255 : 40;
            p[1] = magenta ? 0 : 40;
            p[2] = magenta ? 255 : 40;
            p[3] = 255;
        }
    texture.mips.push_back(std::move(pixels));
    buildMipChain(texture);
    return texture;
}

}  // namespace engine
