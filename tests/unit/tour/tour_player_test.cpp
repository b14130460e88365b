// TourPlayer: the timeline (dwells and transitions), playing, pausing,
// seeking, next/previous glides, reduced motion, narration and panels.
#include "tour/tour_player.h"

#include <gtest/gtest.h>

#include "tour_test_support.h"

namespace twin {
namespace {
using test::cameraStop;
using test::measureMotion;
using test::sameView;

constexpr double kFrame = 1.0 / 60.0;

// Three rooms of a floor plus a close-up, with big turns between them.
Tour craftedTour() {
    Tour tour;
    tour.id = "crafted";
    tour.title = {"Visite", "Tour"};
    tour.audience = "everyone";
    tour.stops = {
        cameraStop({0, 1.65f, 10}, {0, 1, 0}, 8, "Bienvenue", "Welcome", {"platform:reception"}),
        cameraStop({-10, 1.65f, 2}, {-20, 1, 10}, 6, "Fabrication additive", "Additive manufacturing",
                   {"platform:additive", "machine:fdm-1"}),
        cameraStop({10, 1.65f, 2}, {20, 1, -10}, 5, "Usinage", "Machining"),  // behind the camera
        cameraStop({11, 1.7f, 3}, {12, 1, 4}, 4, "Fraiseuse", "Milling machine", {"machine:cnc-1"}),
    };
    return tour;
}

TourPlayer playerOf(const Tour& tour, TourPlayerDesc desc = {}) { return TourPlayer(tour, StopFraming{}, desc); }

TEST(TourPlayerTest, TotalIsDwellsPlusTransitionsAndEachDwellIsTheStopDuration) {
    Tour tour = craftedTour();
    TourPlayer player = playerOf(tour);
    ASSERT_EQ(player.stopCount(), 4u);
    double sum = 0.0;
    for (std::size_t i = 0; i < tour.stops.size(); ++i) {
        sum += tour.stops[i].durationSeconds + player.transitionSeconds(i);
        double dwellEnd = i + 1 < tour.stops.size() ? player.arrivalSeconds(i + 1) - player.transitionSeconds(i + 1)
                                                    : player.totalDuration();
        EXPECT_NEAR(dwellEnd - player.arrivalSeconds(i), tour.stops[i].durationSeconds, 1e-9) << "stop " << i;
    }
    EXPECT_NEAR(player.totalDuration(), sum, 1e-9);
    EXPECT_DOUBLE_EQ(player.transitionSeconds(0), 0.0);
    EXPECT_DOUBLE_EQ(player.arrivalSeconds(0), 0.0);
}

TEST(TourPlayerTest, RestsExactlyOnEachStopForItsWholeDwell) {
    Tour tour = craftedTour();
    TourPlayer player = playerOf(tour);
    for (std::size_t i = 0; i < tour.stops.size(); ++i) {
        double arrive = player.arrivalSeconds(i);
        // Up to its end, where the transition to the next stop begins.
        for (double t = arrive; t < arrive + tour.stops[i].durationSeconds; t += 0.25) {
            player.seek(t);
            EXPECT_TRUE(sameView(player.viewpoint(), *tour.stops[i].camera, 0.0f)) << "stop " << i << " at " << t;
            EXPECT_EQ(player.currentStop(), i);
            EXPECT_FALSE(player.moving());
            EXPECT_NEAR(player.timeInStop(), t - arrive, 1e-9);
        }
    }
}

TEST(TourPlayerTest, TransitionsGrowWithDistanceAndTurnWithinTwoToSixSeconds) {
    Tour tour = craftedTour();
    TourPlayer player = playerOf(tour);
    for (std::size_t i = 1; i < tour.stops.size(); ++i) {
        EXPECT_GE(player.transitionSeconds(i), 2.0);
        EXPECT_LE(player.transitionSeconds(i), 6.0);
    }
    // 20 m across the floor with a half turn takes longer than 1.4 m nearby.
    EXPECT_GT(player.transitionSeconds(2), player.transitionSeconds(3));
    Tour far = tour;
    far.stops[1].camera->eye = {-200, 50, 2};
    EXPECT_DOUBLE_EQ(playerOf(far).transitionSeconds(1), 6.0);
}

TEST(TourPlayerTest, PlaybackIsSmoothAndTurnsAtMost90DegreesASecond) {
    TourPlayer player = playerOf(craftedTour());
    player.play();
    std::vector<CameraViewpoint> frames{player.viewpoint()};
    while (!player.finished()) {
        player.update(kFrame);
        frames.push_back(player.viewpoint());
    }
    test::MotionExtremes m = measureMotion([&](double t) { return frames[std::size_t(std::lround(t / kFrame))]; },
                                           0.0, (frames.size() - 1) * kFrame, kFrame);
    EXPECT_LT(m.angularSpeed, 90.0);
    EXPECT_LT(m.speed, 1.875 * 20.2 / 2.0 + 0.5);  // the longest leg at the fastest timing
    EXPECT_NEAR(player.time(), player.totalDuration(), 1e-9);
    EXPECT_DOUBLE_EQ(player.progress(), 1.0);
    EXPECT_FALSE(player.playing());
}

TEST(TourPlayerTest, SeekShowsWhatPlayingShows) {
    TourPlayer played = playerOf(craftedTour());
    TourPlayer sought = playerOf(craftedTour());
    played.play();
    for (int frame = 1; frame <= 60 * 30; ++frame) {
        played.update(kFrame);
        if (frame % 37 != 0) continue;
        sought.seek(played.time());
        EXPECT_TRUE(sameView(played.viewpoint(), sought.viewpoint(), 1e-5f)) << "frame " << frame;
        EXPECT_NEAR(played.time(), frame * kFrame, 1e-9);
        EXPECT_EQ(played.currentStop(), sought.currentStop());
    }
}

TEST(TourPlayerTest, PausedClockStandsStill) {
    TourPlayer player = playerOf(craftedTour());
    EXPECT_FALSE(player.playing());  // starts paused
    player.update(3.0);
    EXPECT_DOUBLE_EQ(player.time(), 0.0);
    player.play();
    player.update(2.0);
    EXPECT_DOUBLE_EQ(player.time(), 2.0);
    player.togglePause();
    EXPECT_FALSE(player.playing());
    player.update(5.0);
    EXPECT_DOUBLE_EQ(player.time(), 2.0);
    player.togglePause();
    EXPECT_TRUE(player.playing());
    player.update(1.0);
    player.update(-4.0);  // ignored
    player.update(std::nan(""));
    EXPECT_DOUBLE_EQ(player.time(), 3.0);
}

TEST(TourPlayerTest, ProgressRunsFromZeroToOne) {
    TourPlayer player = playerOf(craftedTour());
    EXPECT_DOUBLE_EQ(player.progress(), 0.0);
    player.play();
    double previous = 0.0;
    while (!player.finished()) {
        player.update(0.1);
        EXPECT_GE(player.progress(), previous);
        previous = player.progress();
    }
    EXPECT_DOUBLE_EQ(player.progress(), 1.0);
    player.seek(player.totalDuration() / 4);
    EXPECT_NEAR(player.progress(), 0.25, 1e-12);
    player.seek(-5.0);
    EXPECT_DOUBLE_EQ(player.time(), 0.0);
    player.seek(1e9);
    EXPECT_TRUE(player.finished());
}

// Runs glide frames until the camera settles; checks every frame moves a little.
int glideFrames(TourPlayer& player, double maxStep) {
    int frames = 0;
    CameraViewpoint previous = player.viewpoint();
    while (player.moving() && frames < 60 * 10) {
        player.update(kFrame);
        CameraViewpoint here = player.viewpoint();
        EXPECT_LE(glm::length(here.eye - previous.eye), maxStep) << "frame " << frames;
        previous = here;
        ++frames;
    }
    return frames;
}

TEST(TourPlayerTest, NextGlidesToTheNextStopThenDwellsFromTheStart) {
    Tour tour = craftedTour();
    TourPlayer player = playerOf(tour);
    player.play();
    player.update(3.0);  // in stop 0's dwell
    CameraViewpoint before = player.viewpoint();
    player.next();
    EXPECT_EQ(player.currentStop(), 1u);
    EXPECT_TRUE(player.moving());
    EXPECT_DOUBLE_EQ(player.timeInStop(), 0.0);
    EXPECT_TRUE(sameView(player.viewpoint(), before, 1e-5f));  // no cut
    int frames = glideFrames(player, 0.6);
    // A short glide: 1 to 2.5 s.
    EXPECT_GE(frames, 55);
    EXPECT_LE(frames, 152);
    EXPECT_TRUE(sameView(player.viewpoint(), *tour.stops[1].camera, 1e-4f));
    EXPECT_LT(player.timeInStop(), 2 * kFrame);
    EXPECT_NEAR(player.time(), player.arrivalSeconds(1), 2 * kFrame);
    EXPECT_GT(player.progress(), 0.0);
    EXPECT_EQ(player.narration(Language::English), "Additive manufacturing");
}

TEST(TourPlayerTest, NextInTheMiddleOfATransitionStartsFromWhereTheCameraIs) {
    Tour tour = craftedTour();
    TourPlayer player = playerOf(tour);
    player.seek(player.arrivalSeconds(2) - player.transitionSeconds(2) / 2);
    ASSERT_TRUE(player.moving());
    EXPECT_EQ(player.currentStop(), 2u);
    CameraViewpoint before = player.viewpoint();
    player.next();
    EXPECT_EQ(player.currentStop(), 3u);
    EXPECT_TRUE(sameView(player.viewpoint(), before, 1e-5f));
    glideFrames(player, 0.6);
    EXPECT_TRUE(sameView(player.viewpoint(), *tour.stops[3].camera, 1e-4f));
}

TEST(TourPlayerTest, PreviousGoesBackAndStopZeroRestartsItsDwell) {
    Tour tour = craftedTour();
    TourPlayer player = playerOf(tour);
    player.seek(player.arrivalSeconds(2) + 1.0);
    player.previous();
    EXPECT_EQ(player.currentStop(), 1u);
    glideFrames(player, 0.6);
    EXPECT_TRUE(sameView(player.viewpoint(), *tour.stops[1].camera, 1e-4f));
    EXPECT_DOUBLE_EQ(player.time(), player.arrivalSeconds(1));  // paused: stays at arrival

    player.seek(2.5);
    player.previous();  // on stop 0 already: no move needed, the dwell restarts
    EXPECT_EQ(player.currentStop(), 0u);
    EXPECT_FALSE(player.moving());
    EXPECT_DOUBLE_EQ(player.time(), 0.0);
}

TEST(TourPlayerTest, GlidesRunWhilePausedAndKeepThePause) {
    TourPlayer player = playerOf(craftedTour());
    player.goToStop(2);
    EXPECT_FALSE(player.playing());
    glideFrames(player, 0.6);
    EXPECT_FALSE(player.moving());
    double arrived = player.time();
    player.update(3.0);
    EXPECT_DOUBLE_EQ(player.time(), arrived);
    player.goToStop(99);  // clamped to the last stop
    EXPECT_EQ(player.currentStop(), 3u);
}

TEST(TourPlayerTest, SeekCancelsAGlide) {
    Tour tour = craftedTour();
    TourPlayer player = playerOf(tour);
    player.next();
    player.update(0.3);
    player.seek(1.0);
    EXPECT_FALSE(player.moving());
    EXPECT_EQ(player.currentStop(), 0u);
    EXPECT_TRUE(sameView(player.viewpoint(), *tour.stops[0].camera, 0.0f));
}

TEST(TourPlayerTest, NextOnTheLastStopEndsTheTourAndPlayStartsOver) {
    Tour tour = craftedTour();
    TourPlayer player = playerOf(tour);
    player.play();
    player.seek(player.arrivalSeconds(3) + 1.0);
    player.next();
    EXPECT_TRUE(player.finished());
    EXPECT_FALSE(player.playing());
    EXPECT_DOUBLE_EQ(player.progress(), 1.0);
    EXPECT_EQ(player.currentStop(), 3u);
    // Replay: glides back to the first stop (never a cut), then plays.
    CameraViewpoint end = player.viewpoint();
    player.play();
    EXPECT_TRUE(player.playing());
    EXPECT_FALSE(player.finished());
    EXPECT_EQ(player.currentStop(), 0u);
    EXPECT_TRUE(sameView(player.viewpoint(), end, 1e-5f));
    glideFrames(player, 0.6);
    EXPECT_TRUE(sameView(player.viewpoint(), *tour.stops[0].camera, 1e-4f));
    player.update(1.0);
    EXPECT_GT(player.time(), 0.9);
}

TEST(TourPlayerTest, ReducedMotionMakesEveryMoveShort) {
    Tour tour = craftedTour();
    TourPlayerDesc desc;
    desc.reducedMotion = true;
    TourPlayer player = playerOf(tour, desc);
    double dwells = 0.0;
    for (std::size_t i = 0; i < tour.stops.size(); ++i) {
        dwells += tour.stops[i].durationSeconds;
        if (i > 0) {
            EXPECT_NEAR(player.transitionSeconds(i), 0.6, 1e-6);
        }
    }
    EXPECT_NEAR(player.totalDuration(), dwells + 3 * 0.6, 1e-6);
    player.next();
    int frames = glideFrames(player, 100.0);
    EXPECT_NEAR(frames * kFrame, 0.6, 2 * kFrame);
}

TEST(TourPlayerTest, NarrationInTheAskedLanguageWithFallback) {
    Tour tour = craftedTour();
    tour.stops[1].narration.en.clear();
    TourPlayer player = playerOf(tour);
    EXPECT_EQ(player.narration(Language::French), "Bienvenue");
    EXPECT_EQ(player.narration(Language::English), "Welcome");
    player.seek(player.arrivalSeconds(1));
    EXPECT_EQ(player.narration(Language::English), "Fabrication additive");
    EXPECT_EQ(player.panels(), (std::vector<std::string>{"platform:additive", "machine:fdm-1"}));
    // During the transition into a stop, it is already that stop's text.
    player.seek(player.arrivalSeconds(2) - 0.5);
    EXPECT_EQ(player.currentStop(), 2u);
    EXPECT_EQ(player.narration(Language::French), "Usinage");
    EXPECT_TRUE(player.panels().empty());
}

TEST(TourPlayerTest, StopsWithoutCameraUseTheAppFraming) {
    Tour tour = craftedTour();
    tour.stops[1].camera.reset();
    tour.stops[1].kind = TourStop::TargetKind::Platform;
    tour.stops[1].targetId = "additive";
    tour.stops[2].camera.reset();
    int calls = 0;
    StopFraming frame = [&](const TourStop& stop) {
        ++calls;
        if (stop.kind == TourStop::TargetKind::Platform) return CameraViewpoint{{-9, 1.65f, 3}, {-18, 1, 8}};
        return CameraViewpoint{stop.point + glm::vec3(0, 2, 3), stop.point};
    };
    TourPlayer player(tour, frame);
    EXPECT_EQ(calls, 2);
    EXPECT_TRUE(sameView(player.stopViewpoint(1), {{-9, 1.65f, 3}, {-18, 1, 8}}, 0.0f));
    EXPECT_TRUE(sameView(player.stopViewpoint(2), {glm::vec3(20, 3, -7), glm::vec3(20, 1, -10)}, 0.0f));
    // Without a framing function: a view of the stop's point.
    TourPlayer bare(tour, StopFraming{});
    EXPECT_TRUE(sameView(bare.stopViewpoint(2), {glm::vec3(20, 2.5f, -5), glm::vec3(20, 1, -10)}, 0.0f));
}

TEST(TourPlayerTest, StartFromOpensWithATransitionToTheFirstStop) {
    Tour tour = craftedTour();
    TourPlayerDesc desc;
    desc.startFrom = CameraViewpoint{{0, 30, 60}, {0, 0, 0}};
    TourPlayer player = playerOf(tour, desc);
    EXPECT_TRUE(sameView(player.viewpoint(), *desc.startFrom, 0.0f));
    EXPECT_EQ(player.currentStop(), 0u);
    EXPECT_TRUE(player.moving());
    EXPECT_GE(player.transitionSeconds(0), 2.0);
    EXPECT_DOUBLE_EQ(player.arrivalSeconds(0), player.transitionSeconds(0));
    player.seek(player.arrivalSeconds(0));
    EXPECT_TRUE(sameView(player.viewpoint(), *tour.stops[0].camera, 0.0f));
}

TEST(TourPlayerTest, BlockedTransitionsTakeADetour) {
    Tour tour = craftedTour();
    TourPlayerDesc desc;
    // A wall along x = -5 with a doorway at z in [3.5, 5].
    desc.path.segmentBlocked = [](glm::vec3 a, glm::vec3 b) {
        if ((a.x < -5) == (b.x < -5)) return false;
        float f = (a.x + 5) / (a.x - b.x);
        float z = a.z + (b.z - a.z) * f;
        return z < 3.5f || z > 5.0f;
    };
    desc.path.detourWaypoints = {{-5, 1.65f, 4.25f}};
    TourPlayer player = playerOf(tour, desc);
    EXPECT_EQ(player.path().via(1).size(), 1u);   // into the additive room
    EXPECT_EQ(player.path().via(2).size(), 1u);   // and out of it
    EXPECT_TRUE(player.path().via(3).empty());
    EXPECT_EQ(player.path().unresolvedLegs(), 0);
}

TEST(TourPlayerTest, TourWithoutStopsIsFinished) {
    TourPlayer player = playerOf(Tour{});
    EXPECT_TRUE(player.finished());
    EXPECT_DOUBLE_EQ(player.progress(), 1.0);
    EXPECT_DOUBLE_EQ(player.totalDuration(), 0.0);
    EXPECT_EQ(player.narration(Language::French), "");
    EXPECT_TRUE(player.panels().empty());
    player.play();
    player.next();
    player.previous();
    player.update(1.0);
    EXPECT_FALSE(player.playing());
    TourPlayer empty;
    EXPECT_TRUE(empty.finished());
}

}  // namespace
}  // namespace twin
