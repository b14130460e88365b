// Animation sampling: interpolation between keys, clamping outside them,
// looping and scrubbing of a clip's time, rotations by slerp, and the
// motion a clip gives each node of a hierarchy.
#include <cmath>

#include <gtest/gtest.h>
#include <glm/gtc/matrix_transform.hpp>

#include "scene/animation.h"
#include "scene/model_layout.h"

namespace engine {
namespace {

void expectNear(const glm::vec3& a, const glm::vec3& b, float eps = 1e-5f) {
    EXPECT_NEAR(a.x, b.x, eps);
    EXPECT_NEAR(a.y, b.y, eps);
    EXPECT_NEAR(a.z, b.z, eps);
}

TEST(AnimationSampling, LinearBetweenKeysAndClampedOutside) {
    const std::vector<VectorKey> keys{{0.0f, {0, 0, 0}}, {1.0f, {2, 0, 0}}, {3.0f, {2, 4, 0}}};
    expectNear(sampleKeys(keys, 0.5f, glm::vec3(9)), {1, 0, 0});
    expectNear(sampleKeys(keys, 2.0f, glm::vec3(9)), {2, 2, 0});
    expectNear(sampleKeys(keys, 1.0f, glm::vec3(9)), {2, 0, 0});   // on a key
    expectNear(sampleKeys(keys, -5.0f, glm::vec3(9)), {0, 0, 0});  // before the first: the first
    expectNear(sampleKeys(keys, 10.0f, glm::vec3(9)), {2, 4, 0});  // after the last: the last
    expectNear(sampleKeys(keys, NAN, glm::vec3(9)), {0, 0, 0});
}

TEST(AnimationSampling, SingleKeyAndEmptyChannel) {
    const std::vector<VectorKey> one{{0.7f, {1, 2, 3}}};
    expectNear(sampleKeys(one, 0.0f, glm::vec3(0)), {1, 2, 3});
    expectNear(sampleKeys(one, 5.0f, glm::vec3(0)), {1, 2, 3});
    expectNear(sampleKeys(std::span<const VectorKey>{}, 1.0f, glm::vec3(4, 5, 6)), {4, 5, 6});
    const glm::quat rest = glm::angleAxis(0.3f, glm::vec3(0, 1, 0));
    const glm::quat q = sampleKeys(std::span<const RotationKey>{}, 1.0f, rest);
    EXPECT_NEAR(std::abs(glm::dot(q, rest)), 1.0f, 1e-6f);
}

TEST(AnimationSampling, KeysAtTheSameTimeJumpWithoutDividingByZero) {
    const std::vector<VectorKey> keys{{0.0f, {0, 0, 0}}, {1.0f, {1, 0, 0}}, {1.0f, {5, 0, 0}}, {2.0f, {5, 0, 0}}};
    const glm::vec3 v = sampleKeys(keys, 1.0f, glm::vec3(0));
    EXPECT_TRUE(std::isfinite(v.x));
    expectNear(sampleKeys(keys, 1.5f, glm::vec3(0)), {5, 0, 0});
}

TEST(AnimationSampling, RotationsSlerpAtConstantSpeedTheShortWay) {
    const glm::vec3 up(0, 1, 0);
    const std::vector<RotationKey> keys{{0.0f, glm::angleAxis(0.0f, up)}, {1.0f, glm::angleAxis(glm::radians(90.0f), up)}};
    const glm::quat quarter = sampleKeys(keys, 0.25f, glm::quat(1, 0, 0, 0));
    EXPECT_NEAR(glm::degrees(glm::angle(quarter)), 22.5f, 1e-3f);  // slerp: a quarter of the angle, not of the chord
    EXPECT_NEAR(glm::length(quarter), 1.0f, 1e-6f);
    // The same end rotation written as -q: still the short way (45 degrees at half time).
    const std::vector<RotationKey> flipped{{0.0f, glm::angleAxis(0.0f, up)}, {1.0f, -glm::angleAxis(glm::radians(90.0f), up)}};
    const glm::quat half = sampleKeys(flipped, 0.5f, glm::quat(1, 0, 0, 0));
    const glm::vec3 x = half * glm::vec3(1, 0, 0);
    expectNear(x, glm::vec3(std::cos(glm::radians(45.0f)), 0, -std::sin(glm::radians(45.0f))), 1e-4f);
}

TEST(AnimationSampling, ClipTimeLoopsClampsAndScrubs) {
    EXPECT_FLOAT_EQ(clipTime(1.5, 4.0f, true), 1.5f);
    EXPECT_FLOAT_EQ(clipTime(5.5, 4.0f, true), 1.5f);   // a second loop
    EXPECT_FLOAT_EQ(clipTime(-1.0, 4.0f, true), 3.0f);  // scrubbed back before the start
    EXPECT_FLOAT_EQ(clipTime(5.5, 4.0f, false), 4.0f);  // not looping: held at the end
    EXPECT_FLOAT_EQ(clipTime(-1.0, 4.0f, false), 0.0f);
    EXPECT_FLOAT_EQ(clipTime(3.0, 0.0f, true), 0.0f);   // a still pose
    EXPECT_FLOAT_EQ(clipTime(INFINITY, 4.0f, true), 0.0f);
}

// root > arm > hand; the arm turns 90 degrees about y in one second.
struct Arm {
    std::vector<glm::mat4> local{glm::mat4(1.0f), glm::translate(glm::mat4(1.0f), {0, 1, 0}),
                                 glm::translate(glm::mat4(1.0f), {1, 0, 0})};
    std::vector<int32_t> parents{-1, 0, 1};
    AnimationClip clip{"cycle", 1.0f, {{1, {}, {{0.0f, glm::quat(1, 0, 0, 0)}, {1.0f, glm::angleAxis(glm::radians(90.0f), glm::vec3(0, 1, 0))}}, {}}}};
};

TEST(AnimationSampling, LocalTransformsKeepTheRestWhereTheClipHasNoKeys) {
    Arm arm;
    const auto local = animatedLocalTransforms(arm.local, arm.clip, 1.0f);
    expectNear(glm::vec3(local[1][3]), {0, 1, 0});  // no position keys: the rest translation
    expectNear(glm::vec3(local[1] * glm::vec4(1, 0, 0, 0)), {0, 0, -1});
    EXPECT_EQ(local[2], arm.local[2]);  // no channel
}

TEST(AnimationSampling, ChildrenFollowTheirParentsMotion) {
    Arm arm;
    const auto rest = animatedNodeMotion(arm.local, arm.parents, arm.clip, 0.0f);
    for (const glm::mat4& m : rest)
        for (int c = 0; c < 4; ++c) expectNear(glm::vec3(m[c]), glm::vec3(glm::mat4(1.0f)[c]));
    const auto motion = animatedNodeMotion(arm.local, arm.parents, arm.clip, 1.0f);
    EXPECT_EQ(motion[0], glm::mat4(1.0f));
    // The hand sat at (1, 1, 0); turned with the arm about the arm's origin (0, 1, 0) it is at (0, 1, -1).
    expectNear(glm::vec3(motion[2] * glm::vec4(1, 1, 0, 1)), {0, 1, -1});
    expectNear(glm::vec3(motion[1] * glm::vec4(0, 1, 0, 1)), {0, 1, 0});  // the pivot stays
}

TEST(AnimationSampling, ChannelsOutOfRangeAreIgnored) {
    Arm arm;
    arm.clip.channels[0].node = 7;
    const auto motion = animatedNodeMotion(arm.local, arm.parents, arm.clip, 1.0f);
    for (const glm::mat4& m : motion) EXPECT_EQ(m, glm::mat4(1.0f));
}

TEST(AnimationSampling, FindClipByNameOrFirst) {
    std::vector<AnimationClip> clips{{"idle", 1.0f, {}}, {"cycle", 2.0f, {}}};
    EXPECT_EQ(findClip(clips, "cycle"), 1);
    EXPECT_EQ(findClip(clips, ""), 0);
    EXPECT_EQ(findClip(clips, "dance"), -1);
    EXPECT_EQ(findClip({}, ""), -1);
}

TEST(AnimationSampling, LayoutPartsMoveWithTheirNodes) {
    ModelData model;
    MeshData mesh;
    mesh.vertices = {Vertex{{0, 0, 0}}, Vertex{{0.1f, 0, 0}}, Vertex{{0, 0.1f, 0}}};
    mesh.indices = {0, 1, 2};
    mesh.bounds.expand({0, 0, 0});
    mesh.bounds.expand({0.1f, 0.1f, 0});
    model.meshes.push_back(mesh);
    model.nodes.push_back({"root", -1, glm::mat4(1.0f), {}});
    model.nodes.push_back({"base", 0, glm::mat4(1.0f), {0}});
    model.nodes.push_back({"slider", 0, glm::translate(glm::mat4(1.0f), {1, 0, 0}), {0}});
    model.animations.push_back({"cycle", 2.0f, {{2, {{0.0f, {1, 0, 0}}, {2.0f, {3, 0, 0}}}, {}, {}}}});
    ModelLayoutDesc desc;
    desc.mergeWithinNodes = true;
    const ModelLayout layout = layOutModel(model, desc);
    ASSERT_EQ(layout.extent.animations.size(), 1u);
    const auto moved = layout.extent.animatedPlacementTransforms(layout.extent.animations[0], 1.0f);
    ASSERT_EQ(moved.size(), layout.extent.parts.size());
    const Aabb still = layout.extent.worldBounds(glm::mat4(1.0f));
    const Aabb animated = layout.extent.worldBounds(glm::mat4(1.0f), moved);
    EXPECT_NEAR(still.max.x, 1.1f, 1e-5f);
    EXPECT_NEAR(animated.max.x, 2.1f, 1e-5f);  // the slider went from x = 1 to x = 2
    EXPECT_NEAR(animated.min.x, 0.0f, 1e-5f);  // the base stays
}

}  // namespace
}  // namespace engine
