#pragma once
// RGBA8 images in memory, PNG files, and per-pixel comparison for image tests.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/result.h"

namespace engine {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba;  // rows top to bottom, 4 bytes a pixel

    bool empty() const { return width <= 0 || height <= 0; }
    const uint8_t* pixel(int x, int y) const { return &rgba[(size_t(y) * size_t(width) + size_t(x)) * 4]; }
};

// Writes an 8-bit RGBA PNG. Uses fast zlib settings: screenshots are taken
// in timed runs, where stb's encoder costs 65-90 ms at 1280x720.
Status writePng(const Image& image, const std::filesystem::path& file);

// Writes an opaque frame as an RGB PNG, row by row, top row first, so a
// large render never needs a whole second copy in memory. `rows` is asked
// for `count` rows starting at `first` (top-down) and fills `out`
// (count * width * 4 bytes, RGBA; the alpha is not written).
using RowSource = void (*)(void* context, int first, int count, uint8_t* out);
Status writePngRows(int width, int height, RowSource rows, void* context, const std::filesystem::path& file);

// Reads a PNG/JPEG/TGA/BMP file as RGBA8; the error names the file.
Result<Image> readImage(const std::filesystem::path& file);

struct ImageDifference {
    int maxDifference = 0;       // largest channel difference, 0-255
    double meanDifference = 0;   // mean over all channels of all pixels
    int worstX = 0, worstY = 0;  // where the largest difference is
    int pixelsOverThreshold = 0; // pixels whose largest channel difference exceeds the threshold
    Image diff;                  // visualises differences (amplified, red)
};

// Compares two images of the same size, RGB channels only, and counts the
// pixels that differ by more than `threshold` in some channel.
Result<ImageDifference> compareImages(const Image& actual, const Image& expected, int threshold = 0);

}  // namespace engine
