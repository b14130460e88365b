#pragma once
// GlHandle: the one move-only owner every GL object type is built on.
// Copy is deleted, move is noexcept, the destructor deletes, and the empty
// state (id 0) needs no context, so a member can be created later.
#include <utility>

namespace engine::gfx {

template <void (*Delete)(unsigned int)>
class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(unsigned int id) : id_(id) {}
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;
    GlHandle(GlHandle&& other) noexcept : id_(std::exchange(other.id_, 0u)) {}
    GlHandle& operator=(GlHandle&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, 0u);
        }
        return *this;
    }
    ~GlHandle() { reset(); }

    unsigned int id() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    // Hands the id over; the caller now owns the GL object.
    unsigned int release() { return std::exchange(id_, 0u); }
    void reset() {
        if (id_ != 0) Delete(std::exchange(id_, 0u));
    }

private:
    unsigned int id_ = 0;
};

namespace detail {
void deleteBuffer(unsigned int id);
void deleteVertexArray(unsigned int id);
void deleteTexture(unsigned int id);
void deleteFramebuffer(unsigned int id);
void deleteRenderbuffer(unsigned int id);
void deleteProgram(unsigned int id);
void deleteShader(unsigned int id);
void deleteQuery(unsigned int id);
}  // namespace detail

}  // namespace engine::gfx
