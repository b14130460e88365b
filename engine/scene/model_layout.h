#pragma once
// ModelLayout: a ModelData laid out for drawing, still on the CPU. Meshes
// placed once that share a material, a top-level node and a cell of space
// are merged into one world-space mesh (llvmpipe pays per draw call); meshes
// placed many times stay separate and are drawn instanced. The layout is made
// on a worker thread; the renderer only uploads it (GpuModel). Its extent
// (bounds of the model and of each top-level node) serves framing, picking
// and cut-away views without a GPU model. No GL here.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "scene/animation.h"
#include "scene/bounds.h"
#include "scene/model.h"

namespace engine {

// One mesh placed by one node.
struct MeshPlacement {
    uint32_t mesh = 0;
    glm::mat4 transform{1.0f};  // model space
    int32_t topNode = -1;       // the root's child this placement is under (e.g. a floor), -1: the root
    int32_t node = -1;          // the node that placed it; -1 when merged across nodes
};

struct ModelLayoutDesc {
    bool mergeStaticMeshes = true;
    float mergeCellSize = 16.0f;  // metres
    // Merge only meshes of the same node, so each node can be drawn, moved
    // or outlined on its own (a machine taken apart); costs a draw per
    // node and material instead of per material.
    bool mergeWithinNodes = false;
};

// Where a model's meshes are, without the meshes: enough to frame it, to
// place it in a scene and to cut parts of it away.
struct ModelExtent {
    struct Part {
        Aabb bounds;                // the mesh's, in mesh space
        glm::mat4 transform{1.0f};  // its placement in the model
        int32_t topNode = -1;
        int32_t node = -1;  // see MeshPlacement::node
    };
    struct Node {
        std::string name;
        int32_t parent = -1;  // parents come first
        glm::mat4 local{1.0f};  // its rest transform in its parent's space
    };
    std::vector<Part> parts;  // one per placement of the layout, in the same order
    std::vector<Node> nodes;  // every node of the model
    std::vector<std::pair<std::string, int32_t>> topNodeNames;  // the root's children, by name
    Aabb bounds;                                                // the whole model, model space
    std::vector<AnimationClip> animations;                      // the model's node animations

    // One model-space transform per part (placement) at `time` seconds into
    // `clip`: how the clip moves it from where it was laid out (identity for
    // parts merged across nodes and nodes the clip leaves still). For
    // SceneItemLook::placementTransforms; the caller wraps the time (clipTime).
    std::vector<glm::mat4> animatedPlacementTransforms(const AnimationClip& clip, float time) const;

    // Index of the top-level node called `name`, or -1.
    int32_t topNodeNamed(std::string_view name) const;
    // Model-space bounds of what top-level node `node` holds (empty if nothing).
    Aabb topNodeBounds(int32_t node) const;
    // Index of the first node called `name` (any depth), or -1.
    int32_t nodeNamed(std::string_view name) const;
    // True when `node` is `ancestor` or lies under it.
    bool nodeUnder(int32_t node, int32_t ancestor) const;
    // Model-space bounds of what node `node` and its descendants hold, from
    // placements that kept their node (mergeWithinNodes); empty if nothing.
    Aabb nodeBounds(int32_t node) const;
    // Bounds of the model placed by `placement`, part by part, as the
    // renderer computes them (so framing matches what is drawn).
    Aabb worldBounds(const glm::mat4& placement) const;
    // The same with each part moved by `partTransforms` (one per part, as
    // animatedPlacementTransforms gives; missing ones are identity).
    Aabb worldBounds(const glm::mat4& placement, const std::vector<glm::mat4>& partTransforms) const;
};

struct ModelLayout {
    std::vector<MeshData> meshes;  // every one has vertices and at least one triangle
    std::vector<MaterialData> materials;  // never empty: a default one stands in
    std::vector<TextureData> textures;
    std::vector<MeshPlacement> placements;
    ModelExtent extent;
    // Set when some meshes carry baked light (MeshData::bakedLight): the
    // sun it was baked for; the renderer uses it only under that sun.
    std::optional<glm::vec3> bakedSunDirection;
};

// Lays `model` out for drawing. Bad mesh or material indices (a corrupt
// cache) are skipped or replaced by the default material, never trusted.
ModelLayout layOutModel(ModelData model, const ModelLayoutDesc& desc = {});

}  // namespace engine
