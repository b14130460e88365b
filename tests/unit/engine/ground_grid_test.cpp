// The ground's grid: where a shadow of the scene can fall is in the part lit
// per pixel, the rest out to the horizon in the part lit per vertex, and
// the two together cover the square once, sharing their edges' vertices.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "render/ground_grid.h"

namespace engine {
namespace {

// The triangle of `indices` that covers (x, z), or -1.
int triangleAt(const GroundGrid& grid, const std::vector<uint32_t>& indices, float x, float z) {
    for (size_t t = 0; t + 2 < indices.size(); t += 3) {
        const glm::vec3 &a = grid.vertices[indices[t]], &b = grid.vertices[indices[t + 1]], &c = grid.vertices[indices[t + 2]];
        auto side = [&](const glm::vec3& p, const glm::vec3& q) { return (q.x - p.x) * (z - p.z) - (q.z - p.z) * (x - p.x); };
        const float s0 = side(a, b), s1 = side(b, c), s2 = side(c, a);
        if ((s0 >= 0 && s1 >= 0 && s2 >= 0) || (s0 <= 0 && s1 <= 0 && s2 <= 0)) return int(t / 3);
    }
    return -1;
}

double area(const GroundGrid& grid, const std::vector<uint32_t>& indices) {
    double sum = 0;
    for (size_t t = 0; t + 2 < indices.size(); t += 3) {
        const glm::vec3 &a = grid.vertices[indices[t]], &b = grid.vertices[indices[t + 1]], &c = grid.vertices[indices[t + 2]];
        sum += std::abs(double((b.x - a.x) * (c.z - a.z) - (c.x - a.x) * (b.z - a.z))) * 0.5;
    }
    return sum;
}

TEST(GroundGrid, ShadowsFallOnlyOnThePartLitPerPixel) {
    const Aabb scene{{-10, 0, -5}, {10, 12, 5}};
    const glm::vec3 sun = glm::normalize(glm::vec3(0.5f, 0.8f, 0.35f));
    const GroundGrid grid = makeGroundGrid(scene, sun);
    ASSERT_FALSE(grid.shadowed.empty());
    ASSERT_FALSE(grid.unshadowed.empty());
    // The top corners' shadows, under the scene, are in the shadowed part.
    for (glm::vec3 top : {glm::vec3(-10, 12, -5), glm::vec3(10, 12, 5), glm::vec3(-10, 12, 5), glm::vec3(10, 12, -5)}) {
        const glm::vec3 shadow = top - sun * ((top.y - grid.center.y) / sun.y);
        EXPECT_GE(triangleAt(grid, grid.shadowed, shadow.x, shadow.z), 0) << shadow.x << ", " << shadow.z;
        EXPECT_GE(triangleAt(grid, grid.shadowed, top.x, top.z), 0);
    }
    // Towards the sun, a few metres past the scene, no shadow can fall.
    EXPECT_LT(triangleAt(grid, grid.shadowed, 14.0f, 0.0f), 0);
    EXPECT_GE(triangleAt(grid, grid.unshadowed, 14.0f, 0.0f), 0);
    // Far out, the horizon part.
    EXPECT_GE(triangleAt(grid, grid.unshadowed, grid.center.x + grid.radius * 0.9f, grid.center.z - grid.radius * 0.9f), 0);
}

TEST(GroundGrid, ThePartsCoverTheSquareOnceAndShareTheirEdges) {
    const GroundGrid grid = makeGroundGrid(Aabb{{0, 1, 0}, {30, 9, 20}}, glm::normalize(glm::vec3(-0.2f, 0.6f, 0.4f)));
    const double side = 2.0 * double(grid.radius);
    EXPECT_NEAR(area(grid, grid.shadowed) + area(grid, grid.unshadowed), side * side, side * side * 1e-5);
    // Every vertex lies on the ground, below the scene.
    for (const glm::vec3& v : grid.vertices) EXPECT_FLOAT_EQ(v.y, grid.center.y);
    EXPECT_LT(grid.center.y, 1.0f);
    // No T-junction: each edge of the shadowed part is an edge of exactly
    // one other triangle, of either part, unless it lies on the square's rim.
    std::map<std::pair<uint32_t, uint32_t>, int> edges;
    for (const std::vector<uint32_t>* part : {&grid.shadowed, &grid.unshadowed})
        for (size_t t = 0; t + 2 < part->size(); t += 3)
            for (int e = 0; e < 3; ++e) {
                uint32_t a = (*part)[t + e], b = (*part)[t + (e + 1) % 3];
                ++edges[{std::min(a, b), std::max(a, b)}];
            }
    for (const auto& [edge, count] : edges) {
        const glm::vec3 &a = grid.vertices[edge.first], &b = grid.vertices[edge.second];
        auto onRim = [&](const glm::vec3& p) {
            return std::abs(std::abs(p.x - grid.center.x) - grid.radius) < 1e-3f ||
                   std::abs(std::abs(p.z - grid.center.z) - grid.radius) < 1e-3f;
        };
        const bool rim = onRim(a) && onRim(b) && (std::abs(a.x - b.x) < 1e-3f || std::abs(a.z - b.z) < 1e-3f);
        EXPECT_EQ(count, rim ? 1 : 2) << "edge " << edge.first << "-" << edge.second;
    }
}

TEST(GroundGrid, ASunAtTheHorizonShadowsTheWholeGround) {
    const GroundGrid grid = makeGroundGrid(Aabb{{-1, 0, -1}, {1, 2, 1}}, glm::vec3(1.0f, 0.02f, 0.0f));
    EXPECT_TRUE(grid.unshadowed.empty());
    EXPECT_GE(triangleAt(grid, grid.shadowed, grid.center.x + grid.radius * 0.95f, grid.center.z), 0);
}

TEST(GroundGrid, AnEmptySceneHasNoGround) {
    const GroundGrid grid = makeGroundGrid(Aabb{}, glm::vec3(0, 1, 0));
    EXPECT_TRUE(grid.vertices.empty());
    EXPECT_TRUE(grid.shadowed.empty());
}

}  // namespace
}  // namespace engine
