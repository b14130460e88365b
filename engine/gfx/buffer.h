#pragma once
// GPU buffers: vertex, index and instance data.
#include <cstddef>

#include "gfx/gl_handle.h"

namespace engine::gfx {

enum class BufferKind { Vertex, Index };
enum class BufferUsage { Static, Stream };

class Buffer {
public:
    Buffer() = default;
    // Creates a buffer holding `bytes` bytes copied from `data` (may be null).
    Buffer(BufferKind kind, const void* data, size_t bytes, BufferUsage usage = BufferUsage::Static);

    // Replaces the whole content, growing the storage when needed (orphaning
    // the old storage so a frame in flight is not stalled).
    void upload(const void* data, size_t bytes);

    unsigned int id() const { return handle_.id(); }
    size_t size() const { return size_; }
    BufferKind kind() const { return kind_; }
    explicit operator bool() const { return bool(handle_); }

private:
    GlHandle<detail::deleteBuffer> handle_;
    BufferKind kind_ = BufferKind::Vertex;
    BufferUsage usage_ = BufferUsage::Static;
    size_t size_ = 0;
};

}  // namespace engine::gfx
