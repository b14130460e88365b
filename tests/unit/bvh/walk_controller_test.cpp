#include "nav/walk_controller.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "test_geometry.h"

namespace engine {
namespace {

using test::TestBuilding;

constexpr float kFrame = 1.0f / 60.0f;
constexpr float kWalk = 1.4f;  // m/s
constexpr float kRun = 4.0f;
constexpr float kMezzanineTop = TestBuilding::kStepCount * TestBuilding::kRiser;  // 2.72

struct Pace {
    float speed;
    float dt;
};
// Walking and running at 60 frames a second, and running with 0.25 s frames.
constexpr Pace kPaces[] = {{kWalk, kFrame}, {kRun, kFrame}, {kRun, 0.25f}};

// Walks along `direction` at `speed` for `seconds`, one move() per frame.
void walk(WalkController& walker, glm::vec3 direction, float speed, float seconds, float dt = kFrame) {
    direction = glm::normalize(direction);
    int frames = int(std::lround(seconds / dt));
    for (int i = 0; i < frames; ++i) walker.move(direction * speed * dt, dt);
}

class WalkControllerTest : public ::testing::Test {
protected:
    TriangleBvh bvh_ = TriangleBvh::build(test::makeTestBuilding());
};

TEST_F(WalkControllerTest, TeleportSnapsToTheFloorBelow) {
    WalkController walker(bvh_);
    EXPECT_FALSE(walker.grounded());
    ASSERT_TRUE(walker.teleport({2, 1, 5}));
    EXPECT_TRUE(walker.grounded());
    EXPECT_NEAR(walker.feet().y, 0.0f, 1e-5f);
    EXPECT_NEAR(walker.eye().y, 1.65f, 1e-5f);
    EXPECT_EQ(walker.feet().x, 2.0f);
    EXPECT_EQ(walker.feet().z, 5.0f);
    EXPECT_EQ(walker.floorObjectId(), std::optional<uint32_t>(test::kFloor));

    ASSERT_TRUE(walker.teleport({8.5f, 4, 3.5f}));  // above the mezzanine
    EXPECT_NEAR(walker.feet().y, kMezzanineTop, 1e-5f);
    EXPECT_EQ(walker.floorObjectId(), std::optional<uint32_t>(test::kMezzanine));
    ASSERT_TRUE(walker.teleport({8.5f, 2, 3.5f}));  // under it
    EXPECT_NEAR(walker.feet().y, 0.0f, 1e-5f);
    ASSERT_TRUE(walker.teleport({2, -0.03f, 5}));  // a little under the floor is forgiven
    EXPECT_NEAR(walker.feet().y, 0.0f, 1e-5f);

    EXPECT_FALSE(walker.teleport({50, 1, 50}));  // nothing below
    EXPECT_FALSE(walker.grounded());
    EXPECT_FALSE(walker.floorObjectId());
    EXPECT_FALSE(walker.teleport({std::numeric_limits<float>::quiet_NaN(), 1, 5}));
}

TEST_F(WalkControllerTest, StaysOnTheFloorWithTheEyeAtEyeHeight) {
    WalkController walker(bvh_);
    ASSERT_TRUE(walker.teleport({-5, 0, -7}));
    for (int i = 0; i < 300; ++i) {
        walker.move(glm::vec3(kWalk * kFrame, 0, 0), kFrame);
        ASSERT_NEAR(walker.feet().y, 0.0f, 1e-5f);
        ASSERT_NEAR(walker.eye().y, 1.65f, 1e-5f);
    }
    EXPECT_NEAR(walker.feet().x, -5.0f + 300 * kWalk * kFrame, 1e-3f);
    EXPECT_NEAR(walker.feet().z, -7.0f, 1e-6f);
    EXPECT_TRUE(walker.eyeSettled());
}

TEST_F(WalkControllerTest, VerticalPartOfTheDisplacementIsIgnored) {
    WalkController walker(bvh_);
    ASSERT_TRUE(walker.teleport({-5, 0, -7}));
    glm::vec3 moved = walker.move({0.1f, 5.0f, 0}, kFrame);
    EXPECT_NEAR(moved.x, 0.1f, 1e-6f);
    EXPECT_EQ(moved.y, 0.0f);
}

TEST_F(WalkControllerTest, CannotWalkThroughTheWall) {
    const float face = TestBuilding::kWallHalfThickness;
    for (Pace pace : kPaces) {
        WalkController walker(bvh_);
        ASSERT_TRUE(walker.teleport({4, 0, 2}));
        walk(walker, {0, 0, -1}, pace.speed, 3.0f, pace.dt);
        EXPECT_GE(walker.feet().z, face + 0.3f - 1e-3f) << "speed " << pace.speed << " dt " << pace.dt;
        EXPECT_LE(walker.feet().z, face + 0.3f + 1e-3f);  // pressed against it
        EXPECT_NEAR(walker.feet().x, 4.0f, 1e-4f);

        ASSERT_TRUE(walker.teleport({-4, 0, -2}));
        walk(walker, {0, 0, 1}, pace.speed, 3.0f, pace.dt);
        EXPECT_LE(walker.feet().z, -face - 0.3f + 1e-3f) << "speed " << pace.speed << " dt " << pace.dt;
    }
}

TEST_F(WalkControllerTest, OneHugeMoveDoesNotTunnelEither) {
    WalkController walker(bvh_);
    ASSERT_TRUE(walker.teleport({4, 0, 2}));
    walker.move({0, 0, -4.0f}, 1.0f);  // a one-second frame at 4 m/s
    EXPECT_GE(walker.feet().z, 0.4f - 1e-3f);
}

TEST_F(WalkControllerTest, SlidesAlongTheWallKeepingTheTangentialPart) {
    WalkController walker(bvh_);
    ASSERT_TRUE(walker.teleport({7.5f, 0, 1.0f}));
    glm::vec3 step = glm::normalize(glm::vec3(-1, 0, -1)) * kWalk * kFrame;
    int sliding = 0;
    float slidX = 0.0f;
    for (int i = 0; i < 180; ++i) {
        glm::vec3 moved = walker.move(step, kFrame);
        if (walker.feet().z < 0.4f + 2e-3f) {
            // Against the wall: the part along it is kept whole.
            ++sliding;
            slidX += moved.x;
            EXPECT_NEAR(moved.x, step.x, 1e-5f) << "frame " << i;
        }
    }
    EXPECT_GT(sliding, 100);
    EXPECT_NEAR(slidX, sliding * step.x, 1e-4f);
    EXPECT_NEAR(walker.feet().z, 0.4f, 1e-3f);
    EXPECT_NEAR(walker.feet().x, 7.5f + 180 * step.x, 1e-3f);
    EXPECT_NEAR(walker.feet().y, 0.0f, 1e-5f);
}

TEST_F(WalkControllerTest, WalksThroughTheDoorGap) {
    // Centred, and off centre enough to brush a jamb (clearance is 0.2 m).
    for (float x : {0.0f, 0.15f, -0.25f, 0.3f}) {
        WalkController walker(bvh_);
        ASSERT_TRUE(walker.teleport({x, 0, 3}));
        float widestInTheGap = 0.0f;
        for (int i = 0; i < 300; ++i) {
            walker.move({0, 0, -kWalk * kFrame}, kFrame);
            if (std::abs(walker.feet().z) <= TestBuilding::kWallHalfThickness)
                widestInTheGap = std::max(widestInTheGap, std::abs(walker.feet().x));
        }
        EXPECT_LT(walker.feet().z, -3.0f) << "start x " << x;
        EXPECT_LE(widestInTheGap, TestBuilding::kDoorHalfWidth - 0.3f + 1e-3f);
        EXPECT_NEAR(walker.feet().y, 0.0f, 1e-5f);
    }
}

TEST_F(WalkControllerTest, ClimbsTheStairsToTheMezzanineAndComesBack) {
    for (Pace pace : kPaces) {
        WalkController walker(bvh_);
        ASSERT_TRUE(walker.teleport({1.5f, 0, 3.75f}));
        float previous = 0.0f;
        float highest = 0.0f;
        int frames = int(std::lround(11.0f / pace.speed / pace.dt));
        for (int i = 0; i < frames; ++i) {
            walker.move({pace.speed * pace.dt, 0, 0}, pace.dt);
            float y = walker.feet().y;
            // Always on a tread (a multiple of the riser), never more than
            // a few steps per frame.
            ASSERT_NEAR(y / TestBuilding::kRiser, std::round(y / TestBuilding::kRiser), 1e-3f) << "frame " << i;
            ASSERT_LE(y - previous, pace.speed * pace.dt * (TestBuilding::kRiser / TestBuilding::kTread) + 0.35f);
            ASSERT_GE(y, previous - 1e-5f);  // walking up only
            previous = y;
            highest = std::max(highest, y);
        }
        EXPECT_NEAR(walker.feet().y, kMezzanineTop, 1e-4f) << "speed " << pace.speed << " dt " << pace.dt;
        EXPECT_EQ(walker.floorObjectId(), std::optional<uint32_t>(test::kMezzanine));
        // It stopped at the far edge of the mezzanine (a 2.72 m drop).
        EXPECT_NEAR(walker.feet().x, TestBuilding::kMezzanineMaxX, 0.5f * 0.3f + 1e-3f);
        // The eye catches up with the feet and settles.
        walker.move(glm::vec3(0.0f), 1.0f);
        EXPECT_TRUE(walker.eyeSettled());
        EXPECT_NEAR(walker.eye().y, kMezzanineTop + 1.65f, 1e-4f);

        walk(walker, {-1, 0, 0}, pace.speed, 11.0f / pace.speed, pace.dt);
        EXPECT_NEAR(walker.feet().y, 0.0f, 1e-5f);
        EXPECT_LT(walker.feet().x, TestBuilding::kStairStartX);
    }
}

TEST_F(WalkControllerTest, EyeEasesUpAStepInsteadOfJumping) {
    WalkController walker(bvh_);
    ASSERT_TRUE(walker.teleport({2.9f, 0, 3.75f}));
    walker.move({0.2f, 0, 0}, kFrame);  // onto the first step
    EXPECT_NEAR(walker.feet().y, TestBuilding::kRiser, 1e-5f);
    EXPECT_GT(walker.eye().y, 1.65f);
    EXPECT_LT(walker.eye().y, TestBuilding::kRiser + 1.65f);
    EXPECT_FALSE(walker.eyeSettled());
    for (int i = 0; i < 120; ++i) walker.move(glm::vec3(0.0f), kFrame);
    EXPECT_TRUE(walker.eyeSettled());
    EXPECT_NEAR(walker.eye().y, TestBuilding::kRiser + 1.65f, 1e-5f);
}

TEST_F(WalkControllerTest, DoesNotClimbTheTable) {
    for (Pace pace : kPaces) {
        WalkController walker(bvh_);
        ASSERT_TRUE(walker.teleport({-5.25f, 0, 7}));
        walk(walker, {0, 0, -1}, pace.speed, 3.0f, pace.dt);
        EXPECT_NEAR(walker.feet().y, 0.0f, 1e-5f);
        EXPECT_GE(walker.feet().z, 5.0f + 0.3f - 1e-3f) << "speed " << pace.speed << " dt " << pace.dt;
        EXPECT_EQ(walker.floorObjectId(), std::optional<uint32_t>(test::kFloor));
    }
}

TEST_F(WalkControllerTest, StopsAtALedgeUnlessAllowedToDrop) {
    WalkController careful(bvh_);
    ASSERT_TRUE(careful.teleport({9, 3, 3.5f}));
    walk(careful, {0, 0, 1}, kRun, 2.0f, 0.25f);
    EXPECT_NEAR(careful.feet().y, kMezzanineTop, 1e-5f);
    EXPECT_LE(careful.feet().z, TestBuilding::kMezzanineMaxZ + 0.5f * 0.3f + 1e-3f);
    EXPECT_GT(careful.feet().z, TestBuilding::kMezzanineMaxZ - 0.05f);
    // Walking diagonally along the edge follows it.
    for (int i = 0; i < 20; ++i) {
        glm::vec3 moved = careful.move(glm::vec3(-0.05f, 0, 0.05f), kFrame);
        EXPECT_NEAR(moved.x, -0.05f, 1e-5f);
        EXPECT_EQ(moved.y, 0.0f);
    }
    EXPECT_LE(careful.feet().z, TestBuilding::kMezzanineMaxZ + 0.5f * 0.3f + 1e-3f);

    WalkControllerDesc bold;
    bold.maxStepDown = 3.0f;
    WalkController jumper(bvh_, bold);
    ASSERT_TRUE(jumper.teleport({9, 3, 3.5f}));
    walk(jumper, {0, 0, 1}, kWalk, 2.5f);
    EXPECT_NEAR(jumper.feet().y, 0.0f, 1e-5f);
    EXPECT_GT(jumper.feet().z, TestBuilding::kMezzanineMaxZ);
}

TEST_F(WalkControllerTest, CollisionFilterLetsItPassIgnoredObjects) {
    WalkController walker(bvh_);
    ASSERT_TRUE(walker.teleport({1, 0, -3}));
    walk(walker, {0, 0, -1}, kWalk, 3.0f);
    EXPECT_NEAR(walker.feet().z, -4.99f + 0.3f, 1e-3f);  // the glass stops it

    ObjectFilter noGlass;
    noGlass.ignore(test::kGlass);
    walker.setCollisionFilter(noGlass);
    walk(walker, {0, 0, -1}, kWalk, 3.0f);
    EXPECT_LT(walker.feet().z, -6.0f);
}

TEST_F(WalkControllerTest, FloatingWalkerLandsWhenAFloorAppearsBelow) {
    WalkController walker(bvh_);
    EXPECT_FALSE(walker.teleport({12, 1, 8}));  // beside the floor slab
    walk(walker, {1, 0, 0}, kWalk, 1.0f);
    EXPECT_FALSE(walker.grounded());
    EXPECT_NEAR(walker.feet().y, 1.0f, 1e-6f);
    walk(walker, {-1, 0, 0}, kWalk, 3.0f);
    EXPECT_TRUE(walker.grounded());
    EXPECT_NEAR(walker.feet().y, 0.0f, 1e-5f);
}

TEST_F(WalkControllerTest, TeleportedIntoAWallItWalksOutAndCollidesAgain) {
    WalkController walker(bvh_);
    ASSERT_TRUE(walker.teleport({3, 0, 0.05f}));  // inside the wall
    walk(walker, {0, 0, 1}, kWalk, 1.0f);
    EXPECT_GT(walker.feet().z, TestBuilding::kWallHalfThickness + 0.3f - 1e-3f);
    // Clear of it, the wall holds again.
    walk(walker, {0, 0, -1}, kWalk, 2.0f);
    EXPECT_NEAR(walker.feet().z, TestBuilding::kWallHalfThickness + 0.3f, 1e-3f);
}

TEST_F(WalkControllerTest, TeleportedHalfIntoAWallItIsPushedOut) {
    WalkController walker(bvh_);
    ASSERT_TRUE(walker.teleport({3, 0, 0.3f}));  // 0.1 m overlap with the wall's face
    glm::vec3 moved = walker.move({0, 0, -0.02f}, kFrame);  // towards the wall: pushed out instead
    EXPECT_NEAR(walker.feet().z, TestBuilding::kWallHalfThickness + 0.3f, 1e-3f);
    EXPECT_GT(moved.z, 0.0f);
}

TEST_F(WalkControllerTest, BadInputMovesNothing) {
    WalkController walker(bvh_);
    ASSERT_TRUE(walker.teleport({2, 0, 5}));
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    EXPECT_EQ(walker.move({nan, 0, 0}, kFrame), glm::vec3(0.0f));
    EXPECT_EQ(walker.move({inf, 0, 0}, kFrame), glm::vec3(0.0f));
    EXPECT_EQ(walker.move({0.1f, 0, 0}, nan), glm::vec3(0.0f));
    EXPECT_EQ(walker.feet(), glm::vec3(2, 0, 5));
    walker.setLook(nan, nan);
    EXPECT_EQ(walker.yawDegrees(), 0.0f);
    EXPECT_EQ(walker.pitchDegrees(), 0.0f);
    // A displacement past the cap is shortened, not refused.
    glm::vec3 moved = walker.move({0, 0, -100.0f}, kFrame);
    EXPECT_GT(moved.z, -5.0f - 1e-4f);
    EXPECT_NEAR(walker.feet().z, 0.4f, 1e-3f);  // stopped by the wall anyway
}

TEST_F(WalkControllerTest, SameInputsGiveTheSamePath) {
    auto run = [&] {
        WalkController walker(bvh_);
        walker.teleport({-3, 0, 6});
        for (int i = 0; i < 600; ++i) {
            float angle = float(i) * 0.037f;
            walker.move(glm::vec3(std::cos(angle), 0, -std::sin(angle) - 0.4f) * kRun * kFrame, kFrame);
        }
        return walker.feet();
    };
    glm::vec3 a = run(), b = run();
    EXPECT_EQ(a, b);
}

TEST_F(WalkControllerTest, LookAnglesAndDirections) {
    WalkController walker(bvh_);
    ASSERT_TRUE(walker.teleport({2, 0, 5}));
    auto near = [](glm::vec3 a, glm::vec3 b) { return glm::length(a - b) < 1e-5f; };
    walker.setLook(0, 0);
    EXPECT_TRUE(near(walker.forward(), {0, 0, -1}));
    EXPECT_TRUE(near(walker.right(), {1, 0, 0}));
    walker.setLook(90, 0);
    EXPECT_TRUE(near(walker.forward(), {1, 0, 0}));
    EXPECT_TRUE(near(walker.flatForward(), {1, 0, 0}));
    EXPECT_TRUE(near(walker.right(), {0, 0, 1}));
    walker.setLook(0, 120);
    EXPECT_FLOAT_EQ(walker.pitchDegrees(), 85.0f);
    walker.turn(370, -200);
    EXPECT_FLOAT_EQ(walker.pitchDegrees(), -85.0f);
    EXPECT_NEAR(walker.yawDegrees(), 10.0f, 1e-4f);
    // Looking down, the horizontal directions stay level and unit length.
    EXPECT_NEAR(walker.flatForward().y, 0.0f, 1e-7f);
    EXPECT_NEAR(glm::length(walker.flatForward()), 1.0f, 1e-6f);
    EXPECT_NEAR(glm::length(walker.forward()), 1.0f, 1e-6f);
    // The view matrix puts the forward direction straight ahead (-Z).
    glm::vec4 ahead = walker.view() * glm::vec4(walker.eye() + walker.forward(), 1.0f);
    EXPECT_TRUE(near(glm::vec3(ahead), {0, 0, -1}));
}

// A wall of zero thickness (one quad) and a corner: still no tunnelling.
TEST(WalkControllerThinWalls, ZeroThicknessWallsAndCornersHold) {
    std::vector<BvhTriangle> tris;
    test::addBox(tris, {-10, -0.2f, -10}, {10, 0, 10}, 1);
    auto quad = [&](glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d) {
        tris.push_back({a, b, c, 2});
        tris.push_back({a, c, d, 2});
    };
    quad({-10, 0, 0}, {10, 0, 0}, {10, 3, 0}, {-10, 3, 0});  // the plane z = 0
    quad({0, 0, 0}, {0, 0, 10}, {0, 3, 10}, {0, 3, 0});      // the plane x = 0, for z > 0
    TriangleBvh bvh = TriangleBvh::build(tris);
    for (Pace pace : kPaces) {
        WalkController walker(bvh);
        ASSERT_TRUE(walker.teleport({-3, 0, 3}));
        walk(walker, {0, 0, -1}, pace.speed, 3.0f, pace.dt);
        EXPECT_NEAR(walker.feet().z, 0.3f, 2e-3f) << "speed " << pace.speed << " dt " << pace.dt;
        ASSERT_TRUE(walker.teleport({-3, 0, -3}));
        walk(walker, {0, 0, 1}, pace.speed, 3.0f, pace.dt);
        EXPECT_NEAR(walker.feet().z, -0.3f, 2e-3f);
        // Diagonally into the corner of the two planes.
        ASSERT_TRUE(walker.teleport({3, 0, 3}));
        walk(walker, {-1, 0, -1}, pace.speed, 3.0f, pace.dt);
        EXPECT_NEAR(walker.feet().x, 0.3f, 2e-3f);
        EXPECT_NEAR(walker.feet().z, 0.3f, 2e-3f);
    }
}

}  // namespace
}  // namespace engine
