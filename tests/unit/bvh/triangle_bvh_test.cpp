#include "scene/triangle_bvh.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/model.h"
#include "test_geometry.h"

namespace engine {
namespace {

using test::TestBuilding;
using test::TestRandom;

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

void expectVecNear(glm::vec3 actual, glm::vec3 expected, float tolerance = 1e-5f) {
    EXPECT_NEAR(actual.x, expected.x, tolerance);
    EXPECT_NEAR(actual.y, expected.y, tolerance);
    EXPECT_NEAR(actual.z, expected.z, tolerance);
}

class TriangleBvhBuilding : public ::testing::Test {
protected:
    std::vector<BvhTriangle> tris_ = test::makeTestBuilding();
    TriangleBvh bvh_ = TriangleBvh::build(tris_);
};

TEST(TriangleBvh, NodesArePacked) { EXPECT_EQ(sizeof(TriangleBvh::Node), 32u); }

TEST_F(TriangleBvhBuilding, KeepsEveryTriangleAndItsBounds) {
    EXPECT_EQ(bvh_.triangleCount(), tris_.size());
    EXPECT_EQ(bvh_.skippedTriangleCount(), 0u);
    expectVecNear(bvh_.bounds().min, {-10, -0.2f, -10});
    expectVecNear(bvh_.bounds().max, {10, 3, 10});
}

TEST_F(TriangleBvhBuilding, RayDownHitsTheFloorTop) {
    std::optional<RayHit> hit = bvh_.raycast({{-3, 5, 2}, {0, -1, 0}}, kInf);
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->distance, 5.0f, 1e-5f);
    expectVecNear(hit->point, {-3, 0, 2});
    expectVecNear(hit->normal, {0, 1, 0});
    EXPECT_EQ(hit->objectId, test::kFloor);
}

TEST_F(TriangleBvhBuilding, HitsBothFacesOfTheWallWithNormalsFacingTheRay) {
    std::optional<RayHit> south = bvh_.raycast({{2, 1, 5}, {0, 0, -1}}, kInf);
    ASSERT_TRUE(south);
    EXPECT_NEAR(south->distance, 4.9f, 1e-5f);
    expectVecNear(south->normal, {0, 0, 1});
    EXPECT_EQ(south->objectId, test::kWall);

    std::optional<RayHit> north = bvh_.raycast({{2, 1, -3}, {0, 0, 1}}, kInf);
    ASSERT_TRUE(north);
    EXPECT_NEAR(north->distance, 2.9f, 1e-5f);
    expectVecNear(north->normal, {0, 0, -1});
    EXPECT_EQ(north->objectId, test::kWall);
}

TEST_F(TriangleBvhBuilding, DirectionNeedNotBeUnitLength) {
    std::optional<RayHit> hit = bvh_.raycast({{2, 1, 5}, {0, 0, -7}}, kInf);
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->distance, 4.9f, 1e-5f);
    // A slanted ray: 3-4-5 triangle down to the floor.
    hit = bvh_.raycast({{-3, 4, 2}, {0.3f, -0.4f, 0}}, kInf);
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->distance, 5.0f, 1e-5f);
    expectVecNear(hit->point, {0, 0, 2});
}

TEST_F(TriangleBvhBuilding, ReportsTheInputTriangle) {
    std::optional<RayHit> hit = bvh_.raycast({{-5.2f, 2, 4.5f}, {0, -1, 0}}, kInf);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->objectId, test::kTable);
    EXPECT_NEAR(hit->distance, 2.0f - TestBuilding::kTableTop, 1e-5f);
    ASSERT_LT(hit->triangleIndex, tris_.size());
    const BvhTriangle& tri = tris_[hit->triangleIndex];
    EXPECT_EQ(tri.objectId, test::kTable);
    // The reported triangle is the one under the point: the ray hits it alone.
    EXPECT_TRUE(rayTriangleDistance({-5.2f, 2, 4.5f}, {0, -1, 0}, tri, kInf));
    EXPECT_NEAR(tri.v0.y, TestBuilding::kTableTop, 1e-6f);
}

TEST_F(TriangleBvhBuilding, UpwardRayUnderTheLintelSeesItsUnderside) {
    std::optional<RayHit> hit = bvh_.raycast({{0, 1, 0}, {0, 1, 0}}, kInf);
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->distance, TestBuilding::kDoorHeight - 1.0f, 1e-5f);
    expectVecNear(hit->normal, {0, -1, 0});
    EXPECT_EQ(hit->objectId, test::kWall);
}

TEST_F(TriangleBvhBuilding, FilterIgnoresObjects) {
    Ray ray{{2, 1, -8}, {0, 0, 1}};
    std::optional<RayHit> hit = bvh_.raycast(ray, kInf);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->objectId, test::kGlass);
    EXPECT_NEAR(hit->distance, 2.99f, 1e-5f);

    ObjectFilter noGlass;
    EXPECT_TRUE(noGlass.empty());
    EXPECT_TRUE(noGlass.ignore(test::kGlass));
    EXPECT_FALSE(noGlass.empty());
    hit = bvh_.raycast(ray, kInf, noGlass);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->objectId, test::kWall);
    EXPECT_NEAR(hit->distance, 7.9f, 1e-5f);

    ObjectFilter nothingInTheWay = noGlass;
    nothingInTheWay.ignore(test::kWall);
    EXPECT_FALSE(bvh_.raycast(ray, kInf, nothingInTheWay));

    nothingInTheWay.allow(test::kGlass);
    hit = bvh_.raycast(ray, kInf, nothingInTheWay);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->objectId, test::kGlass);
}

TEST(ObjectFilter, RefusesHugeIdsAndAcceptsUnknownOnes) {
    ObjectFilter filter;
    EXPECT_FALSE(filter.ignore(ObjectFilter::kMaxIgnorableId));
    EXPECT_FALSE(filter.ignores(ObjectFilter::kMaxIgnorableId));
    EXPECT_TRUE(filter.ignore(ObjectFilter::kMaxIgnorableId - 1));
    EXPECT_TRUE(filter.ignores(ObjectFilter::kMaxIgnorableId - 1));
    EXPECT_FALSE(filter.ignores(0xFFFFFFFFu));
    EXPECT_FALSE(filter.ignores(63));
    filter.allow(0xFFFFFFFFu);  // never ignored: no effect
    filter.clear();
    EXPECT_TRUE(filter.empty());
}

TEST_F(TriangleBvhBuilding, MissesGiveNullopt) {
    EXPECT_FALSE(bvh_.raycast({{5, 1, -5}, {0, 1, 0}}, kInf));        // nothing above
    EXPECT_FALSE(bvh_.raycast({{-3, 5, 2}, {0, -1, 0}}, 4.99f));      // floor just out of reach
    EXPECT_TRUE(bvh_.raycast({{-3, 5, 2}, {0, -1, 0}}, 5.01f));
    EXPECT_FALSE(bvh_.raycast({{50, 1, 50}, {1, 0, 0}}, kInf));       // outside, pointing away
    EXPECT_FALSE(bvh_.raycast({{-3, 5, 2}, {0, -1, 0}}, 0.0f));
    EXPECT_FALSE(bvh_.raycast({{-3, 5, 2}, {0, -1, 0}}, -1.0f));
}

TEST_F(TriangleBvhBuilding, RayStartingInsideABoxHitsItsInnerFace) {
    // Inside the wall, 0.1 m from its south face.
    std::optional<RayHit> hit = bvh_.raycast({{5, 1, 0}, {0, 0, 1}}, kInf);
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->distance, 0.1f, 1e-5f);
    expectVecNear(hit->normal, {0, 0, -1});  // facing back towards the origin
    EXPECT_EQ(hit->objectId, test::kWall);
    // Inside the floor slab, looking down at its underside.
    hit = bvh_.raycast({{5, -0.05f, -5}, {0, -1, 0}}, kInf);
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->distance, 0.15f, 1e-5f);
    expectVecNear(hit->normal, {0, 1, 0});
}

TEST_F(TriangleBvhBuilding, BadRaysMiss) {
    EXPECT_FALSE(bvh_.raycast({{0, 1, 5}, {0, 0, 0}}, kInf));
    EXPECT_FALSE(bvh_.raycast({{0, 1, 5}, {kNaN, 0, -1}}, kInf));
    EXPECT_FALSE(bvh_.raycast({{kNaN, 1, 5}, {0, 0, -1}}, kInf));
    EXPECT_FALSE(bvh_.raycast({{kInf, 1, 5}, {0, 0, -1}}, kInf));
    EXPECT_FALSE(bvh_.raycast({{0, 1, 5}, {0, 0, -kInf}}, kInf));
    EXPECT_FALSE(bvh_.raycast({{0, 1, 5}, {0, 0, -1}}, kNaN));
    EXPECT_FALSE(bvh_.occluded({kNaN, 1, 5}, {0, 1, -5}));
    EXPECT_FALSE(bvh_.closestPoint({kNaN, 0, 0}, 1.0f));
    EXPECT_FALSE(bvh_.sphereOverlaps({0, kInf, 0}, 1.0f));
    std::vector<CapsuleContact> contacts;
    EXPECT_EQ(bvh_.capsuleContacts({0, 0, 0}, {0, kNaN, 0}, 1.0f, contacts), 0u);
    EXPECT_EQ(bvh_.capsuleContacts({0, 0, 0}, {0, 1, 0}, kNaN, contacts), 0u);
}

TEST_F(TriangleBvhBuilding, OccludedByWallsNotThroughTheDoor) {
    EXPECT_TRUE(bvh_.occluded({3, 1.5f, 3}, {3, 1.5f, -3}));    // through the wall
    EXPECT_FALSE(bvh_.occluded({0, 1.5f, 3}, {0, 1.5f, -3}));   // through the door
    EXPECT_FALSE(bvh_.occluded({3, 1.5f, 3}, {-3, 1.5f, 3}));   // same room
    EXPECT_TRUE(bvh_.occluded({0, 1, -3}, {0, 1, -7}));         // the glass...
    ObjectFilter noGlass;
    noGlass.ignore(test::kGlass);
    EXPECT_FALSE(bvh_.occluded({0, 1, -3}, {0, 1, -7}, noGlass));  // ...unless ignored
    // A target on a surface is not hidden by that surface.
    EXPECT_FALSE(bvh_.occluded({3, 1.5f, 3}, {3, 1.5f, TestBuilding::kWallHalfThickness}));
    EXPECT_FALSE(bvh_.occluded({-3, 5, 2}, {-3, 0, 2}));
    // A target just behind it is.
    EXPECT_TRUE(bvh_.occluded({3, 1.5f, 3}, {3, 1.5f, TestBuilding::kWallHalfThickness - 0.01f}));
    EXPECT_FALSE(bvh_.occluded({3, 1.5f, 3}, {3, 1.5f, 3}));  // zero length
}

TEST_F(TriangleBvhBuilding, ClosestPointAndSphere) {
    std::optional<ClosestPoint> closest = bvh_.closestPoint({2, 1, 0.5f}, 10.0f);
    ASSERT_TRUE(closest);
    EXPECT_NEAR(closest->distance, 0.4f, 1e-5f);
    expectVecNear(closest->point, {2, 1, 0.1f});
    EXPECT_EQ(closest->objectId, test::kWall);
    EXPECT_FALSE(bvh_.closestPoint({2, 1, 0.5f}, 0.39f));

    ObjectFilter noWall;
    noWall.ignore(test::kWall);
    closest = bvh_.closestPoint({2, 1, 0.5f}, 10.0f, noWall);
    ASSERT_TRUE(closest);
    EXPECT_EQ(closest->objectId, test::kFloor);
    EXPECT_NEAR(closest->distance, 1.0f, 1e-5f);

    EXPECT_TRUE(bvh_.sphereOverlaps({2, 1, 0.5f}, 0.41f));
    EXPECT_FALSE(bvh_.sphereOverlaps({2, 1, 0.5f}, 0.39f));
    EXPECT_FALSE(bvh_.sphereOverlaps({2, 1, 0.5f}, 0.41f, noWall));
}

TEST_F(TriangleBvhBuilding, CapsuleContactsFindWallsAndFloorByDistance) {
    std::vector<CapsuleContact> contacts;
    // A vertical capsule 0.3 m from the wall face, 0.2 m above the floor.
    size_t count = bvh_.capsuleContacts({2, 0.5f, 0.4f}, {2, 1.5f, 0.4f}, 0.35f, contacts);
    ASSERT_GT(count, 0u);
    std::set<uint32_t> ids;
    float nearest = kInf;
    for (const CapsuleContact& c : contacts) {
        ids.insert(c.objectId);
        EXPECT_LT(c.distance, 0.35f);
        EXPECT_NEAR(glm::length(c.pointOnAxis - c.pointOnTriangle), c.distance, 1e-5f);
        EXPECT_NEAR(c.pointOnTriangle.z, TestBuilding::kWallHalfThickness, 1e-5f);
        nearest = std::min(nearest, c.distance);
    }
    EXPECT_EQ(ids, (std::set<uint32_t>{test::kWall}));
    EXPECT_NEAR(nearest, 0.3f, 1e-5f);
    contacts.clear();
    bvh_.capsuleContacts({2, 0.2f, 0.4f}, {2, 1.5f, 0.4f}, 0.35f, contacts);
    ids.clear();
    for (const CapsuleContact& c : contacts) ids.insert(c.objectId);
    EXPECT_EQ(ids, (std::set<uint32_t>{test::kFloor, test::kWall}));
    // An axis through the wall: distance 0 at the crossing.
    contacts.clear();
    bvh_.capsuleContacts({2, 1, -1}, {2, 1, 1}, 0.01f, contacts);
    ASSERT_FALSE(contacts.empty());
    for (const CapsuleContact& c : contacts) EXPECT_NEAR(c.distance, 0.0f, 1e-6f);
}

TEST(TriangleBvh, EmptyBvhAnswersEverythingWithNothing) {
    for (const TriangleBvh& bvh : {TriangleBvh(), TriangleBvh::build({})}) {
        EXPECT_EQ(bvh.triangleCount(), 0u);
        EXPECT_EQ(bvh.nodeCount(), 0u);
        EXPECT_TRUE(bvh.bounds().empty());
        EXPECT_FALSE(bvh.raycast({{0, 0, 0}, {0, 0, -1}}, kInf));
        EXPECT_FALSE(bvh.occluded({0, 0, 0}, {0, 0, -1}));
        EXPECT_FALSE(bvh.closestPoint({0, 0, 0}, kInf));
        EXPECT_FALSE(bvh.sphereOverlaps({0, 0, 0}, 1.0f));
        std::vector<CapsuleContact> contacts;
        EXPECT_EQ(bvh.capsuleContacts({0, 0, 0}, {0, 1, 0}, 1.0f, contacts), 0u);
    }
}

TEST(TriangleBvh, SkipsDegenerateAndNonFiniteTriangles) {
    std::vector<BvhTriangle> tris;
    test::addBox(tris, {-1, -1, -1}, {1, 1, 1}, 7);
    const size_t good = tris.size();
    tris.push_back({{0, 0, 2}, {1, 0, 2}, {2, 0, 2}, 9});              // a line
    tris.push_back({{0, 0, 2}, {0, 0, 2}, {0, 0, 2}, 9});              // a point
    tris.push_back({{kNaN, 0, 2}, {1, 0, 2}, {0, 1, 2}, 9});           // NaN
    tris.push_back({{0, kInf, 2}, {1, 0, 2}, {0, 1, 2}, 9});           // infinite
    tris.push_back({{-1e30f, 0, 2}, {1e30f, 0, 2}, {0, 1e30f, 2}, 9});  // area overflows
    TriangleBvh bvh = TriangleBvh::build(tris);
    EXPECT_EQ(bvh.triangleCount(), good);
    EXPECT_EQ(bvh.skippedTriangleCount(), 5u);
    expectVecNear(bvh.bounds().max, {1, 1, 1});
    // The ray along the line of the degenerate triangles meets only the box.
    std::optional<RayHit> hit = bvh.raycast({{1, 0, 5}, {0, 0, -1}}, kInf);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->objectId, 7u);
    EXPECT_NEAR(hit->distance, 4.0f, 1e-5f);
    // Indices still refer to the input list.
    EXPECT_LT(hit->triangleIndex, good);
}

TEST(TriangleBvh, TinyTrianglesSurvive) {
    // Millimetre-sized parts (screws) are not degenerate.
    std::vector<BvhTriangle> tris{{{0, 0, 0}, {1e-3f, 0, 0}, {0, 1e-3f, 0}, 3}};
    TriangleBvh bvh = TriangleBvh::build(tris);
    EXPECT_EQ(bvh.triangleCount(), 1u);
    std::optional<RayHit> hit = bvh.raycast({{2e-4f, 2e-4f, 1}, {0, 0, -1}}, kInf);
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->distance, 1.0f, 1e-6f);
}

// Brute force over every triangle, with the same single-triangle test; ties
// go to the lowest index as in the BVH.
std::optional<std::pair<float, uint32_t>> bruteForceRay(const std::vector<BvhTriangle>& tris, glm::vec3 origin,
                                                        glm::vec3 unitDir, float maxDistance,
                                                        const ObjectFilter& filter) {
    std::optional<std::pair<float, uint32_t>> best;
    for (uint32_t i = 0; i < tris.size(); ++i) {
        if (filter.ignores(tris[i].objectId)) continue;
        std::optional<float> t = rayTriangleDistance(origin, unitDir, tris[i], best ? best->first : maxDistance);
        if (t && (!best || *t < best->first)) best = std::pair(*t, i);
    }
    return best;
}

TEST(TriangleBvh, MatchesBruteForceOnARandomSoup) {
    const std::vector<BvhTriangle> tris = test::makeTriangleSoup(3000, 10.0f, 1.5f, 12345);
    TriangleBvh bvh = TriangleBvh::build(tris);
    ASSERT_EQ(bvh.triangleCount(), tris.size());
    ObjectFilter filter;
    filter.ignore(3);
    TestRandom random(777);
    int hits = 0;
    for (int i = 0; i < 10000; ++i) {
        glm::vec3 origin = random.inBox(glm::vec3(-14.0f), glm::vec3(14.0f));
        glm::vec3 dir = random.direction();
        float maxDistance = (i % 3 == 0) ? random.uniform(1.0f, 10.0f) : kInf;
        const ObjectFilter& f = (i % 4 == 0) ? filter : ObjectFilter{};
        std::optional<RayHit> hit = bvh.raycast({origin, dir}, maxDistance, f);
        std::optional<std::pair<float, uint32_t>> expected = bruteForceRay(tris, origin, dir / glm::length(dir),
                                                                          maxDistance, f);
        ASSERT_EQ(hit.has_value(), expected.has_value()) << "ray " << i;
        if (!hit) continue;
        ++hits;
        ASSERT_EQ(hit->triangleIndex, expected->second) << "ray " << i;
        EXPECT_EQ(hit->distance, expected->first) << "ray " << i;
        EXPECT_EQ(hit->objectId, tris[hit->triangleIndex].objectId);
        EXPECT_NEAR(glm::length(hit->point - (origin + dir * hit->distance)), 0.0f, 1e-4f);
        EXPECT_LE(glm::dot(hit->normal, dir), 0.0f);
        EXPECT_NEAR(glm::length(hit->normal), 1.0f, 1e-5f);

        // occluded() agrees with the closest hit along the same segment.
        glm::vec3 target = origin + dir * 5.0f;
        bool blocked = false;
        for (const BvhTriangle& tri : tris)
            if (!f.ignores(tri.objectId) && rayTriangleDistance(origin, dir, tri, 5.0f - (1e-3f + 5e-4f)))
                blocked = true;
        EXPECT_EQ(bvh.occluded(origin, target, f), blocked) << "ray " << i;
    }
    // Both outcomes are well exercised.
    EXPECT_GT(hits, 2000);
    EXPECT_GT(10000 - hits, 2000);
}

// From 16,384 triangles the root's two halves are built on two threads and
// put together: the same answers as a loop over every triangle.
TEST(TriangleBvh, BuiltOnTwoThreadsMatchesBruteForce) {
    const std::vector<BvhTriangle> tris = test::makeTriangleSoup(20000, 30.0f, 1.0f, 2024);
    TriangleBvh bvh = TriangleBvh::build(tris);
    ASSERT_EQ(bvh.triangleCount(), tris.size());
    TestRandom random(99);
    int hits = 0;
    for (int i = 0; i < 1500; ++i) {
        glm::vec3 origin = random.inBox(glm::vec3(-35.0f), glm::vec3(35.0f));
        glm::vec3 dir = random.direction();
        std::optional<RayHit> hit = bvh.raycast({origin, dir}, kInf);
        std::optional<std::pair<float, uint32_t>> expected = bruteForceRay(tris, origin, dir / glm::length(dir), kInf, {});
        ASSERT_EQ(hit.has_value(), expected.has_value()) << "ray " << i;
        if (!hit) continue;
        ++hits;
        EXPECT_EQ(hit->triangleIndex, expected->second) << "ray " << i;
        EXPECT_EQ(hit->distance, expected->first) << "ray " << i;
    }
    EXPECT_GT(hits, 200);  // both outcomes exercised (292 hits here)
    EXPECT_GT(1500 - hits, 200);
    // Built twice, the same tree.
    TriangleBvh again = TriangleBvh::build(tris);
    EXPECT_EQ(again.nodeCount(), bvh.nodeCount());
    EXPECT_EQ(again.depth(), bvh.depth());
}

TEST(TriangleBvh, ProximityQueriesMatchBruteForce) {
    const std::vector<BvhTriangle> tris = test::makeTriangleSoup(2000, 10.0f, 1.5f, 999);
    TriangleBvh bvh = TriangleBvh::build(tris);
    TestRandom random(4242);
    std::vector<CapsuleContact> contacts;
    for (int i = 0; i < 1000; ++i) {
        glm::vec3 p = random.inBox(glm::vec3(-12.0f), glm::vec3(12.0f));
        float radius = random.uniform(0.05f, 1.5f);

        float bestSq = kInf;
        uint32_t bestIndex = 0;
        bool overlaps = false;
        for (uint32_t t = 0; t < tris.size(); ++t) {
            glm::vec3 q = closestPointOnTriangle(p, tris[t]);
            float dSq = glm::dot(q - p, q - p);
            if (dSq < bestSq) bestSq = dSq, bestIndex = t;
            overlaps = overlaps || dSq < radius * radius;
        }
        std::optional<ClosestPoint> closest = bvh.closestPoint(p, kInf);
        ASSERT_TRUE(closest);
        EXPECT_EQ(closest->triangleIndex, bestIndex) << "point " << i;
        EXPECT_FLOAT_EQ(closest->distance, std::sqrt(bestSq));
        EXPECT_EQ(bvh.sphereOverlaps(p, radius), overlaps) << "point " << i;

        glm::vec3 end = p + random.direction() * random.uniform(0.0f, 2.0f);
        std::set<uint32_t> expected;
        for (uint32_t t = 0; t < tris.size(); ++t)
            if (segmentTriangleDistance(p, end, tris[t]) < radius) expected.insert(t);
        contacts.clear();
        bvh.capsuleContacts(p, end, radius, contacts);
        std::set<uint32_t> found;
        for (const CapsuleContact& c : contacts) found.insert(c.triangleIndex);
        EXPECT_EQ(found.size(), contacts.size()) << "a triangle reported twice";
        EXPECT_EQ(found, expected) << "capsule " << i;
    }
}

TEST(TriangleBvh, SegmentTriangleDistanceCases) {
    BvhTriangle tri{{0, 0, 0}, {2, 0, 0}, {0, 0, 2}, 0};  // in the y = 0 plane
    glm::vec3 onSeg, onTri;
    // Pierces it.
    EXPECT_FLOAT_EQ(segmentTriangleDistance({0.5f, -1, 0.5f}, {0.5f, 1, 0.5f}, tri, &onSeg, &onTri), 0.0f);
    expectVecNear(onTri, {0.5f, 0, 0.5f});
    // Above the interior: the lower end decides.
    EXPECT_FLOAT_EQ(segmentTriangleDistance({0.5f, 0.3f, 0.5f}, {0.5f, 2, 0.5f}, tri, &onSeg, &onTri), 0.3f);
    expectVecNear(onSeg, {0.5f, 0.3f, 0.5f});
    // Vertical segment beside the hypotenuse: an edge decides.
    float d = segmentTriangleDistance({2, -1, 2}, {2, 1, 2}, tri, &onSeg, &onTri);
    EXPECT_NEAR(d, std::sqrt(2.0f), 1e-5f);
    expectVecNear(onTri, {1, 0, 1});
    // Crossing over an edge, parallel to the plane.
    d = segmentTriangleDistance({-1, 0.5f, 1}, {1, 0.5f, -1}, tri, &onSeg, &onTri);
    EXPECT_NEAR(d, 0.5f, 1e-5f);
    // Degenerate segment: a point.
    EXPECT_NEAR(segmentTriangleDistance({-1, 0, -1}, {-1, 0, -1}, tri), std::sqrt(2.0f), 1e-5f);
}

TEST(TriangleBvh, BoundedDepthOnHostileInput) {
    // Many triangles at one spot (no split plane separates them) plus a
    // geometric progression (SAH peels one off at a time) must neither
    // recurse deeply nor make huge leaves.
    std::vector<BvhTriangle> tris;
    for (int i = 0; i < 20000; ++i) tris.push_back({{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, 1});
    for (int i = 0; i < 300; ++i) {
        float x = std::pow(1.12f, float(i % 150)) * (i < 150 ? 1.0f : -1.0f);
        float size = 0.01f * (1.0f + std::abs(x));
        tris.push_back({{x, 0, 0}, {x + size, 0, 0}, {x, size, size}, 2});
    }
    TriangleBvh bvh = TriangleBvh::build(tris, {.maxLeafTriangles = 4, .binCount = 16});
    EXPECT_EQ(bvh.triangleCount(), tris.size());
    EXPECT_LE(bvh.depth(), 128u);
    std::optional<RayHit> hit = bvh.raycast({{0.2f, 0.2f, 5}, {0, 0, -1}}, kInf);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->objectId, 1u);
    EXPECT_EQ(hit->triangleIndex, 0u);  // equal distances: the lowest index wins
    EXPECT_NEAR(hit->distance, 5.0f, 1e-5f);
}

TEST(TriangleBvh, LeavesRespectTheLimitAndBuildIsDeterministic) {
    const std::vector<BvhTriangle> tris = test::makeTriangleSoup(5000, 20.0f, 1.0f, 31);
    TriangleBvh a = TriangleBvh::build(tris, {.maxLeafTriangles = 8, .binCount = 16});
    TriangleBvh b = TriangleBvh::build(tris, {.maxLeafTriangles = 8, .binCount = 16});
    EXPECT_EQ(a.nodeCount(), b.nodeCount());
    EXPECT_EQ(a.depth(), b.depth());
    // Each leaf holds at most 8 triangles: at least n/8 leaves, n/4 - 1 nodes.
    EXPECT_GE(a.nodeCount(), tris.size() / 4 - 1);
    EXPECT_LE(a.depth(), 40u);
}

TEST(AppendModelTriangles, PlacesEveryNodeInstanceInTheWorld) {
    ModelData model;
    MeshData quad;
    for (glm::vec3 p : {glm::vec3(0, 0, 0), glm::vec3(1, 0, 0), glm::vec3(1, 1, 0), glm::vec3(0, 1, 0)}) {
        Vertex v;
        v.position = p;
        quad.vertices.push_back(v);
    }
    quad.indices = {0, 1, 2, 0, 2, 3, 0, 2, 99};  // the last triangle is out of range
    model.meshes.push_back(quad);
    model.nodes.push_back({"root", -1, glm::translate(glm::mat4(1.0f), {10, 0, 0}), {}});
    model.nodes.push_back({"a", 0, glm::translate(glm::mat4(1.0f), {0, 5, 0}), {0}});
    model.nodes.push_back({"b", 0, glm::mat4(1.0f), {0, 7}});  // mesh 7 does not exist

    std::vector<BvhTriangle> tris;
    glm::mat4 placement = glm::scale(glm::mat4(1.0f), glm::vec3(2.0f));
    size_t added = appendModelTriangles(model, placement, [](size_t node) { return uint32_t(100 + node); }, tris);
    EXPECT_EQ(added, 4u);
    ASSERT_EQ(tris.size(), 4u);
    EXPECT_EQ(tris[0].objectId, 101u);
    EXPECT_EQ(tris[2].objectId, 102u);
    expectVecNear(tris[0].v0, {20, 10, 0});  // (0,0,0) + (10,5,0), scaled by 2
    expectVecNear(tris[0].v2, {22, 12, 0});
    expectVecNear(tris[2].v0, {20, 0, 0});

    EXPECT_EQ(appendModelTriangles(model, glm::mat4(1.0f), 5u, tris), 4u);
    EXPECT_EQ(tris.back().objectId, 5u);

    // Picking still works after the model is gone.
    TriangleBvh bvh = TriangleBvh::build(tris);
    model = ModelData{};
    std::optional<RayHit> hit = bvh.raycast({{21, 11, 5}, {0, 0, -1}}, kInf);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->objectId, 101u);
    EXPECT_NEAR(hit->distance, 5.0f, 1e-5f);
}

}  // namespace
}  // namespace engine
