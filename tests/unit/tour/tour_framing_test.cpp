// Automatic framing: rooms seen from a corner at eye level without leaving
// the footprint; machines seen 3/4 from the front with every corner in view.
#include "tour/tour_framing.h"

#include <gtest/gtest.h>

#include "scene/polygon.h"
#include "tour_test_support.h"

namespace twin {
namespace {
using engine::distanceToPolygonEdges;
using engine::pointInPolygon;

// True if every corner of the box is inside the view frustum of `view`.
bool boxInView(const CameraViewpoint& view, glm::vec3 lo, glm::vec3 hi, float fovYDegrees, float aspect,
               float* largestFill = nullptr) {
    glm::vec3 forward = glm::normalize(view.target - view.eye);
    glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0, 1, 0)));
    glm::vec3 up = glm::cross(right, forward);
    float tanY = std::tan(glm::radians(fovYDegrees) * 0.5f), tanX = tanY * aspect;
    float fill = 0.0f;
    for (int i = 0; i < 8; ++i) {
        glm::vec3 v = glm::vec3((i & 1) ? hi.x : lo.x, (i & 2) ? hi.y : lo.y, (i & 4) ? hi.z : lo.z) - view.eye;
        float depth = glm::dot(v, forward);
        if (depth <= 0.05f) return false;
        float x = std::abs(glm::dot(v, right)) / (tanX * depth), y = std::abs(glm::dot(v, up)) / (tanY * depth);
        if (x > 1.0f || y > 1.0f) return false;
        fill = std::max({fill, x, y});
    }
    if (largestFill) *largestFill = fill;
    return true;
}

void expectRoomView(const RoomFramingDesc& desc, const CameraViewpoint& view) {
    glm::vec2 eye(view.eye.x, view.eye.z);
    EXPECT_TRUE(pointInPolygon(desc.footprint, eye));
    EXPECT_GE(distanceToPolygonEdges(desc.footprint, eye), desc.wallMargin - 1e-3f);
    EXPECT_NEAR(view.eye.y - desc.floorElevation, desc.eyeHeight, 1e-5f);
    EXPECT_TRUE(pointInPolygon(desc.footprint, {view.target.x, view.target.z}));
    EXPECT_LT(view.target.y, view.eye.y);  // looks slightly down, across the room
}

TEST(TourFramingTest, RectangularRoomIsSeenFromAnInsetCornerAcrossItsCentre) {
    RoomFramingDesc desc;
    desc.footprint = {{-29.7f, 14.7f}, {-6.1f, 14.7f}, {-6.1f, 1.6f}, {-29.7f, 1.6f}};
    desc.floorElevation = 0.0f;
    desc.ceilingHeight = 5.0f;
    CameraViewpoint view = frameRoom(desc);
    expectRoomView(desc, view);
    EXPECT_NEAR(view.target.x, -17.9f, 1e-3f);
    EXPECT_NEAR(view.target.z, 8.15f, 1e-3f);
    EXPECT_NEAR(view.target.y, 1.0f, 1e-5f);
    // A corner, just the margin in from both walls.
    EXPECT_NEAR(distanceToPolygonEdges(desc.footprint, {view.eye.x, view.eye.z}), desc.wallMargin, 0.02f);
    float toCentre = glm::length(glm::vec2(view.eye.x + 17.9f, view.eye.z - 8.15f));
    EXPECT_GT(toCentre, 0.5f * glm::length(glm::vec2(23.6f, 13.1f)) - 1.0f);
    EXPECT_FLOAT_EQ(frameRoom(desc).eye.x, view.eye.x);  // deterministic
}

TEST(TourFramingTest, UpperFloorAndLowCeiling) {
    RoomFramingDesc desc;
    desc.footprint = {{0, 0}, {6, 0}, {6, 4}, {0, 4}};
    desc.floorElevation = 5.0f;
    desc.ceilingHeight = 3.8f;
    expectRoomView(desc, frameRoom(desc));
    desc.ceilingHeight = 1.8f;  // a mezzanine: the eye ducks under the ceiling
    CameraViewpoint low = frameRoom(desc);
    EXPECT_NEAR(low.eye.y, 5.0f + 1.5f, 1e-5f);
}

TEST(TourFramingTest, ApproachFromPicksTheNearestGoodCorner) {
    RoomFramingDesc desc;
    desc.footprint = {{6.1f, 14.7f}, {29.7f, 14.7f}, {29.7f, 1.6f}, {6.1f, 1.6f}};
    desc.approachFrom = glm::vec2(0.0f, 0.0f);  // the atrium, towards the room's lower-left
    CameraViewpoint view = frameRoom(desc);
    expectRoomView(desc, view);
    EXPECT_NEAR(view.eye.x, 6.1f + desc.wallMargin, 0.02f);
    EXPECT_NEAR(view.eye.z, 1.6f + desc.wallMargin, 0.02f);
    desc.approachFrom = glm::vec2(40.0f, 20.0f);
    view = frameRoom(desc);
    EXPECT_NEAR(view.eye.x, 29.7f - desc.wallMargin, 0.02f);
    EXPECT_NEAR(view.eye.z, 14.7f - desc.wallMargin, 0.02f);
}

TEST(TourFramingTest, ConcaveRoomKeepsEyeAndTargetInside) {
    // A U whose area centroid falls in the gap between its arms.
    RoomFramingDesc desc;
    desc.footprint = {{0, 0}, {12, 0}, {12, 10}, {9, 10}, {9, 2}, {3, 2}, {3, 10}, {0, 10}};
    CameraViewpoint view = frameRoom(desc);
    expectRoomView(desc, view);
    // Clockwise winding works the same.
    std::reverse(desc.footprint.begin(), desc.footprint.end());
    expectRoomView(desc, frameRoom(desc));
}

TEST(TourFramingTest, RoomTooSmallForTheMarginStandsInTheMiddle) {
    RoomFramingDesc desc;
    desc.footprint = {{0, 0}, {1, 0}, {1, 0.8f}, {0, 0.8f}};
    desc.wallMargin = 0.6f;
    CameraViewpoint view = frameRoom(desc);
    EXPECT_NEAR(view.eye.x, 0.5f, 1e-4f);
    EXPECT_NEAR(view.eye.z, 0.4f, 1e-4f);
    EXPECT_GT(glm::length(view.target - view.eye), 0.1f);
    // No area at all: still a usable view.
    desc.footprint = {{0, 0}, {4, 0}};
    view = frameRoom(desc);
    EXPECT_GT(glm::length(view.target - view.eye), 1.0f);
}

TEST(TourFramingTest, MachineIsFramedThreeQuartersFromTheFront) {
    struct Case {
        glm::vec3 lo, hi;
        float yaw, aspect, fov;
        float minFill = 0.5f;
    };
    const Case cases[] = {
        {{-28.3f, 0.75f, 13.6f}, {-27.7f, 1.3f, 14.2f}, 180.0f, 16.0f / 9.0f, 45.0f},  // a desktop printer
        {{-15.0f, 0.0f, 12.0f}, {-13.0f, 2.0f, 13.8f}, 180.0f, 16.0f / 9.0f, 45.0f},   // an SLS machine
        {{24.5f, 0.0f, 6.5f}, {28.5f, 2.6f, 9.5f}, -90.0f, 4.0f / 3.0f, 40.0f},        // a machining centre
        {{-27.5f, 0.0f, -12.5f}, {-23.5f, 2.8f, -8.5f}, 90.0f, 9.0f / 16.0f, 50.0f},   // a robot cell, portrait kiosk
        // Small, upstairs: the eye stays 1.5 m above the floor, so it cannot come close.
        {{0, 5.0f, 0}, {0.4f, 5.3f, 0.4f}, 33.0f, 1.0f, 60.0f, 0.3f},
    };
    for (const Case& c : cases) {
        MachineFramingDesc desc;
        desc.boundsMin = c.lo;
        desc.boundsMax = c.hi;
        desc.yawDegrees = c.yaw;
        desc.aspect = c.aspect;
        desc.fovYDegrees = c.fov;
        CameraViewpoint view = frameMachine(desc);
        SCOPED_TRACE(testing::Message() << "yaw " << c.yaw << " aspect " << c.aspect);
        float fill = 0.0f;
        EXPECT_TRUE(boxInView(view, c.lo, c.hi, c.fov, c.aspect, &fill));
        EXPECT_GT(fill, c.minFill);  // and it is framed, not lost in the distance
        float height = view.eye.y - c.lo.y;
        EXPECT_GE(height, 1.5f - 1e-4f);
        EXPECT_LE(height, 2.5f + 1e-4f);
        EXPECT_LT(glm::length(view.target - 0.5f * (c.lo + c.hi)), 1e-4f);
        // From the front (local +Z), turned 30 degrees towards local +X.
        float yaw = glm::radians(c.yaw);
        glm::vec3 front(std::sin(yaw), 0, std::cos(yaw)), side(std::cos(yaw), 0, -std::sin(yaw));
        glm::vec3 out = view.eye - view.target;
        out.y = 0;
        EXPECT_NEAR(test::angleDegrees(out, front), 30.0, 0.01);
        EXPECT_GT(glm::dot(out, side), 0.0f);
    }
}

TEST(TourFramingTest, MachineOnATableUsesTheFloorForEyeHeight) {
    MachineFramingDesc desc;
    desc.boundsMin = {0, 0.75f, 0};
    desc.boundsMax = {0.5f, 1.2f, 0.5f};
    desc.floorElevation = 0.0f;
    CameraViewpoint view = frameMachine(desc);
    EXPECT_GE(view.eye.y, 1.5f - 1e-4f);
    EXPECT_LE(view.eye.y, 2.5f + 1e-4f);
    EXPECT_TRUE(boxInView(view, desc.boundsMin, desc.boundsMax, desc.fovYDegrees, desc.aspect));
}

TEST(TourFramingTest, InvertedBoundsAreAOneMetreBox) {
    MachineFramingDesc desc;
    desc.boundsMin = {3, 1, 3};
    desc.boundsMax = {1, 0, 1};
    CameraViewpoint view = frameMachine(desc);
    EXPECT_LT(glm::length(view.target - glm::vec3(2, 0.5f, 2)), 1e-5f);
    EXPECT_TRUE(boxInView(view, {1.5f, 0, 1.5f}, {2.5f, 1, 2.5f}, desc.fovYDegrees, desc.aspect));
}

}  // namespace
}  // namespace twin
