#include "nav/orbit_camera.h"

#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

namespace engine {
namespace {

Aabb box(glm::vec3 min, glm::vec3 max) {
    Aabb b;
    b.expand(min);
    b.expand(max);
    return b;
}

// Projects a world point with the camera; true when it lands inside the view.
bool inView(const OrbitCamera& camera, const Aabb& bounds, float aspect, glm::vec3 p) {
    glm::vec4 clip = camera.projection(aspect, bounds) * camera.view() * glm::vec4(p, 1.0f);
    glm::vec3 ndc = glm::vec3(clip) / clip.w;
    return clip.w > 0 && std::abs(ndc.x) <= 1.0f && std::abs(ndc.y) <= 1.0f && ndc.z >= -1.0f && ndc.z <= 1.0f;
}

TEST(OrbitCamera, FrameKeepsEveryCornerInView) {
    for (float aspect : {0.5f, 1.0f, 16.0f / 9.0f, 3.0f}) {
        OrbitCamera camera;
        Aabb bounds = box({-3, 0, -1}, {5, 2, 4});
        camera.frame(bounds, 35.0f, -25.0f, aspect, true);
        for (int i = 0; i < 8; ++i) {
            glm::vec3 corner((i & 1) ? bounds.max.x : bounds.min.x, (i & 2) ? bounds.max.y : bounds.min.y,
                             (i & 4) ? bounds.max.z : bounds.min.z);
            EXPECT_TRUE(inView(camera, bounds, aspect, corner)) << "aspect " << aspect << " corner " << i;
        }
        EXPECT_NEAR(glm::length(camera.pose().target - bounds.center()), 0.0f, 1e-5f);
    }
}

// Seen from outside, the near plane goes out to the scene's box (depth
// precision for marks a few millimetres above a wide site's ground), and
// nothing of the box in view is cut by it; inside the box it comes close.
TEST(OrbitCamera, TheNearPlaneGoesOutToTheSceneWithoutCuttingIt) {
    const Aabb site = box({-70, -1.2f, -45}, {70, 18, 55});
    for (float aspect : {0.5f, 16.0f / 9.0f, 3.0f}) {
        OrbitCamera camera;
        camera.frame(site, 30.0f, -35.0f, aspect, true);
        float nearPlane = 0, farPlane = 0;
        camera.projection(aspect, site, &nearPlane, &farPlane);
        const glm::vec3 eye = camera.eye();
        const float boxDistance = glm::length(glm::max(glm::max(site.min - eye, eye - site.max), glm::vec3(0.0f)));
        ASSERT_GT(boxDistance, 10.0f) << "the eye is outside the site";
        EXPECT_GT(nearPlane, 0.4f * boxDistance) << "aspect " << aspect;
        EXPECT_GT(farPlane / nearPlane, 2.0f);
        // Every point of the box's surface that is in view lies beyond the
        // near plane: a grid over its six faces.
        for (int axis = 0; axis < 3; ++axis)
            for (float side : {0.0f, 1.0f})
                for (int i = 0; i <= 20; ++i)
                    for (int j = 0; j <= 20; ++j) {
                        glm::vec3 t;
                        t[axis] = side;
                        t[(axis + 1) % 3] = float(i) / 20.0f;
                        t[(axis + 2) % 3] = float(j) / 20.0f;
                        const glm::vec3 p = site.min + t * (site.max - site.min);
                        const glm::vec4 clip = camera.projection(aspect, site) * camera.view() * glm::vec4(p, 1.0f);
                        if (clip.w <= 0 || std::abs(clip.x) > clip.w || std::abs(clip.y) > clip.w) continue;
                        EXPECT_GE(clip.z, -clip.w) << "cut by the near plane: " << p.x << "," << p.y << "," << p.z;
                    }
    }
    // Inside the box (a walk through the building): the near plane comes close.
    OrbitCamera inside;
    inside.lookAt({0, 1.6f, 0}, {0, 1.6f, -5}, true);
    float nearPlane = 0;
    inside.projection(16.0f / 9.0f, site, &nearPlane, nullptr);
    EXPECT_LT(nearPlane, 0.2f);
}

TEST(OrbitCamera, LookAtPlacesTheEyeExactly) {
    OrbitCamera camera;
    camera.lookAt({3, 4, 5}, {1, 1, 1}, true);
    glm::vec3 eye = camera.eye();
    EXPECT_NEAR(eye.x, 3.0f, 1e-4f);
    EXPECT_NEAR(eye.y, 4.0f, 1e-4f);
    EXPECT_NEAR(eye.z, 5.0f, 1e-4f);
}

TEST(OrbitCamera, DampingEasesAndSettles) {
    OrbitCamera camera;
    camera.lookAt({0, 0, 10}, {0, 0, 0}, true);
    camera.rotate({100.0f, 0.0f});  // 30 degrees of yaw
    float previous = camera.pose().yawDegrees;
    EXPECT_TRUE(camera.update(1.0f / 60.0f));
    float after = camera.pose().yawDegrees;
    EXPECT_NE(previous, after);
    EXPECT_LT(std::abs(std::remainder(after - previous, 360.0f)), 30.0f);  // eased, not a jump
    bool moving = true;
    for (int i = 0; i < 600 && moving; ++i) moving = camera.update(1.0f / 60.0f);
    EXPECT_FALSE(moving);
    EXPECT_NEAR(std::remainder(camera.pose().yawDegrees - camera.goal().yawDegrees, 360.0f), 0.0f, 1e-3f);
}

TEST(OrbitCamera, PitchIsClamped) {
    OrbitCamera camera;
    camera.lookAt({0, 0, 10}, {0, 0, 0}, true);
    camera.rotate({0.0f, 10000.0f});
    EXPECT_GE(camera.goal().pitchDegrees, -89.0f);
    camera.rotate({0.0f, -20000.0f});
    EXPECT_LE(camera.goal().pitchDegrees, 89.0f);
}

TEST(OrbitCamera, ZoomTowardsCursorKeepsThePointUnderIt) {
    OrbitCamera camera;
    camera.lookAt({0, 0, 10}, {0, 0, 0}, true);
    glm::vec2 viewport(800, 600);
    glm::vec2 cursor(600, 150);  // right and up of the centre
    Aabb bounds = box({-5, -5, -5}, {5, 5, 5});
    float aspect = viewport.x / viewport.y;
    // The world point under the cursor on the target plane (z = 0).
    auto pointUnderCursor = [&](const OrbitCamera& c) {
        glm::mat4 inverse = glm::inverse(c.projection(aspect, bounds) * c.view());
        glm::vec2 ndc(cursor.x / viewport.x * 2 - 1, 1 - cursor.y / viewport.y * 2);
        glm::vec4 nearPoint = inverse * glm::vec4(ndc, -1, 1), farPoint = inverse * glm::vec4(ndc, 1, 1);
        glm::vec3 a = glm::vec3(nearPoint) / nearPoint.w, b = glm::vec3(farPoint) / farPoint.w;
        float t = a.z / (a.z - b.z);
        return a + (b - a) * t;
    };
    glm::vec3 before = pointUnderCursor(camera);
    camera.zoom(2.0f, cursor, viewport);
    for (int i = 0; i < 600; ++i) camera.update(1.0f / 60.0f);
    glm::vec3 after = pointUnderCursor(camera);
    EXPECT_LT(camera.pose().distance, 10.0f);
    EXPECT_NEAR(glm::length(after - before), 0.0f, 1e-2f);
}

TEST(OrbitCamera, PanMovesTheTargetInTheViewPlane) {
    OrbitCamera camera;
    camera.lookAt({0, 0, 10}, {0, 0, 0}, true);
    camera.pan({-100.0f, 0.0f}, {800, 600});
    EXPECT_GT(camera.goal().target.x, 0.0f);  // dragging left moves the view right
    EXPECT_NEAR(camera.goal().target.z, 0.0f, 1e-5f);
}

}  // namespace
}  // namespace engine

namespace engine {
namespace {

TEST(OrbitCamera, NeverGoesUnderTheGround) {
    OrbitCamera camera;
    camera.setMinEyeHeight(0.2f);
    camera.lookAt({0, 5, 20}, {0, 2, 0}, true);
    camera.rotate({0.0f, -2000.0f});  // try to look up from far below
    for (int i = 0; i < 600; ++i) camera.update(1.0f / 60.0f);
    EXPECT_GE(camera.eye().y, 0.2f - 1e-3f);
    camera.zoom(-5.0f, {400, 300}, {800, 600});  // backing away keeps it above too
    for (int i = 0; i < 600; ++i) camera.update(1.0f / 60.0f);
    EXPECT_GE(camera.eye().y, 0.2f - 1e-3f);
}

}  // namespace
}  // namespace engine
