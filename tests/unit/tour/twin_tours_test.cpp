// The three tours of scenes/twin.json, played as the app plays them: never
// through the building's walls, floors or ceilings (its real triangles, loaded
// as the app loads them), smooth, turning at most 90 degrees a second, resting
// on every stop for its whole duration; and the automatic framing of every
// platform and machine there.
#include <gtest/gtest.h>

#include <cmath>

#include "content/content_loader.h"
#include "content/scene_file.h"
#include "scene/polygon.h"
#include "tour/tour_framing.h"
#include "tour/tour_player.h"
#include "view/tour_setup.h"
#include "tour_test_support.h"

namespace twin {
namespace {
using engine::distanceToPolygonEdges;
using engine::pointInPolygon;
using test::sameView;

constexpr double kFrame = 1.0 / 60.0;

const SceneDescription& twinScene() {
    static const SceneDescription scene = loadSceneFile(TWIN_SCENE_FILE);
    return scene;
}

// The scene with its building and machines, imported by the app's worker
// (cached in the build tree) and their triangle BVH: the obstacles of tour
// camera paths in the app.
const LoadedContent& twinContent() {
    static const LoadedContent content = [] {
        engine::IsolatedImportDesc desc;
        desc.workerExecutable = TWIN_IMPORT_WORKER;
        desc.cacheDirectory = TWIN_IMPORT_CACHE;
        return loadContent(TWIN_SCENE_FILE, engine::IsolatedImporter(desc), true);
    }();
    return content;
}


// The framing the app would do, with a nominal 1 m box per machine (the real
// bounds come from the models, which these tests do not load).
CameraViewpoint frameStop(const SceneDescription& scene, const TourStop& stop) {
    if (stop.kind == TourStop::TargetKind::Platform) {
        const Platform* platform = scene.platform(stop.targetId);
        const Floor* floor = platform ? scene.floor(platform->floor) : nullptr;
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
    EXPECT_GE(scene.building.waypoints.size(), 20u);
    EXPECT_EQ(scene.feeds.replay.filename(), "twin_week.json");
    EXPECT_EQ(scene.feeds.staleAfterSeconds, 900.0);
}

TEST_P(TwinTourPlaybackTest, EveryTourPlaysSmoothlyAndRestsOnEveryStop) {
    const LoadedContent& content = twinContent();
    ASSERT_TRUE(content.scene && content.bvh) << (content.errors.empty() ? "" : content.errors[0]);
    const SceneDescription& scene = *content.scene;
    ASSERT_FALSE(scene.tours.empty());
    const bool reducedMotion = GetParam();
    StopFraming frame = [&](const TourStop& stop) { return frameStop(scene, stop); };
    for (const Tour& tour : scene.tours) {
        SCOPED_TRACE(tour.id);
        TourPlayer player = *makeTourPlayer(scene, tour.id, frame, reducedMotion, std::nullopt, content.bvh);
        ASSERT_EQ(player.stopCount(), tour.stops.size());
        // The timeline adds up.
        double sum = 0.0;
        for (std::size_t i = 0; i < tour.stops.size(); ++i) {
            sum += tour.stops[i].durationSeconds + player.transitionSeconds(i);
            if (i == 0) continue;
            if (reducedMotion) {
                EXPECT_NEAR(player.transitionSeconds(i), 0.6, 1e-6);
            } else {
                // Detours (to another floor, out of the building) may take longer.
                EXPECT_GE(player.transitionSeconds(i), 2.0);
                EXPECT_LE(player.transitionSeconds(i), player.path().detoured(i) ? 12.0 : 6.0) << "stop " << i;
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
        if (!reducedMotion) {
            EXPECT_LT(m.angularSpeed, 90.0) << "at " << m.angularSpeedAt << " s";
            // The flight out to the overview is the fastest: 1.875 * ~110 m / 12 s.
            EXPECT_LT(m.speed, 20.0) << "at " << m.speedAt << " s";
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

// Every move between two consecutive samples of every transition, 1/240 s
// apart, crosses none of the building's (and machines') triangles.
void expectFlightsClearOfTheBuilding(const engine::TriangleBvh& bvh, const TourPlayer& player, const Tour& tour) {
    constexpr double kStep = 1.0 / 240.0;
    for (std::size_t i = 1; i < tour.stops.size(); ++i) {
        double from = player.arrivalSeconds(i) - player.transitionSeconds(i), to = player.arrivalSeconds(i);
        glm::vec3 previous = player.path().sample(from).eye;
        for (double t = from + kStep; t < to + kStep; t += kStep) {
            glm::vec3 eye = player.path().sample(std::min(t, to)).eye;
            ASSERT_FALSE(bvh.occluded(previous, eye))
                << "stop " << i << " at " << t << " s, from (" << previous.x << ", " << previous.y << ", " << previous.z
                << ") to (" << eye.x << ", " << eye.y << ", " << eye.z << ")";
            previous = eye;
        }
    }
}

TEST_P(TwinTourPlaybackTest, NoTourFlightGoesThroughTheBuilding) {
    const LoadedContent& content = twinContent();
    ASSERT_TRUE(content.scene && content.bvh) << (content.errors.empty() ? "" : content.errors[0]);
    ASSERT_GT(content.bvh->triangleCount(), 10000u);  // the building, not a placeholder
    const SceneDescription& scene = *content.scene;
    StopFraming frame = [&](const TourStop& stop) { return frameStop(scene, stop); };
    int blindCrossings = 0;
    for (const Tour& tour : scene.tours) {
        SCOPED_TRACE(tour.id);
        TourPlayer player = *makeTourPlayer(scene, tour.id, frame, GetParam(), std::nullopt, content.bvh);
        EXPECT_EQ(player.path().unresolvedLegs(), 0);
        expectFlightsClearOfTheBuilding(*content.bvh, player, tour);
        // Straight moves, as the tours flew before: some went through walls.
        TourPlayer blind = *makeTourPlayer(scene, tour.id, frame, GetParam());
        for (std::size_t i = 1; i < tour.stops.size(); ++i)
            blindCrossings += content.bvh->occluded(blind.stopViewpoint(i - 1).eye, blind.stopViewpoint(i).eye);
    }
    EXPECT_GE(blindCrossings, 5);
}

TEST(TwinToursTest, GlidesFromMidFlightStayOutOfTheBuilding) {
    // The visitor presses next or previous in the middle of each transition of
    // the discovery tour (from one floor to the other, out of the building).
    const LoadedContent& content = twinContent();
    ASSERT_TRUE(content.scene && content.bvh);
    const SceneDescription& scene = *content.scene;
    StopFraming frame = [&](const TourStop& stop) { return frameStop(scene, stop); };
    TourPlayer player = *makeTourPlayer(scene, "discovery", frame, false, std::nullopt, content.bvh);
    for (std::size_t i = 1; i < player.stopCount(); ++i) {
        for (bool forward : {true, false}) {
            SCOPED_TRACE(testing::Message() << "into stop " << i << (forward ? ", next" : ", previous"));
            player.seek(player.arrivalSeconds(i) - 0.5 * player.transitionSeconds(i));
            glm::vec3 previous = player.viewpoint().eye;
            forward ? player.next() : player.previous();
            for (int step = 0; player.moving() && step < 240 * 10; ++step) {
                player.update(1.0 / 240.0);
                glm::vec3 eye = player.viewpoint().eye;
                ASSERT_FALSE(content.bvh->occluded(previous, eye)) << "step " << step;
                previous = eye;
            }
            EXPECT_FALSE(player.moving());
        }
    }
}

TEST(TwinToursTest, EveryStopIsOnTheFloorOfItsPlatform) {
    // Floor assignment of the stops' eyes agrees with the platforms' floors.
    const SceneDescription& scene = twinScene();
    int checked = 0;
    for (const Tour& tour : scene.tours) {
        for (std::size_t i = 0; i < tour.stops.size(); ++i) {
            const TourStop& stop = tour.stops[i];
            const Platform* platform = stop.kind == TourStop::TargetKind::Platform ? scene.platform(stop.targetId)
                                       : stop.kind == TourStop::TargetKind::Machine
                                           ? scene.platform(scene.machine(stop.targetId)->platform)
                                           : nullptr;
            if (!platform || !stop.camera) continue;
            std::optional<std::size_t> floor = floorIndexAt(scene.building.floors, stop.camera->eye.y);
            ASSERT_TRUE(floor.has_value()) << tour.id << " stop " << i;
            EXPECT_EQ(scene.building.floors[*floor].id, platform->floor) << tour.id << " stop " << i;
            ++checked;
        }
    }
    EXPECT_GT(checked, 15);
}

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
        const Floor* floor = scene.floor(platform.floor);
        ASSERT_NE(floor, nullptr);
        RoomFramingDesc desc;
        desc.footprint = platform.footprint;
        desc.floorElevation = floor->elevation;
        desc.ceilingHeight = floor->height;
        CameraViewpoint view = frameRoom(desc);
        glm::vec2 eye(view.eye.x, view.eye.z);
        EXPECT_TRUE(pointInPolygon(platform.footprint, eye));
        EXPECT_GE(distanceToPolygonEdges(platform.footprint, eye), desc.wallMargin - 1e-3f);
        EXPECT_NEAR(view.eye.y, floor->elevation + 1.65f, 1e-4f);
        EXPECT_LT(view.eye.y, floor->elevation + floor->height);
    }
}

}  // namespace
}  // namespace twin
