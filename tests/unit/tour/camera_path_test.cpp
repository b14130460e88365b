// CameraPath: rests exactly on keyframes, smooth everywhere else (position,
// velocity and look direction continuous), bounded turning, no overshoot,
// repeated points, and detours around blocked moves.
#include "tour/camera_path.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tour_test_support.h"

namespace twin {
namespace {
using test::angleDegrees;
using test::lookDirection;
using test::measureMotion;
using test::sameView;

CameraKeyframe key(glm::vec3 eye, glm::vec3 target, double hold, double transition = -1.0,
                   std::vector<glm::vec3> via = {}) {
    return {{eye, target}, hold, transition, std::move(via)};
}

// A room-scale tour with large turns, a via point and a vertical move.
std::vector<CameraKeyframe> twistyKeyframes() {
    return {key({0, 1.6f, 0}, {0, 1, -10}, 2.0),
            key({8, 1.6f, -3}, {20, 1, -3}, 3.0),              // turns 90 degrees
            key({8, 1.7f, 6}, {8, 1, -6}, 1.0, -1.0, {{12, 1.6f, 2}}),  // turns back, via a point
            key({-5, 6.0f, 8}, {0, 0, 0}, 2.0),                // up a floor, looks down
            key({-5, 6.0f, 8}, {-5, 5, 20}, 2.0)};             // same spot, turns right round
}

TEST(CameraPathTest, EmptyPathSamplesTheDefaultView) {
    CameraPath path;
    EXPECT_EQ(path.duration(), 0.0);
    EXPECT_EQ(path.keyframeCount(), 0u);
    CameraViewpoint view = path.sample(3.0);
    EXPECT_EQ(view.eye, glm::vec3(0.0f));
}

TEST(CameraPathTest, SingleKeyframeHoldsItsView) {
    CameraPath path({key({1, 2, 3}, {4, 5, 6}, 7.0)});
    EXPECT_DOUBLE_EQ(path.duration(), 7.0);
    for (double t : {-1.0, 0.0, 3.5, 7.0, 100.0}) EXPECT_TRUE(sameView(path.sample(t), {{1, 2, 3}, {4, 5, 6}}, 0.0f));
}

TEST(CameraPathTest, TimesAreHoldsPlusTransitions) {
    CameraPath path({key({0, 0, 0}, {0, 0, -1}, 2.0), key({3, 0, 0}, {3, 0, -1}, 5.0, 4.0),
                     key({3, 0, 3}, {3, 0, -1}, 1.5, 0.5)});
    EXPECT_DOUBLE_EQ(path.arrivalSeconds(0), 0.0);
    EXPECT_DOUBLE_EQ(path.departureSeconds(0), 2.0);
    EXPECT_DOUBLE_EQ(path.arrivalSeconds(1), 6.0);
    EXPECT_DOUBLE_EQ(path.departureSeconds(1), 11.0);
    EXPECT_DOUBLE_EQ(path.arrivalSeconds(2), 11.5);
    EXPECT_DOUBLE_EQ(path.duration(), 13.0);
}

TEST(CameraPathTest, StraightLegIsALineWithEasedSpeed) {
    CameraPath path({key({0, 1, 0}, {0, 1, -5}, 0.0), key({10, 1, 0}, {10, 1, -5}, 0.0, 4.0)});
    // Half the time, half the way (the ease is symmetric).
    CameraViewpoint middle = path.sample(2.0);
    EXPECT_NEAR(middle.eye.x, 5.0f, 1e-3f);
    EXPECT_NEAR(middle.eye.y, 1.0f, 1e-5f);
    EXPECT_NEAR(middle.eye.z, 0.0f, 1e-5f);
    // On the line and never past either end, at every instant.
    double previousX = 0.0;
    for (double t = 0.0; t <= 4.0; t += 0.01) {
        glm::vec3 eye = path.sample(t).eye;
        EXPECT_NEAR(eye.y, 1.0f, 1e-5f);
        EXPECT_NEAR(eye.z, 0.0f, 1e-5f);
        EXPECT_GE(eye.x, previousX - 1e-5);
        EXPECT_LE(eye.x, 10.0f + 1e-5f);
        previousX = eye.x;
    }
    // Slow at the ends, fastest in the middle.
    EXPECT_LT(path.sample(0.2).eye.x, 0.1f);
    EXPECT_GT(path.sample(3.8).eye.x, 9.9f);
}

TEST(CameraPathTest, RestsExactlyOnEachKeyframeDuringItsHold) {
    std::vector<CameraKeyframe> keys = twistyKeyframes();
    CameraPath path(keys);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        double arrive = path.arrivalSeconds(i), depart = path.departureSeconds(i);
        EXPECT_NEAR(depart - arrive, keys[i].holdSeconds, 1e-9) << "keyframe " << i;
        for (int k = 0; k <= 20; ++k) {
            CameraViewpoint view = path.sample(arrive + (depart - arrive) * k / 20.0);
            EXPECT_TRUE(sameView(view, keys[i].view, 0.0f)) << "keyframe " << i << " step " << k;
        }
    }
}

TEST(CameraPathTest, PositionVelocityAndLookAreContinuous) {
    CameraPath path(twistyKeyframes());
    // Fine steps: no jump in position or look direction.
    test::MotionExtremes fine = measureMotion([&](double t) { return path.sample(t); }, 0.0, path.duration(), 1e-3);
    // Coarser steps for accelerations (float rounding dominates finer ones).
    test::MotionExtremes coarse = measureMotion([&](double t) { return path.sample(t); }, 0.0, path.duration(), 1e-2);
    // Legs are at most ~16 m in at least 2 s: peak speed 1.875 * 16 / 2 = 15 m/s.
    EXPECT_LT(fine.speed, 16.0);
    // A continuous velocity means a bounded acceleration (no kink, no stop-and-go).
    EXPECT_LT(coarse.acceleration, 60.0);
    EXPECT_LT(coarse.angularAcceleration, 400.0);
    // The automatic timing keeps turns at 60 degrees/s at most.
    EXPECT_LT(fine.angularSpeed, 61.0) << "at " << fine.angularSpeedAt << " s";
}

TEST(CameraPathTest, ComesToRestSmoothlyAtKeyframes) {
    CameraPath path(twistyKeyframes());
    auto speedAt = [&](double t) {
        const double h = 1e-3;
        return glm::length(path.sample(t + h).eye - path.sample(t - h).eye) / (2 * h);
    };
    for (std::size_t i = 1; i < path.keyframeCount(); ++i) {
        double arrive = path.arrivalSeconds(i), leave = path.departureSeconds(i - 1);
        // Velocity falls to zero on both sides: continuous across the stop.
        EXPECT_LT(speedAt(arrive - 0.01), 0.01) << "arriving at " << i;
        EXPECT_LT(speedAt(leave + 0.01), 0.01) << "leaving " << i - 1;
        // ...and the look direction stops turning too.
        double turn = angleDegrees(lookDirection(path.sample(arrive - 0.02)), lookDirection(path.sample(arrive)));
        EXPECT_LT(turn, 0.01) << "arriving at " << i;
    }
}

TEST(CameraPathTest, PassesThroughViaPointsWithoutStopping) {
    glm::vec3 via{5, 1.6f, 4};
    CameraPath path({key({0, 1.6f, 0}, {0, 1.6f, -5}, 0.0), key({10, 1.6f, 0}, {10, 1.6f, -5}, 0.0, 5.0, {via})});
    double closest = 1e9, when = 0;
    for (double t = 0; t <= 5.0; t += 1e-3) {
        double d = glm::length(path.sample(t).eye - via);
        if (d < closest) closest = d, when = t;
    }
    EXPECT_LT(closest, 0.01);
    // Going at speed through it, the velocity the same just before and after.
    const double h = 2e-3;
    glm::vec3 before = (path.sample(when).eye - path.sample(when - h).eye) / float(h);
    glm::vec3 after = (path.sample(when + h).eye - path.sample(when).eye) / float(h);
    EXPECT_GT(glm::length(before), 1.0f);
    EXPECT_LT(glm::length(after - before), 0.05f * glm::length(before));
}

TEST(CameraPathTest, UnevenlySpacedViaPointsMakeNoLoopOrOvershoot) {
    // Collinear points, very uneven gaps: a uniform Catmull-Rom backs up
    // here; the centripetal one moves forward all the way.
    CameraPath line({key({0, 0, 0}, {0, 0, -1}, 0.0),
                     key({20, 0, 0}, {20, 0, -1}, 0.0, 6.0, {{0.2f, 0, 0}, {0.3f, 0, 0}, {19.0f, 0, 0}})});
    float previousX = 0.0f;
    for (double t = 0; t <= 6.0; t += 1e-3) {
        glm::vec3 eye = line.sample(t).eye;
        EXPECT_GE(eye.x, previousX - 1e-4f) << "at " << t;
        EXPECT_LE(eye.x, 20.0f + 1e-4f);
        EXPECT_NEAR(glm::length(glm::vec2(eye.y, eye.z)), 0.0f, 1e-4f);
        previousX = eye.x;
    }
    // A sharp zig-zag stays near its control polygon (no wide swing).
    CameraPath zigzag({key({0, 0, 0}, {0, 0, -1}, 0.0),
                       key({10, 0, 0}, {10, 0, -1}, 0.0, 6.0, {{5, 0, 0.5f}, {5.2f, 0, -0.5f}})});
    for (double t = 0; t <= 6.0; t += 1e-2) {
        glm::vec3 eye = zigzag.sample(t).eye;
        EXPECT_LE(std::abs(eye.z), 1.0f) << "at " << t;
        EXPECT_GE(eye.x, -1e-4f);
        EXPECT_LE(eye.x, 10.0f + 1e-4f);
    }
}

TEST(CameraPathTest, RepeatedPointsAreHandled) {
    // A via on both ends, twice the same eye with another target, twice the
    // same view: no NaN, the eye stays put while only the look turns.
    CameraPath path({key({0, 1, 0}, {0, 1, -5}, 1.0),
                     key({4, 1, 0}, {4, 1, -5}, 1.0, -1.0, {{0, 1, 0}, {4, 1, 0}, {4, 1, 0}}),
                     key({4, 1, 0}, {9, 1, 0}, 1.0),
                     key({4, 1, 0}, {9, 1, 0}, 1.0)});
    for (double t = 0; t <= path.duration(); t += 1e-2) {
        CameraViewpoint view = path.sample(t);
        ASSERT_TRUE(std::isfinite(view.eye.x + view.eye.y + view.eye.z + view.target.x + view.target.y + view.target.z))
            << "at " << t;
        if (t > path.departureSeconds(1)) {
            EXPECT_LT(glm::length(view.eye - glm::vec3(4, 1, 0)), 1e-4f);
        }
    }
    // The same view twice needs no transition.
    EXPECT_DOUBLE_EQ(path.arrivalSeconds(3), path.departureSeconds(2));
    // An eye on its target looks 1 m towards -Z rather than nowhere.
    CameraPath blind({key({1, 1, 1}, {1, 1, 1}, 1.0)});
    EXPECT_LT(glm::length(blind.sample(0).target - glm::vec3(1, 1, 0)), 1e-6f);
}

TEST(CameraPathTest, BadTimesAreTreatedAsZero) {
    CameraPath path({key({0, 0, 0}, {0, 0, -1}, -3.0), key({1, 0, 0}, {1, 0, -1}, std::nan(""), 2.0)});
    EXPECT_DOUBLE_EQ(path.departureSeconds(0), 0.0);
    EXPECT_DOUBLE_EQ(path.duration(), 2.0);
    EXPECT_TRUE(sameView(path.sample(std::nan("")), {{0, 0, 0}, {0, 0, -1}}, 0.0f));
}

TEST(CameraPathTest, AutomaticTimingFollowsDistanceAndTurnWithinClamps) {
    CameraTiming timing;  // 3 m/s, 60 degrees/s, 2-6 s
    CameraViewpoint a{{0, 0, 0}, {0, 0, -1}};
    EXPECT_DOUBLE_EQ(CameraPath::transitionSeconds(timing, 1.0f, a, {{1, 0, 0}, {1, 0, -1}}), 2.0);
    EXPECT_NEAR(CameraPath::transitionSeconds(timing, 12.0f, a, {{12, 0, 0}, {12, 0, -1}}), 4.0, 1e-6);
    EXPECT_DOUBLE_EQ(CameraPath::transitionSeconds(timing, 100.0f, a, {{100, 0, 0}, {100, 0, -1}}), 6.0);
    // A detour may take longer: up to maxDetourSeconds.
    EXPECT_NEAR(CameraPath::transitionSeconds(timing, 24.0f, a, {{12, 0, 0}, {12, 0, -1}}, true), 8.0, 1e-6);
    EXPECT_DOUBLE_EQ(CameraPath::transitionSeconds(timing, 100.0f, a, {{40, 0, 0}, {40, 0, -1}}, true), 12.0);
    EXPECT_NEAR(CameraPath::transitionSeconds(timing, 12.0f, a, {{12, 0, 0}, {12, 0, -1}}, true), 4.0, 1e-6);
    // A 90 degree turn on the spot: 90 * 1.875 / 60 = 2.8 s.
    EXPECT_NEAR(CameraPath::transitionSeconds(timing, 0.0f, a, {{0, 0, 0}, {1, 0, 0}}), 2.8125, 1e-4);
    // No move, no turn: no time.
    EXPECT_DOUBLE_EQ(CameraPath::transitionSeconds(timing, 0.0f, a, a), 0.0);
    // Looking straight down, a yaw change is hardly a turn.
    CameraViewpoint down1{{0, 10, 0}, {0.01f, 0, 0}}, down2{{0, 10, 0}, {-0.01f, 0, 0}};
    EXPECT_DOUBLE_EQ(CameraPath::transitionSeconds(timing, 0.0f, down1, down2), 2.0);
}

TEST(CameraPathTest, TurningIsBoundedForAnyTurn) {
    // Half turns, quarter turns, looking up and down, on the spot and while
    // moving: never faster than the timing's 60 degrees/s when the time is
    // not capped; with the default 6 s cap, the worst turn (180 degrees of
    // yaw and 178 of pitch) still stays under 1.875 * 253 / 6 = 79 degrees/s.
    std::vector<CameraKeyframe> keys;
    glm::vec3 eye(0, 1.6f, 0);
    const glm::vec3 looks[] = {{0, 0, -1}, {0, 0, 1}, {1, -0.2f, 0}, {-1, 0.9f, 0.01f}, {0.01f, -1, 0}, {0, 1, -0.3f}};
    for (int i = 0; i < 12; ++i) {
        glm::vec3 look = looks[i % 6];
        if (i % 3 == 1) eye += glm::vec3(3, 0, 1);
        keys.push_back(key(eye, eye + look * 4.0f, 0.5));
    }
    CameraPathDesc uncapped;
    uncapped.timing.maxSeconds = 100.0f;
    CameraPath path(keys, uncapped);
    test::MotionExtremes m = measureMotion([&](double t) { return path.sample(t); }, 0.0, path.duration(), 1e-3);
    EXPECT_LT(m.angularSpeed, 60.5) << "at " << m.angularSpeedAt << " s";
    EXPECT_GT(m.angularSpeed, 40.0);  // and the bound is not loose by a factor

    CameraPath capped(keys);
    m = measureMotion([&](double t) { return capped.sample(t); }, 0.0, capped.duration(), 1e-3);
    EXPECT_LT(m.angularSpeed, 80.0) << "at " << m.angularSpeedAt << " s";
    keys = {key({0, 0, 0}, {0, 0.999f, -0.01f}, 0.0), key({0, 0, 0}, {0, -0.999f, 0.01f}, 0.0)};
    CameraPath worst(keys);
    m = measureMotion([&](double t) { return worst.sample(t); }, 0.0, worst.duration(), 1e-3);
    EXPECT_LT(m.angularSpeed, 80.0) << "at " << m.angularSpeedAt << " s";
}

// A wall across x = 0 with a doorway 2 m wide, 2.2 m high, around z = 0.
bool throughWall(glm::vec3 a, glm::vec3 b) {
    if ((a.x < 0) == (b.x < 0)) return false;
    float f = a.x / (a.x - b.x);
    glm::vec3 p = a + (b - a) * f;
    bool inDoorway = std::abs(p.z) < 1.0f && p.y < 2.2f && p.y > 0.0f;
    return !inDoorway;
}

TEST(CameraPathTest, BlockedMoveGoesThroughTheNearestClearWaypoint) {
    CameraPathDesc desc;
    desc.segmentBlocked = throughWall;
    desc.detourWaypoints = {{0, 1.6f, 30}, {0, 1.6f, 0}, {0, 5, 0}};
    CameraPath path({key({-6, 1.6f, 5}, {-6, 1.6f, -5}, 0.0), key({6, 1.6f, 5}, {6, 1.6f, -5}, 0.0)}, desc);
    ASSERT_EQ(path.via(1).size(), 1u);
    EXPECT_EQ(path.via(1)[0], glm::vec3(0, 1.6f, 0));
    EXPECT_EQ(path.unresolvedLegs(), 0);
    // The flight itself, finely sampled, never goes through the wall.
    glm::vec3 previous = path.sample(0).eye;
    for (double t = 0; t <= path.duration(); t += 1e-3) {
        glm::vec3 eye = path.sample(t).eye;
        ASSERT_FALSE(throughWall(previous, eye)) << "at " << t;
        previous = eye;
    }
    // It still rests exactly on the stops.
    EXPECT_TRUE(sameView(path.sample(path.duration()), {{6, 1.6f, 5}, {6, 1.6f, -5}}, 0.0f));
}

TEST(CameraPathTest, RoomToRoomGoesOutOfOneDoorAndInAtTheOther) {
    // Two rooms side by side along a corridor (z < -2), each with a door to
    // it: walls at z = -2 with doors at x = -4 and x = 4, and a wall at x = 0.
    auto blocked = [](glm::vec3 a, glm::vec3 b) {
        if ((a.x < 0) != (b.x < 0)) {
            float f = a.x / (a.x - b.x);
            if (a.z + (b.z - a.z) * f > -2.0f) return true;  // the wall between the rooms
        }
        if ((a.z < -2) != (b.z < -2)) {
            float f = (a.z + 2) / (a.z - b.z);
            float x = a.x + (b.x - a.x) * f;
            if (std::abs(x + 4) > 0.5f && std::abs(x - 4) > 0.5f) return true;
        }
        return false;
    };
    CameraPathDesc desc;
    desc.segmentBlocked = blocked;
    desc.detourWaypoints = {{-4, 1.6f, -2.5f}, {4, 1.6f, -2.5f}, {0, 1.6f, 8}};
    CameraPath path({key({-6, 1.6f, 2}, {-6, 1.6f, 5}, 0.0), key({6, 1.6f, 2}, {6, 1.6f, 5}, 0.0)}, desc);
    ASSERT_EQ(path.unresolvedLegs(), 0);
    // Through both doors, in order (with the points that hold the spline close).
    const std::vector<glm::vec3>& via = path.via(1);
    auto door1 = std::find(via.begin(), via.end(), desc.detourWaypoints[0]);
    auto door2 = std::find(via.begin(), via.end(), desc.detourWaypoints[1]);
    EXPECT_LT(door1, door2);
    EXPECT_NE(door2, via.end());
    glm::vec3 previous = path.sample(0).eye;
    for (double t = 0; t <= path.duration(); t += 1e-3) {
        glm::vec3 eye = path.sample(t).eye;
        ASSERT_FALSE(blocked(previous, eye)) << "at " << t;
        previous = eye;
    }
}

// Two rooms (x < -1 and x > 1, 0 < z < 10) on a corridor (-3 < z < 0), each
// with a narrow door onto it at x = -5 and x = 5: a move between the rooms
// needs both sides of both doors, four waypoints in a row.
bool roomsOnACorridorBlock(glm::vec3 a, glm::vec3 b) {
    auto crossing = [&](float at, int axis, float& other) {
        if ((a[axis] < at) == (b[axis] < at)) return false;
        float f = (a[axis] - at) / (a[axis] - b[axis]);
        other = a[2 - axis] + (b[2 - axis] - a[2 - axis]) * f;  // x for a z crossing, z for an x crossing
        return true;
    };
    float x, z;
    if (crossing(0.0f, 2, x) && std::abs(x + 5) > 0.2f && std::abs(x - 5) > 0.2f) return true;  // room walls
    if (crossing(-3.0f, 2, x)) return true;                                                      // corridor's back wall
    if (crossing(0.0f, 0, z) && z > 0.0f) return true;                                         // between the rooms
    return false;
}

TEST(CameraPathTest, RouteThroughFourDoorwayPointsIsFoundAndTakesItsTime) {
    CameraPathDesc desc;
    desc.segmentBlocked = roomsOnACorridorBlock;
    // The doorways' two sides, listed out of order, and points that lead
    // nowhere useful (the far end of the corridor, the rooms' far corners).
    desc.detourWaypoints = {{5, 1.6f, 0.7f},  {-20, 1.6f, -1.5f}, {-5, 1.6f, -0.7f}, {-9, 1.6f, 9},
                            {-5, 1.6f, 0.7f}, {5, 1.6f, -0.7f},   {9, 1.6f, 9},      {20, 1.6f, -1.5f}};
    CameraPath path({key({-8, 1.6f, 8}, {-8, 1.6f, 2}, 1.0), key({8, 1.6f, 8}, {8, 1.6f, 2}, 1.0)}, desc);
    ASSERT_EQ(path.unresolvedLegs(), 0);
    EXPECT_TRUE(path.detoured(1));
    const std::vector<glm::vec3>& via = path.via(1);
    std::vector<std::ptrdiff_t> order;
    for (glm::vec3 door : {glm::vec3(-5, 1.6f, 0.7f), glm::vec3(-5, 1.6f, -0.7f), glm::vec3(5, 1.6f, -0.7f),
                           glm::vec3(5, 1.6f, 0.7f)}) {
        auto at = std::find(via.begin(), via.end(), door);
        ASSERT_NE(at, via.end()) << door.x << " " << door.z;
        order.push_back(at - via.begin());
    }
    EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
    for (const glm::vec3& p : via) EXPECT_LT(std::abs(p.x), 10.0f);  // not down the corridor's far ends
    glm::vec3 previous = path.sample(0).eye;
    for (double t = 0; t <= path.duration(); t += 1e-3) {
        glm::vec3 eye = path.sample(t).eye;
        ASSERT_FALSE(roomsOnACorridorBlock(previous, eye)) << "at " << t;
        previous = eye;
    }
    // About 29 m at 3 m/s: longer than a straight leg may last, within the
    // detour's maximum.
    double transit = path.arrivalSeconds(1) - path.departureSeconds(0);
    EXPECT_GT(transit, 6.5);
    EXPECT_LE(transit, 12.0);
    // Its motion stays continuous: no jump at the corners.
    test::MotionExtremes m = measureMotion([&](double t) { return path.sample(t); }, 0.0, path.duration(), 1e-3);
    EXPECT_LT(m.speed, 1.875 * 40.0 / transit);
}

TEST(CameraPathTest, AnUnreachableStopCostsABoundedSearch) {
    // Nothing reaches the end, and there are more waypoints than are used.
    const glm::vec3 end(0, 1.6f, 50);
    long calls = 0;
    CameraPathDesc desc;
    desc.segmentBlocked = [&](glm::vec3 a, glm::vec3 b) {
        ++calls;
        return a == end || b == end;
    };
    for (int i = 0; i < 300; ++i) desc.detourWaypoints.push_back({float(i % 20), 1.6f, float(i / 20)});
    CameraPath path({key({-5, 1.6f, 0}, {-5, 1.6f, -1}, 0.0), key(end, end + glm::vec3(0, 0, 1), 0.0)}, desc);
    EXPECT_EQ(path.unresolvedLegs(), 1);
    EXPECT_FALSE(path.detoured(1));
    EXPECT_TRUE(path.via(1).empty());
    // Each pair of the start, the end and the first 256 waypoints asked once,
    // plus the straight move and the rising tries.
    EXPECT_LE(calls, 258L * 258L + 1 + 3 * 5);
    EXPECT_GT(calls, 256L);
}

TEST(CameraPathTest, BlockedMoveWithoutWaypointsRisesOverTheObstacle) {
    // A 4.5 m high block between the two eyes.
    const glm::vec3 lo(-1, 0, -20), hi(1, 4.5f, 20);
    CameraPathDesc desc;
    desc.segmentBlocked = [&](glm::vec3 a, glm::vec3 b) { return test::segmentHitsBox(a, b, lo, hi); };
    CameraPath path({key({-6, 1.6f, 0}, {-6, 1.6f, -5}, 1.0), key({6, 1.6f, 0}, {6, 1.6f, -5}, 1.0)}, desc);
    ASSERT_EQ(path.via(1).size(), 2u);
    EXPECT_GT(path.via(1)[0].y, hi.y);
    EXPECT_EQ(path.unresolvedLegs(), 0);
    glm::vec3 previous = path.sample(0).eye;
    for (double t = 0; t <= path.duration(); t += 1e-3) {
        glm::vec3 eye = path.sample(t).eye;
        ASSERT_FALSE(test::segmentHitsBox(previous, eye, lo, hi)) << "at " << t;
        previous = eye;
    }
    // The longer path gets a longer (automatic) transition than a straight 12 m.
    EXPECT_GT(path.arrivalSeconds(1) - path.departureSeconds(0), 12.0 / 3.0);
}

TEST(CameraPathTest, UnavoidableObstacleKeepsTheStraightLegAndSaysSo) {
    CameraPathDesc desc;
    desc.segmentBlocked = [](glm::vec3, glm::vec3) { return true; };
    desc.detourWaypoints = {{0, 0, 5}};
    CameraPath path({key({-3, 0, 0}, {-3, 0, -1}, 0.0), key({3, 0, 0}, {3, 0, -1}, 0.0, 2.0)}, desc);
    EXPECT_EQ(path.unresolvedLegs(), 1);
    EXPECT_TRUE(path.via(1).empty());
    EXPECT_NEAR(path.sample(1.0).eye.x, 0.0f, 1e-3f);
}

TEST(CameraPathTest, ClearMovesAndCallerRoutesAreNotDetoured) {
    int calls = 0;
    CameraPathDesc desc;
    desc.segmentBlocked = [&](glm::vec3, glm::vec3) { return ++calls, false; };
    CameraPath clear({key({0, 0, 0}, {0, 0, -1}, 0.0), key({3, 0, 0}, {3, 0, -1}, 0.0)}, desc);
    EXPECT_EQ(calls, 1);
    EXPECT_TRUE(clear.via(1).empty());
    // Via points given by the caller are a chosen route: not questioned.
    desc.segmentBlocked = [&](glm::vec3, glm::vec3) { return ++calls, true; };
    CameraPath routed({key({0, 0, 0}, {0, 0, -1}, 0.0), key({3, 0, 0}, {3, 0, -1}, 0.0, -1.0, {{1.5f, 0, 2}})}, desc);
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(routed.unresolvedLegs(), 0);
    EXPECT_EQ(routed.via(1).size(), 1u);
}

TEST(CameraPathTest, EaseIsMonotoneAndFlatAtTheEnds) {
    EXPECT_DOUBLE_EQ(CameraPath::ease(0.0), 0.0);
    EXPECT_DOUBLE_EQ(CameraPath::ease(1.0), 1.0);
    EXPECT_DOUBLE_EQ(CameraPath::ease(0.5), 0.5);
    EXPECT_DOUBLE_EQ(CameraPath::ease(-2.0), 0.0);
    EXPECT_DOUBLE_EQ(CameraPath::ease(3.0), 1.0);
    double previous = 0.0;
    for (double u = 0.001; u <= 1.0; u += 0.001) {
        EXPECT_GE(CameraPath::ease(u), previous);
        previous = CameraPath::ease(u);
    }
    EXPECT_LT(CameraPath::ease(0.01), 1e-4);
    EXPECT_GT(CameraPath::ease(0.99), 1.0 - 1e-4);
}

}  // namespace
}  // namespace twin
