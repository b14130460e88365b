#pragma once
// Geometry built in the tests: boxes made of triangles, a small building
// (floor, wall with a door, stairs to a mezzanine, a table, a glass pane),
// and a random generator that gives the same numbers on every platform
// (the standard distributions do not).
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "core/split_mix.h"
#include "scene/triangle_bvh.h"

namespace engine::test {

// The 12 triangles of the box [min, max], counter-clockwise seen from outside.
inline void addBox(std::vector<BvhTriangle>& out, glm::vec3 min, glm::vec3 max, uint32_t objectId) {
    auto corner = [&](int i) {
        return glm::vec3((i & 1) ? max.x : min.x, (i & 2) ? max.y : min.y, (i & 4) ? max.z : min.z);
    };
    // Each face as 4 corner indices in counter-clockwise order from outside.
    const int faces[6][4] = {{0, 4, 6, 2}, {1, 3, 7, 5}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 2, 3, 1}, {4, 5, 7, 6}};
    for (const auto& f : faces) {
        out.push_back({corner(f[0]), corner(f[1]), corner(f[2]), objectId});
        out.push_back({corner(f[0]), corner(f[2]), corner(f[3]), objectId});
    }
}

// Object ids of the test building.
enum TestObject : uint32_t {
    kFloor = 1,
    kWall = 2,
    kStairs = 3,
    kMezzanine = 4,
    kTable = 5,
    kGlass = 6,
};

// Sizes of the test building, in metres (+Y up, floor top at y = 0).
struct TestBuilding {
    static constexpr float kWallHalfThickness = 0.1f;  // the wall spans z in [-0.1, 0.1]
    static constexpr float kWallHeight = 3.0f;
    static constexpr float kDoorHalfWidth = 0.5f;      // door gap x in [-0.5, 0.5]
    static constexpr float kDoorHeight = 2.1f;
    static constexpr int kStepCount = 16;
    static constexpr float kRiser = 0.17f;
    static constexpr float kTread = 0.3f;
    static constexpr float kStairStartX = 3.0f;        // steps go up towards +x
    static constexpr float kStairMinZ = 3.0f;
    static constexpr float kStairMaxZ = 4.5f;
    static constexpr float kMezzanineMinX = kStairStartX + kStepCount * kTread;  // 7.8
    static constexpr float kMezzanineMaxX = 10.0f;
    static constexpr float kMezzanineMinZ = 1.0f;
    static constexpr float kMezzanineMaxZ = 6.0f;
    static constexpr float kTableTop = 0.75f;          // table x [-6, -4.5], z [4, 5]
};

// Floor slab 20 x 20 m; a wall along x at z = 0, 0.2 m thick, 3 m high, with
// a door gap 1 m wide and 2.1 m high at x = 0; in the south half (z > 0)
// 16 steps of 0.17 x 0.3 m up to a mezzanine at 2.72 m and a table 0.75 m
// high; in the north half a glass pane at z = -5.
inline std::vector<BvhTriangle> makeTestBuilding() {
    using B = TestBuilding;
    std::vector<BvhTriangle> tris;
    addBox(tris, {-10, -0.2f, -10}, {10, 0, 10}, kFloor);
    const float wz = B::kWallHalfThickness;
    addBox(tris, {-10, 0, -wz}, {-B::kDoorHalfWidth, B::kWallHeight, wz}, kWall);
    addBox(tris, {B::kDoorHalfWidth, 0, -wz}, {10, B::kWallHeight, wz}, kWall);
    addBox(tris, {-B::kDoorHalfWidth, B::kDoorHeight, -wz}, {B::kDoorHalfWidth, B::kWallHeight, wz}, kWall);
    for (int i = 0; i < B::kStepCount; ++i) {
        float x0 = B::kStairStartX + float(i) * B::kTread;
        addBox(tris, {x0, 0, B::kStairMinZ}, {x0 + B::kTread, float(i + 1) * B::kRiser, B::kStairMaxZ}, kStairs);
    }
    const float top = B::kStepCount * B::kRiser;
    addBox(tris, {B::kMezzanineMinX, top - 0.2f, B::kMezzanineMinZ}, {B::kMezzanineMaxX, top, B::kMezzanineMaxZ},
           kMezzanine);
    // Table: a top 3 cm thick on four legs 5 cm square.
    addBox(tris, {-6, 0.72f, 4}, {-4.5f, B::kTableTop, 5}, kTable);
    for (glm::vec2 leg : {glm::vec2(-6, 4), glm::vec2(-4.55f, 4), glm::vec2(-6, 4.95f), glm::vec2(-4.55f, 4.95f)})
        addBox(tris, {leg.x, 0, leg.y}, {leg.x + 0.05f, 0.72f, leg.y + 0.05f}, kTable);
    addBox(tris, {-2.5f, 0, -5.01f}, {2.5f, 2.5f, -4.99f}, kGlass);
    return tris;
}

// The same sequence everywhere.
using TestRandom = engine::SplitMix64;

// A random soup of `count` triangles with edges up to `maxSize` in the box
// [-extent, extent]^3; object ids 0..7.
inline std::vector<BvhTriangle> makeTriangleSoup(size_t count, float extent, float maxSize, uint64_t seed) {
    TestRandom random(seed);
    std::vector<BvhTriangle> tris;
    tris.reserve(count);
    while (tris.size() < count) {
        glm::vec3 center = random.inBox(glm::vec3(-extent), glm::vec3(extent));
        float size = random.uniform(0.05f, maxSize);
        BvhTriangle tri{center + random.direction() * size, center + random.direction() * size,
                        center + random.direction() * size, uint32_t(tris.size() % 8)};
        // Keep clear of slivers, which build() may drop as degenerate.
        if (glm::length(glm::cross(tri.v1 - tri.v0, tri.v2 - tri.v0)) < 0.01f * size * size) continue;
        tris.push_back(tri);
    }
    return tris;
}

}  // namespace engine::test
