// bakeLight: which meshes are baked, the sun's and the sky's visibility
// traced at each vertex, and the cuts (where the light changes, with no
// crack between meshes sharing an edge).
#include "scene/light_bake.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include <glm/gtc/matrix_transform.hpp>

namespace engine {
namespace {

// A square floor of `size` metres at height 0, facing up, as two triangles.
MeshData floorSquare(float size, float x0 = 0.0f) {
    MeshData mesh;
    for (glm::vec3 p : {glm::vec3(x0, 0, 0), glm::vec3(x0, 0, size), glm::vec3(x0 + size, 0, size),
                        glm::vec3(x0 + size, 0, 0)}) {
        Vertex v;
        v.position = p;
        v.normal = {0, 1, 0};
        mesh.vertices.push_back(v);
        mesh.bounds.expand(p);
    }
    mesh.indices = {0, 1, 2, 0, 2, 3};
    return mesh;
}

// One node placing each mesh once, one material.
ModelLayout layoutOf(std::vector<MeshData> meshes, MaterialData material = {}) {
    ModelLayout layout;
    layout.materials = {material};
    for (uint32_t i = 0; i < meshes.size(); ++i) layout.placements.push_back({i, glm::mat4(1.0f), -1, -1});
    layout.meshes = std::move(meshes);
    return layout;
}

// A horizontal roof (two triangles) over x, z in [x0, x1] at height y.
std::vector<BvhTriangle> roof(float x0, float x1, float z0, float z1, float y) {
    return {{{x0, y, z0}, {x1, y, z0}, {x1, y, z1}, 0}, {{x0, y, z0}, {x1, y, z1}, {x0, y, z1}, 0}};
}

LightBakeDesc sunStraightUp() {
    LightBakeDesc desc;
    desc.sunDirection = {0, 1, 0};
    desc.sunSpread = 0.0f;
    return desc;
}

TEST(LightBake, OpenFloorSeesTheWholeSunAndSky) {
    ModelLayout layout = layoutOf({floorSquare(4.0f)});
    TriangleBvh nothing;
    LightBakeStats stats = bakeLight(layout, glm::mat4(1.0f), nothing, sunStraightUp());
    EXPECT_EQ(stats.meshes, 1u);
    ASSERT_TRUE(layout.meshes[0].bakedLight);
    ASSERT_TRUE(layout.bakedSunDirection.has_value());
    for (const Vertex& v : layout.meshes[0].vertices) {
        EXPECT_FLOAT_EQ(v.uv.x, 1.0f);
        EXPECT_FLOAT_EQ(v.uv.y, 1.0f);
    }
}

TEST(LightBake, FloorUnderARoofIsInShadowAndTheRestInTheSun) {
    // A 16 m floor, a roof over its first half: the sun is straight above.
    ModelLayout layout = layoutOf({floorSquare(16.0f)});
    TriangleBvh bvh = TriangleBvh::build(roof(-1.0f, 8.0f, -1.0f, 17.0f, 3.0f));
    LightBakeDesc desc = sunStraightUp();
    bakeLight(layout, glm::mat4(1.0f), bvh, desc);
    const MeshData& mesh = layout.meshes[0];
    size_t shaded = 0, lit = 0;
    for (const Vertex& v : mesh.vertices) {
        if (v.position.x < 7.9f) {
            EXPECT_EQ(v.uv.x, 0.0f) << "at x " << v.position.x;
            ++shaded;
        } else if (v.position.x > 8.1f) {
            EXPECT_EQ(v.uv.x, 1.0f) << "at x " << v.position.x;
            ++lit;
        }
        EXPECT_FLOAT_EQ(v.uv.y, 1.0f);  // the roof is 3 m up: farther than skyDistance
    }
    EXPECT_GT(shaded, 0u);
    EXPECT_GT(lit, 0u);
    // Cut down to maxEdge, then finer where the shadow's edge runs (x = 8).
    float longest = 0.0f;
    for (size_t t = 0; t < mesh.indices.size(); t += 3)
        for (int e = 0; e < 3; ++e)
            longest = std::max(longest, glm::distance(mesh.vertices[mesh.indices[t + e]].position,
                                                      mesh.vertices[mesh.indices[t + (e + 1) % 3]].position));
    EXPECT_LE(longest, desc.maxEdge);
    float nearestToEdge = 1e9f;
    for (const Vertex& v : mesh.vertices) nearestToEdge = std::min(nearestToEdge, std::abs(v.position.x - 8.0f));
    EXPECT_LE(nearestToEdge, desc.minEdge);
}

TEST(LightBake, ASurfaceFacingAwayFromTheSunSeesNone) {
    MeshData ceiling = floorSquare(2.0f);
    for (Vertex& v : ceiling.vertices) v.normal = {0, -1, 0};
    ModelLayout layout = layoutOf({ceiling});
    bakeLight(layout, glm::mat4(1.0f), TriangleBvh{}, sunStraightUp());
    for (const Vertex& v : layout.meshes[0].vertices) EXPECT_EQ(v.uv.x, 0.0f);
}

TEST(LightBake, ACornerDarkensTheSky) {
    // A wall standing on the floor along x = 2.05: vertices at its foot
    // (x = 2) see less sky than those in the open.
    ModelLayout layout = layoutOf({floorSquare(4.0f)});
    const float x = 2.05f;
    std::vector<BvhTriangle> wall = {{{x, 0, -1}, {x, 3, -1}, {x, 3, 5}, 0}, {{x, 0, -1}, {x, 3, 5}, {x, 0, 5}, 0}};
    LightBakeDesc desc = sunStraightUp();
    desc.maxEdge = 1.0f;
    bakeLight(layout, glm::mat4(1.0f), TriangleBvh::build(wall), desc);
    float atFoot = 1.0f, inOpen = 0.0f;
    for (const Vertex& v : layout.meshes[0].vertices) {
        if (std::abs(v.position.x - 2.0f) < 1e-3f) atFoot = std::min(atFoot, v.uv.y);
        if (v.position.x < 1.0f - 1e-3f) inOpen = std::max(inOpen, v.uv.y);
    }
    EXPECT_LT(atFoot, 0.8f);
    EXPECT_FLOAT_EQ(inOpen, 1.0f);
}

TEST(LightBake, AVertexCoveredByWhatLiesOnItTakesItsNeighboursLight) {
    // A 2 m floor cut to a 0.5 m grid, and a 20 cm plate 5 cm above its
    // middle vertex (a whiteboard on a wall, a cabinet on a floor): that
    // vertex sees no sky, its neighbours almost all of it.
    ModelLayout layout = layoutOf({floorSquare(2.0f)});
    LightBakeDesc desc = sunStraightUp();
    desc.maxEdge = 0.5f;
    bakeLight(layout, glm::mat4(1.0f), TriangleBvh::build(roof(0.9f, 1.1f, 0.9f, 1.1f, 0.05f)), desc);
    const Vertex* middle = nullptr;
    float neighbours = 1.0f;
    for (const Vertex& v : layout.meshes[0].vertices) {
        const float away = glm::distance(glm::vec2(v.position.x, v.position.z), glm::vec2(1.0f, 1.0f));
        if (away < 1e-3f) middle = &v;
        else if (away < 0.75f) neighbours = std::min(neighbours, v.uv.y);
    }
    ASSERT_NE(middle, nullptr);
    EXPECT_GT(neighbours, 0.8f);
    // Its own light would be (0, 0), darkening a metre of floor around.
    EXPECT_GT(middle->uv.y, 0.8f);
    EXPECT_GT(middle->uv.x, 0.8f);
}

TEST(LightBake, MeshesSharingAnEdgeAreCutAlikeSoNoCrackOpens) {
    // Two floors side by side (x 0-4 and 4-8) sharing the edge x = 4; a
    // roof's shadow edge runs across both at z = 2.
    ModelLayout layout = layoutOf({floorSquare(4.0f, 0.0f), floorSquare(4.0f, 4.0f)});
    TriangleBvh bvh = TriangleBvh::build(roof(-1.0f, 9.0f, -1.0f, 2.0f, 3.0f));
    bakeLight(layout, glm::mat4(1.0f), bvh, sunStraightUp());
    // Every vertex of one mesh on the shared edge is a vertex of the other.
    auto onEdge = [](const MeshData& mesh) {
        std::set<float> z;
        for (const Vertex& v : mesh.vertices)
            if (v.position.x == 4.0f) z.insert(v.position.z);
        return z;
    };
    std::set<float> left = onEdge(layout.meshes[0]), right = onEdge(layout.meshes[1]);
    EXPECT_GT(left.size(), 2u);  // cut where the shadow crosses
    EXPECT_EQ(left, right);
}

TEST(LightBake, OnlyUntexturedOneSidedOpaqueOrGlassMeshesPlacedOnceAreBaked) {
    MaterialData plain;
    EXPECT_TRUE(canBakeLight(plain));
    MaterialData textured;
    textured.baseColorTexture = 0;
    EXPECT_FALSE(canBakeLight(textured));
    MaterialData twoSided;
    twoSided.doubleSided = true;
    EXPECT_FALSE(canBakeLight(twoSided));
    MaterialData glass;
    glass.alphaMode = AlphaMode::Blend;
    glass.doubleSided = true;
    EXPECT_TRUE(canBakeLight(glass));
    MaterialData masked;
    masked.alphaMode = AlphaMode::Mask;
    EXPECT_FALSE(canBakeLight(masked));

    // Mesh 1 is placed twice (instanced): it cannot hold two lights.
    ModelLayout layout = layoutOf({floorSquare(1.0f), floorSquare(1.0f)});
    layout.placements.push_back({1, glm::translate(glm::mat4(1.0f), {5, 0, 0}), -1, -1});
    EXPECT_EQ(bakeableMeshes(layout), std::vector<uint32_t>{0});
    // Nothing in a model that moves.
    layout.extent.animations.push_back({});
    EXPECT_TRUE(bakeableMeshes(layout).empty());
    LightBakeStats stats = bakeLight(layout, glm::mat4(1.0f), TriangleBvh{}, sunStraightUp());
    EXPECT_EQ(stats.meshes, 0u);
    EXPECT_FALSE(layout.bakedSunDirection.has_value());
}

TEST(LightBake, MeshesPlacedManyTimesAreLitPerVertexInstead) {
    MaterialData textured;
    textured.baseColorTexture = 0;
    // Mesh 0 once, mesh 1 twice, mesh 2 twice but textured.
    ModelLayout layout = layoutOf({floorSquare(1.0f), floorSquare(1.0f), floorSquare(1.0f)});
    layout.materials.push_back(textured);
    layout.meshes[2].materialIndex = 1;
    layout.placements.push_back({1, glm::translate(glm::mat4(1.0f), {5, 0, 0}), -1, -1});
    layout.placements.push_back({2, glm::translate(glm::mat4(1.0f), {9, 0, 0}), -1, -1});
    EXPECT_EQ(markLitPerVertex(layout), 1u);
    EXPECT_FALSE(layout.meshes[0].lightPerVertex);  // baked instead
    EXPECT_TRUE(layout.meshes[1].lightPerVertex);
    EXPECT_FALSE(layout.meshes[2].lightPerVertex);  // its texture needs its pixels
    // Nothing in a model that moves: it is a machine, looked at closely.
    ModelLayout moving = layoutOf({floorSquare(1.0f)});
    moving.placements.push_back({0, glm::translate(glm::mat4(1.0f), {5, 0, 0}), -1, -1});
    moving.extent.animations.push_back({});
    EXPECT_EQ(markLitPerVertex(moving), 0u);
    EXPECT_FALSE(moving.meshes[0].lightPerVertex);
}

TEST(LightBake, ShadowCastersLeaveGlassOut) {
    MaterialData glass;
    glass.alphaMode = AlphaMode::Blend;
    ModelLayout layout = layoutOf({floorSquare(1.0f), floorSquare(1.0f)});
    layout.materials.push_back(glass);
    layout.meshes[1].materialIndex = 1;
    std::vector<BvhTriangle> casters;
    appendShadowCasters(layout, glm::translate(glm::mat4(1.0f), {0, 2, 0}), casters);
    ASSERT_EQ(casters.size(), 2u);
    EXPECT_FLOAT_EQ(casters[0].v0.y, 2.0f);  // placed
}

TEST(LightBake, TheTriangleBudgetStopsTheCuts) {
    ModelLayout layout = layoutOf({floorSquare(64.0f)});
    LightBakeDesc desc = sunStraightUp();
    desc.maxEdge = 0.5f;
    desc.maxTriangles = 1000;
    LightBakeStats stats = bakeLight(layout, glm::mat4(1.0f), TriangleBvh{}, desc);
    // One round may overshoot (each round at most quadruples), never more.
    EXPECT_LE(stats.trianglesAfter, 4 * desc.maxTriangles);
    EXPECT_EQ(stats.trianglesAfter, layout.meshes[0].indices.size() / 3);
}

TEST(LightBake, AModelAboveTheBudgetIsLeftToPerPixelLight) {
    ModelLayout layout = layoutOf({floorSquare(4.0f), floorSquare(4.0f, 4.0f)});
    LightBakeDesc desc = sunStraightUp();
    desc.maxTriangles = 3;  // the model has 4
    LightBakeStats stats = bakeLight(layout, glm::mat4(1.0f), TriangleBvh{}, desc);
    EXPECT_EQ(stats.meshes, 0u);
    EXPECT_EQ(stats.rays, 0u);
    EXPECT_FALSE(layout.meshes[0].bakedLight);
    EXPECT_EQ(layout.meshes[0].indices.size(), 6u);  // not cut either
    EXPECT_FALSE(layout.bakedSunDirection.has_value());
}

}  // namespace
}  // namespace engine
