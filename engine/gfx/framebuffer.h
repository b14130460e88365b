#pragma once
// Framebuffers: offscreen render targets made of textures.
#include <vector>

#include "core/image.h"
#include "gfx/gl_handle.h"
#include "gfx/texture.h"

namespace engine::gfx {

class Framebuffer {
public:
    Framebuffer() = default;
    // Attaches `color` (may be null for depth-only) and `depth` (may be null).
    // Returns an empty framebuffer when the driver rejects the combination;
    // `complete()` tells.
    Framebuffer(const Texture2D* color, const Texture2D* depth);

    bool complete() const { return complete_; }
    unsigned int id() const { return handle_.id(); }
    explicit operator bool() const { return bool(handle_); }

private:
    GlHandle<detail::deleteFramebuffer> handle_;
    bool complete_ = false;
};

// Binds `framebuffer` for drawing (null: the window's default framebuffer)
// and sets the viewport.
void bindFramebuffer(const Framebuffer* framebuffer, int width, int height);

// Copies the colour of `from` into `to` (null: the window), same size.
void blitColor(const Framebuffer* from, const Framebuffer* to, int width, int height);

// Copies the depth of `from` into `to`, same size and format.
void copyDepth(const Framebuffer* from, const Framebuffer* to, int width, int height);

// Reads back the colour of the bound read framebuffer as RGBA8, rows top to
// bottom (GL stores them bottom to top).
Image readPixels(const Framebuffer* framebuffer, int width, int height);

// Reads `count` rows starting at `firstTopRow` (counted from the top) into
// `out`, top row first: for streaming large images out.
void readPixelRows(const Framebuffer* framebuffer, int width, int height, int firstTopRow, int count, uint8_t* out);

}  // namespace engine::gfx
