#pragma once
// Vertex array objects: which buffers feed which shader attributes.
#include <cstddef>

#include "gfx/buffer.h"
#include "gfx/gl_handle.h"

namespace engine::gfx {

enum class AttributeType { Float, UnsignedByteNormalized };

struct VertexAttribute {
    unsigned int location = 0;
    int components = 3;
    AttributeType type = AttributeType::Float;
    size_t offset = 0;   // bytes from the start of a vertex
    size_t stride = 0;   // bytes between vertices
    bool perInstance = false;
};

class VertexArray {
public:
    VertexArray() = default;
    // An empty VAO: core profile needs one bound even for attribute-less draws.
    static VertexArray createEmpty();

    // Adds attributes read from `buffer` (which must outlive this VAO).
    void addAttributes(const Buffer& buffer, const VertexAttribute* attributes, size_t count);
    void setIndexBuffer(const Buffer& buffer);
    // Points the per-instance attributes at another buffer and byte offset
    // (GL 3.3 has no base instance, so the offset replaces it).
    // Const: it changes GL state, not what this object owns.
    void setInstanceSource(const Buffer& buffer, const VertexAttribute* attributes, size_t count,
                           size_t byteOffset) const;

    unsigned int id() const { return handle_.id(); }
    explicit operator bool() const { return bool(handle_); }

private:
    void ensureCreated();
    GlHandle<detail::deleteVertexArray> handle_;
};

}  // namespace engine::gfx
