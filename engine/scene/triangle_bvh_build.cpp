// TriangleBvh: building the tree (binned SAH, the root's halves on two
// threads) and checking one read back from a file.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <thread>

#include "scene/triangle_bvh.h"
#include "scene/triangle_bvh_shared.h"

namespace engine {
using namespace bvh_detail;
namespace {

float halfArea(const glm::vec3& extent) { return extent.x * extent.y + extent.y * extent.z + extent.z * extent.x; }

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
        if (level[i] + 1u > kMaxTreeDepth) return makeError("deeper than the queries can walk");
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

}  // namespace engine
