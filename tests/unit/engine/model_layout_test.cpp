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

namespace engine {
namespace {

// A machine: a body holding a head (itself holding a nozzle), each with a quad of the same material.
ModelData machineWithNestedParts() {
    ModelData model;
    model.materials.resize(1);
    model.meshes = {unitQuad(), unitQuad(), unitQuad()};
    NodeData root;
    root.name = "root";
    NodeData body;
    body.name = "body";
    body.parent = 0;
    body.meshes = {0};
    NodeData head;
    head.name = "head";
    head.parent = 1;
    head.localTransform = glm::translate(glm::mat4(1.0f), glm::vec3(2, 0, 0));
    head.meshes = {1};
    NodeData nozzle;
    nozzle.name = "nozzle";
    nozzle.parent = 2;
    nozzle.localTransform = glm::translate(glm::mat4(1.0f), glm::vec3(0, -3, 0));
    nozzle.meshes = {2};
    model.nodes = {root, body, head, nozzle};
    return model;
}

TEST(ModelLayout, MergingWithinNodesKeepsEachNodeApartWithItsBounds) {
    ModelLayout merged = layOutModel(machineWithNestedParts());
    EXPECT_EQ(merged.placements.size(), 1u);  // one material, one top node: one batch
    EXPECT_EQ(merged.placements[0].node, -1);

    ModelLayoutDesc desc;
    desc.mergeWithinNodes = true;
    ModelLayout layout = layOutModel(machineWithNestedParts(), desc);
    ASSERT_EQ(layout.placements.size(), 3u);
    ASSERT_EQ(layout.extent.parts.size(), 3u);
    ASSERT_EQ(layout.extent.nodes.size(), 4u);
    const ModelExtent& extent = layout.extent;
    EXPECT_EQ(extent.nodeNamed("head"), 2);
    EXPECT_EQ(extent.nodeNamed("missing"), -1);
    EXPECT_TRUE(extent.nodeUnder(3, 2));
    EXPECT_TRUE(extent.nodeUnder(3, 1));
    EXPECT_FALSE(extent.nodeUnder(1, 3));
    // The head holds its nozzle: (2,-3,0) to (3,1,0).
    Aabb head = extent.nodeBounds(2);
    EXPECT_FLOAT_EQ(head.min.x, 2.0f);
    EXPECT_FLOAT_EQ(head.min.y, -3.0f);
    EXPECT_FLOAT_EQ(head.max.x, 3.0f);
    EXPECT_FLOAT_EQ(head.max.y, 1.0f);
    Aabb nozzle = extent.nodeBounds(3);
    EXPECT_FLOAT_EQ(nozzle.max.y, -2.0f);
    EXPECT_TRUE(extent.nodeBounds(-1).empty());
    // The whole model's bounds do not change with the merging.
    EXPECT_EQ(extent.bounds.min, merged.extent.bounds.min);
    EXPECT_EQ(extent.bounds.max, merged.extent.bounds.max);
}

}  // namespace
}  // namespace engine
