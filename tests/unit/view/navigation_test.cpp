// Picking, labels, the floor plan and tour camera paths against a BVH built
// here: no GL.
#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include "content/content_loader.h"
#include "view/floor_plan.h"
#include "view/labels.h"
#include "view/picking.h"
#include "view/tour_setup.h"
#include "../bvh/test_geometry.h"

namespace twin {
namespace {

// The 12 triangles of the box [lo, hi], tagged `object` (the building's by default).
void addBox(std::vector<engine::BvhTriangle>& out, glm::vec3 lo, glm::vec3 hi, uint32_t object = kBuildingObjectBase) {
    engine::test::addBox(out, lo, hi, object);
}

// A cube's 12 triangles at `centre`, all tagged `object`.
void addCube(std::vector<engine::BvhTriangle>& out, glm::vec3 centre, float half, uint32_t object) {
    addBox(out, centre - glm::vec3(half), centre + glm::vec3(half), object);
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
    LabelCamera view;
    view.camera = camera;
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

TEST(TourPanels, AStopOpensThePlatformAndMachineCardsItNames) {
    SceneDescription scene;
    scene.platforms.push_back([] { Platform p; p.id = "additive"; p.floor = "f0"; p.capacity = 20; return p; }());
    scene.platforms.push_back([] { Platform p; p.id = "digital"; p.floor = "f0"; p.capacity = 20; return p; }());
    Machine machine;
    machine.id = "fdm-1";
    scene.machines.push_back(machine);
    StopPanels open = stopPanels(scene, {"platform:digital", "machine:fdm-1"});
    ASSERT_TRUE(open.platform && open.machine);
    EXPECT_EQ(*open.platform, 1u);
    EXPECT_EQ(*open.machine, 0u);
    // Unknown ids and kinds, and text without a kind, open nothing.
    StopPanels none = stopPanels(scene, {"platform:nowhere", "machine:", "chart:additive", "additive", ""});
    EXPECT_FALSE(none.platform);
    EXPECT_FALSE(none.machine);
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

// Two rooms side by side, x in [-6, 0] and [0, 6], z in [-4, 4], 3 m high
// (floor, ceiling and outer walls closed), the wall between them 0.2 m thick
// with a door 1 m wide and 2.1 m high at z = 0.
struct TwoRooms {
    static constexpr float kDoorHalfWidth = 0.5f, kDoorHeight = 2.1f;
    std::shared_ptr<const engine::TriangleBvh> bvh;
    TwoRooms() {
        std::vector<engine::BvhTriangle> t;
        addBox(t, {-6.2f, -0.2f, -4.2f}, {6.2f, 0.0f, 4.2f});  // floor
        addBox(t, {-6.2f, 3.0f, -4.2f}, {6.2f, 3.2f, 4.2f});   // ceiling
        addBox(t, {-6.2f, 0, -4.2f}, {6.2f, 3, -4});           // outer walls
        addBox(t, {-6.2f, 0, 4}, {6.2f, 3, 4.2f});
        addBox(t, {-6.2f, 0, -4}, {-6, 3, 4});
        addBox(t, {6, 0, -4}, {6.2f, 3, 4});
        addBox(t, {-0.1f, 0, -4}, {0.1f, 3, -kDoorHalfWidth});  // the wall between, and above the door
        addBox(t, {-0.1f, 0, kDoorHalfWidth}, {0.1f, 3, 4});
        addBox(t, {-0.1f, kDoorHeight, -kDoorHalfWidth}, {0.1f, 3, kDoorHalfWidth});
        bvh = std::make_shared<const engine::TriangleBvh>(engine::TriangleBvh::build(t));
    }
};

TEST(TourObstacles, SegmentTestBlocksWallsAndKeepsClearOfDoorFrames) {
    TwoRooms rooms;
    auto blocked = tourSegmentTest(rooms.bvh);
    EXPECT_TRUE(blocked({-3, 1.65f, 2}, {3, 1.65f, 2}));      // through the wall
    EXPECT_FALSE(blocked({-3, 1.65f, 0}, {3, 1.65f, 0}));     // through the middle of the door
    EXPECT_FALSE(blocked({-3, 1.65f, 2}, {-3, 1.65f, -2}));   // inside one room
    // Through the door but 0.1 m from its frame: no triangle crossed, yet
    // closer than the clearance.
    EXPECT_FALSE(rooms.bvh->occluded({-3, 1.65f, 0.4f}, {3, 1.65f, 0.4f}));
    EXPECT_TRUE(blocked({-3, 1.65f, 0.4f}, {3, 1.65f, 0.4f}));
    EXPECT_TRUE(blocked({-3, 2.0f, 0}, {3, 2.0f, 0}));         // under the door's head
    // A stop may stand near a wall: moving away from it is not blocked.
    EXPECT_FALSE(blocked({-5.9f, 1.65f, 1}, {-3, 1.65f, 1}));
    // Nor is a move along a wall, farther from it than the clearance.
    EXPECT_FALSE(blocked({-3, 1.65f, 3.7f}, {-5, 1.65f, 3.7f}));
    EXPECT_TRUE(blocked({-3, 1.65f, 3.9f}, {-5, 1.65f, 3.9f}));
    // Without a BVH nothing blocks.
    EXPECT_FALSE(tourSegmentTest(nullptr)({-3, 1.65f, 2}, {3, 1.65f, 2}));
}

// A scene around the two rooms: one tour from a corner of the west room to
// the east room and back, doorway waypoints and a few that lead nowhere.
SceneDescription twoRoomScene() {
    SceneDescription scene;
    scene.building.floors.push_back({"floor_0", {"Rez-de-chaussée", "Ground floor"}, 0.0f, 3.0f, {}});
    scene.building.waypoints = {{-0.7f, 1.65f, 0}, {0.7f, 1.65f, 0},  // both sides of the door
                                {-5, 1.65f, -3}, {5, 2.5f, -3},      // corners of the rooms
                                {0, 1.65f, 10}, {0, 5, 0}};           // outside, above the ceiling
    Tour tour;
    tour.id = "rooms";
    auto stop = [](glm::vec3 eye, glm::vec3 target) {
        TourStop s;
        s.camera = CameraViewpoint{eye, target};
        s.durationSeconds = 3.0f;
        s.narration = {"Ici", "Here"};
        return s;
    };
    tour.stops = {stop({-4, 1.65f, 3}, {-4, 1.0f, -3}), stop({4, 1.65f, 3}, {3, 1.0f, -2}),
                  stop({-4.5f, 1.65f, -1}, {-5, 1.2f, 3})};
    scene.tours.push_back(tour);
    return scene;
}

// The largest gap between the path and the rooms' triangles, and whether a
// move between consecutive samples crossed one.
void expectClearFlight(const engine::TriangleBvh& bvh, const std::vector<CameraViewpoint>& samples) {
    ASSERT_GT(samples.size(), 2u);
    float nearest = 1e9f;
    for (std::size_t i = 1; i < samples.size(); ++i) {
        ASSERT_FALSE(bvh.occluded(samples[i - 1].eye, samples[i].eye)) << "sample " << i;
        if (auto hit = bvh.closestPoint(samples[i].eye, 1.0f)) nearest = std::min(nearest, hit->distance);
    }
    // The stops stand 1 m from the walls; the route keeps most of the
    // clearance through the door (0.5 m from its frame at its middle).
    EXPECT_GT(nearest, 0.15f);
}

TEST(TourObstacles, RoomToRoomThroughTheDoorNeverCrossesAWall) {
    TwoRooms rooms;
    SceneDescription scene = twoRoomScene();
    // Without obstacles: straight through the wall (what the app did before).
    std::optional<TourPlayer> blind = makeTourPlayer(scene, "rooms", {}, false);
    ASSERT_TRUE(blind.has_value());
    EXPECT_TRUE(rooms.bvh->occluded(blind->stopViewpoint(0).eye, blind->stopViewpoint(1).eye));

    std::optional<TourPlayer> player = makeTourPlayer(scene, "rooms", {}, false, std::nullopt, rooms.bvh);
    ASSERT_TRUE(player.has_value());
    const CameraPath& path = player->path();
    EXPECT_EQ(path.unresolvedLegs(), 0);
    for (std::size_t leg : {1u, 2u}) {
        EXPECT_TRUE(path.detoured(leg));
        // Through the door: by one of its waypoints at least (one is enough
        // when the move from it to the stop is clear), in the order of travel.
        const std::vector<glm::vec3>& via = path.via(leg);
        auto west = std::find(via.begin(), via.end(), scene.building.waypoints[0]);
        auto east = std::find(via.begin(), via.end(), scene.building.waypoints[1]);
        EXPECT_TRUE(west != via.end() || east != via.end());
        if (west != via.end() && east != via.end()) {
            EXPECT_TRUE(leg == 1 ? west < east : east < west);
        }
        // None of the waypoints that lead nowhere.
        for (std::size_t w = 2; w < scene.building.waypoints.size(); ++w)
            EXPECT_EQ(std::find(via.begin(), via.end(), scene.building.waypoints[w]), via.end()) << "waypoint " << w;
    }
    std::vector<CameraViewpoint> samples;
    for (double t = 0.0; t <= player->totalDuration(); t += 1.0 / 240.0) {
        player->seek(t);
        samples.push_back(player->viewpoint());
    }
    expectClearFlight(*rooms.bvh, samples);
    // Smooth still: the detour costs time, not jumps.
    for (std::size_t i = 1; i < samples.size(); ++i)
        ASSERT_LT(glm::length(samples[i].eye - samples[i - 1].eye), 10.0f / 240.0f) << "sample " << i;
}

TEST(TourObstacles, AGlideFromMidFlightAlsoGoesThroughTheDoor) {
    TwoRooms rooms;
    SceneDescription scene = twoRoomScene();
    std::optional<TourPlayer> player = makeTourPlayer(scene, "rooms", {}, false, std::nullopt, rooms.bvh);
    ASSERT_TRUE(player.has_value());
    // Halfway to the east room, the visitor asks for the previous stop, then
    // the next one: every glide starts where the camera is, on either side
    // of the wall.
    player->seek(player->arrivalSeconds(1) - 0.5 * player->transitionSeconds(1));
    std::vector<CameraViewpoint> samples{player->viewpoint()};
    player->previous();
    for (int frame = 0; frame < 60 * 20 && player->moving(); ++frame) {
        player->update(1.0 / 240.0);
        samples.push_back(player->viewpoint());
    }
    EXPECT_EQ(player->currentStop(), 0u);
    player->next();
    for (int frame = 0; frame < 60 * 20 && player->moving(); ++frame) {
        player->update(1.0 / 240.0);
        samples.push_back(player->viewpoint());
    }
    EXPECT_LT(glm::length(samples.back().eye - player->stopViewpoint(1).eye), 1e-4f);
    expectClearFlight(*rooms.bvh, samples);
}

}  // namespace
}  // namespace twin
