// engine::Camera: world to pixels and pixels to rays, both ways round.
#include "scene/camera.h"

#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

namespace engine {
namespace {

Camera lookingDownMinusZ(glm::vec3 eye, float aspect = 800.0f / 600.0f) {
    Camera camera;
    camera.position = eye;
    camera.view = glm::lookAt(eye, eye + glm::vec3(0, 0, -1), glm::vec3(0, 1, 0));
    camera.projection = glm::perspective(glm::radians(60.0f), aspect, 0.1f, 100.0f);
    return camera;
}

TEST(Camera, ProjectsThePointAheadToTheViewCentreAndUpwardsToSmallerY) {
    Camera camera = lookingDownMinusZ({0, 0, 0});
    auto centre = camera.project({0, 0, -10}, {800, 600});
    ASSERT_TRUE(centre.has_value());
    EXPECT_NEAR(centre->pixel.x, 400.0f, 1e-3f);
    EXPECT_NEAR(centre->pixel.y, 300.0f, 1e-3f);
    EXPECT_TRUE(centre->onScreen());
    auto above = camera.project({0, 1, -10}, {800, 600});
    ASSERT_TRUE(above.has_value());
    EXPECT_LT(above->pixel.y, 300.0f);  // window pixels grow downwards
    auto right = camera.project({1, 0, -10}, {800, 600});
    EXPECT_GT(right->pixel.x, 400.0f);
}

TEST(Camera, PointsBehindTheEyeHaveNoPixelAndFarOffOnesAreOffScreen) {
    Camera camera = lookingDownMinusZ({0, 0, 0});
    EXPECT_FALSE(camera.project({0, 0, 5}, {800, 600}).has_value());
    EXPECT_FALSE(camera.project({0, 0, 0}, {800, 600}).has_value());  // at the eye
    auto aside = camera.project({50, 0, -1}, {800, 600});
    ASSERT_TRUE(aside.has_value());
    EXPECT_FALSE(aside->onScreen());
    auto beyondFar = camera.project({0, 0, -500}, {800, 600});
    ASSERT_TRUE(beyondFar.has_value());
    EXPECT_FALSE(beyondFar->onScreen());
}

TEST(Camera, TheRayThroughAProjectedPixelPassesThroughThePoint) {
    Camera camera = lookingDownMinusZ({1, 2, 3});
    const glm::vec2 viewport(1280, 720);
    camera.projection = glm::perspective(glm::radians(45.0f), 1280.0f / 720.0f, 0.1f, 200.0f);
    for (glm::vec3 point : {glm::vec3(1, 2, -5), glm::vec3(4, 0, -20), glm::vec3(-3, 5, -8)}) {
        auto pixel = camera.project(point, viewport);
        ASSERT_TRUE(pixel.has_value());
        ViewRay ray = camera.rayThrough(pixel->pixel, viewport);
        EXPECT_NEAR(glm::length(ray.direction), 1.0f, 1e-5f);
        // The point lies on the ray: its distance to the line is ~0.
        glm::vec3 toPoint = point - ray.origin;
        float along = glm::dot(toPoint, ray.direction);
        EXPECT_GT(along, 0.0f);
        EXPECT_LT(along, ray.length);
        EXPECT_NEAR(glm::length(toPoint - ray.direction * along), 0.0f, 1e-3f);
    }
}

TEST(Camera, AnOrthographicRayGoesStraightAlongTheView) {
    Camera plan;
    plan.position = {0, 50, 0};
    plan.view = glm::lookAt(plan.position, glm::vec3(0, 0, 0), glm::vec3(0, 0, -1));
    plan.projection = glm::ortho(-10.0f, 10.0f, -5.0f, 5.0f, 1.0f, 100.0f);
    ViewRay ray = plan.rayThrough({300, 100}, {400, 200});  // three quarters right, middle
    EXPECT_NEAR(ray.direction.y, -1.0f, 1e-5f);
    EXPECT_NEAR(ray.origin.x, 5.0f, 1e-4f);
    EXPECT_NEAR(ray.origin.z, 0.0f, 1e-4f);
    EXPECT_NEAR(ray.length, 99.0f, 1e-3f);
}

TEST(Camera, AnEmptyViewportDoesNotDivideByZero) {
    Camera camera = lookingDownMinusZ({0, 0, 0});
    ViewRay ray = camera.rayThrough({0, 0}, {0, 0});
    EXPECT_TRUE(std::isfinite(ray.direction.x) && std::isfinite(ray.origin.x));
}

}  // namespace
}  // namespace engine
