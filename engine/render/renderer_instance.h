#pragma once
// What the renderer's passes share about one drawn placement of a mesh
// (renderer.cpp, renderer_shadows.cpp). Private to engine/render.
#include <cstddef>
#include <cstdint>
#include <optional>

#include <glm/glm.hpp>

#include "render/renderer.h"

namespace engine {

struct Renderer::Instance {
    const GpuModel* model = nullptr;
    size_t sceneItem = 0;
    uint32_t mesh = 0;
    glm::mat4 world{1.0f};
    Aabb worldBounds;
    bool mirrored = false;
    bool blended = false;
    size_t placement = 0;   // index into the model's placements
    float ghostFade = 0.0f;  // above 0: drawn by drawGhosts only
    std::optional<glm::vec4> clip;  // the item's section plane
    bool bakedLight = false;  // its mesh's baked light holds (see rebuildInstances)
    bool lightPerVertex = false;  // its mesh is lit per vertex, and nothing here needs pixels (see rebuildInstances)
    bool moving = false;  // its item moves from frame to frame: drawn over the cached shadows
    uint32_t level = 0;   // of detail, chosen each frame by drawOpaque (GpuMesh::levels)
    bool fullDetail = false;  // SceneItemLook::fullDetail
    // Glass and ghosts cast no shadow.
    bool castsShadow() const { return !blended && ghostFade <= 0.0f; }
    // Instances cut by different planes cannot share an instanced draw.
    size_t clipKey() const { return clip ? sceneItem : SIZE_MAX; }
};

// Per-instance model matrix: a mat4 takes attribute locations 4 to 7.
inline const gfx::VertexAttribute kInstanceLayout[] = {
    {4, 4, gfx::AttributeType::Float, 0, sizeof(glm::mat4), true},
    {5, 4, gfx::AttributeType::Float, 16, sizeof(glm::mat4), true},
    {6, 4, gfx::AttributeType::Float, 32, sizeof(glm::mat4), true},
    {7, 4, gfx::AttributeType::Float, 48, sizeof(glm::mat4), true},
};

}  // namespace engine
