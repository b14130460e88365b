#include "core/image.h"

#include <png.h>
#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cerrno>
#include <memory>

namespace engine {

Status writePng(const Image& image, const std::filesystem::path& file) {
    if (image.empty() || image.rgba.size() != size_t(image.width) * size_t(image.height) * 4)
        return makeError("cannot write \"" + file.string() + "\": the image is empty or inconsistent");
    std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(file.c_str(), "wb"), &std::fclose);
    if (!out) return makeError("cannot write \"" + file.string() + "\": " + std::strerror(errno));

    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_write_struct(&png, &info);
        return makeError("cannot write \"" + file.string() + "\": libpng could not start");
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return makeError("cannot write \"" + file.string() + "\": libpng failed (disk full?)");
    }
    png_init_io(png, out.get());
    png_set_IHDR(png, info, png_uint_32(image.width), png_uint_32(image.height), 8, PNG_COLOR_TYPE_RGBA,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, 1);
    png_set_filter(png, 0, PNG_FILTER_SUB);
    png_write_info(png, info);
    for (int y = 0; y < image.height; ++y)
        png_write_row(png, const_cast<png_bytep>(image.pixel(0, y)));
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    if (std::fflush(out.get()) != 0)
        return makeError("cannot write \"" + file.string() + "\": " + std::strerror(errno));
    return {};
}

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

Result<ImageDifference> compareImages(const Image& actual, const Image& expected) {
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
