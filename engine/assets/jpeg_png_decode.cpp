#include "assets/jpeg_png_decode.h"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include <jpeglib.h>
#include <png.h>

namespace engine {
namespace {

std::string sizeText(uint64_t width, uint64_t height) { return std::to_string(width) + "x" + std::to_string(height); }

// ---- JPEG ------------------------------------------------------------------

// libjpeg reports fatal errors through error_exit, which must not return:
// it jumps back to decodeJpeg with the message. Everything the decoder
// touches after setjmp lives here, behind a pointer, so it survives the jump.
struct JpegContext {
    jpeg_decompress_struct info{};
    jpeg_error_mgr errors{};
    std::jmp_buf jump{};
    char message[JMSG_LENGTH_MAX] = {};
    RgbaPixels pixels;
};

[[noreturn]] void jpegFailed(j_common_ptr info) {
    auto* context = static_cast<JpegContext*>(info->client_data);
    info->err->format_message(info, context->message);
    std::longjmp(context->jump, 1);
}

void jpegWarningIgnored(j_common_ptr) {}

// The scaled size libjpeg gives for 1/denominator (it rounds up).
uint32_t scaledSide(uint32_t side, uint32_t denominator) { return (side + denominator - 1) / denominator; }

// ---- PNG -------------------------------------------------------------------

struct PngContext {
    std::span<const uint8_t> encoded;
    size_t offset = 0;
    std::string message;
    RgbaPixels pixels;
    std::vector<png_bytep> rows;
};

void pngRead(png_structp png, png_bytep out, png_size_t length) {
    auto* context = static_cast<PngContext*>(png_get_io_ptr(png));
    if (length > context->encoded.size() - context->offset) png_error(png, "the file ends too early");
    std::memcpy(out, context->encoded.data() + context->offset, length);
    context->offset += length;
}

[[noreturn]] void pngFailed(png_structp png, png_const_charp message) {
    static_cast<PngContext*>(png_get_error_ptr(png))->message = message ? message : "unknown error";
    png_longjmp(png, 1);
}

void pngWarningIgnored(png_structp, png_const_charp) {}

}  // namespace

bool looksLikeJpeg(std::span<const uint8_t> encoded) {
    return encoded.size() >= 3 && encoded[0] == 0xFF && encoded[1] == 0xD8 && encoded[2] == 0xFF;
}

bool looksLikePng(std::span<const uint8_t> encoded) {
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    return encoded.size() >= 8 && std::memcmp(encoded.data(), signature, 8) == 0;
}

Result<RgbaPixels> decodeJpeg(std::span<const uint8_t> encoded, uint32_t minLongerSide, uint64_t maxPixels) {
    auto context = std::make_unique<JpegContext>();
    JpegContext* c = context.get();
    c->info.err = jpeg_std_error(&c->errors);
    c->errors.error_exit = jpegFailed;
    c->errors.output_message = jpegWarningIgnored;
    if (setjmp(c->jump)) {
        jpeg_destroy_decompress(&c->info);
        return makeError(std::string("corrupt JPEG (") + c->message + ")");
    }
    jpeg_create_decompress(&c->info);
    c->info.client_data = c;
    jpeg_mem_src(&c->info, encoded.data(), static_cast<unsigned long>(encoded.size()));
    jpeg_read_header(&c->info, TRUE);
    const uint32_t width = c->info.image_width, height = c->info.image_height;
    if (width == 0 || height == 0 || uint64_t(width) * height > maxPixels) {
        jpeg_destroy_decompress(&c->info);
        return makeError("the image is too large (" + sizeText(width, height) + ")");
    }
    uint32_t denominator = 1;
    while (denominator < 8 && std::max(scaledSide(width, denominator * 2), scaledSide(height, denominator * 2)) >=
                                  std::max(1u, minLongerSide))
        denominator *= 2;
    c->info.scale_num = 1;
    c->info.scale_denom = denominator;
    // Grey and YCbCr images come out as RGBA; CMYK cannot, and fails here
    // (stb_image then tries it).
    c->info.out_color_space = JCS_EXT_RGBA;
    jpeg_start_decompress(&c->info);
    RgbaPixels& out = c->pixels;
    out.width = c->info.output_width;
    out.height = c->info.output_height;
    out.rgba.resize(size_t(out.width) * out.height * 4);
    while (c->info.output_scanline < c->info.output_height) {
        JSAMPROW row = &out.rgba[size_t(c->info.output_scanline) * out.width * 4];
        if (jpeg_read_scanlines(&c->info, &row, 1) != 1) break;  // data ran out: the rest stays black
    }
    jpeg_abort_decompress(&c->info);  // what follows the pixels is of no use
    jpeg_destroy_decompress(&c->info);
    return std::move(c->pixels);
}

Result<RgbaPixels> decodePng(std::span<const uint8_t> encoded, uint64_t maxPixels) {
    auto context = std::make_unique<PngContext>();
    PngContext* c = context.get();
    c->encoded = encoded;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, c, pngFailed, pngWarningIgnored);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_read_struct(&png, &info, nullptr);
        return makeError("libpng could not start (out of memory)");
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return makeError("corrupt PNG (" + c->message + ")");
    }
    png_set_read_fn(png, c, pngRead);
    // Checksums are not checked, as stb_image does not: a few per cent of
    // the time, and a texture with one wrong byte is better shown.
    png_set_crc_action(png, PNG_CRC_QUIET_USE, PNG_CRC_QUIET_USE);
    png_set_option(png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
    png_read_info(png, info);
    const uint32_t width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    if (width == 0 || height == 0 || uint64_t(width) * height > maxPixels) {
        png_destroy_read_struct(&png, &info, nullptr);
        return makeError("the image is too large (" + sizeText(width, height) + ")");
    }
    png_set_expand(png);  // palette to RGB, grey under 8 bits to 8, transparency chunk to alpha
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);  // only where there is no alpha yet
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != size_t(width) * 4) png_error(png, "unexpected row layout");
    RgbaPixels& out = c->pixels;
    out.width = width;
    out.height = height;
    out.rgba.resize(size_t(width) * height * 4);
    c->rows.resize(height);
    for (uint32_t y = 0; y < height; ++y) c->rows[y] = &out.rgba[size_t(y) * width * 4];
    png_read_image(png, c->rows.data());
    png_destroy_read_struct(&png, &info, nullptr);  // the chunks after the pixels are of no use
    return std::move(c->pixels);
}

}  // namespace engine
