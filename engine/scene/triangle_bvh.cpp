#include "scene/triangle_bvh.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "scene/model.h"
#include "scene/triangle_bvh_shared.h"

namespace engine {
using namespace bvh_detail;
namespace {

// Deep enough for any tree the build makes or a read one passes.
constexpr size_t kStackSize = 128;
static_assert(kStackSize > kMaxTreeDepth);

// Below this |determinant| the ray is taken as parallel to the triangle.
constexpr float kParallelDeterminant = 1e-14f;

// Möller–Trumbore. On a hit with t in (0, tMax], sets t and returns true.
inline bool intersectTriangle(const TriangleBvh::Packed& tri, const glm::vec3& origin, const glm::vec3& dir,
                              float tMax, float& t) {
    glm::vec3 p = glm::cross(dir, tri.edge2);
    float det = glm::dot(tri.edge1, p);
    if (std::abs(det) < kParallelDeterminant) return false;
    float invDet = 1.0f / det;
    glm::vec3 s = origin - tri.v0;
    float u = glm::dot(s, p) * invDet;
    if (u < -kBarycentricSlack || u > 1.0f + kBarycentricSlack) return false;
    glm::vec3 q = glm::cross(s, tri.edge1);
    float v = glm::dot(dir, q) * invDet;
    if (v < -kBarycentricSlack || u + v > 1.0f + kBarycentricSlack) return false;
    float hitT = glm::dot(tri.edge2, q) * invDet;
    if (!(hitT > 0.0f) || hitT > tMax) return false;
    t = hitT;
    return true;
}

// Entry distance of the ray into the node's box, or +inf when it misses the
// box within [0, tMax]. invDir never holds an infinity (see RayData), so no
// 0 * inf NaN can appear.
inline float boxEntry(const TriangleBvh::Node& node, const glm::vec3& origin, const glm::vec3& invDir, float tMax) {
    glm::vec3 t1 = (node.min - origin) * invDir;
    glm::vec3 t2 = (node.max - origin) * invDir;
    glm::vec3 tNear = glm::min(t1, t2);
    glm::vec3 tFar = glm::max(t1, t2);
    float enter = std::max(std::max(tNear.x, tNear.y), std::max(tNear.z, 0.0f));
    float exit = std::min(std::min(tFar.x, tFar.y), std::min(tFar.z, tMax));
    return enter <= exit ? enter : kInfinity;
}

inline float boxDistanceSq(const TriangleBvh::Node& node, const glm::vec3& p) {
    glm::vec3 d = glm::max(glm::max(node.min - p, p - node.max), glm::vec3(0.0f));
    return glm::dot(d, d);
}

inline bool boxesOverlap(const TriangleBvh::Node& node, const glm::vec3& min, const glm::vec3& max) {
    return node.min.x <= max.x && node.max.x >= min.x && node.min.y <= max.y && node.max.y >= min.y &&
           node.min.z <= max.z && node.max.z >= min.z;
}

// Nearest point of triangle abc to p, by the Voronoi region p falls in.
glm::vec3 closestOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f) return a;
    glm::vec3 bp = p - b;
    float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3) return b;
    float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return a + ab * (d1 / (d1 - d3));
    glm::vec3 cp = p - c;
    float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6) return c;
    float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return a + ac * (d2 / (d2 - d6));
    float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f)
        return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    float denom = 1.0f / (va + vb + vc);
    return a + ab * (vb * denom) + ac * (vc * denom);
}

// Closest points of segments [p1, q1] and [p2, q2]; returns the squared distance.
float closestSegmentSegment(const glm::vec3& p1, const glm::vec3& q1, const glm::vec3& p2, const glm::vec3& q2,
                            glm::vec3& c1, glm::vec3& c2) {
    constexpr float kTiny = 1e-12f;
    glm::vec3 d1 = q1 - p1, d2 = q2 - p2, r = p1 - p2;
    float a = glm::dot(d1, d1), e = glm::dot(d2, d2), f = glm::dot(d2, r);
    float s = 0.0f, t = 0.0f;
    if (a <= kTiny && e <= kTiny) {
        s = t = 0.0f;
    } else if (a <= kTiny) {
        t = std::clamp(f / e, 0.0f, 1.0f);
    } else {
        float c = glm::dot(d1, r);
        if (e <= kTiny) {
            s = std::clamp(-c / a, 0.0f, 1.0f);
        } else {
            float b = glm::dot(d1, d2);
            float denom = a * e - b * b;
            s = denom > kTiny * a * e ? std::clamp((b * f - c * e) / denom, 0.0f, 1.0f) : 0.0f;
            t = (b * s + f) / e;
            if (t < 0.0f) {
                t = 0.0f;
                s = std::clamp(-c / a, 0.0f, 1.0f);
            } else if (t > 1.0f) {
                t = 1.0f;
                s = std::clamp((b - c) / a, 0.0f, 1.0f);
            }
        }
    }
    c1 = p1 + d1 * s;
    c2 = p2 + d2 * t;
    glm::vec3 d = c1 - c2;
    return glm::dot(d, d);
}

// Closest points of segment [p, q] and a triangle; returns the squared distance.
float closestSegmentTriangle(const glm::vec3& p, const glm::vec3& q, const TriangleBvh::Packed& tri,
                             glm::vec3& onSegment, glm::vec3& onTriangle) {
    glm::vec3 dir = q - p;
    float t = 0.0f;
    // A segment through the triangle: distance 0 (the edge tests below
    // would miss a crossing of the interior).
    if (glm::dot(dir, dir) > 0.0f && intersectTriangle(tri, p, dir, 1.0f, t)) {
        onSegment = onTriangle = p + dir * t;
        return 0.0f;
    }
    glm::vec3 a = tri.v0, b = tri.v0 + tri.edge1, c = tri.v0 + tri.edge2;
    glm::vec3 bestSeg = p, bestTri = closestOnTriangle(p, a, b, c);
    float best = glm::dot(bestTri - p, bestTri - p);
    glm::vec3 onQ = closestOnTriangle(q, a, b, c);
    float dq = glm::dot(onQ - q, onQ - q);
    if (dq < best) best = dq, bestSeg = q, bestTri = onQ;
    const std::array<std::array<glm::vec3, 2>, 3> edges{{{a, b}, {b, c}, {c, a}}};
    for (const auto& edge : edges) {
        glm::vec3 cs, ce;
        float d = closestSegmentSegment(p, q, edge[0], edge[1], cs, ce);
        if (d < best) best = d, bestSeg = cs, bestTri = ce;
    }
    onSegment = bestSeg;
    onTriangle = bestTri;
    return best;
}

// Ray state shared by the traversals. Zero direction components become
// tiny ones for the slab test so that 1/d stays finite.
struct RayData {
    glm::vec3 origin;
    glm::vec3 dir;
    glm::vec3 invDir;

    RayData(const glm::vec3& o, const glm::vec3& d) : origin(o), dir(d) {
        for (int i = 0; i < 3; ++i) {
            float c = d[i];
            if (std::abs(c) < 1e-20f) c = std::copysign(1e-20f, c);
            invDir[i] = 1.0f / c;
        }
    }
};

struct StackEntry {
    uint32_t node;
    float key;  // entry distance (rays) or squared distance (points)
};

}  // namespace

bool ObjectFilter::ignore(uint32_t objectId) {
    if (objectId >= kMaxIgnorableId) return false;
    size_t word = objectId >> 6;
    if (word >= bits_.size()) bits_.resize(word + 1, 0);
    bits_[word] |= uint64_t(1) << (objectId & 63u);
    return true;
}

void ObjectFilter::allow(uint32_t objectId) {
    size_t word = objectId >> 6;
    if (word < bits_.size()) bits_[word] &= ~(uint64_t(1) << (objectId & 63u));
}

bool ObjectFilter::empty() const {
    return std::all_of(bits_.begin(), bits_.end(), [](uint64_t w) { return w == 0; });
}

size_t TriangleBvh::memoryBytes() const {
    return nodes_.capacity() * sizeof(Node) + triangles_.capacity() * sizeof(Packed) +
           sourceIndex_.capacity() * sizeof(uint32_t);
}

std::optional<RayHit> TriangleBvh::raycast(const Ray& ray, float maxDistance, const ObjectFilter& filter) const {
    if (nodes_.empty() || !finite(ray.origin) || !finite(ray.direction) || std::isnan(maxDistance)) return std::nullopt;
    float length = glm::length(ray.direction);
    if (!(length > 0.0f) || !std::isfinite(length)) return std::nullopt;
    RayData r(ray.origin, ray.direction / length);

    float bestT = maxDistance;
    uint32_t bestTri = UINT32_MAX;
    std::array<StackEntry, kStackSize> stack;
    size_t top = 0;
    uint32_t current = 0;
    if (boxEntry(nodes_[0], r.origin, r.invDir, bestT) == kInfinity) return std::nullopt;
    for (;;) {
        const Node& node = nodes_[current];
        if (node.count > 0) {
            for (uint32_t i = node.first, end = node.first + node.count; i < end; ++i) {
                const Packed& tri = triangles_[i];
                if (filter.ignores(tri.objectId)) continue;
                float t;
                if (!intersectTriangle(tri, r.origin, r.dir, bestT, t)) continue;
                // Equal distances (a ray through a shared edge) go to the
                // lowest input index, so the answer does not depend on the tree.
                if (bestTri == UINT32_MAX || t < bestT || sourceIndex_[i] < sourceIndex_[bestTri]) bestT = t, bestTri = i;
            }
        } else {
            float tLeft = boxEntry(nodes_[node.first], r.origin, r.invDir, bestT);
            float tRight = boxEntry(nodes_[node.first + 1], r.origin, r.invDir, bestT);
            if (tLeft != kInfinity || tRight != kInfinity) {
                uint32_t nearNode = node.first, farNode = node.first + 1;
                float nearT = tLeft, farT = tRight;
                if (tRight < tLeft) std::swap(nearNode, farNode), std::swap(nearT, farT);
                if (farT != kInfinity) stack[top++] = {farNode, farT};
                current = nearNode;
                continue;
            }
        }
        // Next node on the stack that may still hold a closer hit.
        bool found = false;
        while (top > 0) {
            StackEntry entry = stack[--top];
            if (entry.key <= bestT) {
                current = entry.node;
                found = true;
                break;
            }
        }
        if (!found) break;
    }
    if (bestTri == UINT32_MAX) return std::nullopt;

    const Packed& tri = triangles_[bestTri];
    RayHit hit;
    hit.distance = bestT;
    // The point from the barycentric coordinates, not origin + t * dir: it
    // lies on the triangle, so on a level floor its height is exactly the
    // floor's (walking on it then keeps a constant height).
    glm::vec3 p = glm::cross(r.dir, tri.edge2);
    float invDet = 1.0f / glm::dot(tri.edge1, p);
    glm::vec3 s = r.origin - tri.v0;
    float u = glm::dot(s, p) * invDet;
    float v = glm::dot(r.dir, glm::cross(s, tri.edge1)) * invDet;
    hit.point = tri.v0 + tri.edge1 * u + tri.edge2 * v;
    glm::vec3 normal = glm::normalize(glm::cross(tri.edge1, tri.edge2));
    hit.normal = glm::dot(normal, r.dir) > 0.0f ? -normal : normal;
    hit.triangleIndex = sourceIndex_[bestTri];
    hit.objectId = tri.objectId;
    return hit;
}

bool TriangleBvh::occluded(const glm::vec3& origin, const glm::vec3& target, const ObjectFilter& filter) const {
    if (nodes_.empty() || !finite(origin) || !finite(target)) return false;
    glm::vec3 delta = target - origin;
    float length = glm::length(delta);
    float reach = length - (1e-3f + 1e-4f * length);
    if (!(reach > 0.0f) || !std::isfinite(length)) return false;
    RayData r(origin, delta / length);

    std::array<uint32_t, kStackSize> stack;
    size_t top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
        if (boxEntry(node, r.origin, r.invDir, reach) == kInfinity) continue;
        if (node.count > 0) {
            for (uint32_t i = node.first, end = node.first + node.count; i < end; ++i) {
                const Packed& tri = triangles_[i];
                float t;
                if (!filter.ignores(tri.objectId) && intersectTriangle(tri, r.origin, r.dir, reach, t)) return true;
            }
        } else {
            stack[top++] = node.first + 1;
            stack[top++] = node.first;
        }
    }
    return false;
}

std::optional<ClosestPoint> TriangleBvh::closestPoint(const glm::vec3& point, float maxDistance,
                                                      const ObjectFilter& filter) const {
    if (nodes_.empty() || !finite(point) || !(maxDistance >= 0.0f)) return std::nullopt;
    float bestSq = std::isfinite(maxDistance) ? maxDistance * maxDistance : kInfinity;
    uint32_t bestTri = UINT32_MAX;
    glm::vec3 bestPoint(0.0f);

    std::array<StackEntry, kStackSize> stack;
    size_t top = 0;
    stack[top++] = {0, boxDistanceSq(nodes_[0], point)};
    while (top > 0) {
        StackEntry entry = stack[--top];
        if (entry.key > bestSq) continue;
        const Node& node = nodes_[entry.node];
        if (node.count > 0) {
            for (uint32_t i = node.first, end = node.first + node.count; i < end; ++i) {
                const Packed& tri = triangles_[i];
                if (filter.ignores(tri.objectId)) continue;
                glm::vec3 p = closestOnTriangle(point, tri.v0, tri.v0 + tri.edge1, tri.v0 + tri.edge2);
                float dSq = glm::dot(p - point, p - point);
                if (dSq < bestSq || (dSq == bestSq && bestTri != UINT32_MAX && sourceIndex_[i] < sourceIndex_[bestTri]))
                    bestSq = dSq, bestTri = i, bestPoint = p;
            }
        } else {
            float dLeft = boxDistanceSq(nodes_[node.first], point);
            float dRight = boxDistanceSq(nodes_[node.first + 1], point);
            // Farther child first on the stack, so the nearer one is popped next.
            if (dLeft < dRight) {
                if (dRight <= bestSq) stack[top++] = {node.first + 1, dRight};
                if (dLeft <= bestSq) stack[top++] = {node.first, dLeft};
            } else {
                if (dLeft <= bestSq) stack[top++] = {node.first, dLeft};
                if (dRight <= bestSq) stack[top++] = {node.first + 1, dRight};
            }
        }
    }
    if (bestTri == UINT32_MAX) return std::nullopt;
    return ClosestPoint{bestPoint, std::sqrt(bestSq), sourceIndex_[bestTri], triangles_[bestTri].objectId};
}

bool TriangleBvh::sphereOverlaps(const glm::vec3& center, float radius, const ObjectFilter& filter) const {
    if (nodes_.empty() || !finite(center) || !(radius > 0.0f) || !std::isfinite(radius)) return false;
    float radiusSq = radius * radius;
    std::array<uint32_t, kStackSize> stack;
    size_t top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
        if (boxDistanceSq(node, center) >= radiusSq) continue;
        if (node.count > 0) {
            for (uint32_t i = node.first, end = node.first + node.count; i < end; ++i) {
                const Packed& tri = triangles_[i];
                if (filter.ignores(tri.objectId)) continue;
                glm::vec3 p = closestOnTriangle(center, tri.v0, tri.v0 + tri.edge1, tri.v0 + tri.edge2);
                if (glm::dot(p - center, p - center) < radiusSq) return true;
            }
        } else {
            stack[top++] = node.first + 1;
            stack[top++] = node.first;
        }
    }
    return false;
}

size_t TriangleBvh::capsuleContacts(const glm::vec3& axisStart, const glm::vec3& axisEnd, float radius,
                                    std::vector<CapsuleContact>& out, const ObjectFilter& filter) const {
    if (nodes_.empty() || !finite(axisStart) || !finite(axisEnd) || !(radius > 0.0f) || !std::isfinite(radius))
        return 0;
    glm::vec3 queryMin = glm::min(axisStart, axisEnd) - glm::vec3(radius);
    glm::vec3 queryMax = glm::max(axisStart, axisEnd) + glm::vec3(radius);
    float radiusSq = radius * radius;
    size_t before = out.size();
    std::array<uint32_t, kStackSize> stack;
    size_t top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
        if (!boxesOverlap(node, queryMin, queryMax)) continue;
        if (node.count > 0) {
            for (uint32_t i = node.first, end = node.first + node.count; i < end; ++i) {
                const Packed& tri = triangles_[i];
                if (filter.ignores(tri.objectId)) continue;
                // Both ends farther than the radius from the triangle's
                // plane, on one side: no contact. Cheap, and it drops most
                // of a dense curved surface (the far side of a machine).
                glm::vec3 normal = glm::cross(tri.edge1, tri.edge2);
                float limit = radius * glm::length(normal);
                float startSide = glm::dot(normal, axisStart - tri.v0);
                float endSide = glm::dot(normal, axisEnd - tri.v0);
                if ((startSide > limit && endSide > limit) || (startSide < -limit && endSide < -limit)) continue;
                glm::vec3 onAxis, onTriangle;
                float dSq = closestSegmentTriangle(axisStart, axisEnd, tri, onAxis, onTriangle);
                if (dSq < radiusSq)
                    out.push_back({onTriangle, onAxis, std::sqrt(dSq), sourceIndex_[i], tri.objectId});
            }
        } else {
            stack[top++] = node.first + 1;
            stack[top++] = node.first;
        }
    }
    return out.size() - before;
}

std::optional<float> rayTriangleDistance(const glm::vec3& origin, const glm::vec3& unitDirection,
                                         const BvhTriangle& triangle, float maxDistance) {
    float t;
    if (intersectTriangle(pack(triangle), origin, unitDirection, maxDistance, t)) return t;
    return std::nullopt;
}

glm::vec3 closestPointOnTriangle(const glm::vec3& point, const BvhTriangle& triangle) {
    TriangleBvh::Packed tri = pack(triangle);
    return closestOnTriangle(point, tri.v0, tri.v0 + tri.edge1, tri.v0 + tri.edge2);
}

float segmentTriangleDistance(const glm::vec3& segmentStart, const glm::vec3& segmentEnd, const BvhTriangle& triangle,
                              glm::vec3* onSegment, glm::vec3* onTriangle) {
    glm::vec3 a, b;
    float dSq = closestSegmentTriangle(segmentStart, segmentEnd, pack(triangle), a, b);
    if (onSegment) *onSegment = a;
    if (onTriangle) *onTriangle = b;
    return std::sqrt(dSq);
}

size_t appendModelTriangles(const ModelData& model, const glm::mat4& placement,
                            const std::function<uint32_t(size_t nodeIndex)>& objectIdOfNode,
                            std::vector<BvhTriangle>& out) {
    std::vector<glm::mat4> world = model.worldTransforms();
    size_t before = out.size();
    // Room for the whole model at once (a building is 170,000 triangles:
    // growing by push_back faulted its pages in several times over), still
    // doubling when called model after model.
    size_t upTo = out.size();
    for (const NodeData& node : model.nodes)
        for (uint32_t meshIndex : node.meshes)
            if (meshIndex < model.meshes.size()) upTo += model.meshes[meshIndex].indices.size() / 3;
    if (upTo > out.capacity()) out.reserve(std::max(upTo, 2 * out.capacity()));
    std::vector<glm::vec3> placed;  // a mesh's vertices in the world, each transformed once
    for (size_t n = 0; n < model.nodes.size(); ++n) {
        const NodeData& node = model.nodes[n];
        if (node.meshes.empty()) continue;
        uint32_t objectId = objectIdOfNode ? objectIdOfNode(n) : 0;
        glm::mat4 toWorld = placement * world[n];
        for (uint32_t meshIndex : node.meshes) {
            if (meshIndex >= model.meshes.size()) continue;
            const MeshData& mesh = model.meshes[meshIndex];
            const size_t vertexCount = mesh.vertices.size();
            placed.resize(vertexCount);
            for (size_t v = 0; v < vertexCount; ++v) placed[v] = glm::vec3(toWorld * glm::vec4(mesh.vertices[v].position, 1.0f));
            for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
                uint32_t a = mesh.indices[i], b = mesh.indices[i + 1], c = mesh.indices[i + 2];
                if (a >= vertexCount || b >= vertexCount || c >= vertexCount) continue;
                out.push_back({placed[a], placed[b], placed[c], objectId});
            }
        }
    }
    return out.size() - before;
}

size_t appendModelTriangles(const ModelData& model, const glm::mat4& placement, uint32_t objectId,
                            std::vector<BvhTriangle>& out) {
    return appendModelTriangles(model, placement, [objectId](size_t) { return objectId; }, out);
}

}  // namespace engine
