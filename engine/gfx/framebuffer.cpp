#include "gfx/framebuffer.h"

#include <cstring>

#include "gfx/gl_api.h"

namespace engine::gfx {

Framebuffer::Framebuffer(const Texture2D* color, const Texture2D* depth) {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    handle_ = GlHandle<detail::deleteFramebuffer>(id);
    glBindFramebuffer(GL_FRAMEBUFFER, id);
    if (color) {
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color->id(), 0);
    } else {
        // A depth-only target (the shadow map). glDrawBuffers: GL ES 3 has no glDrawBuffer.
        const GLenum none = GL_NONE;
        glDrawBuffers(1, &none);
        glReadBuffer(GL_NONE);
    }
    if (depth) glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, depth->id(), 0);
    complete_ = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void bindFramebuffer(const Framebuffer* framebuffer, int width, int height) {
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer ? framebuffer->id() : 0);
    glViewport(0, 0, width, height);
}

void blitColor(const Framebuffer* from, const Framebuffer* to, int width, int height) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from ? from->id() : 0);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to ? to->id() : 0);
    glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, to ? to->id() : 0);
}

void copyDepth(const Framebuffer* from, const Framebuffer* to, int width, int height) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from ? from->id() : 0);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to ? to->id() : 0);
    glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_DEPTH_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, to ? to->id() : 0);
}

Image readPixels(const Framebuffer* framebuffer, int width, int height) {
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(size_t(width) * size_t(height) * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer ? framebuffer->id() : 0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    // GL's rows run bottom to top: swap them in place (no second image).
    size_t row = size_t(width) * 4;
    std::vector<uint8_t> scratch(row);
    for (int y = 0; y < height / 2; ++y) {
        uint8_t* top = &image.rgba[size_t(y) * row];
        uint8_t* bottom = &image.rgba[size_t(height - 1 - y) * row];
        std::memcpy(scratch.data(), top, row);
        std::memcpy(top, bottom, row);
        std::memcpy(bottom, scratch.data(), row);
    }
    return image;
}

void readPixelRows(const Framebuffer* framebuffer, int width, int height, int firstTopRow, int count, uint8_t* out) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer ? framebuffer->id() : 0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    // GL row 0 is the bottom: the strip starts at height - firstTopRow - count.
    glReadPixels(0, height - firstTopRow - count, width, count, GL_RGBA, GL_UNSIGNED_BYTE, out);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    size_t row = size_t(width) * 4;
    std::vector<uint8_t> scratch(row);
    for (int y = 0; y < count / 2; ++y) {
        uint8_t* top = out + size_t(y) * row;
        uint8_t* bottom = out + size_t(count - 1 - y) * row;
        std::memcpy(scratch.data(), top, row);
        std::memcpy(top, bottom, row);
        std::memcpy(bottom, scratch.data(), row);
    }
}

}  // namespace engine::gfx
