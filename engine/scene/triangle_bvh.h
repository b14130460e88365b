#pragma once
// TriangleBvh: a bounding volume hierarchy over world-space triangles, for
// picking (closest ray hit), visibility (any hit) and walk collision
// (capsule and sphere contacts). It owns a copy of the triangles, so the
// caller may free the ModelData (e.g. after the GPU upload) and keep picking.
//
// Each triangle carries a caller-defined objectId (a node, a machine, a
// floor...). Hits report it, and an ObjectFilter makes queries ignore some
// ids (glass, hidden floors). The build is a binned SAH over a flattened
// array of 32-byte nodes; it never recurses, and its depth is bounded, so
// any input size is safe.
// Queries are const and keep no state: any number of threads may query one
// BVH at once.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "scene/bounds.h"

namespace engine {

struct ModelData;

// One input triangle, in world space.
struct BvhTriangle {
    glm::vec3 v0{0.0f};
    glm::vec3 v1{0.0f};
    glm::vec3 v2{0.0f};
    uint32_t objectId = 0;
};

struct Ray {
    glm::vec3 origin{0.0f};
    glm::vec3 direction{0.0f, 0.0f, -1.0f};  // any length but zero; queries normalise it
};

struct RayHit {
    float distance = 0.0f;          // along the normalised direction, in world units
    glm::vec3 point{0.0f};          // on the triangle; origin + direction * distance up to rounding
    glm::vec3 normal{0.0f, 1.0f, 0.0f};  // unit geometric normal, facing the ray's origin
    uint32_t triangleIndex = 0;     // position in the list given to build()
    uint32_t objectId = 0;
};

// The point of the BVH's triangles nearest to a query point.
struct ClosestPoint {
    glm::vec3 point{0.0f};
    float distance = 0.0f;
    uint32_t triangleIndex = 0;
    uint32_t objectId = 0;
};

// A triangle closer to a capsule's axis than its radius.
struct CapsuleContact {
    glm::vec3 pointOnTriangle{0.0f};
    glm::vec3 pointOnAxis{0.0f};  // closest point on the capsule's segment
    float distance = 0.0f;        // between the two points; 0 when the axis pierces the triangle
    uint32_t triangleIndex = 0;
    uint32_t objectId = 0;
};

// The set of objectIds a query ignores, as a bitset: one test per triangle
// in the inner loop, no call. Meant for small dense ids (node or instance
// indices); memory grows with the largest ignored id (one bit each).
class ObjectFilter {
public:
    // Ids from this one up cannot be ignored (keeps the bitset under 2 MiB).
    static constexpr uint32_t kMaxIgnorableId = 1u << 24;

    // Makes queries skip triangles with this id. Returns false (and ignores
    // nothing) when id >= kMaxIgnorableId.
    bool ignore(uint32_t objectId);
    // Makes queries see this id again; ids never ignored are a no-op.
    void allow(uint32_t objectId);
    // Makes queries see every id again.
    void clear() { bits_.clear(); }

    // True when queries skip this id (never for ids that were not ignored).
    bool ignores(uint32_t objectId) const {
        size_t word = objectId >> 6;
        return word < bits_.size() && ((bits_[word] >> (objectId & 63u)) & 1u) != 0;
    }
    // True when no id is ignored.
    bool empty() const;

private:
    std::vector<uint64_t> bits_;
};

struct TriangleBvhDesc {
    uint32_t maxLeafTriangles = 4;  // leaves hold at most this many; clamped to 1..8
    uint32_t binCount = 12;         // SAH bins along a node's longest axis; clamped to 4..32
};

class TriangleBvh {
public:
    // An empty BVH: every query misses.
    TriangleBvh() = default;

    // Builds over `triangles`. Triangles with a NaN or infinite coordinate
    // and degenerate ones (no area) are skipped, never reported; the others
    // keep their position in `triangles` as RayHit::triangleIndex. Never
    // fails; an empty or all-bad input gives an empty BVH.
    static TriangleBvh build(std::span<const BvhTriangle> triangles, const TriangleBvhDesc& desc = {});

    // Closest hit along the ray within (0, maxDistance], skipping ids the
    // filter ignores. Both faces of a triangle are hit, so a ray that starts
    // inside a closed box hits its inner side. nullopt on a miss, and for a
    // zero, NaN or infinite direction or origin, or a NaN maxDistance.
    std::optional<RayHit> raycast(const Ray& ray, float maxDistance, const ObjectFilter& filter = {}) const;

    // True when a triangle lies on the segment from `origin` to `target`;
    // stops at the first one found. Hits within 1 mm plus 1e-4 of the
    // distance of `target` do not count, so a point on a surface is not
    // hidden by that surface. False for NaN or infinite input.
    bool occluded(const glm::vec3& origin, const glm::vec3& target, const ObjectFilter& filter = {}) const;

    // The nearest point of any triangle within maxDistance of `point`, or
    // nullopt when there is none (or the input is not finite).
    std::optional<ClosestPoint> closestPoint(const glm::vec3& point, float maxDistance,
                                             const ObjectFilter& filter = {}) const;

    // True when some triangle comes closer than `radius` to `center`.
    bool sphereOverlaps(const glm::vec3& center, float radius, const ObjectFilter& filter = {}) const;

    // Appends to `out` one contact per triangle closer than `radius` to the
    // segment [axisStart, axisEnd] (a capsule; equal ends make a sphere).
    // Returns the number appended; 0 for non-finite input.
    size_t capsuleContacts(const glm::vec3& axisStart, const glm::vec3& axisEnd, float radius,
                           std::vector<CapsuleContact>& out, const ObjectFilter& filter = {}) const;

    size_t triangleCount() const { return triangles_.size(); }
    // Input triangles left out as degenerate or not finite.
    size_t skippedTriangleCount() const { return skipped_; }
    size_t nodeCount() const { return nodes_.size(); }
    // Levels from the root to the deepest leaf (1 for a single leaf).
    uint32_t depth() const { return depth_; }
    // Bounds of the triangles kept (empty for an empty BVH).
    const Aabb& bounds() const { return bounds_; }
    size_t memoryBytes() const;

    // Packed for traversal; exposed only so that tests can check the size.
    struct Node {
        glm::vec3 min;
        uint32_t first;   // leaf: first triangle; inner node: left child (the right one follows it)
        glm::vec3 max;
        uint32_t count;   // leaf: triangle count (> 0); inner node: 0
    };
    static_assert(sizeof(Node) == 32, "two nodes per 64-byte cache line");

    // Internal triangle form: Möller–Trumbore wants one vertex and two edges.
    struct Packed {
        glm::vec3 v0;
        glm::vec3 edge1;
        glm::vec3 edge2;
        uint32_t objectId;
    };

    // What a BVH is made of, as a file keeps it (scene/bvh_file.h).
    struct Parts {
        std::vector<Node> nodes;
        std::vector<Packed> triangles;       // in leaf order
        std::vector<uint32_t> sourceIndex;   // leaf order -> position in the build input
        Aabb bounds;
        uint64_t skipped = 0;
        uint32_t depth = 0;
    };
    Parts parts() const { return {nodes_, triangles_, sourceIndex_, bounds_, skipped_, depth_}; }
    // A BVH from parts read back, after checking that they make one tree the
    // queries can walk whatever the bytes (every child after its parent and
    // reached once, leaves within the triangles, depth within the queries'
    // stacks, source indices below `inputTriangles`). The error says what is wrong.
    static Result<TriangleBvh> fromParts(Parts parts, size_t inputTriangles);

private:
    std::vector<Node> nodes_;
    std::vector<Packed> triangles_;       // in leaf order
    std::vector<uint32_t> sourceIndex_;   // leaf order -> position in the build input
    Aabb bounds_;
    size_t skipped_ = 0;
    uint32_t depth_ = 0;
};

// The exact single-triangle tests the queries are made of, for brute-force
// checks and one-off picks. They give the BVH's answers bit for bit.

// Distance along `unitDirection` in (0, maxDistance] at which the ray hits
// either face of `triangle`, or nullopt (miss, parallel, degenerate).
std::optional<float> rayTriangleDistance(const glm::vec3& origin, const glm::vec3& unitDirection,
                                         const BvhTriangle& triangle, float maxDistance);
// Nearest point of `triangle` to `point`.
glm::vec3 closestPointOnTriangle(const glm::vec3& point, const BvhTriangle& triangle);
// Distance between segment [segmentStart, segmentEnd] and `triangle`;
// the closest points are written where asked (0 when the segment pierces it).
float segmentTriangleDistance(const glm::vec3& segmentStart, const glm::vec3& segmentEnd, const BvhTriangle& triangle,
                              glm::vec3* onSegment = nullptr, glm::vec3* onTriangle = nullptr);

// Appends the triangles of every mesh of every node of `model`, each under
// its node's world transform and then `placement`. `objectIdOfNode` gives
// the objectId of a node's triangles (node index in model.nodes); when empty,
// every triangle gets objectId 0. Triangles with a vertex index out of range
// and bad mesh indices on a node are skipped. Returns the number of
// triangles appended (build() may still drop degenerate ones).
size_t appendModelTriangles(const ModelData& model, const glm::mat4& placement,
                            const std::function<uint32_t(size_t nodeIndex)>& objectIdOfNode,
                            std::vector<BvhTriangle>& out);

// Same, with one objectId for the whole model.
size_t appendModelTriangles(const ModelData& model, const glm::mat4& placement, uint32_t objectId,
                            std::vector<BvhTriangle>& out);

}  // namespace engine
