#include "render/frustum.h"

#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

namespace engine {
namespace {

Aabb cube(glm::vec3 center, float half) {
    Aabb b;
    b.expand(center - glm::vec3(half));
    b.expand(center + glm::vec3(half));
    return b;
}

TEST(Frustum, KeepsWhatIsInFrontAndCullsTheRest) {
    glm::mat4 view = glm::lookAt(glm::vec3(0, 0, 0), glm::vec3(0, 0, -1), glm::vec3(0, 1, 0));
    glm::mat4 projection = glm::perspective(glm::radians(60.0f), 1.0f, 0.1f, 100.0f);
    Frustum frustum(projection * view);
    EXPECT_TRUE(frustum.intersects(cube({0, 0, -10}, 1)));
    EXPECT_FALSE(frustum.intersects(cube({0, 0, 10}, 1)));    // behind
    EXPECT_FALSE(frustum.intersects(cube({0, 0, -200}, 1)));  // beyond the far plane
    EXPECT_FALSE(frustum.intersects(cube({50, 0, -10}, 1)));  // far to the right
    EXPECT_TRUE(frustum.intersects(cube({6.5f, 0, -10}, 1))); // straddles the right plane
    EXPECT_FALSE(frustum.intersects(Aabb()));                 // empty
}

}  // namespace
}  // namespace engine
