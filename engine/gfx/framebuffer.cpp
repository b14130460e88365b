#include "gfx/framebuffer.h"

#include <cstring>

#include <glad/gl.h>

namespace engine::gfx {

Framebuffer::Framebuffer(const Texture2D* color, const Texture2D* depth) {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    handle_ = GlHandle<detail::deleteFramebuffer>(id);
    glBindFramebuffer(GL_FRAMEBUFFER, id);
    if (color) {
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color->id(), 0);
    } else {
        glDrawBuffer(GL_NONE);
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

Image readPixels(const Framebuffer* framebuffer, int width, int height) {
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(size_t(width) * size_t(height) * 4);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer ? framebuffer->id() : 0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    std::vector<uint8_t> flipped(image.rgba.size());
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, flipped.data());
    size_t row = size_t(width) * 4;
    for (int y = 0; y < height; ++y)
        std::memcpy(&image.rgba[size_t(y) * row], &flipped[size_t(height - 1 - y) * row], row);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    return image;
}

}  // namespace engine::gfx
