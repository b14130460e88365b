#include "gfx/texture.h"

#include <algorithm>

#include "gfx/gl_api.h"

namespace engine::gfx {
namespace {
struct FormatInfo {
    GLenum internal, format, type;
    size_t bytesPerPixel;
};

FormatInfo info(TextureFormat format) {
    switch (format) {
        case TextureFormat::Rgba8: return {GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, 4};
#ifdef __EMSCRIPTEN__  // WebGL 2 has no BGRA textures (and no llvmpipe to please)
        case TextureFormat::Bgra8: return {GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, 4};
#else
        // Unsized, so that Mesa picks the storage matching GL_BGRA.
        case TextureFormat::Bgra8: return {GL_RGBA, GL_BGRA, GL_UNSIGNED_BYTE, 4};
#endif
        case TextureFormat::Srgb8Alpha8: return {GL_SRGB8_ALPHA8, GL_RGBA, GL_UNSIGNED_BYTE, 4};
        case TextureFormat::Rgba16F: return {GL_RGBA16F, GL_RGBA, GL_HALF_FLOAT, 8};
        case TextureFormat::Depth24: return {GL_DEPTH_COMPONENT24, GL_DEPTH_COMPONENT, GL_UNSIGNED_INT, 4};
        case TextureFormat::Depth16Compare: return {GL_DEPTH_COMPONENT16, GL_DEPTH_COMPONENT, GL_UNSIGNED_SHORT, 2};
    }
    return {GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, 4};
}

void applySampling(const TextureDesc& desc, int levels) {
    GLenum wrap = desc.wrap == TextureWrap::Repeat ? GL_REPEAT : GL_CLAMP_TO_EDGE;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GLint(wrap));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GLint(wrap));
    GLenum minFilter = GL_LINEAR, magFilter = GL_LINEAR;
    if (desc.filter == TextureFilter::Nearest) minFilter = magFilter = GL_NEAREST;
    if (desc.filter == TextureFilter::Trilinear && levels > 1) minFilter = GL_LINEAR_MIPMAP_LINEAR;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GLint(minFilter));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GLint(magFilter));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, levels - 1);
    if (desc.format == TextureFormat::Depth16Compare) {
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_FUNC, GL_LEQUAL);
    }
    // Only with mipmaps: llvmpipe filters linearly whenever anisotropy is on.
    if (desc.maxAnisotropy > 1.0f && levels > 1 && desc.filter == TextureFilter::Trilinear &&
        GLAD_GL_EXT_texture_filter_anisotropic)
        glTexParameterf(GL_TEXTURE_2D, GL_TEXTURE_MAX_ANISOTROPY_EXT, desc.maxAnisotropy);
}

GLuint create() {
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    return id;
}
}  // namespace

Texture2D::Texture2D(const TextureDesc& desc)
    : handle_(create()), width_(desc.width), height_(desc.height), format_(desc.format) {
    FormatInfo f = info(desc.format);
    glTexImage2D(GL_TEXTURE_2D, 0, GLint(f.internal), desc.width, desc.height, 0, f.format, f.type, nullptr);
    applySampling(desc, 1);
    bytes_ = size_t(desc.width) * size_t(desc.height) * f.bytesPerPixel;
    glBindTexture(GL_TEXTURE_2D, 0);
}

Texture2D::Texture2D(const TextureDesc& desc, const std::vector<const uint8_t*>& mipLevels)
    : handle_(create()), width_(desc.width), height_(desc.height), format_(desc.format) {
    FormatInfo f = info(desc.format);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    int levels = int(mipLevels.size());
    // All levels at once: level by level, Mesa first guesses the chain's
    // size from level 0, then allocates it again when the texture is first
    // used; both copies stayed alive (llvmpipe: 9.0 instead of 4.9 MiB for
    // three photos of 800 pixels). Storage needs a sized format.
    const bool storage = GLAD_GL_ARB_texture_storage && levels > 0 && f.internal != GL_RGBA;
    if (storage) glTexStorage2D(GL_TEXTURE_2D, levels, f.internal, desc.width, desc.height);
    for (int level = 0; level < levels; ++level) {
        int w = std::max(1, desc.width >> level), h = std::max(1, desc.height >> level);
        if (storage)
            glTexSubImage2D(GL_TEXTURE_2D, level, 0, 0, w, h, f.format, f.type, mipLevels[size_t(level)]);
        else
            glTexImage2D(GL_TEXTURE_2D, level, GLint(f.internal), w, h, 0, f.format, f.type, mipLevels[size_t(level)]);
        bytes_ += size_t(w) * size_t(h) * f.bytesPerPixel;
    }
    applySampling(desc, std::max(1, levels));
    glBindTexture(GL_TEXTURE_2D, 0);
}

void Texture2D::bind(int unit) const {
    glActiveTexture(GLenum(GL_TEXTURE0 + unit));
    glBindTexture(GL_TEXTURE_2D, handle_.id());
}

std::vector<uint16_t> Texture2D::readDepth16() const {
    std::vector<uint16_t> depths;
#ifndef __EMSCRIPTEN__
    if (format_ != TextureFormat::Depth16Compare || !handle_) return depths;
    depths.resize(size_t(width_) * size_t(height_));
    glBindTexture(GL_TEXTURE_2D, handle_.id());
    glPixelStorei(GL_PACK_ALIGNMENT, 2);
    glGetTexImage(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT, GL_UNSIGNED_SHORT, depths.data());
    glBindTexture(GL_TEXTURE_2D, 0);
#endif
    return depths;
}

bool Texture2D::writeDepth16(const std::vector<uint16_t>& depths) {
    if (format_ != TextureFormat::Depth16Compare || !handle_ || depths.size() != size_t(width_) * size_t(height_))
        return false;
    glBindTexture(GL_TEXTURE_2D, handle_.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 2);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width_, height_, GL_DEPTH_COMPONENT, GL_UNSIGNED_SHORT, depths.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    return true;
}

}  // namespace engine::gfx
