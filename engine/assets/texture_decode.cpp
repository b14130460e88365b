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

// Integer tables, so that a 2x2 average in linear light is four lookups,
// a sum and one more lookup (floats and rounding calls made the mip chain
// a tenth of a textured import).
struct SrgbTables {
    static constexpr uint32_t kLinearOne = 65535;     // linear 1.0 in toLinear
    static constexpr uint32_t kSumShift = 6;          // sum of four >> 6: 4096 steps
    std::array<uint16_t, 256> toLinear{};
    // (sum of four linear values + half a step) >> kSumShift -> sRGB byte.
    // 4096 steps of linear light: the error stays under one 8-bit step.
    // The half step added makes four whites index one past 4 * kLinearOne >> kSumShift.
    static constexpr uint32_t kHalfStep = 1u << (kSumShift - 1);
    std::array<uint8_t, ((4 * kLinearOne + kHalfStep) >> kSumShift) + 1> fromSum{};

    SrgbTables() {
        for (int i = 0; i < 256; ++i) {
            double c = double(i) / 255.0;
            double linear = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
            toLinear[size_t(i)] = uint16_t(std::lround(linear * kLinearOne));
        }
        for (size_t i = 0; i < fromSum.size(); ++i) {
            double l = std::min(1.0, double(i << kSumShift) / (4.0 * kLinearOne));
            double s = l <= 0.0031308 ? l * 12.92 : 1.055 * std::pow(l, 1.0 / 2.4) - 0.055;
            fromSum[i] = uint8_t(std::clamp(std::lround(s * 255.0), 0L, 255L));
        }
    }
    uint8_t average(uint8_t a, uint8_t b, uint8_t c, uint8_t d) const {
        const uint32_t sum = uint32_t(toLinear[a]) + toLinear[b] + toLinear[c] + toLinear[d];
        return fromSum[(sum + kHalfStep) >> kSumShift];
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
    const uint32_t colourChannels = srgb ? 3 : 0;  // the rest (alpha at least) averaged as they are
    for (uint32_t y = 0; y < nh; ++y) {
        const uint8_t* row0 = &src[size_t(std::min(2 * y, h - 1)) * w * 4];
        const uint8_t* row1 = &src[size_t(std::min(2 * y + 1, h - 1)) * w * 4];
        uint8_t* out = &dst[size_t(y) * nw * 4];
        for (uint32_t x = 0; x < nw; ++x, out += 4) {
            const size_t left = size_t(std::min(2 * x, w - 1)) * 4;
            const size_t right = size_t(std::min(2 * x + 1, w - 1)) * 4;
            uint32_t c = 0;
            for (; c < colourChannels; ++c)
                out[c] = t.average(row0[left + c], row0[right + c], row1[left + c], row1[right + c]);
            for (; c < 4; ++c)
                out[c] = uint8_t((unsigned(row0[left + c]) + row0[right + c] + row1[left + c] + row1[right + c] + 2) / 4);
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
