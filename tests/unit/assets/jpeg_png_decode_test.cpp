// libjpeg-turbo and libpng decoding: the same pixels as stb_image (which
// they replace for JPEG and PNG), scaled JPEG decoding, and bad input.
#include "assets/jpeg_png_decode.h"

#include <gtest/gtest.h>
#include <png.h>
#include <stb_image.h>
#include <stb_image_write.h>

#include <cstdlib>
#include <random>

#include "assets/texture_decode.h"

namespace engine {
namespace {

constexpr uint64_t kNoLimit = uint64_t(1) << 26;

struct PngSpec {
    const char* name;
    int colourType;
    int bitDepth;
    bool interlaced = false;
};

// A PNG of that colour type and depth, every sample random, written by
// libpng itself (stb_image_write has no 16-bit, palette or interlacing).
std::vector<uint8_t> randomPng(const PngSpec& spec, uint32_t width, uint32_t height) {
    std::mt19937 random(7);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    std::vector<uint8_t> out;
    png_set_write_fn(
        png, &out,
        [](png_structp p, png_bytep data, png_size_t length) {
            auto* bytes = static_cast<std::vector<uint8_t>*>(png_get_io_ptr(p));
            bytes->insert(bytes->end(), data, data + length);
        },
        nullptr);
    png_set_IHDR(png, info, width, height, spec.bitDepth, spec.colourType,
                 spec.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    int channels = 1;
    if (spec.colourType == PNG_COLOR_TYPE_PALETTE) {
        std::vector<png_color> palette(16);
        std::vector<png_byte> alpha(16);
        for (size_t i = 0; i < palette.size(); ++i) {
            palette[i] = {png_byte(random()), png_byte(random()), png_byte(random())};
            alpha[i] = png_byte(random());
        }
        png_set_PLTE(png, info, palette.data(), int(palette.size()));
        png_set_tRNS(png, info, alpha.data(), int(alpha.size()), nullptr);
    } else {
        channels = spec.colourType == PNG_COLOR_TYPE_GRAY ? 1 : spec.colourType == PNG_COLOR_TYPE_GRAY_ALPHA ? 2
                   : spec.colourType == PNG_COLOR_TYPE_RGB                                            ? 3
                                                                                                      : 4;
    }
    png_write_info(png, info);
    const size_t rowBytes = (size_t(width) * channels * spec.bitDepth + 7) / 8;
    std::vector<std::vector<png_byte>> rows(height, std::vector<png_byte>(rowBytes));
    std::vector<png_bytep> pointers;
    for (auto& row : rows) {
        for (png_byte& b : row) b = png_byte(random());
        // Palette indices within the 16 entries.
        if (spec.colourType == PNG_COLOR_TYPE_PALETTE)
            for (png_byte& b : row) b &= 0x0F;
        pointers.push_back(row.data());
    }
    png_write_image(png, pointers.data());
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

std::vector<uint8_t> stbRgba(const std::vector<uint8_t>& encoded, int& width, int& height) {
    int channels = 0;
    stbi_uc* pixels = stbi_load_from_memory(encoded.data(), int(encoded.size()), &width, &height, &channels, 4);
    if (!pixels) return {};
    std::vector<uint8_t> rgba(pixels, pixels + size_t(width) * size_t(height) * 4);
    stbi_image_free(pixels);
    return rgba;
}

void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<uint8_t>*>(context);
    out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
}

// A smooth colour ramp (JPEG's kind of picture), as a JPEG of that quality.
std::vector<uint8_t> rampJpeg(int width, int height, int components, int quality) {
    std::vector<uint8_t> pixels(size_t(width) * height * components);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < components; ++c)
                pixels[(size_t(y) * width + x) * components + c] = uint8_t(40 + (x * 150) / width + c * 20 + (y * 30) / height);
    std::vector<uint8_t> jpeg;
    stbi_write_jpg_to_func(appendBytes, &jpeg, width, height, components, pixels.data(), quality);
    return jpeg;
}

TEST(JpegPngDecode, PngOfEveryKindGivesTheBytesStbImageGives) {
    const PngSpec specs[] = {
        {"grey 1-bit", PNG_COLOR_TYPE_GRAY, 1},         {"grey 8-bit", PNG_COLOR_TYPE_GRAY, 8},
        {"grey 16-bit", PNG_COLOR_TYPE_GRAY, 16},       {"grey + alpha", PNG_COLOR_TYPE_GRAY_ALPHA, 8},
        {"RGB", PNG_COLOR_TYPE_RGB, 8},                 {"RGB 16-bit", PNG_COLOR_TYPE_RGB, 16},
        {"RGBA", PNG_COLOR_TYPE_RGB_ALPHA, 8},          {"RGBA 16-bit", PNG_COLOR_TYPE_RGB_ALPHA, 16},
        {"palette with alpha", PNG_COLOR_TYPE_PALETTE, 8}, {"RGB interlaced", PNG_COLOR_TYPE_RGB, 8, true},
    };
    for (const PngSpec& spec : specs) {
        SCOPED_TRACE(spec.name);
        const std::vector<uint8_t> png = randomPng(spec, 37, 21);
        ASSERT_TRUE(looksLikePng(png));
        Result<RgbaPixels> ours = decodePng(png, kNoLimit);
        ASSERT_TRUE(ours.ok()) << ours.error();
        int width = 0, height = 0;
        const std::vector<uint8_t> theirs = stbRgba(png, width, height);
        ASSERT_FALSE(theirs.empty());
        EXPECT_EQ(ours->width, uint32_t(width));
        EXPECT_EQ(ours->height, uint32_t(height));
        EXPECT_TRUE(ours->rgba == theirs);
    }
}

TEST(JpegPngDecode, PngWithAWrongChecksumStillDecodesAsWithStbImage) {
    std::vector<uint8_t> png = randomPng({"RGB", PNG_COLOR_TYPE_RGB, 8}, 16, 16);
    png[8 + 8 + 13] ^= 0xFF;  // IHDR's CRC: signature, length and type, 13 bytes of data
    Result<RgbaPixels> decoded = decodePng(png, kNoLimit);
    ASSERT_TRUE(decoded.ok()) << decoded.error();
    EXPECT_EQ(decoded->width, 16u);
}

TEST(JpegPngDecode, BrokenPngIsAnErrorSayingWhy) {
    const std::vector<uint8_t> png = randomPng({"RGBA", PNG_COLOR_TYPE_RGB_ALPHA, 8}, 32, 32);
    const std::vector<uint8_t> truncated(png.begin(), png.begin() + std::ptrdiff_t(png.size() / 2));
    Result<RgbaPixels> decoded = decodePng(truncated, kNoLimit);
    ASSERT_FALSE(decoded.ok());
    EXPECT_NE(decoded.error().find("corrupt PNG ("), std::string::npos) << decoded.error();

    std::vector<uint8_t> huge = png;
    // 20000 x 20000: a size libpng accepts, over the limit given.
    for (size_t at : {16u, 20u}) {
        huge[at] = huge[at + 1] = 0;
        huge[at + 2] = 0x4E;
        huge[at + 3] = 0x20;
    }
    decoded = decodePng(huge, kNoLimit);
    ASSERT_FALSE(decoded.ok());
    EXPECT_NE(decoded.error().find("too large (20000x20000)"), std::string::npos) << decoded.error();
}

TEST(JpegPngDecode, JpegMatchesStbImageWithinTheIdctsRounding) {
    for (int components : {1, 3}) {
        SCOPED_TRACE(std::to_string(components) + " components");
        const std::vector<uint8_t> jpeg = rampJpeg(64, 48, components, 95);
        ASSERT_TRUE(looksLikeJpeg(jpeg));
        Result<RgbaPixels> ours = decodeJpeg(jpeg, 4096, kNoLimit);
        ASSERT_TRUE(ours.ok()) << ours.error();
        int width = 0, height = 0;
        const std::vector<uint8_t> theirs = stbRgba(jpeg, width, height);
        ASSERT_EQ(ours->width, 64u);
        ASSERT_EQ(ours->height, 48u);
        ASSERT_EQ(ours->rgba.size(), theirs.size());
        int worst = 0;
        for (size_t i = 0; i < theirs.size(); ++i) worst = std::max(worst, std::abs(int(ours->rgba[i]) - int(theirs[i])));
        EXPECT_LE(worst, 3);
        EXPECT_EQ(ours->rgba[3], 255);  // opaque
        if (components == 1) {
            EXPECT_EQ(ours->rgba[0], ours->rgba[2]);  // grey comes out as RGB
        }
    }
}

TEST(JpegPngDecode, LargeJpegIsDecodedAtTheSmallestSizeStillLargeEnough) {
    const std::vector<uint8_t> jpeg = rampJpeg(256, 128, 3, 90);
    struct Case {
        uint32_t minLongerSide, width, height;
    };
    for (Case c : {Case{64, 64, 32}, Case{100, 128, 64}, Case{200, 256, 128}, Case{16, 32, 16}, Case{0, 32, 16}}) {
        SCOPED_TRACE("at least " + std::to_string(c.minLongerSide));
        Result<RgbaPixels> decoded = decodeJpeg(jpeg, c.minLongerSide, kNoLimit);
        ASSERT_TRUE(decoded.ok()) << decoded.error();
        EXPECT_EQ(decoded->width, c.width);  // never below 1/8
        EXPECT_EQ(decoded->height, c.height);
    }
    // Through decodeTexture: the chain starts at the size asked for.
    Result<TextureData> texture = decodeTexture(jpeg, "wall.jpg", true, 64);
    ASSERT_TRUE(texture.ok()) << texture.error();
    EXPECT_EQ(texture->width, 64u);
    EXPECT_EQ(texture->height, 32u);
    EXPECT_EQ(texture->mips.size(), 7u);
}

TEST(JpegPngDecode, BrokenJpegIsAnErrorOrKeepsWhatWasDecoded) {
    const std::vector<uint8_t> jpeg = rampJpeg(64, 64, 3, 90);
    std::vector<uint8_t> garbage = {0xFF, 0xD8, 0xFF, 0x00, 0x13, 0x37, 0x42};
    Result<RgbaPixels> decoded = decodeJpeg(garbage, 4096, kNoLimit);
    ASSERT_FALSE(decoded.ok());
    EXPECT_NE(decoded.error().find("corrupt JPEG ("), std::string::npos) << decoded.error();

    // Cut in its pixel data: the top is kept, as viewers do.
    const std::vector<uint8_t> truncated(jpeg.begin(), jpeg.begin() + std::ptrdiff_t(jpeg.size() * 2 / 3));
    decoded = decodeJpeg(truncated, 4096, kNoLimit);
    ASSERT_TRUE(decoded.ok()) << decoded.error();
    EXPECT_EQ(decoded->width, 64u);

    // A frame header claiming 20000 x 20000 pixels is refused before decoding.
    std::vector<uint8_t> huge = jpeg;
    for (size_t i = 0; i + 8 < huge.size(); ++i)
        if (huge[i] == 0xFF && huge[i + 1] == 0xC0) {  // start of frame: length, precision, height, width
            huge[i + 5] = huge[i + 7] = 0x4E;
            huge[i + 6] = huge[i + 8] = 0x20;
            break;
        }
    decoded = decodeJpeg(huge, 4096, kNoLimit);
    ASSERT_FALSE(decoded.ok());
    EXPECT_NE(decoded.error().find("too large (20000x20000)"), std::string::npos) << decoded.error();
}

}  // namespace
}  // namespace engine
