#pragma once
// Light baked into the vertices of a model's still meshes: how much of the
// sun and of the sky each vertex sees, traced against a TriangleBvh of what
// casts shadows. On llvmpipe the per-pixel sun shadow and lighting are most
// of a frame (docs/performance.md); a baked mesh is lit per vertex from
// these two numbers, for little more than the cost of rasterising it.
//
// Big triangles are first cut down to `maxEdge`, then cut again where the
// light changes along an edge, down to `minEdge`, so shadow edges stay
// where they fall. An edge is cut the same way in every triangle that has
// it (found by position, across the model's meshes), so no crack opens
// between neighbours. A vertex covered by something right in front of it
// (no sky at all) takes its neighbours' light: no one sees it, and its
// own would darken the visible surface around. No GL here.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model_layout.h"
#include "scene/triangle_bvh.h"

namespace engine {

// Where the sun is unless told otherwise (towards it): the renderer's
// default lighting, and so the light baked for it.
inline const glm::vec3 kDefaultSunDirection = glm::normalize(glm::vec3(0.5f, 0.8f, 0.35f));

struct LightBakeDesc {
    glm::vec3 sunDirection = kDefaultSunDirection;  // towards the sun
    // Measured on the Twin building (docs/performance.md): finer cuts cost
    // more in triangles than they give back in shading.
    float maxEdge = 8.0f;        // world units: every triangle is first cut down to this
    float minEdge = 0.75f;       // where the light changes, cut down to this
    float lightStep = 0.4f;      // an edge whose ends see more than this apart is cut
    int sunRays = 4;             // around the sun's direction, for a soft edge
    float sunSpread = 0.012f;    // radians between them and the sun's centre
    int skyRays = 12;            // cosine-weighted over the hemisphere
    float skyDistance = 0.35f;   // occluders farther than this do not darken (corners, contacts)
    size_t maxTriangles = 700000;  // cutting stops here; a model already above it is not baked
};

// A mesh can be baked when nothing it is drawn with needs its UVs (no
// texture: the UVs carry the light) and it is lit from one side: opaque
// and one-sided, or glass (blended: what is seen through it matters more
// than the light on its far side). Not masked: cut-outs need a texture.
bool canBakeLight(const MaterialData& material);

// Appends the triangles of `layout` placed by `placement` that cast shadows
// (opaque materials, masked ones included as solid), for the occluder BVH.
void appendShadowCasters(const ModelLayout& layout, const glm::mat4& placement, std::vector<BvhTriangle>& out);

// The meshes bakeLight bakes, in its order: those whose material
// canBakeLight, placed once in the model, in a model without animation.
std::vector<uint32_t> bakeableMeshes(const ModelLayout& layout);

// The meshes placed more than once that bakeLight would bake if they were
// placed once (a building's chairs, desks and trees). One bake cannot hold
// each placement's light, and per-pixel shading would cost as much as the
// whole baked building (docs/performance.md), so these are lit per vertex,
// the sun's visibility read from the shadow map at each vertex: sets their
// MeshData::lightPerVertex. Returns how many.
size_t markLitPerVertex(ModelLayout& layout);

struct LightBakeStats {
    size_t meshes = 0;            // baked
    size_t trianglesBefore = 0;   // of those meshes
    size_t trianglesAfter = 0;
    size_t vertices = 0;
    size_t rays = 0;
};

// Bakes bakeableMeshes(layout), the model being placed in the world by `placement`: cuts
// them and writes into each vertex's uv (sun visibility 0-1, sky
// visibility 0-1), and sets MeshData::bakedLight. Uses every core but one
// caller thread's worth (the caller waits). Sets
// layout.bakedSunDirection when a mesh was baked.
LightBakeStats bakeLight(ModelLayout& layout, const glm::mat4& placement, const TriangleBvh& occluders,
                         const LightBakeDesc& desc);

}  // namespace engine
