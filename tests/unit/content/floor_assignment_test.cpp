// Floor assignment: which floor a point is on (floorIndexAt, by height) and
// which floor a platform is on (SceneDescription::floor, by id). The floors
// are the Twin building's: slab tops at 0, 5 and 8.8 m, the top storey's
// ceiling at 12.6 m.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "content/scene_file.h"

namespace twin {
namespace {

std::vector<Floor> twinFloors() {
    return {{"floor_0", {"Rez-de-chaussée", "Ground floor"}, 0.0f, 5.0f, {"floor_0"}},
            {"floor_1", {"1er étage", "First floor"}, 5.0f, 3.8f, {"floor_1"}},
            {"floor_2", {"2e étage", "Second floor"}, 8.8f, 3.8f, {"floor_2"}}};
}

TEST(FloorAssignment, EyesAndFeetAreOnTheFloorBelowThem) {
    const std::vector<Floor> floors = twinFloors();
    EXPECT_EQ(floorIndexAt(floors, 0.0f), 0u);    // feet on the ground floor
    EXPECT_EQ(floorIndexAt(floors, 1.65f), 0u);   // a visitor's eyes there
    EXPECT_EQ(floorIndexAt(floors, 6.65f), 1u);
    EXPECT_EQ(floorIndexAt(floors, 10.45f), 2u);
}

TEST(FloorAssignment, BoundariesBetweenFloors) {
    const std::vector<Floor> floors = twinFloors();
    // A slab's top belongs to the floor it carries...
    EXPECT_EQ(floorIndexAt(floors, 5.0f), 1u);
    EXPECT_EQ(floorIndexAt(floors, 8.8f), 2u);
    // ...and so does a point computed on it that came out a hair below.
    EXPECT_EQ(floorIndexAt(floors, 4.995f), 1u);
    // Just below that: still under the slab, on the floor below.
    EXPECT_EQ(floorIndexAt(floors, 4.98f), 0u);
    EXPECT_EQ(floorIndexAt(floors, 8.78f), 1u);
}

TEST(FloorAssignment, BelowGroundAndAboveTheRoofAreOnNoFloor) {
    const std::vector<Floor> floors = twinFloors();
    EXPECT_EQ(floorIndexAt(floors, -0.005f), 0u);  // rounding on the ground slab
    EXPECT_FALSE(floorIndexAt(floors, -0.02f).has_value());
    EXPECT_FALSE(floorIndexAt(floors, -3.0f).has_value());
    EXPECT_EQ(floorIndexAt(floors, 12.59f), 2u);
    EXPECT_FALSE(floorIndexAt(floors, 12.6f).has_value());  // the top storey's ceiling
    EXPECT_FALSE(floorIndexAt(floors, 48.0f).has_value());  // the overview camera
}

TEST(FloorAssignment, FloorsInAnyOrderWithAGapAndBadInput) {
    std::vector<Floor> floors = twinFloors();
    std::swap(floors[0], floors[2]);
    EXPECT_EQ(floorIndexAt(floors, 1.0f), 2u);  // floor_0, now listed last
    EXPECT_EQ(floorIndexAt(floors, 9.0f), 0u);  // floor_2, now listed first
    // A storey lower than the space up to the next one: the space between
    // its ceiling and the next slab is on no floor.
    floors = {{"low", {}, 0.0f, 3.0f, {}}, {"high", {}, 5.0f, 3.0f, {}}};
    EXPECT_EQ(floorIndexAt(floors, 2.9f), 0u);
    EXPECT_FALSE(floorIndexAt(floors, 4.0f).has_value());
    EXPECT_EQ(floorIndexAt(floors, 5.5f), 1u);
    EXPECT_FALSE(floorIndexAt({}, 1.0f).has_value());
    EXPECT_FALSE(floorIndexAt(twinFloors(), std::numeric_limits<float>::quiet_NaN()).has_value());
    EXPECT_FALSE(floorIndexAt(twinFloors(), std::numeric_limits<float>::infinity()).has_value());
    EXPECT_FALSE(floorIndexAt(twinFloors(), -std::numeric_limits<float>::infinity()).has_value());
}

TEST(FloorAssignment, APlatformIsOnTheFloorItNames) {
    SceneDescription scene;
    scene.building.floors = twinFloors();
    Platform training;
    training.id = "training-2";
    training.floor = "floor_1";
    scene.platforms.push_back(training);
    const Floor* floor = scene.floor(scene.platform("training-2")->floor);
    ASSERT_NE(floor, nullptr);
    EXPECT_EQ(floor->elevation, 5.0f);
    // Its floor by id and by the height of a visitor's eyes in it agree.
    EXPECT_EQ(&scene.building.floors[*floorIndexAt(scene.building.floors, floor->elevation + 1.65f)], floor);
    EXPECT_EQ(scene.floor("roof"), nullptr);
}

}  // namespace
}  // namespace twin
