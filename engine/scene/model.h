#pragma once
// ModelData: the engine's own CPU-side description of an imported model.
// Produced by the importer (engine/assets), stored in the binary model file
// (the import cache) and uploaded by the renderer. No GL here.
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "scene/animation.h"
#include "scene/bounds.h"

namespace engine {

struct Vertex {
    glm::vec3 position{0.0f};
    glm::vec3 normal{0.0f, 1.0f, 0.0f};
    glm::vec4 tangent{1.0f, 0.0f, 0.0f, 1.0f};  // xyz tangent, w handedness
    glm::vec2 uv{0.0f};
};
static_assert(sizeof(Vertex) == 48, "Vertex is written to disk as is");

// A coarser version of a mesh, for when it is seen from afar
// (scene/mesh_lod.h).
struct MeshLod {
    std::vector<uint32_t> indices;  // triangles over the mesh's own vertices
    float error = 0.0f;             // how far its surface may lie from the full mesh's, mesh units
};

// One triangle list with one material.
struct MeshData {
    std::string name;
    std::vector<Vertex> vertices;
    std::vector<uint32_t> indices;  // triangles, 3 per face
    uint32_t materialIndex = 0;
    Aabb bounds;                    // in mesh space
    // The vertices' uv hold baked light, not texture coordinates: x the
    // sun's visibility, y the sky's (see scene/light_bake.h). Only meshes
    // whose material has no texture are baked. Not stored in model files.
    bool bakedLight = false;
    // Lit per vertex from the live shadow map (scene/light_bake.h,
    // markLitPerVertex). Not stored in model files.
    bool lightPerVertex = false;
    // Coarser versions, each coarser than the one before (scene/mesh_lod.h);
    // none for small, textured or baked meshes. Not stored in model files.
    std::vector<MeshLod> lods;
};

enum class AlphaMode : uint8_t { Opaque = 0, Mask = 1, Blend = 2 };

// Decoded RGBA8 pixels with a full mip chain (level 0 first), so upload is a
// plain copy. `srgb` says how the colour channels are encoded.
struct TextureData {
    std::string name;  // file name or "embedded #N", for messages
    uint32_t width = 0;
    uint32_t height = 0;
    bool srgb = true;
    bool placeholder = false;            // true when the source could not be read
    std::vector<std::vector<uint8_t>> mips;  // each level: width*height*4 bytes
};

constexpr int32_t kNoTexture = -1;

// glTF metallic-roughness material; older formats are mapped onto it.
struct MaterialData {
    std::string name;
    glm::vec4 baseColorFactor{1.0f};
    float metallicFactor = 0.0f;
    float roughnessFactor = 0.6f;
    glm::vec3 emissiveFactor{0.0f};
    float normalScale = 1.0f;
    float occlusionStrength = 1.0f;
    float alphaCutoff = 0.5f;
    AlphaMode alphaMode = AlphaMode::Opaque;
    bool doubleSided = false;
    int32_t baseColorTexture = kNoTexture;          // sRGB
    int32_t metallicRoughnessTexture = kNoTexture;  // linear, G roughness, B metallic
    int32_t normalTexture = kNoTexture;             // linear, tangent space
    int32_t occlusionTexture = kNoTexture;          // linear, R
    int32_t emissiveTexture = kNoTexture;           // sRGB

    bool textured() const {
        return baseColorTexture != kNoTexture || metallicRoughnessTexture != kNoTexture ||
               normalTexture != kNoTexture || occlusionTexture != kNoTexture || emissiveTexture != kNoTexture;
    }
};

struct NodeData {
    std::string name;
    int32_t parent = -1;              // index into ModelData::nodes, parents come first
    glm::mat4 localTransform{1.0f};
    std::vector<uint32_t> meshes;     // indices into ModelData::meshes
};

struct ModelData {
    std::string sourceName;           // file the model came from, for messages
    std::vector<NodeData> nodes;      // nodes[0] is the root when not empty
    std::vector<MeshData> meshes;
    std::vector<MaterialData> materials;
    std::vector<TextureData> textures;
    std::vector<AnimationClip> animations;  // node animations; channels name indices into nodes
    std::vector<std::string> warnings;  // non-fatal problems met while importing

    size_t triangleCount() const;
    // World-space bounds of every mesh under its node transforms.
    Aabb computeBounds() const;
    // World transform of every node (parents are stored before children).
    std::vector<glm::mat4> worldTransforms() const;
};

}  // namespace engine
