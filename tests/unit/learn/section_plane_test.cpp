// The section plane: where it cuts, from which side, and what it keeps.
#include "learn/section_plane.h"

#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

namespace twin::learn {
namespace {

engine::Aabb unitBox() {
    engine::Aabb b;
    b.expand(glm::vec3(-1, 0, -1));
    b.expand(glm::vec3(1, 2, 1));
    return b;
}

TEST(SectionPlane, NoCutAtZeroDepth) {
    EXPECT_FALSE(sectionPlane(unitBox(), glm::mat4(1.0f), 0.0f, {0, 1, 5}));
    EXPECT_FALSE(sectionPlane(engine::Aabb{}, glm::mat4(1.0f), 0.5f, {0, 1, 5}));
}

TEST(SectionPlane, CutsFromTheEyesSideAlongTheModelsDepth) {
    // Eye in front (+z): half the depth cuts at z = 0 and keeps the back.
    auto plane = sectionPlane(unitBox(), glm::mat4(1.0f), 0.5f, {0, 1, 5});
    ASSERT_TRUE(plane);
    EXPECT_TRUE(keptBy(*plane, {0, 1, -0.5f}));
    EXPECT_FALSE(keptBy(*plane, {0, 1, 0.5f}));
    // A quarter: the plane at z = 0.5.
    plane = sectionPlane(unitBox(), glm::mat4(1.0f), 0.25f, {0, 1, 5});
    EXPECT_TRUE(keptBy(*plane, {0, 1, 0.45f}));
    EXPECT_FALSE(keptBy(*plane, {0, 1, 0.55f}));
    // Eye behind: the cut comes from the back.
    plane = sectionPlane(unitBox(), glm::mat4(1.0f), 0.25f, {0, 1, -5});
    EXPECT_TRUE(keptBy(*plane, {0, 1, -0.45f}));
    EXPECT_FALSE(keptBy(*plane, {0, 1, -0.55f}));
    // Full depth keeps (about) nothing of the box.
    plane = sectionPlane(unitBox(), glm::mat4(1.0f), 1.0f, {0, 1, 5});
    EXPECT_FALSE(keptBy(*plane, {0, 1, -0.99f}));
}

TEST(SectionPlane, FlippedKeepsTheSideNearerTheEye) {
    // Same plane (z = 0.5 at a quarter from the front), the other side kept.
    auto plane = sectionPlane(unitBox(), glm::mat4(1.0f), 0.25f, {0, 1, 5}, true);
    ASSERT_TRUE(plane);
    EXPECT_TRUE(keptBy(*plane, {0, 1, 0.55f}));
    EXPECT_FALSE(keptBy(*plane, {0, 1, 0.45f}));
    EXPECT_FALSE(sectionPlane(unitBox(), glm::mat4(1.0f), 0.0f, {0, 1, 5}, true));
}

TEST(SectionPlane, FollowsTheMachinesPlacement) {
    // Turned 90 degrees about y and moved to x = 10: its depth is the world's x.
    glm::mat4 placement = glm::translate(glm::mat4(1.0f), glm::vec3(10, 0, 0)) *
                          glm::rotate(glm::mat4(1.0f), glm::radians(90.0f), glm::vec3(0, 1, 0));
    auto plane = sectionPlane(unitBox(), placement, 0.5f, {20, 1, 0});
    ASSERT_TRUE(plane);
    EXPECT_NEAR(glm::length(glm::vec3(*plane)), 1.0f, 1e-5f);
    EXPECT_TRUE(keptBy(*plane, {9.5f, 1, 0}));
    EXPECT_FALSE(keptBy(*plane, {10.5f, 1, 0}));
}

}  // namespace
}  // namespace twin::learn
