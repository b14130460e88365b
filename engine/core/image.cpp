#include "core/image.h"

#ifndef __EMSCRIPTEN__
#include <png.h>
#include <zlib.h>
#endif
#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cerrno>
#include <memory>

namespace engine {

#ifdef __EMSCRIPTEN__
// The browser build writes no PNG (no libpng there; the page's canvas is the
// screenshot).
Status writePng(const Image&, const std::filesystem::path& file) {
    return makeError("cannot write \"" + file.string() + "\": no PNG writing in the browser");
}
Status writePngRows(int, int, RowSource, void*, const std::filesystem::path& file) {
    return makeError("cannot write \"" + file.string() + "\": no PNG writing in the browser");
}
#else
namespace {
struct PngFile {
    FILE* file = nullptr;
    png_structp png = nullptr;
    png_infop info = nullptr;
    ~PngFile() {
        png_destroy_write_struct(&png, &info);
        if (file) std::fclose(file);
    }
};

// Streams rows into `file`; `fill(first, count, buffer)` provides them.
// `opaque`: the pixels' alpha is dropped and an RGB file written (a quarter
// less to compress: 2.5-3.5 ms of a 1280x720 screenshot's 14-20 ms).
template <typename Fill>
Status writePngStreaming(int width, int height, bool opaque, const std::filesystem::path& path, Fill&& fill) {
    if (width <= 0 || height <= 0) return makeError("cannot write \"" + path.string() + "\": the image is empty");
    PngFile out;
    out.file = std::fopen(path.c_str(), "wb");
    if (!out.file) return makeError("cannot write \"" + path.string() + "\": " + std::strerror(errno));
    out.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    out.info = out.png ? png_create_info_struct(out.png) : nullptr;
    if (!out.png || !out.info) return makeError("cannot write \"" + path.string() + "\": libpng could not start");
    constexpr int kStrip = 32;
    std::vector<uint8_t> strip(size_t(width) * 4 * kStrip);
    if (setjmp(png_jmpbuf(out.png))) return makeError("cannot write \"" + path.string() + "\": libpng failed (disk full?)");
    png_init_io(out.png, out.file);
    png_set_IHDR(out.png, out.info, png_uint_32(width), png_uint_32(height), 8,
                 opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    // Run-length matching suits renders (large flat areas) and is fast.
    png_set_compression_level(out.png, 1);
    png_set_compression_strategy(out.png, Z_RLE);
    png_set_filter(out.png, 0, PNG_FILTER_SUB);
    png_write_info(out.png, out.info);
    if (opaque) png_set_filler(out.png, 0, PNG_FILLER_AFTER);  // rows stay RGBA in memory
    for (int first = 0; first < height; first += kStrip) {
        int count = std::min(kStrip, height - first);
        fill(first, count, strip.data());
        for (int r = 0; r < count; ++r) png_write_row(out.png, &strip[size_t(r) * size_t(width) * 4]);
    }
    png_write_end(out.png, nullptr);
    if (std::fflush(out.file) != 0) return makeError("cannot write \"" + path.string() + "\": " + std::strerror(errno));
    return {};
}
}  // namespace

Status writePng(const Image& image, const std::filesystem::path& file) {
    if (image.empty() || image.rgba.size() != size_t(image.width) * size_t(image.height) * 4)
        return makeError("cannot write \"" + file.string() + "\": the image is empty or inconsistent");
    size_t row = size_t(image.width) * 4;
    return writePngStreaming(image.width, image.height, false, file, [&](int first, int count, uint8_t* out) {
        std::memcpy(out, &image.rgba[size_t(first) * row], size_t(count) * row);
    });
}

Status writePngRows(int width, int height, RowSource rows, void* context, const std::filesystem::path& file) {
    return writePngStreaming(width, height, true, file,
                             [&](int first, int count, uint8_t* out) { rows(context, first, count, out); });
}
#endif

Result<Image> readImage(const std::filesystem::path& file) {
    int width = 0, height = 0, channels = 0;
    stbi_uc* pixels = stbi_load(file.c_str(), &width, &height, &channels, 4);
    if (!pixels) {
        const char* reason = stbi_failure_reason();
        return makeError("cannot read image \"" + file.string() + "\": " + (reason ? reason : "unknown error"));
    }
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.assign(pixels, pixels + size_t(width) * size_t(height) * 4);
    stbi_image_free(pixels);
    return image;
}

Result<ImageDifference> compareImages(const Image& actual, const Image& expected, int threshold) {
    if (actual.width != expected.width || actual.height != expected.height)
        return makeError("image sizes differ: " + std::to_string(actual.width) + "x" + std::to_string(actual.height) +
                         " vs expected " + std::to_string(expected.width) + "x" + std::to_string(expected.height));
    ImageDifference result;
    result.diff.width = actual.width;
    result.diff.height = actual.height;
    result.diff.rgba.resize(actual.rgba.size());
    double sum = 0;
    for (int y = 0; y < actual.height; ++y) {
        for (int x = 0; x < actual.width; ++x) {
            const uint8_t* a = actual.pixel(x, y);
            const uint8_t* e = expected.pixel(x, y);
            int pixelMax = 0;
            for (int c = 0; c < 3; ++c) {
                int d = std::abs(int(a[c]) - int(e[c]));
                sum += d;
                pixelMax = std::max(pixelMax, d);
            }
            if (pixelMax > threshold) ++result.pixelsOverThreshold;
            if (pixelMax > result.maxDifference) {
                result.maxDifference = pixelMax;
                result.worstX = x;
                result.worstY = y;
            }
            // Differences in red, amplified 4x, over a faded copy of the expected image.
            uint8_t* out = &result.diff.rgba[(size_t(y) * size_t(actual.width) + size_t(x)) * 4];
            uint8_t faded = uint8_t((e[0] + e[1] + e[2]) / 12);
            out[0] = uint8_t(std::min(255, faded + pixelMax * 4));
            out[1] = faded;
            out[2] = faded;
            out[3] = 255;
        }
    }
    result.meanDifference = sum / (double(actual.width) * actual.height * 3.0);
    return result;
}

}  // namespace engine
