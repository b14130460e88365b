#include "scene/triangle_bvh.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <thread>

#include "scene/model.h"

namespace engine {
namespace {

constexpr float kInfinity = std::numeric_limits<float>::infinity();

// Past this depth the build splits at the median, so the tree is at most
// kMaxSahDepth + 32 levels deep whatever SAH would choose; the traversal
// stacks below are sized for that.
constexpr uint32_t kMaxSahDepth = 64;
constexpr size_t kStackSize = 128;

// Barycentric slack: a ray through the edge shared by two triangles hits at
// least one of them despite rounding (the poor man's watertightness).
constexpr float kBarycentricSlack = 1e-6f;
// Below this |determinant| the ray is taken as parallel to the triangle.
constexpr float kParallelDeterminant = 1e-14f;

bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

TriangleBvh::Packed pack(const BvhTriangle& tri) { return {tri.v0, tri.v1 - tri.v0, tri.v2 - tri.v0, tri.objectId}; }

float halfArea(const glm::vec3& extent) { return extent.x * extent.y + extent.y * extent.z + extent.z * extent.x; }

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

// Binned SAH build. The primitives themselves (32 bytes each) are
// partitioned in place, so every pass over a node's range reads memory in
// order; the bounds of both children come out of the partition pass. An
// explicit task list replaces recursion.
class Builder {
public:
    struct Prim {
        glm::vec3 min;
        uint32_t source;  // position in the build input
        glm::vec3 max;
        uint32_t unused = 0;
        // Twice the centroid: the factor 1/2 cancels out of every binning.
        glm::vec3 centroid2() const { return min + max; }
    };

    struct Box {
        glm::vec3 min{kInfinity}, max{-kInfinity};
        void grow(const glm::vec3& lo, const glm::vec3& hi) {
            min = glm::min(min, lo);
            max = glm::max(max, hi);
        }
        void grow(const glm::vec3& p) { grow(p, p); }
    };

    Builder(std::vector<Prim>& prims, const TriangleBvhDesc& desc)
        : prims_(prims),
          maxLeaf_(std::clamp<uint32_t>(desc.maxLeafTriangles, 1, 8)),
          binCount_(std::clamp<uint32_t>(desc.binCount, 4, kMaxBins)) {}

    // Fills `nodes` and leaves the prims in leaf order; returns the depth.
    uint32_t run(std::vector<TriangleBvh::Node>& nodes) {
        nodes.clear();
        if (prims_.empty()) return 0;
        Task root{0, 0, uint32_t(prims_.size()), 1, {}, {}};
        for (const Prim& prim : prims_) {
            root.box.grow(prim.min, prim.max);
            root.centroids.grow(prim.centroid2());
        }
#ifndef __EMSCRIPTEN__  // no threads in the browser build
        Task left, right;
        if (prims_.size() >= kTwoThreadPrims && split(root, left, right)) return runHalves(root, left, right, nodes);
#endif
        return runFrom(root, nodes);
    }

private:
    static constexpr uint32_t kMaxBins = 32;

    struct Task {
        uint32_t node, begin, end, depth;
        Box box;        // of the triangles
        Box centroids;  // of the doubled centroids
    };

    struct Bin {
        Box box;
        uint32_t count = 0;
    };

    // From this many triangles the root's two halves are built on two
    // threads (a building: 200,000 triangles, 69 ms on one). Below, a
    // thread costs more than it saves.
    static constexpr size_t kTwoThreadPrims = 16384;

    // Builds the subtree of `top` into `nodes`, its root at nodes.size();
    // children are numbered within `nodes`. Returns the deepest level.
    uint32_t runFrom(Task top, std::vector<TriangleBvh::Node>& nodes) {
        nodes.reserve(nodes.size() + (top.end - top.begin));
        top.node = uint32_t(nodes.size());
        nodes.push_back({});
        std::vector<Task> tasks{top};
        uint32_t maxDepth = 0;
        while (!tasks.empty()) {
            Task task = tasks.back();
            tasks.pop_back();
            maxDepth = std::max(maxDepth, task.depth);
            TriangleBvh::Node& node = nodes[task.node];
            node.min = task.box.min;
            node.max = task.box.max;
            node.first = task.begin;
            node.count = task.end - task.begin;
            Task left, right;
            if (!split(task, left, right)) continue;  // stays a leaf
            uint32_t child = uint32_t(nodes.size());
            nodes[task.node].first = child;
            nodes[task.node].count = 0;
            nodes.push_back({});
            nodes.push_back({});
            left.node = child;
            right.node = child + 1;
            // Right first so the left subtree is built (and laid out) next.
            tasks.push_back(right);
            tasks.push_back(left);
        }
        return maxDepth;
    }

    // The root split, then each half on its own thread (their triangles are
    // disjoint ranges of prims_), then both appended after the root and its
    // two children, with their children's numbers moved to match. The tree
    // is the one a single thread builds; only the nodes' order differs.
    uint32_t runHalves(const Task& root, const Task& left, const Task& right, std::vector<TriangleBvh::Node>& nodes) {
        std::vector<TriangleBvh::Node> leftNodes, rightNodes;
        uint32_t rightDepth = 0;
        std::thread other([&] { rightDepth = runFrom(right, rightNodes); });
        const uint32_t leftDepth = runFrom(left, leftNodes);
        other.join();
        // Global places: 0 the root, 1 and 2 its children, then the rest of
        // the left subtree, then the rest of the right one.
        const uint32_t leftRest = 3, rightRest = 3 + uint32_t(leftNodes.size()) - 1;
        auto place = [](uint32_t local, uint32_t rootPlace, uint32_t rest) {
            return local == 0 ? rootPlace : rest + local - 1;
        };
        nodes.resize(size_t(rightRest) + rightNodes.size() - 1);
        nodes[0].min = root.box.min;
        nodes[0].max = root.box.max;
        nodes[0].first = 1;
        nodes[0].count = 0;
        auto copy = [&](const std::vector<TriangleBvh::Node>& half, uint32_t rootPlace, uint32_t rest) {
            for (uint32_t i = 0; i < half.size(); ++i) {
                TriangleBvh::Node node = half[i];
                if (node.count == 0) node.first = place(node.first, rootPlace, rest);  // inner: its left child
                nodes[place(i, rootPlace, rest)] = node;
            }
        };
        copy(leftNodes, 1, leftRest);
        copy(rightNodes, 2, rightRest);
        return std::max(leftDepth, rightDepth);
    }

    // Splits a task in two, or returns false to keep it a leaf.
    bool split(const Task& task, Task& left, Task& right) {
        const uint32_t count = task.end - task.begin;
        // Small enough: a leaf, without asking SAH. Splitting down to one
        // or two triangles made 50% more nodes and a slower build for rays
        // no faster.
        if (count <= maxLeaf_) return false;
        const glm::vec3 cMin = task.centroids.min;
        const glm::vec3 extent = task.centroids.max - cMin;
        const int longest = extent.x >= extent.y && extent.x >= extent.z ? 0 : (extent.y >= extent.z ? 1 : 2);
        if (extent[longest] <= 0.0f) {
            // Every centroid in one point: no plane separates them.
            partitionAt(task, task.begin + count / 2, left, right);
            return true;
        }
        if (task.depth >= kMaxSahDepth) {
            medianSplit(task, longest, left, right);
            return true;
        }

        // Bin along the longest axis of the centroids only (Wald 2007): a
        // third of the work of binning all three, for rays about 5% slower.
        // Small nodes get fewer bins, as empty bins would cost more than the
        // triangles there.
        const int axis = longest;
        const uint32_t binCount = std::min(binCount_, std::max(count, 4u));
        const float lo = cMin[axis];
        const float scale = float(binCount) / extent[axis];
        std::array<Bin, kMaxBins> bins;
        std::fill_n(bins.begin(), binCount, Bin{});
        for (uint32_t i = task.begin; i < task.end; ++i) {
            const Prim& prim = prims_[i];
            Bin& bin = bins[binOf(prim.centroid2()[axis], lo, scale, binCount)];
            bin.box.grow(prim.min, prim.max);
            ++bin.count;
        }

        // Sweeps: rightCost[b] is the cost of bins [b, binCount) as one child.
        std::array<float, kMaxBins> rightCost{};
        Box rightBox;
        uint32_t rightCount = 0;
        for (uint32_t b = binCount - 1; b > 0; --b) {
            rightBox.grow(bins[b].box.min, bins[b].box.max);
            rightCount += bins[b].count;
            rightCost[b] = rightCount ? halfArea(rightBox.max - rightBox.min) * float(rightCount) : 0.0f;
        }
        float bestCost = kInfinity;
        uint32_t bestBin = 0;
        Box leftBox;
        uint32_t leftCount = 0;
        for (uint32_t b = 1; b < binCount; ++b) {
            leftBox.grow(bins[b - 1].box.min, bins[b - 1].box.max);
            leftCount += bins[b - 1].count;
            if (leftCount == 0 || leftCount == count) continue;
            float cost = halfArea(leftBox.max - leftBox.min) * float(leftCount) + rightCost[b];
            if (cost < bestCost) bestCost = cost, bestBin = b;
        }
        if (bestBin == 0) {
            // Everything fell in one bin (centroids bunched at one end).
            medianSplit(task, longest, left, right);
            return true;
        }

        // Hoare partition by bin, growing both children's bounds on the way.
        auto goesLeft = [&](const Prim& prim) { return binOf(prim.centroid2()[axis], lo, scale, binCount) < bestBin; };
        uint32_t i = task.begin, j = task.end;
        left = right = Task{0, 0, 0, task.depth + 1, {}, {}};
        while (i < j) {
            if (goesLeft(prims_[i])) {
                left.box.grow(prims_[i].min, prims_[i].max);
                left.centroids.grow(prims_[i].centroid2());
                ++i;
            } else {
                --j;
                right.box.grow(prims_[i].min, prims_[i].max);
                right.centroids.grow(prims_[i].centroid2());
                std::swap(prims_[i], prims_[j]);
            }
        }
        // Cannot happen (the same binOf counted both sides), but an empty
        // child must never come out of a split.
        if (i == task.begin || i == task.end) {
            medianSplit(task, longest, left, right);
            return true;
        }
        left.begin = task.begin, left.end = i;
        right.begin = i, right.end = task.end;
        return true;
    }

    static uint32_t binOf(float c, float lo, float scale, uint32_t binCount) {
        int bin = int((c - lo) * scale);
        return uint32_t(std::clamp(bin, 0, int(binCount) - 1));
    }

    void medianSplit(const Task& task, int axis, Task& left, Task& right) {
        uint32_t mid = task.begin + (task.end - task.begin) / 2;
        std::nth_element(prims_.begin() + task.begin, prims_.begin() + mid, prims_.begin() + task.end,
                         [&](const Prim& a, const Prim& b) { return a.centroid2()[axis] < b.centroid2()[axis]; });
        partitionAt(task, mid, left, right);
    }

    // Children [begin, mid) and [mid, end), with their bounds.
    void partitionAt(const Task& task, uint32_t mid, Task& left, Task& right) {
        left = Task{0, task.begin, mid, task.depth + 1, {}, {}};
        right = Task{0, mid, task.end, task.depth + 1, {}, {}};
        for (uint32_t i = task.begin; i < task.end; ++i) {
            Task& side = i < mid ? left : right;
            side.box.grow(prims_[i].min, prims_[i].max);
            side.centroids.grow(prims_[i].centroid2());
        }
    }

    std::vector<Prim>& prims_;
    uint32_t maxLeaf_;
    uint32_t binCount_;
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

TriangleBvh TriangleBvh::build(std::span<const BvhTriangle> input, const TriangleBvhDesc& desc) {
    TriangleBvh bvh;
    std::vector<Builder::Prim> prims;
    prims.reserve(input.size());
    for (size_t i = 0; i < input.size() && i < std::numeric_limits<uint32_t>::max(); ++i) {
        const BvhTriangle& tri = input[i];
        if (!finite(tri.v0) || !finite(tri.v1) || !finite(tri.v2)) continue;
        glm::vec3 e1 = tri.v1 - tri.v0, e2 = tri.v2 - tri.v0, e3 = tri.v2 - tri.v1;
        // Degenerate: its height is under 1e-7 of its longest edge (a line
        // or a point). Relative, so millimetre parts of a model survive.
        float longestSq = std::max({glm::dot(e1, e1), glm::dot(e2, e2), glm::dot(e3, e3)});
        float twiceArea = glm::length(glm::cross(e1, e2));
        if (!(twiceArea > 1e-7f * longestSq) || !std::isfinite(twiceArea)) continue;
        Builder::Prim prim;
        prim.min = glm::min(tri.v0, glm::min(tri.v1, tri.v2));
        prim.max = glm::max(tri.v0, glm::max(tri.v1, tri.v2));
        prim.source = uint32_t(i);
        bvh.bounds_.expand(prim.min);
        bvh.bounds_.expand(prim.max);
        // Pad the box by more than the barycentric slack and the rounding of
        // the slab test, so a ray the triangle test accepts is never culled
        // by a box (the BVH then answers exactly as a loop over all triangles).
        glm::vec3 magnitude = glm::max(glm::abs(prim.min), glm::abs(prim.max));
        float pad = 4.0f * kBarycentricSlack * std::sqrt(longestSq) +
                    1e-6f * std::max({magnitude.x, magnitude.y, magnitude.z});
        prim.min -= glm::vec3(pad);
        prim.max += glm::vec3(pad);
        prims.push_back(prim);
    }
    bvh.skipped_ = input.size() - prims.size();

    Builder builder(prims, desc);
    bvh.depth_ = builder.run(bvh.nodes_);
    bvh.nodes_.shrink_to_fit();

    bvh.triangles_.resize(prims.size());
    bvh.sourceIndex_.resize(prims.size());
    for (size_t i = 0; i < prims.size(); ++i) {
        bvh.triangles_[i] = pack(input[prims[i].source]);
        bvh.sourceIndex_[i] = prims[i].source;
    }
    return bvh;
}

Result<TriangleBvh> TriangleBvh::fromParts(Parts parts, size_t inputTriangles) {
    const size_t nodeCount = parts.nodes.size(), triangleCount = parts.triangles.size();
    if (parts.sourceIndex.size() != triangleCount) return makeError("one source index per triangle expected");
    if (triangleCount + parts.skipped != inputTriangles)
        return makeError("built from " + std::to_string(triangleCount + parts.skipped) + " triangles, not " +
                         std::to_string(inputTriangles));
    for (uint32_t source : parts.sourceIndex)
        if (source >= inputTriangles) return makeError("a source index past the input");
    if (!finite(parts.bounds.min) || !finite(parts.bounds.max)) return makeError("bounds not finite");
    if (nodeCount == 0) {
        if (triangleCount != 0 || parts.depth != 0) return makeError("triangles without nodes");
        return TriangleBvh{};
    }
    // Children come after their parent, so one pass in order gives every
    // node its level; a node reached twice or never is not a tree.
    std::vector<uint8_t> level(nodeCount, 0);
    level[0] = 1;
    uint32_t deepest = 0;
    for (size_t i = 0; i < nodeCount; ++i) {
        const Node& node = parts.nodes[i];
        if (level[i] == 0) return makeError("node " + std::to_string(i) + " is reached by no parent");
        if (!finite(node.min) || !finite(node.max)) return makeError("node " + std::to_string(i) + " has no finite box");
        deepest = std::max<uint32_t>(deepest, level[i]);
        if (node.count > 0) {
            if (node.count > 8 || uint64_t(node.first) + node.count > triangleCount)
                return makeError("leaf " + std::to_string(i) + " lies outside the triangles");
            continue;
        }
        const uint64_t child = node.first;
        if (child <= i || child + 1 >= nodeCount || level[child] != 0 || level[child + 1] != 0)
            return makeError("node " + std::to_string(i) + " has children out of order or shared");
        if (level[i] + 1u > kMaxSahDepth + 32) return makeError("deeper than the queries can walk");
        level[child] = level[child + 1] = uint8_t(level[i] + 1);
    }
    if (deepest != parts.depth) return makeError("depth " + std::to_string(parts.depth) + " does not match its nodes");
    for (const Packed& t : parts.triangles)
        if (!finite(t.v0) || !finite(t.edge1) || !finite(t.edge2)) return makeError("a triangle is not finite");
    TriangleBvh bvh;
    bvh.nodes_ = std::move(parts.nodes);
    bvh.triangles_ = std::move(parts.triangles);
    bvh.sourceIndex_ = std::move(parts.sourceIndex);
    bvh.bounds_ = parts.bounds;
    bvh.skipped_ = size_t(parts.skipped);
    bvh.depth_ = deepest;
    return bvh;
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
