#pragma once
// Levels of detail: coarser versions of a mesh, drawn when it is far enough
// that they differ from it by less than a pixel. On llvmpipe the slow views
// (the aerial end of the tour, the machines seen through the glass front)
// are bound by the number of triangles (docs/performance.md). No GL here.
//
// The levels are made by vertex clustering (meshoptimizer's sloppy
// simplifier) over the mesh's positions alone, so that flat-shaded parts,
// whose corners are split by normal, still simplify; each kept corner then
// takes the split vertex whose normal faces the triangle's way, so faces
// keep their shading. Textured meshes get none: a clustered corner could
// take another side's texture coordinates.
#include <cstddef>
#include <vector>

#include "scene/model.h"
#include "scene/model_layout.h"

namespace engine {

struct LodDesc {
    size_t minTriangles = 48;                       // smaller meshes are drawn whole
    std::vector<float> ratios{0.5f, 0.25f, 0.1f};   // of the full mesh's triangles, one level each
    float minGain = 0.8f;                           // a level keeps at most this much of the one before
};

// The coarser levels of `mesh` (its own vertices, new triangle lists),
// coarsest last; empty when it is too small to gain anything.
std::vector<MeshLod> buildLevelsOfDetail(const MeshData& mesh, const LodDesc& desc = {});

// Fills `lods` for every mesh of `layout` that is opaque, untextured and
// not lit by baked light (its triangles carry the light's edges).
void addLevelsOfDetail(ModelLayout& layout, const LodDesc& desc = {});

// Which level to draw: 0 the full mesh, k its lods[k - 1]. `errors` are the
// levels' MeshLod::error; `pixelsPerUnit` how many pixels one mesh unit
// covers where the mesh is nearest the eye. The coarsest level whose error
// stays within `maxPixels` (1 by default: no visible change).
size_t chooseLevelOfDetail(const std::vector<float>& errors, float pixelsPerUnit, float maxPixels = 1.0f);

}  // namespace engine
