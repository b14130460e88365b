#include "core/image.h"

#include <gtest/gtest.h>

#include <filesystem>

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
