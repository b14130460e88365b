// Picking, labels and the floor plan against a BVH built here: no GL.
#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include "content/content_loader.h"
#include "floor_plan.h"
#include "labels.h"
#include "picking.h"

namespace twin {
namespace {

// A 1 m cube's 12 triangles at `centre`, all tagged `object`.
void addCube(std::vector<engine::BvhTriangle>& out, glm::vec3 centre, float half, uint32_t object) {
    glm::vec3 c[8];
    for (int i = 0; i < 8; ++i)
        c[i] = centre + glm::vec3((i & 1) ? half : -half, (i & 2) ? half : -half, (i & 4) ? half : -half);
    const int faces[6][4] = {{0, 1, 3, 2}, {4, 6, 7, 5}, {0, 4, 5, 1}, {2, 3, 7, 6}, {0, 2, 6, 4}, {1, 5, 7, 3}};
    for (const auto& f : faces) {
        out.push_back({c[f[0]], c[f[1]], c[f[2]], object});
        out.push_back({c[f[0]], c[f[2]], c[f[3]], object});
    }
}

engine::Camera lookingDownMinusZ(glm::vec3 eye) {
    engine::Camera camera;
    camera.position = eye;
    camera.view = glm::lookAt(eye, eye + glm::vec3(0, 0, -1), glm::vec3(0, 1, 0));
    camera.projection = glm::perspective(glm::radians(60.0f), 1.0f, 0.1f, 100.0f);
    return camera;
}

TEST(Picking, TheCentrePixelHitsTheMachineInFront) {
    std::vector<engine::BvhTriangle> triangles;
    addCube(triangles, {0, 0, -5}, 0.5f, kMachineObjectBase + 7);       // machine 7 in front
    addCube(triangles, {0, 0, -10}, 2.0f, buildingObjectOfTopNode(3));  // a wall behind it
    engine::TriangleBvh bvh = engine::TriangleBvh::build(triangles);
    engine::Camera camera = lookingDownMinusZ({0, 0, 0});
    auto hit = pickAt(bvh, camera, {100, 100}, {200, 200}, {});
    ASSERT_TRUE(hit.has_value());
    EXPECT_NEAR(hit->point.z, -4.5f, 1e-3f);  // the machine's front face
    ASSERT_TRUE(machineOfHit(*hit).has_value());
    EXPECT_EQ(*machineOfHit(*hit), 7u);
    // A pixel beside the machine reaches the wall, which is not a machine.
    auto wall = pickAt(bvh, camera, {75, 100}, {200, 200}, {});
    ASSERT_TRUE(wall.has_value());
    EXPECT_FALSE(machineOfHit(*wall).has_value());
    // A cut-away node cannot be picked.
    EXPECT_FALSE(pickAt(bvh, camera, {75, 100}, {200, 200}, {3}).has_value());
}

TEST(Labels, HiddenNearbyFadeFarOrOtherFloorLeftOutBehindEyeSkipped) {
    std::vector<engine::BvhTriangle> triangles;
    addCube(triangles, {0, 1.5f, -4}, 0.5f, buildingObjectOfTopNode(0));  // a pillar in the way
    engine::TriangleBvh bvh = engine::TriangleBvh::build(triangles);
    std::vector<LabelAnchor> anchors = {
        {{"devant", "in front"}, {2, 1.5f, -6}, false, 0.0f},      // visible
        {{"caché", "hidden"}, {0, 1.5f, -8}, false, 0.0f},         // behind the pillar, near
        {{"étage", "upstairs"}, {0, 6.5f, -8}, false, 5.0f},       // another floor
        {{"dos", "behind"}, {0, 1.5f, 5}, false, 0.0f},            // behind the eye
        {{"loin", "far machine"}, {1, 1.5f, -30}, true, 0.0f},     // machine too far to show
    };
    engine::Camera camera = lookingDownMinusZ({0, 1.5f, 0});
    LabelView view;
    view.viewProjection = camera.projection * camera.view;
    view.eye = camera.position;
    view.viewport = {800, 600};
    std::vector<ScreenLabel> labels = placeLabels(anchors, view, &bvh);
    ASSERT_EQ(labels.size(), 2u);
    EXPECT_EQ(labels[0].text.en, "in front");  // visible ones first
    EXPECT_FLOAT_EQ(labels[0].opacity, 1.0f);
    EXPECT_EQ(labels[1].text.en, "hidden");
    EXPECT_LT(labels[1].opacity, 1.0f);
    // Cut away above the ground floor: the upstairs anchor is not even considered.
    view.hideAboveElevation = 0.0f;
    for (const ScreenLabel& l : placeLabels(anchors, view, nullptr)) EXPECT_NE(l.text.en, "upstairs");
}

TEST(FloorPlan, FramesTheFloorAndMapsPixelsBackToIt) {
    engine::Aabb floor;
    floor.expand({-30, 0, -15});
    floor.expand({30, 5, 15});
    engine::Camera plan = floorPlanCamera(floor, 16.0f / 9.0f);
    glm::mat4 vp = plan.projection * plan.view;
    for (glm::vec3 corner : {glm::vec3(-30, 0, -15), glm::vec3(30, 0, 15)}) {
        glm::vec4 c = vp * glm::vec4(corner, 1.0f);
        EXPECT_LE(std::abs(c.x / c.w), 1.0f);
        EXPECT_LE(std::abs(c.y / c.w), 1.0f);
    }
    // North (-Z) is up: the top centre pixel lies towards -Z.
    glm::vec3 top = planPointAt(plan, {800, 0}, {1600, 900}, 0.0f);
    EXPECT_LT(top.z, -15.0f);
    glm::vec3 centre = planPointAt(plan, {800, 450}, {1600, 900}, 0.0f);
    EXPECT_NEAR(centre.x, 0.0f, 1e-3f);
    EXPECT_NEAR(centre.z, 0.0f, 1e-3f);
    EXPECT_EQ(centre.y, 0.0f);
}

}  // namespace
}  // namespace twin
