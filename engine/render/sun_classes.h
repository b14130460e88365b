#pragma once
// Which triangles the sun's shadow map leaves fully lit or fully in shadow.
//
// Shading a pixel's shadow (a light-space transform, a slope bias and four
// filtered compares) is about a quarter of the opaque pass on llvmpipe, and
// most of the static building is either in the sun or under a roof. Once the
// map is drawn, each triangle's footprint in it is read: where every texel
// the filter can reach holds this surface or something behind it, the shader
// would find it lit; where every such texel holds something far enough in
// front (beyond any bias the shader applies), it would find it in shadow.
// Those triangles are then drawn with the answer given, the rest as before,
// so the picture is the shadow map's own.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

namespace engine {

// A shadow map read back: depth in 0-65535, rows bottom to top (GL order).
struct DepthMap16 {
    int size = 0;  // square
    std::vector<uint16_t> texels;
};

// What the shader's filter reaches and allows (shaders/pbr.frag,
// shaders/common.glsl): taps up to 1.4 texels from the pixel, each a 2x2
// bilinear compare, and a depth bias of at most 0.004.
struct SunFilterReach {
    float texels = 2.4f;
    float maxBias = 0.004f;
};

// `indices` reordered: lit triangles first, then shadowed, then those the
// shader must still look up.
struct SunSplit {
    std::vector<uint32_t> indices;
    size_t litIndexCount = 0;
    size_t shadowedIndexCount = 0;
};

// Classifies each triangle of a mesh placed by `world`, against `map` drawn
// with `lightViewProjection` (orthographic). Triangles outside the map, seen
// edge-on by the sun, or larger than `maxTexels` in the map stay "look up".
SunSplit classifySunlight(const std::vector<glm::vec3>& positions, const std::vector<uint32_t>& indices,
                          const glm::mat4& world, const glm::mat4& lightViewProjection, const DepthMap16& map,
                          const SunFilterReach& reach = {}, size_t maxTexels = 1u << 16);

}  // namespace engine
