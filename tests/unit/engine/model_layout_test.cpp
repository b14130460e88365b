// layOutModel: merging meshes placed once, keeping instanced ones, and the
// extent (bounds per top-level node) that framing and cut-aways use.
#include "scene/model_layout.h"

#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

namespace engine {
namespace {

MeshData unitQuad(uint32_t material = 0) {
    MeshData mesh;
    mesh.vertices.resize(4);
    mesh.vertices[0].position = {0, 0, 0};
    mesh.vertices[1].position = {1, 0, 0};
    mesh.vertices[2].position = {1, 1, 0};
    mesh.vertices[3].position = {0, 1, 0};
    mesh.indices = {0, 1, 2, 0, 2, 3};
    mesh.materialIndex = material;
    mesh.bounds.expand(glm::vec3(0, 0, 0));
    mesh.bounds.expand(glm::vec3(1, 1, 0));
    return mesh;
}

// A root with two floors; floor_0 holds two quads of its own (merged), the
// shared quad is placed on both floors (instanced).
ModelData twoFloors() {
    ModelData model;
    model.materials.resize(1);
    model.meshes = {unitQuad(), unitQuad(), unitQuad()};
    NodeData root;
    root.name = "root";
    NodeData floor0;
    floor0.name = "floor_0";
    floor0.parent = 0;
    floor0.meshes = {0, 1, 2};
    NodeData floor1;
    floor1.name = "floor_1";
    floor1.parent = 0;
    floor1.localTransform = glm::translate(glm::mat4(1.0f), glm::vec3(0, 5, 0));
    floor1.meshes = {2};
    model.nodes = {root, floor0, floor1};
    return model;
}

TEST(ModelLayout, MergesMeshesPlacedOnceAndKeepsSharedOnesInstanced) {
    ModelLayout layout = layOutModel(twoFloors());
    // The shared quad once, and one merged batch of the two others.
    ASSERT_EQ(layout.meshes.size(), 2u);
    EXPECT_EQ(layout.meshes[0].vertices.size(), 4u);
    EXPECT_EQ(layout.meshes[1].vertices.size(), 8u);
    ASSERT_EQ(layout.placements.size(), 3u);  // the shared quad twice, the batch once
    EXPECT_EQ(layout.placements[0].mesh, 0u);
    EXPECT_EQ(layout.placements[1].mesh, 0u);
    EXPECT_EQ(layout.placements[2].mesh, 1u);
}

TEST(ModelLayout, TheExtentNamesTopNodesAndBoundsWhatEachHolds) {
    ModelLayout layout = layOutModel(twoFloors());
    const ModelExtent& extent = layout.extent;
    EXPECT_EQ(extent.topNodeNamed("floor_1"), 2);
    EXPECT_EQ(extent.topNodeNamed("floor_0"), 1);
    EXPECT_EQ(extent.topNodeNamed("roof"), -1);
    Aabb upper = extent.topNodeBounds(2);
    EXPECT_FLOAT_EQ(upper.min.y, 5.0f);
    EXPECT_FLOAT_EQ(upper.max.y, 6.0f);
    EXPECT_FLOAT_EQ(extent.bounds.min.y, 0.0f);
    EXPECT_FLOAT_EQ(extent.bounds.max.y, 6.0f);
    EXPECT_TRUE(extent.topNodeBounds(7).empty());
    // Placed elsewhere, the world bounds move with it.
    Aabb moved = extent.worldBounds(glm::translate(glm::mat4(1.0f), glm::vec3(10, 0, 0)));
    EXPECT_FLOAT_EQ(moved.min.x, 10.0f);
    EXPECT_FLOAT_EQ(moved.max.x, 11.0f);
}

TEST(ModelLayout, BadIndicesAreSkippedNotTrusted) {
    ModelData model = twoFloors();
    model.meshes[1].indices = {0, 1, 99};       // a corrupt triangle: dropped from the batch
    model.meshes[0].materialIndex = 42;         // no such material: the default one
    model.nodes[1].meshes.push_back(1234);      // no such mesh: skipped
    model.nodes[2].parent = 17;                 // a bad parent: treated as a root
    ModelLayout layout = layOutModel(model);
    for (const MeshData& mesh : layout.meshes) {
        EXPECT_LT(mesh.materialIndex, layout.materials.size());
        for (uint32_t index : mesh.indices) EXPECT_LT(index, mesh.vertices.size());
    }
    EXPECT_FALSE(layout.meshes.empty());
}

TEST(ModelLayout, AnEmptyModelHasADefaultMaterialAndNoBounds) {
    ModelLayout layout = layOutModel(ModelData{});
    EXPECT_EQ(layout.materials.size(), 1u);
    EXPECT_TRUE(layout.meshes.empty());
    EXPECT_TRUE(layout.extent.bounds.empty());
}

}  // namespace
}  // namespace engine
