#include "gfx/vertex_array.h"

#include "gfx/gl_api.h"

namespace engine::gfx {
namespace {
void specify(const VertexAttribute& a, size_t extraOffset) {
    GLenum type = a.type == AttributeType::Float ? GL_FLOAT : GL_UNSIGNED_BYTE;
    GLboolean normalized = a.type == AttributeType::UnsignedByteNormalized ? GL_TRUE : GL_FALSE;
    glEnableVertexAttribArray(a.location);
    glVertexAttribPointer(a.location, a.components, type, normalized, GLsizei(a.stride),
                          reinterpret_cast<const void*>(a.offset + extraOffset));
    glVertexAttribDivisor(a.location, a.perInstance ? 1 : 0);
}
}  // namespace

VertexArray VertexArray::createEmpty() {
    VertexArray vao;
    vao.ensureCreated();
    return vao;
}

void VertexArray::ensureCreated() {
    if (handle_) return;
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    handle_ = GlHandle<detail::deleteVertexArray>(id);
}

void VertexArray::addAttributes(const Buffer& buffer, const VertexAttribute* attributes, size_t count) {
    ensureCreated();
    glBindVertexArray(handle_.id());
    glBindBuffer(GL_ARRAY_BUFFER, buffer.id());
    for (size_t i = 0; i < count; ++i) specify(attributes[i], 0);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void VertexArray::setIndexBuffer(const Buffer& buffer) {
    ensureCreated();
    glBindVertexArray(handle_.id());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffer.id());
    glBindVertexArray(0);
}

void VertexArray::setInstanceSource(const Buffer& buffer, const VertexAttribute* attributes, size_t count,
                                    size_t byteOffset) const {
    glBindVertexArray(handle_.id());
    glBindBuffer(GL_ARRAY_BUFFER, buffer.id());
    for (size_t i = 0; i < count; ++i) specify(attributes[i], byteOffset);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

}  // namespace engine::gfx
