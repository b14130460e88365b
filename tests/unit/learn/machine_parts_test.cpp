// The explorer's parts: which placements each owns, explode directions and
// offsets, and picking a part with a ray.
#include "learn/machine_parts.h"

#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

namespace twin::learn {
namespace {

engine::Aabb box(glm::vec3 min, glm::vec3 max) {
    engine::Aabb b;
    b.expand(min);
    b.expand(max);
    return b;
}

// A machine 2 m wide, 1 m tall, 1 m deep: a body (not a named part), a head
// on the right holding a nozzle, and a door at the front.
engine::ModelExtent extent() {
    engine::ModelExtent e;
    e.nodes = {{"root", -1}, {"body", 0}, {"head", 1}, {"nozzle", 2}, {"door", 1}};
    auto part = [&](engine::Aabb b, int32_t node) {
        e.parts.push_back({b, glm::mat4(1.0f), 0, node});
        e.bounds.expand(b);
    };
    part(box({-1, 0, -0.5f}, {1, 1, 0.5f}), 1);             // body
    part(box({0.6f, 0.6f, -0.1f}, {0.9f, 0.9f, 0.1f}), 2);  // head
    part(box({0.7f, 0.5f, -0.05f}, {0.8f, 0.6f, 0.05f}), 3);  // nozzle
    part(box({-0.8f, 0.1f, 0.45f}, {0.8f, 0.9f, 0.5f}), 4);   // door
    return e;
}

Machine machine() {
    Machine m;
    m.id = "m";
    for (const char* node : {"head", "nozzle", "door", "missing"}) {
        MachinePart p;
        p.node = node;
        p.label = {node, node};
        m.parts.push_back(p);
    }
    return m;
}

TEST(MachineParts, EachPlacementGoesToTheDeepestNamedPartAboveIt) {
    MachineShape shape = machineShape(machine(), extent());
    ASSERT_EQ(shape.parts.size(), 4u);
    EXPECT_EQ(shape.placementCount, 4u);
    EXPECT_EQ(shape.parts[0].placements, std::vector<size_t>{1});  // head: not its nozzle
    EXPECT_EQ(shape.parts[1].placements, std::vector<size_t>{2});
    EXPECT_EQ(shape.parts[2].placements, std::vector<size_t>{3});
    EXPECT_EQ(shape.parts[3].node, -1);  // the model has no such node
    EXPECT_TRUE(shape.parts[3].placements.empty());
    EXPECT_TRUE(shape.parts[3].bounds.empty());
    // The head's bounds hold its nozzle.
    EXPECT_FLOAT_EQ(shape.parts[0].bounds.min.y, 0.5f);
}

TEST(MachineParts, ExplodeDirectionsPointAwayFromTheCentreOrAsGiven) {
    engine::Aabb machineBox = box({-1, 0, -0.5f}, {1, 1, 0.5f});
    glm::vec3 right = explodeDirection(box({0.8f, 0.4f, -0.1f}, {1.0f, 0.6f, 0.1f}), machineBox);
    EXPECT_NEAR(right.x, 1.0f, 1e-5f);
    EXPECT_NEAR(glm::length(right), 1.0f, 1e-5f);
    glm::vec3 front = explodeDirection(box({-0.8f, 0.1f, 0.45f}, {0.8f, 0.9f, 0.5f}), machineBox);
    EXPECT_GT(front.z, 0.99f);
    // A part at the centre goes up; a given direction wins, normalised.
    EXPECT_EQ(explodeDirection(box({-0.1f, 0.4f, -0.1f}, {0.1f, 0.6f, 0.1f}), machineBox), glm::vec3(0, 1, 0));
    glm::vec3 given = explodeDirection(box({0.8f, 0.4f, -0.1f}, {1.0f, 0.6f, 0.1f}), machineBox, glm::vec3(0, 0, -3));
    EXPECT_EQ(given, glm::vec3(0, 0, -1));
    // A zero or non-finite given direction falls back on the assembly's.
    EXPECT_NEAR(explodeDirection(box({0.8f, 0.4f, -0.1f}, {1, 0.6f, 0.1f}), machineBox, glm::vec3(0)).x, 1.0f, 1e-5f);
    EXPECT_EQ(explodeDirection(engine::Aabb{}, machineBox), glm::vec3(0, 1, 0));
}

TEST(MachineParts, ExplodeOffsetsGrowSmoothlyFromZeroAndMoveOnlyOwnedPlacements) {
    MachineShape shape = machineShape(machine(), extent());
    EXPECT_EQ(explodeOffset(shape.parts[2], shape, 0.0f), glm::vec3(0.0f));
    glm::vec3 half = explodeOffset(shape.parts[2], shape, 0.5f);
    glm::vec3 full = explodeOffset(shape.parts[2], shape, 1.0f);
    EXPECT_GT(full.z, half.z);
    EXPECT_GT(half.z, 0.0f);
    EXPECT_EQ(explodeOffset(shape.parts[2], shape, 7.0f), full);  // clamped
    std::vector<glm::mat4> t = explodeTransforms(shape, 0.7f);
    ASSERT_EQ(t.size(), 4u);
    EXPECT_EQ(t[0], glm::mat4(1.0f));  // the body stays
    EXPECT_EQ(glm::vec3(t[3][3]), explodeOffset(shape.parts[2], shape, 0.7f));
    engine::Aabb moved = explodedBounds(shape.parts[2], shape, 0.7f);
    EXPECT_FLOAT_EQ(moved.min.z, shape.parts[2].bounds.min.z + t[3][3].z);
    // The whole machine, exploded, holds every part where it went.
    engine::Aabb all = explodedMachineBounds(shape, 0.7f);
    EXPECT_FLOAT_EQ(all.max.z, moved.max.z);
    EXPECT_FLOAT_EQ(all.min.y, shape.bounds.min.y);
}

TEST(MachineParts, PickingFindsTheNearestPartAndTheInnerOneOfNestedBoxes) {
    MachineShape shape = machineShape(machine(), extent());
    // From the front, straight at the door.
    EXPECT_EQ(pickPart(shape, 0.0f, {0, 0.5f, 5}, {0, 0, -1}), std::optional<size_t>(2));
    // From the right, at the nozzle's height: the head's box is entered first,
    // the nozzle's 10 cm behind it and smaller: the head wins with 5 cm of
    // slack, the nozzle with 20.
    EXPECT_EQ(pickPart(shape, 0.0f, {5, 0.55f, 0}, {-1, 0, 0}), std::optional<size_t>(0));
    EXPECT_EQ(pickPart(shape, 0.0f, {5, 0.55f, 0}, {-1, 0, 0}, 0.2f), std::optional<size_t>(1));
    EXPECT_EQ(pickPart(shape, 0.0f, {5, 0.8f, 0}, {-1, 0, 0}), std::optional<size_t>(0));
    // Nothing there.
    EXPECT_EQ(pickPart(shape, 0.0f, {5, 5, 5}, {1, 0, 0}), std::nullopt);
    // Exploded, the door has moved out towards the viewer and is still found where it went.
    engine::Aabb door = explodedBounds(shape.parts[2], shape, 1.0f);
    EXPECT_EQ(pickPart(shape, 1.0f, {0, 0.5f, 5}, {0, 0, -1}), std::optional<size_t>(2));
    EXPECT_GT(door.min.z, 0.6f);
    EXPECT_EQ(rayEntersBox(door, {0, 0.5f, 0}, {0, 0, -1}), std::nullopt);
}

}  // namespace
}  // namespace twin::learn
