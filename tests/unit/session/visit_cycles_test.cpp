// The machines' working cycles in the visit session: running machines play
// their clip in the building, idle ones and those with reduced motion stand
// still, the explored machine plays always, and the explorer's play, pause,
// scrub and speed commands; --anim-time pauses every cycle at a moment; the
// replay that says which machines run keeps its speed from one kiosk visitor
// to the next. No GL.
#include <gtest/gtest.h>

#include <fstream>

#include <glm/gtc/matrix_transform.hpp>
#include <unistd.h>

#include "test_extents.h"

#include "feeds/timestamp.h"
#include "session/visit_session.h"

namespace twin {
namespace {

using twin::test::box;

constexpr glm::vec2 kViewport{800, 600};

// Two identical machines with a slider that moves 1 m along x in a 2 s
// cycle (and back); the replay says one runs and the other is idle.
struct World {
    std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("twin-cycles-" + std::to_string(::getpid()));
    VisitContent content;

    World() {
        std::filesystem::create_directories(folder);
        std::ofstream(folder / "week.json") << R"({"format": "twin-replay/1", "weekStart": "2026-11-23T00:00:00Z", "events": [
            {"at": 28800, "topic": "machines/runner/state", "payload": {"state": "running"}},
            {"at": 28800, "topic": "machines/idler/state", "payload": {"state": "idle"}}]})";
        content.title = "test";
        SceneDescription scene;
        scene.file = folder / "scene.json";
        scene.name = {"Essai", "Test"};
        Platform lab;
        lab.id = "lab";
        lab.name = {"Labo", "Lab"};
        lab.floor = "f0";
        lab.footprint = {{-6, -6}, {6, -6}, {6, 6}, {-6, 6}};
        lab.capacity = 10;
        scene.platforms.push_back(lab);
        for (const char* id : {"runner", "idler"}) {
            Machine m;
            m.id = id;
            m.name = {id, id};
            m.model = {"slider.glb", glm::translate(glm::mat4(1.0f), glm::vec3(id[0] == 'r' ? 2.0f : -2.0f, 0, 0))};
            m.platform = "lab";
            m.parts = {{"slider", {"Chariot", "Slider"}, {}, std::nullopt}};
            scene.machines.push_back(m);
        }
        scene.feeds.replay = folder / "week.json";
        scene.feeds.staleAfterSeconds = 24 * 3600;
        content.scene = scene;
        engine::ModelExtent e;
        e.nodes = {{"root", -1}, {"base", 0}, {"slider", 0}};
        e.parts.push_back({box({-0.5f, 0, -0.5f}, {0.5f, 0.2f, 0.5f}), glm::mat4(1.0f), 1, 1});
        e.parts.push_back({box({-0.1f, 0.2f, -0.1f}, {0.1f, 0.4f, 0.1f}), glm::mat4(1.0f), 2, 2});
        for (const auto& p : e.parts) e.bounds.expand(p.bounds);
        e.animations.push_back({"cycle", 2.0f, {{2, {{0.0f, {0, 0, 0}}, {1.0f, {1, 0, 0}}, {2.0f, {0, 0, 0}}}, {}, {}}}});
        content.models["slider.glb"] = e;
        content.sceneBounds = box({-10, -0.2f, -10}, {10, 6, 10});
    }
    ~World() { std::filesystem::remove_all(folder); }
};

struct Loaded {
    World world;
    VisitSession session;
    double wallSeconds = 0.0;  // the replay's wall clock, moved by the test
    explicit Loaded(VisitSessionDesc desc = {}, double replaySpeed = 1.0) : session(desc) {
        session.setViewport(kViewport);
        feeds::LiveFeedDesc feed;
        feed.replaySpeed = replaySpeed;
        feed.wallClock = [this] {
            return std::chrono::steady_clock::time_point(
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(wallSeconds)));
        };
        feed.replayStart = *feeds::parseTimestamp("2026-11-30T09:00:00Z");  // a Monday morning
        engine::Status status = session.load(world.content, &feed);
        EXPECT_TRUE(status) << status.error();
    }
};

void run(VisitSession& session, double seconds, double step = 1.0 / 60.0) {
    for (double t = 0.0; t < seconds - 1e-9; t += step) session.advance(step);
}

// The slider's offset along x in this frame's motion of `machine` (0 when it is not moved).
float sliderOffset(const VisitFrame& frame, size_t machine) {
    for (const MachineMotion& m : frame.scene.machineMotions)
        if (m.machine.value == machine && m.placementTransforms.size() == 2) return m.placementTransforms[1][3].x;
    return 0.0f;
}

TEST(VisitCycles, RunningMachinesPlayTheirCycleIdleOnesStandStill) {
    Loaded v;
    VisitSession& s = v.session;
    EXPECT_TRUE(s.machineCycling(0));
    EXPECT_FALSE(s.machineCycling(1));  // idle
    ASSERT_NE(s.cycleOf(1), nullptr);   // it has a cycle all the same
    EXPECT_TRUE(s.cyclesMoving());
    EXPECT_TRUE(s.needsFrame());        // something moves: frames are due
    EXPECT_EQ(s.secondsUntilNews(), 0.0);
    run(s, 0.5);
    VisitFrame frame = s.frame();
    ASSERT_EQ(frame.scene.machineMotions.size(), 1u);
    EXPECT_EQ(frame.scene.machineMotions[0].machine.value, 0u);
    EXPECT_NEAR(sliderOffset(frame, 0), 0.5f, 0.02f);
    EXPECT_EQ(frame.scene.machineMotions[0].placementTransforms[0], glm::mat4(1.0f));  // the base stays
    run(s, 2.0);  // a whole cycle later: the same place (it loops)
    EXPECT_NEAR(sliderOffset(s.frame(), 0), 0.5f, 0.02f);
}

// A kiosk replaying its week fast (--replay-speed 600, an accelerated day):
// a visitor's choice of speed is theirs; the next one finds the replay as it
// started, not at real time.
TEST(VisitCycles, TheNextVisitorFindsTheReplayAtItsStartingSpeed) {
    Loaded v({}, 600.0);
    VisitSession& s = v.session;
    ASSERT_NE(s.feed(), nullptr);
    EXPECT_DOUBLE_EQ(s.feed()->replaySpeed(), 600.0);
    s.apply(command::SetReplaySpeed{60.0});
    EXPECT_DOUBLE_EQ(s.feed()->replaySpeed(), 60.0);
    const feeds::TimePoint before = s.feed()->clock();
    s.resetVisit(Language::French);
    EXPECT_DOUBLE_EQ(s.feed()->replaySpeed(), 600.0);
    v.wallSeconds += 1.0;  // ten minutes of data a second
    run(s, 0.1);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(s.feed()->clock() - before).count();
    EXPECT_GE(minutes, 9);
    EXPECT_LE(minutes, 11);
}

TEST(VisitCycles, ReducedMotionKeepsTheBuildingStill) {
    VisitSessionDesc desc;
    desc.reducedMotion = true;
    Loaded v(desc);
    EXPECT_FALSE(v.session.machineCycling(0));
    EXPECT_FALSE(v.session.cyclesMoving());
    run(v.session, 0.5);
    EXPECT_TRUE(v.session.frame().scene.machineMotions.empty());
}

TEST(VisitCycles, AnimTimePausesEveryCycleAtThatMoment) {
    VisitSessionDesc desc;
    desc.start.animTime = 2.5;  // half a second into the second loop
    Loaded v(desc);
    VisitSession& s = v.session;
    EXPECT_FALSE(s.cyclePlaying());
    EXPECT_FALSE(s.cyclesMoving());  // paused: nothing moves, no frames are due for it
    run(s, 1.0);
    EXPECT_DOUBLE_EQ(s.cycleTime(), 2.5);
    EXPECT_NEAR(sliderOffset(s.frame(), 0), 0.5f, 1e-5f);  // still shown where the cycle has it
}

TEST(VisitCycles, TheExploredMachinePlaysAndIsScrubbed) {
    VisitSessionDesc desc;
    desc.start.machine = "idler";  // idle, but a learner exploring it sees its cycle
    desc.start.focus = true;
    Loaded v(desc);
    VisitSession& s = v.session;
    EXPECT_TRUE(s.machineCycling(1));
    EXPECT_FALSE(s.machineCycling(0));  // the others are ghosts: still
    run(s, 0.25);
    VisitFrame frame = s.frame();
    EXPECT_TRUE(frame.scene.machineMotions.empty());
    ASSERT_TRUE(frame.scene.focus);
    ASSERT_EQ(frame.scene.focus->placementTransforms.size(), 2u);
    EXPECT_NEAR(frame.scene.focus->placementTransforms[1][3].x, 0.25f, 0.02f);
    EXPECT_TRUE(frame.ui.explorer.hasCycle);
    EXPECT_TRUE(frame.ui.explorer.cyclePlaying);
    EXPECT_FLOAT_EQ(frame.ui.explorer.cycleDuration, 2.0f);

    s.apply(command::ScrubCycle{1.5f});
    EXPECT_FALSE(s.cyclePlaying());  // scrubbing pauses
    frame = s.frame();
    EXPECT_NEAR(frame.scene.focus->placementTransforms[1][3].x, 0.5f, 1e-5f);
    EXPECT_NEAR(frame.ui.explorer.cycleTime, 1.5f, 1e-5f);
    run(s, 1.0);
    EXPECT_NEAR(s.frame().ui.explorer.cycleTime, 1.5f, 1e-5f);  // paused: it stays

    s.apply(command::SetCycleSpeed{0.5f});
    s.apply(command::PlayCycle{true});
    run(s, 0.5);  // at half speed, a quarter of a second of cycle
    EXPECT_NEAR(s.frame().ui.explorer.cycleTime, 1.75f, 0.02f);
    s.apply(command::SetCycleSpeed{10.0f});  // clamped
    EXPECT_FLOAT_EQ(s.cycleSpeed(), 2.0f);
    s.apply(command::ScrubCycle{-3.0f});  // clamped into the cycle
    EXPECT_DOUBLE_EQ(s.cycleTime(), 0.0);
}

TEST(VisitCycles, ExplodeComposesWithTheCycle) {
    VisitSessionDesc desc;
    desc.start.machine = "runner";
    desc.start.focus = true;
    desc.start.explode = 1.0f;
    desc.start.animTime = 1.0;  // the slider 1 m along x
    Loaded v(desc);
    const VisitFrame frame = v.session.frame();
    ASSERT_TRUE(frame.scene.focus);
    const glm::mat4& moved = frame.scene.focus->placementTransforms[1];
    // Moved by the cycle, then out by the explode: further than the cycle alone.
    const glm::vec3 centre = glm::vec3(moved * glm::vec4(0, 0.3f, 0, 1));
    EXPECT_GT(glm::length(centre - glm::vec3(1.0f, 0.3f, 0.0f)), 0.05f);
    EXPECT_GT(centre.x, 0.9f);
}

}  // namespace
}  // namespace twin
