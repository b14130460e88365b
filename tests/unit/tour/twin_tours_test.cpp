// The three tours of scenes/twin.json, played as the app plays them: smooth,
// turning at most 90 degrees a second, resting on every stop for its whole
// duration; and the automatic framing of every platform and machine there.
#include <gtest/gtest.h>

#include <cmath>

#include "content/scene_file.h"
#include "tour/tour_framing.h"
#include "tour/tour_player.h"
#include "tour_test_support.h"

namespace twin {
namespace {
using test::sameView;

constexpr double kFrame = 1.0 / 60.0;

const SceneDescription& twinScene() {
    static const SceneDescription scene = loadSceneFile(TWIN_SCENE_FILE);
    return scene;
}

const Floor* floorOf(const SceneDescription& scene, const std::string& id) {
    for (const Floor& floor : scene.building.floors)
        if (floor.id == id) return &floor;
    return nullptr;
}

// The framing the app would do, with a nominal 1 m box per machine (the real
// bounds come from the models, which these tests do not load).
CameraViewpoint frameStop(const SceneDescription& scene, const TourStop& stop) {
    if (stop.kind == TourStop::TargetKind::Platform) {
        const Platform* platform = scene.platform(stop.targetId);
        const Floor* floor = platform ? floorOf(scene, platform->floor) : nullptr;
        if (platform && floor) {
            RoomFramingDesc room;
            room.footprint = platform->footprint;
            room.floorElevation = floor->elevation;
            room.ceilingHeight = floor->height;
            return frameRoom(room);
        }
    }
    if (stop.kind == TourStop::TargetKind::Machine) {
        if (const Machine* machine = scene.machine(stop.targetId)) {
            const glm::mat4& m = machine->model.transform;
            glm::vec3 at(m[3]);
            MachineFramingDesc desc;
            desc.boundsMin = at - glm::vec3(0.5f, 0.0f, 0.5f);
            desc.boundsMax = at + glm::vec3(0.5f, 1.0f, 0.5f);
            desc.yawDegrees = glm::degrees(std::atan2(m[2].x, m[2].z));
            return frameMachine(desc);
        }
    }
    return {stop.point + glm::vec3(0, 1.5f, 5), stop.point};
}

class TwinTourPlaybackTest : public ::testing::TestWithParam<bool> {};  // reduced motion or not

TEST(TwinToursTest, SceneHasThreeTours) {
    const SceneDescription& scene = twinScene();
    for (const SceneIssue& issue : scene.issues) ADD_FAILURE() << issue.text();
    EXPECT_EQ(scene.tours.size(), 3u);
}

TEST_P(TwinTourPlaybackTest, EveryTourPlaysSmoothlyAndRestsOnEveryStop) {
    const SceneDescription& scene = twinScene();
    ASSERT_FALSE(scene.tours.empty());
    TourPlayerDesc desc;
    desc.reducedMotion = GetParam();
    for (const Tour& tour : scene.tours) {
        SCOPED_TRACE(tour.id);
        TourPlayer player(tour, [&](const TourStop& stop) { return frameStop(scene, stop); }, desc);
        ASSERT_EQ(player.stopCount(), tour.stops.size());
        // The timeline adds up.
        double sum = 0.0;
        for (std::size_t i = 0; i < tour.stops.size(); ++i) {
            sum += tour.stops[i].durationSeconds + player.transitionSeconds(i);
            if (i == 0) continue;
            if (desc.reducedMotion) {
                EXPECT_NEAR(player.transitionSeconds(i), 0.6, 1e-6);
            } else {
                EXPECT_GE(player.transitionSeconds(i), 2.0);
                EXPECT_LE(player.transitionSeconds(i), 6.0);
            }
        }
        EXPECT_NEAR(player.totalDuration(), sum, 1e-6);

        // Play it frame by frame.
        player.play();
        std::vector<CameraViewpoint> frames{player.viewpoint()};
        std::vector<std::size_t> stops{player.currentStop()};
        while (!player.finished()) {
            player.update(kFrame);
            frames.push_back(player.viewpoint());
            stops.push_back(player.currentStop());
            ASSERT_LT(frames.size(), 60u * 3600u);
        }
        auto at = [&](double t) { return frames[std::min(frames.size() - 1, std::size_t(std::lround(t / kFrame)))]; };
        test::MotionExtremes m = test::measureMotion(at, 0.0, (frames.size() - 1) * kFrame, kFrame);
        if (!desc.reducedMotion) {
            EXPECT_LT(m.angularSpeed, 90.0) << "at " << m.angularSpeedAt << " s";
            // The flight to the overview is the fastest: 1.875 * ~100 m / 6 s.
            EXPECT_LT(m.speed, 40.0) << "at " << m.speedAt << " s";
        }

        // Every stop: shown exactly during its whole dwell, in order.
        for (std::size_t i = 0; i < tour.stops.size(); ++i) {
            std::size_t first = std::size_t(std::ceil(player.arrivalSeconds(i) / kFrame - 1e-6));
            std::size_t last = std::size_t(std::floor((player.arrivalSeconds(i) + tour.stops[i].durationSeconds) / kFrame + 1e-6));
            for (std::size_t f = first; f <= last && f < frames.size(); ++f) {
                ASSERT_TRUE(sameView(frames[f], player.stopViewpoint(i), 0.0f)) << "stop " << i << " frame " << f;
                if (f < last) {
                    ASSERT_EQ(stops[f], i) << "frame " << f;
                }
            }
            if (tour.stops[i].camera) {
                EXPECT_TRUE(sameView(player.stopViewpoint(i), *tour.stops[i].camera, 0.0f));
            }
        }
        EXPECT_TRUE(std::is_sorted(stops.begin(), stops.end()));
    }
}

INSTANTIATE_TEST_SUITE_P(Motion, TwinTourPlaybackTest, ::testing::Values(false, true),
                         [](const testing::TestParamInfo<bool>& info) { return info.param ? "Reduced" : "Full"; });

TEST(TwinToursTest, SeekMatchesPlayingOnTheDiscoveryTour) {
    const SceneDescription& scene = twinScene();
    const Tour* tour = scene.tour("discovery");
    ASSERT_NE(tour, nullptr);
    StopFraming frame = [&](const TourStop& stop) { return frameStop(scene, stop); };
    TourPlayer played(*tour, frame), sought(*tour, frame);
    played.play();
    for (int f = 1; !played.finished(); ++f) {
        played.update(kFrame);
        if (f % 101) continue;
        sought.seek(played.time());
        ASSERT_TRUE(sameView(played.viewpoint(), sought.viewpoint(), 1e-4f)) << "frame " << f;
        EXPECT_EQ(played.narration(Language::English), sought.narration(Language::English));
    }
}

TEST(TwinToursTest, EveryStopFramedAutomaticallyAlsoPlaysSmoothly) {
    // The same tours with the cameras removed: the app's framing decides.
    const SceneDescription& scene = twinScene();
    for (Tour tour : scene.tours) {
        SCOPED_TRACE(tour.id);
        for (TourStop& stop : tour.stops) stop.camera.reset();
        TourPlayer player(tour, [&](const TourStop& stop) { return frameStop(scene, stop); });
        test::MotionExtremes m = test::measureMotion(
            [&](double t) {
                player.seek(t);
                return player.viewpoint();
            },
            0.0, player.totalDuration(), kFrame);
        EXPECT_LT(m.angularSpeed, 90.0) << "at " << m.angularSpeedAt << " s";
    }
}

TEST(TwinToursTest, EveryPlatformIsFramedFromInsideIt) {
    const SceneDescription& scene = twinScene();
    ASSERT_FALSE(scene.platforms.empty());
    for (const Platform& platform : scene.platforms) {
        SCOPED_TRACE(platform.id);
        const Floor* floor = floorOf(scene, platform.floor);
        ASSERT_NE(floor, nullptr);
        RoomFramingDesc desc;
        desc.footprint = platform.footprint;
        desc.floorElevation = floor->elevation;
        desc.ceilingHeight = floor->height;
        CameraViewpoint view = frameRoom(desc);
        glm::vec2 eye(view.eye.x, view.eye.z);
        EXPECT_TRUE(insideFootprint(platform.footprint, eye));
        EXPECT_GE(distanceToEdges(platform.footprint, eye), desc.wallMargin - 1e-3f);
        EXPECT_NEAR(view.eye.y, floor->elevation + 1.65f, 1e-4f);
        EXPECT_LT(view.eye.y, floor->elevation + floor->height);
    }
}

}  // namespace
}  // namespace twin
