#pragma once
// 2D textures: material images with mip chains, render targets and shadow maps.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "gfx/gl_handle.h"

namespace engine::gfx {

enum class TextureFormat {
    Rgba8,        // linear 8-bit
    // 8-bit colour stored blue first: for a render target that is sampled
    // again. llvmpipe scales a quad from one such target onto another by its
    // fast 8-bit path (the upscale: 6.7 -> 2.2 ms at 1920x1080); it takes the
    // float path for RGBA. Not for uploading pixels.
    Bgra8,
    Srgb8Alpha8,  // colour images: the GPU decodes sRGB when sampling
    Rgba16F,      // HDR colour target
    Depth24,      // depth target
    Depth16Compare,  // shadow map: sampled with a depth comparison; 16 bits halve its memory
};

enum class TextureFilter { Nearest, Linear, Trilinear };
enum class TextureWrap { Repeat, ClampToEdge };

struct TextureDesc {
    int width = 1;
    int height = 1;
    TextureFormat format = TextureFormat::Rgba8;
    TextureFilter filter = TextureFilter::Linear;
    TextureWrap wrap = TextureWrap::ClampToEdge;
    float maxAnisotropy = 1.0f;  // used when the driver offers anisotropic filtering
};

class Texture2D {
public:
    Texture2D() = default;
    // Allocates storage (no data), e.g. for a render target.
    explicit Texture2D(const TextureDesc& desc);
    // Uploads an RGBA8 mip chain: level i is width>>i x height>>i (at least 1).
    Texture2D(const TextureDesc& desc, const std::vector<const uint8_t*>& mipLevels);

    unsigned int id() const { return handle_.id(); }
    int width() const { return width_; }
    int height() const { return height_; }
    size_t byteSize() const { return bytes_; }
    explicit operator bool() const { return bool(handle_); }

    void bind(int unit) const;

    // Level 0 of a Depth16Compare texture as 16-bit depths, rows bottom to
    // top; empty for other formats, and in the browser (WebGL cannot read
    // textures back).
    std::vector<uint16_t> readDepth16() const;
    // Replaces level 0 of a Depth16Compare texture (width x height depths);
    // false if the format or the size does not match.
    bool writeDepth16(const std::vector<uint16_t>& depths);

private:
    GlHandle<detail::deleteTexture> handle_;
    int width_ = 0;
    int height_ = 0;
    TextureFormat format_ = TextureFormat::Rgba8;
    size_t bytes_ = 0;
};

}  // namespace engine::gfx
