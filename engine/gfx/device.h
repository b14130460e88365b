#pragma once
// Device: loading GL, fixed-function state and draw calls. The rest of the
// engine draws through these functions so that GL stays in gfx/.
#include <cstddef>
#include <string>

#include <glm/glm.hpp>

#include "core/result.h"
#include "gfx/vertex_array.h"

namespace engine::gfx {

using GetProcAddress = void* (*)(const char* name);

struct DeviceInfo {
    std::string version;   // GL_VERSION
    std::string renderer;  // GL_RENDERER
    std::string vendor;
    int major = 0, minor = 0;
};

// Loads GL entry points for the current context. Fails with a message that
// says what was needed (3.3 core) and what was found.
Result<DeviceInfo> loadGl(GetProcAddress getProcAddress);

// The current context's GL_RENDERER and GL_VERSION, e.g. to tell apart
// what another driver drew.
std::string deviceName();

// Routes driver debug messages (KHR_debug, when present) to the log.
void enableDebugOutput();

enum class CullMode { None, Back };
enum class BlendMode { Opaque, Alpha, Premultiplied };
enum class DepthTest { Off, Less, LessEqual };

struct RenderState {
    DepthTest depthTest = DepthTest::Less;
    bool depthWrite = true;
    CullMode cull = CullMode::Back;
    bool frontFaceClockwise = false;  // for mirrored transforms
    BlendMode blend = BlendMode::Opaque;
    bool colorWrite = true;
    float polygonOffsetFactor = 0.0f;  // shadow-map bias; 0 disables
    float polygonOffsetUnits = 0.0f;
};

void applyState(const RenderState& state);
void clear(const glm::vec4& color, bool clearColor = true, bool clearDepth = true);
void setViewport(int x, int y, int width, int height);

// Indexed triangles (uint32 indices), `instances` copies.
void drawIndexed(const VertexArray& vao, size_t indexCount, int instances = 1, size_t firstIndex = 0);
// Non-indexed triangles, e.g. a full-screen triangle from gl_VertexID.
void drawTriangles(const VertexArray& vao, int vertexCount);

// Blocks until the GPU has finished (timing and capture).
void finish();
// Hands what was drawn so far to the driver without waiting for it.
void flush();

// Returns "" or the names of pending GL errors (clears them).
std::string takeErrors();

}  // namespace engine::gfx
