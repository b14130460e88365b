#include "gfx/buffer.h"

#include "gfx/gl_api.h"

namespace engine::gfx {
namespace {
GLenum usageFlag(BufferUsage usage) { return usage == BufferUsage::Stream ? GL_STREAM_DRAW : GL_STATIC_DRAW; }
}  // namespace

Buffer::Buffer(BufferKind kind, const void* data, size_t bytes, BufferUsage usage) : kind_(kind), usage_(usage) {
    GLuint id = 0;
    glGenBuffers(1, &id);
    handle_ = GlHandle<detail::deleteBuffer>(id);
    // Index buffers are bound through a VAO; binding one here with no VAO
    // bound is allowed in core profile only for GL_ARRAY_BUFFER, so use that
    // target to fill any kind of buffer.
    glBindBuffer(GL_ARRAY_BUFFER, id);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(bytes), data, usageFlag(usage));
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    size_ = bytes;
}

void Buffer::upload(const void* data, size_t bytes) {
    glBindBuffer(GL_ARRAY_BUFFER, handle_.id());
    if (bytes > size_) {
        size_ = bytes + bytes / 2;
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(size_), nullptr, usageFlag(usage_));
    } else {
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(size_), nullptr, usageFlag(usage_));  // orphan
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, GLsizeiptr(bytes), data);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

}  // namespace engine::gfx
