#include "core/image.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

namespace engine {
namespace {

Image gradient(int w, int h) {
    Image image{w, h, std::vector<uint8_t>(size_t(w * h * 4))};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = &image.rgba[size_t((y * w + x) * 4)];
            p[0] = uint8_t(x * 255 / (w - 1));
            p[1] = uint8_t(y * 255 / (h - 1));
            p[2] = uint8_t((x + y) % 256);
            p[3] = 255;
        }
    return image;
}

TEST(Image, PngRoundTripIsLossless) {
    Image image = gradient(37, 23);
    std::filesystem::path file = std::filesystem::temp_directory_path() / "twin_image_test.png";
    ASSERT_TRUE(writePng(image, file).ok());
    Result<Image> read = readImage(file);
    ASSERT_TRUE(read.ok()) << read.error();
    EXPECT_EQ(read->width, 37);
    EXPECT_EQ(read->height, 23);
    EXPECT_EQ(read->rgba, image.rgba);
    std::filesystem::remove(file);
}

TEST(Image, RenderedRowsAreWrittenAsAnOpaqueRgbPng) {
    Image image = gradient(29, 17);
    for (size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 7;  // whatever the frame's alpha holds
    std::filesystem::path file = std::filesystem::temp_directory_path() / "twin_image_rows_test.png";
    auto rows = [](void* context, int first, int count, uint8_t* out) {
        const Image& source = *static_cast<const Image*>(context);
        std::memcpy(out, source.pixel(0, first), size_t(count) * size_t(source.width) * 4);
    };
    ASSERT_TRUE(writePngRows(image.width, image.height, rows, &image, file).ok());
    std::ifstream png(file, std::ios::binary);
    char header[26] = {};
    png.read(header, sizeof header);
    EXPECT_EQ(header[25], 2);  // IHDR's colour type: RGB, no alpha
    Result<Image> read = readImage(file);
    ASSERT_TRUE(read.ok()) << read.error();
    ASSERT_EQ(read->rgba.size(), image.rgba.size());
    for (size_t i = 0; i < image.rgba.size(); ++i) {
        SCOPED_TRACE(i);
        ASSERT_EQ(read->rgba[i], i % 4 == 3 ? 255 : image.rgba[i]);
    }
    std::filesystem::remove(file);
}

TEST(Image, CompareFindsTheWorstPixel) {
    Image a = gradient(16, 16), b = a;
    b.rgba[size_t((5 * 16 + 9) * 4 + 1)] ^= 0x40;  // one channel of pixel (9, 5)
    Result<ImageDifference> d = compareImages(a, b);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->maxDifference, 64);
    EXPECT_EQ(d->worstX, 9);
    EXPECT_EQ(d->worstY, 5);
    EXPECT_NEAR(d->meanDifference, 64.0 / (16 * 16 * 3), 1e-9);
    EXPECT_EQ(compareImages(a, a)->maxDifference, 0);
}

TEST(Image, CompareCountsPixelsOverTheThreshold) {
    Image a = gradient(16, 16), b = a;
    b.rgba[size_t((1 * 16 + 1) * 4 + 0)] ^= 0x40;  // 64 in pixel (1, 1)
    b.rgba[size_t((2 * 16 + 3) * 4 + 2)] ^= 0x10;  // 16 in pixel (3, 2)
    b.rgba[size_t((7 * 16 + 7) * 4 + 3)] ^= 0x80;  // alpha is not compared
    EXPECT_EQ(compareImages(a, b, 24)->pixelsOverThreshold, 1);
    EXPECT_EQ(compareImages(a, b, 8)->pixelsOverThreshold, 2);
    EXPECT_EQ(compareImages(a, b, 64)->pixelsOverThreshold, 0);
}

TEST(Image, CompareRejectsDifferentSizes) {
    EXPECT_FALSE(compareImages(gradient(8, 8), gradient(8, 9)).ok());
}

TEST(Image, ReadErrorsNameTheFile) {
    Result<Image> missing = readImage("/nonexistent/picture.png");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("/nonexistent/picture.png"), std::string::npos);
}

}  // namespace
}  // namespace engine
