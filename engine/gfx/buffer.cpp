#include "gfx/buffer.h"

#include "gfx/gl_api.h"

namespace engine::gfx {
namespace {
GLenum usageFlag(BufferUsage usage) { return usage == BufferUsage::Stream ? GL_STREAM_DRAW : GL_STATIC_DRAW; }

// The target a buffer is filled through. WebGL binds a buffer to index or to
// vertex data for its whole life, so an index buffer is filled through the
// index target there, with no vertex array bound (VAO 0: the one whose
// state that binding changes); natively GL_ARRAY_BUFFER serves every kind.
struct FillTarget {
    GLenum target = GL_ARRAY_BUFFER;
    GLint vertexArray = 0;
    explicit FillTarget(BufferKind kind) {
#ifdef __EMSCRIPTEN__
        if (kind == BufferKind::Index) {
            target = GL_ELEMENT_ARRAY_BUFFER;
            glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vertexArray);
            glBindVertexArray(0);
        }
#endif
    }
    ~FillTarget() {
        glBindBuffer(target, 0);
        if (vertexArray) glBindVertexArray(GLuint(vertexArray));
    }
};
}  // namespace

Buffer::Buffer(BufferKind kind, const void* data, size_t bytes, BufferUsage usage) : kind_(kind), usage_(usage) {
    GLuint id = 0;
    glGenBuffers(1, &id);
    handle_ = GlHandle<detail::deleteBuffer>(id);
    // Index buffers are bound through a VAO; binding one here with no VAO
    // bound is allowed in core profile only for GL_ARRAY_BUFFER, so use that
    // target to fill any kind of buffer.
    FillTarget fill(kind);
    glBindBuffer(fill.target, id);
    glBufferData(fill.target, GLsizeiptr(bytes), data, usageFlag(usage));
    size_ = bytes;
}

void Buffer::upload(const void* data, size_t bytes) {
    FillTarget fill(kind_);
    glBindBuffer(fill.target, handle_.id());
    if (bytes > size_) {
        size_ = bytes + bytes / 2;
        glBufferData(fill.target, GLsizeiptr(size_), nullptr, usageFlag(usage_));
    } else {
        glBufferData(fill.target, GLsizeiptr(size_), nullptr, usageFlag(usage_));  // orphan
    }
    glBufferSubData(fill.target, 0, GLsizeiptr(bytes), data);
}

}  // namespace engine::gfx
