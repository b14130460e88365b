// The live feed on the replay week: where the state comes from when no
// broker is configured, and how the slider and the clock move it.
#include "feeds/live_feed.h"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "feeds/timestamp.h"

namespace twin::feeds {
namespace {

// A scene with two platforms and a machine, fed by a small replay file.
struct ReplayScene {
    std::filesystem::path folder = std::filesystem::temp_directory_path() / ("twin-live-feed-" + std::to_string(::getpid()));
    SceneDescription scene;

    ReplayScene() {
        std::filesystem::create_directories(folder);
        std::ofstream(folder / "week.json") << R"({"format": "twin-replay/1", "weekStart": "2026-11-23T00:00:00Z", "events": [
            {"at": 0, "topic": "platforms/a/occupancy", "payload": {"count": 0}},
            {"at": 28800, "topic": "platforms/a/occupancy", "payload": {"count": 12}},
            {"at": 28800, "topic": "machines/m/state", "payload": {"state": "running", "job": "Part 1", "progress": 0.1}},
            {"at": 30600, "topic": "platforms/a/occupancy", "payload": {"count": 14}},
            {"at": 61200, "topic": "platforms/a/occupancy", "payload": {"count": 0}}]})";
        scene.file = folder / "scene.json";
        scene.platforms.push_back([] { Platform p; p.id = "a"; p.floor = "f0"; p.capacity = 20; return p; }());
        scene.platforms.push_back([] { Platform p; p.id = "b"; p.floor = "f0"; p.capacity = 10; return p; }());
        Machine m;
        m.id = "m";
        m.platform = "a";
        scene.machines.push_back(m);
        scene.feeds.replay = folder / "week.json";
        scene.feeds.staleAfterSeconds = 3600;
    }
    ~ReplayScene() { std::filesystem::remove_all(folder); }
};

TimePoint time(const char* text) { return *parseTimestamp(text); }

TEST(LiveFeed, ReplayShowsTheWeekAtTheStartTime) {
    ReplayScene s;
    LiveFeedDesc desc;
    desc.replayStart = time("2026-12-01T08:45:00Z");  // a Tuesday, one week later
    LiveFeed feed(s.scene, desc);
    EXPECT_TRUE(feed.takeProblems().empty());
    EXPECT_TRUE(feed.isReplay());
    EXPECT_EQ(feed.connection(), Connection::Replay);
    const PlatformLive* a = feed.state().platform("a");
    ASSERT_TRUE(a && a->occupancy);
    // The week maps by weekday: on Tuesday the last value of Monday holds.
    EXPECT_EQ(a->occupancy->count, 0);
    EXPECT_EQ(a->occupancy->ts, time("2026-11-30T17:00:00Z"));
    feed.seek(time("2026-11-30T08:45:00Z"));  // a Monday
    ASSERT_TRUE(feed.state().platform("a")->occupancy);
    EXPECT_EQ(feed.state().platform("a")->occupancy->count, 14);
    EXPECT_EQ(feed.state().platform("a")->occupancy->ts, time("2026-11-30T08:30:00Z"));  // moved into that week
    EXPECT_EQ(feed.state().machine("m")->status->state, MachineState::Running);
    EXPECT_EQ(feed.clock(), time("2026-11-30T08:45:00Z"));
}

TEST(LiveFeed, ReplayMovesWithItsClockAndSaysWhenSomethingChanged) {
    ReplayScene s;
    LiveFeedDesc desc;
    desc.replayStart = time("2026-11-30T08:29:59Z");
    desc.replaySpeed = 3600;  // an hour a second
    LiveFeed feed(s.scene, desc);
    EXPECT_EQ(feed.state().platform("a")->occupancy->count, 12);
    const uint64_t before = feed.state().revision();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // six data minutes
    EXPECT_TRUE(feed.update());
    EXPECT_GT(feed.clock(), time("2026-11-30T08:30:00Z"));
    EXPECT_EQ(feed.state().platform("a")->occupancy->count, 14);
    EXPECT_GT(feed.state().revision(), before);
    EXPECT_LE(feed.timeUntilNews().count(), 60'000 / 3600 + 20);
}

TEST(LiveFeed, SliderRangeIsTheWeekHoldingTheClock) {
    ReplayScene s;
    LiveFeedDesc desc;
    desc.replayStart = time("2026-12-02T12:00:00Z");
    LiveFeed feed(s.scene, desc);
    auto [from, to] = feed.slidableRange();
    EXPECT_EQ(from, time("2026-11-30T00:00:00Z"));
    EXPECT_EQ(to, time("2026-12-07T00:00:00Z"));
}

TEST(LiveFeed, AMissingReplayIsAProblemNotACrash) {
    ReplayScene s;
    s.scene.feeds.replay = s.folder / "missing.json";
    LiveFeed feed(s.scene, {});
    auto problems = feed.takeProblems();
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("missing.json"), std::string::npos) << problems[0];
    EXPECT_TRUE(feed.state().platforms().empty());
    EXPECT_FALSE(feed.update() && !feed.state().platforms().empty());
}

TEST(LiveFeed, ABadBrokerUrlIsAProblemNotACrash) {
    ReplayScene s;
    LiveFeedDesc desc;
    desc.mqttUrl = "mqtt://";
    LiveFeed feed(s.scene, desc);
    auto problems = feed.takeProblems();
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("mqtt://"), std::string::npos) << problems[0];
    // The broker can never be reached: the replay week stands in for it.
    EXPECT_TRUE(feed.isReplay());
    EXPECT_TRUE(feed.replayStandsIn());
    EXPECT_FALSE(feed.offlineSince());
}

// Offline-safe: a kiosk whose broker does not answer (nothing listens on
// the port) shows the typical week, says so, and marks nothing stale.
TEST(LiveFeed, TheReplayStandsInForABrokerNeverReached) {
    ReplayScene s;
    LiveFeedDesc desc;
    desc.mqttUrl = "mqtt://127.0.0.1:1";
    desc.replayStart = time("2026-11-23T09:00:00Z");
    LiveFeed feed(s.scene, desc);
    EXPECT_TRUE(feed.takeProblems().empty());
    feed.update();
    EXPECT_TRUE(feed.replayStandsIn());
    EXPECT_TRUE(feed.isReplay());
    EXPECT_NE(feed.connection(), Connection::Connected);
    EXPECT_NE(feed.connection(), Connection::Replay) << "the data bar must say a broker is expected";
    EXPECT_FALSE(feed.offlineSince()) << "never reached is not lost";
    ASSERT_TRUE(feed.state().platform("a") && feed.state().platform("a")->occupancy);
    EXPECT_EQ(feed.state().platform("a")->occupancy->count, 14);  // the week at 09:00 on Monday (08:30: 14)
    EXPECT_FALSE(isStale(feed.state().platform("a")->occupancy->ts, feed.clock(), feed.staleAfter()));
    ASSERT_NE(feed.timeline(), nullptr);
}

// Without a replay to stand in, a broker never reached leaves the history's
// last values (none here) and no stand-in.
TEST(LiveFeed, WithoutAReplayNothingStandsIn) {
    ReplayScene s;
    s.scene.feeds.replay.clear();
    LiveFeedDesc desc;
    desc.mqttUrl = "mqtt://127.0.0.1:1";
    LiveFeed feed(s.scene, desc);
    feed.update();
    EXPECT_FALSE(feed.replayStandsIn());
    EXPECT_FALSE(feed.isReplay());
    EXPECT_TRUE(feed.state().platforms().empty());
}

}  // namespace
}  // namespace twin::feeds
