// Levels of detail: fewer triangles level by level, errors that grow with
// them and bound how far the surface moved, the right normals on
// flat-shaded faces, and which meshes get none.
#include <gtest/gtest.h>

#include <cmath>

#include "scene/mesh_lod.h"
#include "test_meshes.h"

namespace engine {
namespace {

MeshData sphere(int rings, int segments, float radius) { return testing::sphereMesh(rings, segments, radius); }

// A unit cube whose faces are grids of n x n quads, each face with its
// own vertices and normal: its edges' corners are split by normal.
MeshData gridCube(int n) {
    MeshData mesh;
    for (int axis = 0; axis < 3; ++axis)
        for (float side : {-1.0f, 1.0f}) {
            glm::vec3 normal(0.0f), u(0.0f), v(0.0f);
            normal[axis] = side;
            u[(axis + 1) % 3] = 1.0f;
            v[(axis + 2) % 3] = 1.0f;
            if (side < 0.0f) std::swap(u, v);  // counter-clockwise from outside
            const uint32_t base = uint32_t(mesh.vertices.size());
            for (int j = 0; j <= n; ++j)
                for (int i = 0; i <= n; ++i) {
                    Vertex vertex;
                    vertex.position = normal * 0.5f + u * (float(i) / float(n) - 0.5f) + v * (float(j) / float(n) - 0.5f);
                    vertex.normal = normal;
                    mesh.vertices.push_back(vertex);
                    mesh.bounds.expand(vertex.position);
                }
            for (int j = 0; j < n; ++j)
                for (int i = 0; i < n; ++i) {
                    const uint32_t a = base + uint32_t(j * (n + 1) + i), b = a + 1, c = a + uint32_t(n + 1), d = c + 1;
                    mesh.indices.insert(mesh.indices.end(), {a, b, d, a, d, c});
                }
        }
    return mesh;
}

TEST(MeshLod, EachLevelHasFewerTrianglesAndALargerError) {
    const MeshData mesh = sphere(32, 64, 1.0f);
    const std::vector<MeshLod> levels = buildLevelsOfDetail(mesh);
    ASSERT_GE(levels.size(), 2u);
    size_t previous = mesh.indices.size();
    float previousError = 0.0f;
    for (const MeshLod& level : levels) {
        EXPECT_EQ(level.indices.size() % 3, 0u);
        EXPECT_LE(float(level.indices.size()), float(previous) * LodDesc{}.minGain);
        EXPECT_GE(level.error, previousError);
        EXPECT_GT(level.error, 0.0f);
        EXPECT_LT(level.error, 0.5f) << "a unit sphere stays a sphere";
        for (uint32_t index : level.indices) ASSERT_LT(index, mesh.vertices.size());
        previous = level.indices.size();
        previousError = level.error;
    }
}

TEST(MeshLod, TheErrorBoundsHowFarTheSurfaceMoved) {
    // Every kept triangle's centre lies within the level's error of the
    // sphere (its vertices are the sphere's own, on the surface).
    const MeshData mesh = sphere(32, 64, 2.0f);
    for (const MeshLod& level : buildLevelsOfDetail(mesh)) {
        float worst = 0.0f;
        for (size_t t = 0; t < level.indices.size(); t += 3) {
            const glm::vec3 centre = (mesh.vertices[level.indices[t]].position + mesh.vertices[level.indices[t + 1]].position +
                                      mesh.vertices[level.indices[t + 2]].position) /
                                     3.0f;
            worst = std::max(worst, 2.0f - glm::length(centre));
        }
        EXPECT_LE(worst, level.error) << level.indices.size() / 3 << " triangles";
        EXPECT_GE(worst, level.error * 0.25f) << "a needlessly loose bound keeps detail no one sees";
    }
}

TEST(MeshLod, SplitCornersKeepTheirOwnFacesNormal) {
    // Simplified by position, each kept corner must take the vertex whose
    // normal faces its new triangle's way, or the face is lit as another.
    const MeshData mesh = gridCube(8);
    const std::vector<MeshLod> levels = buildLevelsOfDetail(mesh);
    ASSERT_FALSE(levels.empty()) << "split corners must not stop the simplification";
    EXPECT_LE(levels.back().indices.size(), mesh.indices.size() / 4);
    for (const MeshLod& level : levels) {
        size_t turned = 0, wrong = 0;
        for (size_t t = 0; t < level.indices.size(); t += 3) {
            const Vertex &a = mesh.vertices[level.indices[t]], &b = mesh.vertices[level.indices[t + 1]],
                         &c = mesh.vertices[level.indices[t + 2]];
            const glm::vec3 face = glm::cross(b.position - a.position, c.position - a.position);
            // Clustering may turn a triangle over (culled: a sub-pixel hole).
            if (glm::dot(face, a.position + b.position + c.position) < 0.0f) {
                ++turned;
                continue;
            }
            for (const Vertex* v : {&a, &b, &c}) wrong += glm::dot(v->normal, glm::normalize(face)) < 0.5f;
        }
        const size_t triangles = level.indices.size() / 3;
        EXPECT_EQ(wrong, 0u) << "corners lit as another face, of " << triangles << " triangles";
        EXPECT_LE(turned, triangles / 10) << "of " << triangles << " triangles";
    }
}

TEST(MeshLod, SmallAndCorruptMeshesGetNone) {
    MeshData small = sphere(3, 6, 1.0f);  // 36 triangles
    EXPECT_TRUE(buildLevelsOfDetail(small).empty());
    MeshData corrupt = sphere(32, 64, 1.0f);
    corrupt.indices[7] = uint32_t(corrupt.vertices.size());
    EXPECT_TRUE(buildLevelsOfDetail(corrupt).empty());
}

TEST(MeshLod, OnlyOpaqueUntexturedUnbakedMeshesGetLevels) {
    ModelLayout layout;
    layout.materials.resize(4);
    layout.materials[1].baseColorTexture = 0;
    layout.materials[2].alphaMode = AlphaMode::Blend;
    for (uint32_t material : {0u, 1u, 2u, 0u, 9u}) {
        layout.meshes.push_back(sphere(32, 64, 1.0f));
        layout.meshes.back().materialIndex = material;
    }
    layout.meshes[3].bakedLight = true;
    addLevelsOfDetail(layout);
    EXPECT_FALSE(layout.meshes[0].lods.empty());
    EXPECT_TRUE(layout.meshes[1].lods.empty()) << "textured";
    EXPECT_TRUE(layout.meshes[2].lods.empty()) << "glass";
    EXPECT_TRUE(layout.meshes[3].lods.empty()) << "baked";
    EXPECT_TRUE(layout.meshes[4].lods.empty()) << "no such material";
}

TEST(MeshLod, TheCoarsestLevelWithinAPixelIsChosen) {
    const std::vector<float> errors{0.01f, 0.04f, 0.2f};
    EXPECT_EQ(chooseLevelOfDetail(errors, 1000.0f), 0u);  // 10 px: the full mesh
    EXPECT_EQ(chooseLevelOfDetail(errors, 100.0f), 1u);   // 1 px, 4 px, 20 px
    EXPECT_EQ(chooseLevelOfDetail(errors, 25.0f), 2u);
    EXPECT_EQ(chooseLevelOfDetail(errors, 1.0f), 3u);
    EXPECT_EQ(chooseLevelOfDetail(errors, 100.0f, 0.5f), 0u);
    EXPECT_EQ(chooseLevelOfDetail({}, 1.0f), 0u);
}

}  // namespace
}  // namespace engine
