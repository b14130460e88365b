#pragma once
// What the BVH's build (triangle_bvh_build.cpp) and its queries
// (triangle_bvh.cpp) must agree on. Private to those two files.
#include <cmath>
#include <limits>

#include "scene/triangle_bvh.h"

namespace engine::bvh_detail {

constexpr float kInfinity = std::numeric_limits<float>::infinity();

// Past this depth the build splits at the median, so the tree is at most
// kMaxSahDepth + 32 levels deep whatever SAH would choose; the traversal
// stacks (triangle_bvh.cpp) are sized for that.
constexpr uint32_t kMaxSahDepth = 64;
constexpr uint32_t kMaxTreeDepth = kMaxSahDepth + 32;

// Barycentric slack: a ray through the edge shared by two triangles hits at
// least one of them despite rounding (the poor man's watertightness).
constexpr float kBarycentricSlack = 1e-6f;

inline bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

inline TriangleBvh::Packed pack(const BvhTriangle& tri) { return {tri.v0, tri.v1 - tri.v0, tri.v2 - tri.v0, tri.objectId}; }

}  // namespace engine::bvh_detail
