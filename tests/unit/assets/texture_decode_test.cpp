// Texture decoding: mip chains, sRGB-aware filtering, downscaling, bad input.
#include "assets/texture_decode.h"

#include <gtest/gtest.h>
#include <stb_image_write.h>

#include "test_support.h"

namespace engine {
namespace {

std::vector<uint8_t> encodePng(uint32_t w, uint32_t h, uint8_t value) {
    std::vector<uint8_t> pixels(size_t(w) * h * 4, value);
    std::vector<uint8_t> png;
    stbi_write_png_to_func(
        [](void* context, void* data, int size) {
            auto* out = static_cast<std::vector<uint8_t>*>(context);
            out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
        },
        &png, int(w), int(h), 4, pixels.data(), int(w) * 4);
    return png;
}

void expectChainSizes(const TextureData& t) {
    uint32_t w = t.width, h = t.height;
    for (size_t level = 0; level < t.mips.size(); ++level) {
        SCOPED_TRACE("level " + std::to_string(level));
        EXPECT_EQ(t.mips[level].size(), size_t(w) * h * 4);
        w = std::max(1u, w / 2);
        h = std::max(1u, h / 2);
    }
}

TEST(TextureDecode, MipChainGoesDownToOnePixel) {
    struct Case {
        uint32_t w, h;
        size_t levels;
    };
    for (Case c : {Case{128, 128, 8}, Case{256, 64, 9}, Case{5, 3, 3}, Case{1, 1, 1}, Case{1, 7, 3}}) {
        SCOPED_TRACE(std::to_string(c.w) + "x" + std::to_string(c.h));
        Result<TextureData> t =
            textureFromRgba(std::vector<uint8_t>(size_t(c.w) * c.h * 4, 77), c.w, c.h, "t", false, 4096);
        ASSERT_TRUE(t.ok()) << t.error();
        EXPECT_EQ(t->mips.size(), c.levels);
        expectChainSizes(*t);
        EXPECT_EQ(t->mips.back()[0], 77);  // a flat image stays flat
    }
}

TEST(TextureDecode, SrgbMipsAverageInLinearLight) {
    // Black and white columns: the linear mean is 0.5, which sRGB encodes
    // as 188; a naive byte average would give 128.
    std::vector<uint8_t> pixels = {0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255};
    Result<TextureData> srgb = textureFromRgba(pixels, 2, 2, "s", true, 64);
    ASSERT_TRUE(srgb.ok());
    ASSERT_EQ(srgb->mips.size(), 2u);
    EXPECT_NEAR(srgb->mips[1][0], 188, 1);
    EXPECT_EQ(srgb->mips[1][3], 255);  // alpha stays linear
    Result<TextureData> linear = textureFromRgba(pixels, 2, 2, "l", false, 64);
    ASSERT_TRUE(linear.ok());
    EXPECT_NEAR(linear->mips[1][0], 128, 1);
}

TEST(TextureDecode, FlatSrgbImagesKeepTheirLevelInEveryMip) {
    // Every byte value, white and black included, through the sRGB tables.
    for (int value = 0; value < 256; ++value) {
        SCOPED_TRACE("value " + std::to_string(value));
        Result<TextureData> t = textureFromRgba(std::vector<uint8_t>(8 * 8 * 4, uint8_t(value)), 8, 8, "flat", true, 64);
        ASSERT_TRUE(t.ok());
        for (const std::vector<uint8_t>& level : t->mips) {
            if (value == 0 || value == 255) {
                ASSERT_EQ(level[0], value);
            } else {
                ASSERT_NEAR(level[0], value, 1);
            }
            ASSERT_EQ(level[3], value);  // alpha, averaged as it is
        }
    }
}

TEST(TextureDecode, DownscalesToMaxSizeKeepingAspect) {
    const std::vector<uint8_t> png = encodePng(300, 200, 200);
    Result<TextureData> t = decodeTexture(png, "wide.png", true, 64);
    ASSERT_TRUE(t.ok()) << t.error();
    EXPECT_EQ(t->width, 64u);
    EXPECT_EQ(t->height, 43u);
    expectChainSizes(*t);
    EXPECT_EQ(t->mips.size(), 7u);
    EXPECT_NEAR(t->mips[0][0], 200, 1);

    Result<TextureData> small = decodeTexture(png, "wide.png", false, 1024);
    ASSERT_TRUE(small.ok());
    EXPECT_EQ(small->width, 300u);
    EXPECT_EQ(small->height, 200u);
}

TEST(TextureDecode, RejectsGarbageAndEmptyInput) {
    std::vector<uint8_t> garbage = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4, 5, 6};
    Result<TextureData> t = decodeTexture(garbage, "bad.png", true, 1024);
    EXPECT_FALSE(t.ok());
    EXPECT_FALSE(t.error().empty());
    EXPECT_FALSE(decodeTexture({}, "empty.png", true, 1024).ok());
    EXPECT_FALSE(textureFromRgba({1, 2, 3}, 1, 1, "short", true, 64).ok());
}

TEST(TextureDecode, PlaceholderIsAMarkedCheckerWithMips) {
    TextureData t = makePlaceholderTexture("missing.png", true);
    EXPECT_TRUE(t.placeholder);
    EXPECT_EQ(t.name, "missing.png");
    EXPECT_EQ(t.width, 8u);
    EXPECT_EQ(t.height, 8u);
    EXPECT_EQ(t.mips.size(), 4u);
    expectChainSizes(t);
    EXPECT_EQ(t.mips[0][0], 255);  // magenta corner
    EXPECT_EQ(t.mips[0][1], 0);
}

}  // namespace
}  // namespace engine
