// ReplayWeek: a small hand-written week (stateAt and forEachBetween across
// loops, bad events, files that are not replay data sets), then the
// committed data set assets/data/twin_week.json against scenes/twin.json.
#include "feeds/replay_week.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

#include "feeds/timestamp.h"

namespace twin::feeds {
namespace {

using std::chrono::hours;

TimePoint at(const char* text) { return *parseTimestamp(text); }
std::string iso(TimePoint time) { return formatTimestamp(time); }  // readable in failures

const TimePoint kStart = at("2026-11-23T00:00:00Z");  // the small week's Monday

KnownIds smallIds() {
    KnownIds ids;
    ids.platforms = {"additive", "digital"};
    ids.machines = {"fdm-1"};
    return ids;
}

// Out of order on purpose; events 1, 2 and 5 share a time.
constexpr const char* kSmallWeek = R"({"format": "twin-replay/1", "weekStart": "2026-11-23T00:00:00Z", "events": [
  {"at": 7200, "topic": "platforms/additive/occupancy", "payload": {"count": 7}},
  {"at": 3600, "topic": "platforms/additive/occupancy", "payload": {"count": 5}},
  {"at": 3600, "topic": "machines/fdm-1/state", "payload": {"state": "running", "job": "Bracket", "progress": 0}},
  {"at": 5400, "topic": "machines/fdm-1/state", "payload": {"state": "running", "job": "Bracket", "progress": 0.5}},
  {"at": 7200, "topic": "machines/fdm-1/state", "payload": {"state": "idle"}},
  {"at": 3600, "topic": "platforms/additive/activity", "payload": {
     "title": {"fr": "Formation", "en": "Training"}, "kind": "training", "headcount": 12,
     "start": "2026-11-23T01:00:00Z", "end": "2026-11-23T02:00:00Z",
     "next": {"title": {"fr": "Fermé", "en": "Closed"}, "kind": "closed",
              "start": "2026-11-23T02:00:00Z", "end": "2026-11-30T01:00:00Z"}}},
  {"at": 7200, "topic": "platforms/additive/activity", "payload": {
     "title": {"fr": "Fermé", "en": "Closed"}, "kind": "closed",
     "start": "2026-11-23T02:00:00Z", "end": "2026-11-30T01:00:00Z"}}
]})";

ReplayWeek smallWeek() {
    auto week = ReplayWeek::parse(kSmallWeek, "small.json", smallIds());
    EXPECT_TRUE(week.ok()) << (week.ok() ? "" : week.error());
    return std::move(week).value();
}

const Occupancy& occupancyIn(const LiveState& state, std::string_view platform) {
    static const Occupancy kNone{-1, std::nullopt, {}};
    const PlatformLive* live = state.platform(platform);
    return live && live->occupancy ? *live->occupancy : kNone;
}

// What the state holds, or an empty value (ts at the epoch) when it holds
// nothing, so a failing test reports instead of crashing.
const MachineStatus& machineIn(const LiveState& state, std::string_view machine) {
    static const MachineStatus kNone{};
    const MachineLive* live = state.machine(machine);
    return live && live->status ? *live->status : kNone;
}

const ActivityReport& activityIn(const LiveState& state, std::string_view platform) {
    static const ActivityReport kNone{};
    const PlatformLive* live = state.platform(platform);
    return live && live->activity ? *live->activity : kNone;
}

TEST(ReplayWeekTest, ParsesTheSmallWeekSortedByTime) {
    ReplayWeek week = smallWeek();
    EXPECT_EQ(iso(week.weekStart()), iso(kStart));
    EXPECT_TRUE(week.problems().empty());
    ASSERT_EQ(week.events().size(), 7u);
    for (size_t i = 1; i < week.events().size(); ++i) EXPECT_LE(week.events()[i - 1].at, week.events()[i].at);
    // Equal times keep the file's order: occupancy, machine, activity.
    EXPECT_TRUE(std::holds_alternative<OccupancyUpdate>(week.events()[0].update));
    EXPECT_TRUE(std::holds_alternative<MachineUpdate>(week.events()[1].update));
    EXPECT_TRUE(std::holds_alternative<ActivityUpdate>(week.events()[2].update));
    // Each payload got its ts: weekStart + at.
    for (const ReplayEvent& event : week.events()) EXPECT_EQ(iso(timestampOf(event.update)), iso(kStart + event.at));
}

TEST(ReplayWeekTest, StateAtKnownInstantsOfTheFirstLoop) {
    ReplayWeek week = smallWeek();
    LiveState state;
    week.stateAt(kStart + hours(1), state);
    EXPECT_EQ(occupancyIn(state, "additive").count, 5);
    EXPECT_EQ(iso(occupancyIn(state, "additive").ts), iso(kStart + hours(1)));
    const ActivityReport& training = activityIn(state, "additive");
    EXPECT_EQ(training.current.kind, ActivityKind::Training);
    EXPECT_EQ(training.current.headcount, 12);
    ASSERT_TRUE(training.next.has_value());
    EXPECT_EQ(iso(training.next->end), iso(at("2026-11-30T01:00:00Z")));
    EXPECT_EQ(state.platform("digital"), nullptr);  // no event names it

    // Halfway through the job: the newest progress, since the job's first message.
    state.clear();
    week.stateAt(kStart + Seconds(6000), state);
    const MachineStatus& running = machineIn(state, "fdm-1");
    EXPECT_EQ(running.state, MachineState::Running);
    EXPECT_EQ(running.progress, 0.5);
    EXPECT_EQ(iso(running.ts), iso(kStart + Seconds(5400)));
    EXPECT_EQ(iso(running.since), iso(kStart + hours(1)));

    state.clear();
    week.stateAt(kStart + hours(5), state);
    EXPECT_EQ(occupancyIn(state, "additive").count, 7);
    EXPECT_EQ(machineIn(state, "fdm-1").state, MachineState::Idle);
    EXPECT_EQ(activityIn(state, "additive").current.kind, ActivityKind::Closed);
}

TEST(ReplayWeekTest, BeforeTheFirstEventOfALoopTheEndOfThePreviousLoopHolds) {
    ReplayWeek week = smallWeek();
    LiveState state;
    week.stateAt(kStart + Seconds(3599), state);
    EXPECT_EQ(occupancyIn(state, "additive").count, 7);
    EXPECT_EQ(iso(occupancyIn(state, "additive").ts), iso(kStart - kWeek + hours(2)));
    EXPECT_EQ(machineIn(state, "fdm-1").state, MachineState::Idle);
    // The closing announced for "next Monday 01:00" ends right at this loop's first event.
    const Activity& closed = activityIn(state, "additive").current;
    EXPECT_EQ(closed.kind, ActivityKind::Closed);
    EXPECT_EQ(iso(closed.start), iso(kStart - kWeek + hours(2)));
    EXPECT_EQ(iso(closed.end), iso(kStart + hours(1)));
}

TEST(ReplayWeekTest, StateAtLaterLoopsAndBeforeWeekStart) {
    ReplayWeek week = smallWeek();
    struct Case {
        TimePoint time;
        int count;
        TimePoint ts;
    };
    const Case cases[] = {
        {kStart + kWeek, 7, kStart + hours(2)},                           // the loop boundary itself
        {kStart + kWeek + hours(1), 5, kStart + kWeek + hours(1)},        // second loop
        {kStart + 2 * kWeek + hours(2), 7, kStart + 2 * kWeek + hours(2)},
        {kStart - Seconds(1), 7, kStart - kWeek + hours(2)},              // just before weekStart
        {kStart - 3 * kWeek + hours(1), 5, kStart - 3 * kWeek + hours(1)},
        {kStart - 3 * kWeek + Seconds(3599), 7, kStart - 4 * kWeek + hours(2)},
    };
    for (const Case& c : cases) {
        LiveState state;
        week.stateAt(c.time, state);
        SCOPED_TRACE(formatTimestamp(c.time));
        EXPECT_EQ(occupancyIn(state, "additive").count, c.count);
        EXPECT_EQ(iso(occupancyIn(state, "additive").ts), iso(c.ts));
        EXPECT_LE(machineIn(state, "fdm-1").ts, c.time);
    }
}

TEST(ReplayWeekTest, ExtremeTimesDoNotOverflow) {
    ReplayWeek week = smallWeek();
    LiveState state;
    week.stateAt(TimePoint::max(), state);
    EXPECT_EQ(state.platforms().size(), 1u);
    state.clear();
    week.stateAt(TimePoint::min(), state);
    EXPECT_EQ(state.machines().size(), 1u);
    int visited = 0;
    week.forEachBetween(TimePoint::max() - Seconds(1), TimePoint::max(), [&](const Update&) { ++visited; });
    EXPECT_EQ(visited, 0);
}

std::vector<TimePoint> timesBetween(const ReplayWeek& week, TimePoint from, TimePoint to) {
    std::vector<TimePoint> times;
    week.forEachBetween(from, to, [&](const Update& update) { times.push_back(timestampOf(update)); });
    return times;
}

TEST(ReplayWeekTest, ForEachBetweenCrossesTheLoopBoundaryInOrder) {
    ReplayWeek week = smallWeek();
    const std::vector<TimePoint> times = timesBetween(week, kStart + Seconds(5000), kStart + kWeek + Seconds(4000));
    const std::vector<TimePoint> expected = {
        kStart + Seconds(5400),    kStart + hours(2),         kStart + hours(2),        kStart + hours(2),
        kStart + kWeek + hours(1), kStart + kWeek + hours(1), kStart + kWeek + hours(1)};
    ASSERT_EQ(times.size(), expected.size());
    for (size_t i = 0; i < times.size(); ++i) EXPECT_EQ(iso(times[i]), iso(expected[i])) << i;
}

TEST(ReplayWeekTest, ForEachBetweenExcludesFromAndIncludesTo) {
    ReplayWeek week = smallWeek();
    std::vector<Update> updates;
    week.forEachBetween(kStart + hours(1), kStart + hours(2), [&](const Update& u) { updates.push_back(u); });
    ASSERT_EQ(updates.size(), 4u);  // 01:30 progress, then the three at 02:00
    EXPECT_EQ(iso(timestampOf(updates.front())), iso(kStart + Seconds(5400)));
    EXPECT_EQ(std::get<OccupancyUpdate>(updates[1]).value.count, 7);
    EXPECT_TRUE(timesBetween(week, kStart + hours(2), kStart + hours(2)).empty());
    EXPECT_TRUE(timesBetween(week, kStart + hours(3), kStart + hours(1)).empty());
}

TEST(ReplayWeekTest, ForEachBetweenLongerThanAWeekVisitsEveryLoop) {
    ReplayWeek week = smallWeek();
    const std::vector<TimePoint> times = timesBetween(week, kStart - kWeek, kStart + 2 * kWeek);
    ASSERT_EQ(times.size(), 3 * week.events().size());
    EXPECT_TRUE(std::is_sorted(times.begin(), times.end()));
    EXPECT_EQ(iso(times.front()), iso(kStart - kWeek + hours(1)));
    EXPECT_EQ(iso(times.back()), iso(kStart + kWeek + hours(2)));
}

TEST(ReplayWeekTest, ShiftedMovesEveryTimestamp) {
    ReplayWeek week = smallWeek();
    const Seconds shift = 3 * kWeek;
    const ActivityUpdate original = std::get<ActivityUpdate>(week.events()[2].update);
    const ActivityUpdate moved = std::get<ActivityUpdate>(shifted(original, shift));
    EXPECT_EQ(iso(moved.value.ts), iso(original.value.ts + shift));
    EXPECT_EQ(iso(moved.value.current.start), iso(original.value.current.start + shift));
    EXPECT_EQ(iso(moved.value.current.end), iso(original.value.current.end + shift));
    EXPECT_EQ(iso(moved.value.next->start), iso(original.value.next->start + shift));
    EXPECT_EQ(iso(moved.value.next->end), iso(original.value.next->end + shift));
    EXPECT_EQ(moved.value.current.title.en, "Training");

    const MachineUpdate machine = std::get<MachineUpdate>(week.events()[1].update);
    const MachineUpdate movedMachine = std::get<MachineUpdate>(shifted(machine, -shift));
    EXPECT_EQ(iso(movedMachine.value.ts), iso(machine.value.ts - shift));
    EXPECT_EQ(iso(movedMachine.value.since), iso(machine.value.since - shift));
    EXPECT_EQ(movedMachine.value.job.fr, "Bracket");
    EXPECT_EQ(movedMachine.value.job.en, "Bracket");
    const OccupancyUpdate occupancy = std::get<OccupancyUpdate>(week.events()[0].update);
    EXPECT_EQ(iso(std::get<OccupancyUpdate>(shifted(occupancy, shift)).value.ts), iso(occupancy.value.ts + shift));
}

TEST(ReplayWeekTest, BadEventsAreLeftOutAndListedWithTheirIndex) {
    const char* text = R"({"format": "twin-replay/1", "weekStart": "2026-11-23T00:00:00Z", "events": [
      {"at": 60, "topic": "platforms/additive/occupancy", "payload": {"count": 1}},
      {"at": 60, "topic": "platforms/roof/occupancy", "payload": {"count": 1}},
      {"at": 60, "topic": "platforms/digital/occupancy", "payload": {"count": -3}},
      {"topic": "platforms/digital/occupancy", "payload": {"count": 3}},
      {"at": 60, "topic": "machines/fdm-1/state", "payload": {"state": "idle", "ts": "2026-11-23T00:01:00Z"}},
      {"at": 604800, "topic": "machines/fdm-1/state", "payload": {"state": "idle"}},
      {"at": 60, "topic": "machines/fdm-1/state", "payload": "idle"},
      {"at": 60, "payload": {"state": "idle"}},
      {"at": 120, "topic": "machines/fdm-1/state", "payload": {"state": "idle"}},
      {"at": 12.5, "topic": "machines/fdm-1/state", "payload": {"state": "idle"}},
      [1, 2]
    ]})";
    auto week = ReplayWeek::parse(text, "week.json", smallIds());
    ASSERT_TRUE(week.ok()) << week.error();
    ASSERT_EQ(week->events().size(), 2u);
    const std::vector<std::string>& problems = week->problems();
    const std::vector<int> bad = {1, 2, 3, 4, 5, 6, 7, 9, 10};
    ASSERT_EQ(problems.size(), bad.size());
    for (size_t i = 0; i < bad.size(); ++i)
        EXPECT_EQ(problems[i].rfind("week.json: /events/" + std::to_string(bad[i]) + ": ", 0), 0u) << problems[i];
    EXPECT_NE(problems[0].find("unknown platform"), std::string::npos) << problems[0];
    EXPECT_NE(problems[0].find("platforms/roof/occupancy"), std::string::npos) << problems[0];
    EXPECT_NE(problems[1].find("count"), std::string::npos) << problems[1];
    EXPECT_NE(problems[2].find("\"at\" is missing"), std::string::npos) << problems[2];
    EXPECT_NE(problems[3].find("ts"), std::string::npos) << problems[3];
    EXPECT_NE(problems[4].find("604800"), std::string::npos) << problems[4];
    EXPECT_NE(problems[5].find("payload"), std::string::npos) << problems[5];
    EXPECT_NE(problems[6].find("topic"), std::string::npos) << problems[6];
    EXPECT_NE(problems[7].find("12.5"), std::string::npos) << problems[7];
}

TEST(ReplayWeekTest, ManyBadEventsAreCountedButTheListIsBounded) {
    std::string text = R"({"format": "twin-replay/1", "weekStart": "2026-11-23T00:00:00Z", "events": [)";
    for (int i = 0; i < 250; ++i)
        text += std::string(i ? "," : "") +
                R"({"at": 60, "topic": "machines/nope/state", "payload": {"state": "idle"}})";
    text += "]}";
    auto week = ReplayWeek::parse(text, "flood.json", smallIds());
    ASSERT_TRUE(week.ok()) << week.error();
    EXPECT_TRUE(week->events().empty());
    ASSERT_EQ(week->problems().size(), 101u);
    EXPECT_NE(week->problems().back().find("150 more"), std::string::npos) << week->problems().back();
}

TEST(ReplayWeekTest, WhatIsNotAReplayDataSetIsRejectedWithItsName) {
    const std::string deep = std::string(100, '[') + std::string(100, ']');
    const char* texts[] = {
        "",
        "not json at all",
        "{\"format\": \"twin-replay/1\",\n \"events\": [}",
        "[1, 2]",
        "{}",
        R"({"format": "twin-tour-scene/1", "weekStart": "2026-11-23T00:00:00Z", "events": []})",
        R"({"format": "twin-replay/1", "events": []})",
        R"({"format": "twin-replay/1", "weekStart": "2026-11-24T00:00:00Z", "events": []})",  // a Tuesday
        R"({"format": "twin-replay/1", "weekStart": "2026-11-23T06:00:00Z", "events": []})",  // not midnight
        R"({"format": "twin-replay/1", "weekStart": 1795392000, "events": []})",
        R"({"format": "twin-replay/1", "weekStart": "2026-11-23T00:00:00Z"})",
        R"({"format": "twin-replay/1", "weekStart": "2026-11-23T00:00:00Z", "events": {}})",
        R"({"format": "twin-replay/1", "weekStart": "2026-11-23T00:00:00Z", "events": [1e999]})",
        deep.c_str(),
    };
    for (const char* text : texts) {
        auto week = ReplayWeek::parse(text, "odd.json", smallIds());
        ASSERT_FALSE(week.ok()) << text;
        EXPECT_EQ(week.error().rfind("odd.json", 0), 0u) << week.error();
    }
    auto syntax = ReplayWeek::parse("{\"format\": \"twin-replay/1\",\n \"events\": [}", "odd.json", smallIds());
    EXPECT_EQ(syntax.error().rfind("odd.json:2: not valid JSON", 0), 0u) << syntax.error();
    auto wrongFormat = ReplayWeek::parse(texts[5], "odd.json", smallIds());
    EXPECT_NE(wrongFormat.error().find("twin-tour-scene/1"), std::string::npos) << wrongFormat.error();
}

// A folder of its own for the files a test writes, removed afterwards.
class TempFolder {
public:
    TempFolder() : path_(std::filesystem::temp_directory_path() / ("replay-week-test-" + std::to_string(getpid()))) {
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() { std::filesystem::remove_all(path_); }
    std::filesystem::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path_ / name, std::ios::binary) << text;
        return path_ / name;
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

TEST(ReplayWeekTest, LoadReadsAFileAndNamesItInErrors) {
    TempFolder folder;
    auto good = ReplayWeek::load(folder.write("good.json", kSmallWeek), smallIds());
    ASSERT_TRUE(good.ok()) << good.error();
    EXPECT_EQ(good->events().size(), 7u);

    const std::filesystem::path scene = folder.write("scene.json", R"({"format": "twin-tour-scene/1"})");
    auto wrong = ReplayWeek::load(scene, smallIds());
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.error().find(scene.string()), std::string::npos) << wrong.error();

    for (const std::filesystem::path& path : {folder.path() / "missing.json", folder.path()}) {
        auto week = ReplayWeek::load(path, smallIds());
        ASSERT_FALSE(week.ok());
        EXPECT_NE(week.error().find(path.string()), std::string::npos) << week.error();
    }
    auto device = ReplayWeek::load("/dev/zero", smallIds());  // would never end if read
    ASSERT_FALSE(device.ok());
    EXPECT_NE(device.error().find("/dev/zero"), std::string::npos) << device.error();
}

// ---------------------------------------------------------------------------
// The committed data set
// ---------------------------------------------------------------------------

const std::filesystem::path kDataSet = TWIN_SOURCE_DIR "/assets/data/twin_week.json";
const std::filesystem::path kScene = TWIN_SOURCE_DIR "/scenes/twin.json";

// What the tests need from the scene: ids, capacities, categories. Read as
// plain JSON so these tests need none of the app's libraries.
struct SceneFacts {
    KnownIds ids;
    std::map<std::string, int> capacity;
    std::map<std::string, std::string> category;
};

class CommittedWeekTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::ifstream in(kScene);
        const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
        ASSERT_TRUE(doc.is_object()) << kScene;
        facts_ = new SceneFacts;
        for (const auto& platform : doc.at("platforms")) {
            facts_->ids.platforms.insert(platform.at("id").get<std::string>());
            facts_->capacity[platform.at("id").get<std::string>()] = platform.at("capacity").get<int>();
        }
        for (const auto& machine : doc.at("machines")) {
            facts_->ids.machines.insert(machine.at("id").get<std::string>());
            facts_->category[machine.at("id").get<std::string>()] = machine.at("category").get<std::string>();
        }
        auto week = ReplayWeek::load(kDataSet, facts_->ids);
        ASSERT_TRUE(week.ok()) << week.error();
        week_ = new ReplayWeek(std::move(week).value());
    }
    static void TearDownTestSuite() {
        delete week_;
        delete facts_;
        week_ = nullptr;
        facts_ = nullptr;
    }
    void SetUp() override {
        if (!week_ || !facts_) GTEST_SKIP() << "the data set did not load (see the first test)";
    }

    static const ReplayWeek& week() { return *week_; }
    static const SceneFacts& facts() { return *facts_; }
    // Local time of the week (Europe/Paris in winter, UTC+1).
    static TimePoint local(int day, int hour, int minute = 0) {
        return week_->weekStart() + hours(24 * day + hour - 1) + std::chrono::minutes(minute);
    }

    static ReplayWeek* week_;
    static SceneFacts* facts_;
};

ReplayWeek* CommittedWeekTest::week_ = nullptr;
SceneFacts* CommittedWeekTest::facts_ = nullptr;

TEST_F(CommittedWeekTest, LoadsWithoutProblemsAndStaysSmall) {
    for (const std::string& problem : week().problems()) ADD_FAILURE() << problem;
    EXPECT_EQ(iso(week().weekStart()), iso(at("2026-11-23T00:00:00Z")));
    const auto bytes = std::filesystem::file_size(kDataSet);
    std::cout << "[ data set ] " << kDataSet.filename().string() << ": " << bytes << " bytes, "
              << week().events().size() << " events\n";
    EXPECT_LT(bytes, 3'000'000u);
    EXPECT_GT(week().events().size(), 2000u);
}

TEST_F(CommittedWeekTest, EveryPlatformAndMachineHasValuesAtAnyTime) {
    for (TimePoint time : {week().weekStart(), local(0, 7), local(2, 10), local(4, 23), local(6, 23, 59)}) {
        LiveState state;
        week().stateAt(time, state);
        SCOPED_TRACE(formatTimestamp(time));
        for (const std::string& id : facts().ids.platforms) {
            const PlatformLive* platform = state.platform(id);
            ASSERT_NE(platform, nullptr) << id;
            EXPECT_TRUE(platform->occupancy.has_value()) << id;
            EXPECT_TRUE(platform->activity.has_value()) << id;
        }
        for (const std::string& id : facts().ids.machines) {
            const MachineLive* machine = state.machine(id);
            ASSERT_NE(machine, nullptr) << id;
            EXPECT_TRUE(machine->status.has_value()) << id;
        }
    }
}

TEST_F(CommittedWeekTest, TheCurrentActivityCoversEveryHourOfEveryLoop) {
    std::vector<TimePoint> times;
    for (int hour = 0; hour < 7 * 24; ++hour) times.push_back(week().weekStart() + hours(hour) + Seconds(30));
    times.push_back(week().weekStart() - Seconds(1));
    times.push_back(week().weekStart() + 3 * kWeek + hours(9));
    for (TimePoint time : times) {
        LiveState state;
        week().stateAt(time, state);
        for (const auto& [id, platform] : state.platforms()) {
            const ActivityReport& report = platform.activity.value();
            ASSERT_TRUE(report.current.start <= time && time < report.current.end)
                << id << " at " << formatTimestamp(time) << ": " << report.current.title.en << " "
                << formatTimestamp(report.current.start) << " - " << formatTimestamp(report.current.end);
            ASSERT_TRUE(report.next.has_value()) << id;
            EXPECT_EQ(iso(report.next->start), iso(report.current.end)) << id << " at " << iso(time);
            EXPECT_LE(platform.occupancy.value().ts, time);
        }
    }
}

TEST_F(CommittedWeekTest, SaturdayNightEveryPlatformIsEmptyAndClosed) {
    LiveState state;
    week().stateAt(local(5, 3), state);
    for (const std::string& id : facts().ids.platforms) {
        ASSERT_NE(state.platform(id), nullptr) << id;
        EXPECT_EQ(state.platform(id)->occupancy.value().count, 0) << id;
        EXPECT_EQ(state.platform(id)->activity.value().current.kind, ActivityKind::Closed) << id;
    }
    // Nobody in all weekend.
    week().forEachBetween(local(5, 0), local(7, 0), [&](const Update& update) {
        if (const auto* occupancy = std::get_if<OccupancyUpdate>(&update)) {
            EXPECT_EQ(occupancy->value.count, 0) << occupancy->platform;
        }
    });
}

TEST_F(CommittedWeekTest, EveryWeekdayAt10TwoTrainingSessionsOf8To15People) {
    for (int day = 0; day < 5; ++day) {
        LiveState state;
        week().stateAt(local(day, 10), state);
        int sessions = 0;
        for (const auto& [id, platform] : state.platforms()) {
            const Activity& activity = platform.activity.value().current;
            if (activity.kind != ActivityKind::Training) continue;
            ASSERT_TRUE(activity.headcount.has_value()) << id;
            EXPECT_GE(*activity.headcount, 8) << id;
            EXPECT_LE(*activity.headcount, 15) << id;
            // The room holds the group (a learner may be out) and no more than it seats.
            EXPECT_GE(platform.occupancy.value().count, *activity.headcount - 3) << id;
            EXPECT_LE(platform.occupancy.value().count, facts().capacity.at(id)) << id;
            const int present = platform.occupancy.value().count;
            if (*activity.headcount >= 8 && *activity.headcount <= 15 && present >= 8) ++sessions;
        }
        EXPECT_GE(sessions, 2) << "day " << day;
    }
}

TEST_F(CommittedWeekTest, EveryMachineCategoryRunsAndFaultsAndMaintenanceHappen) {
    std::set<std::string> categories, running;
    for (const auto& [id, category] : facts().category) categories.insert(category);
    std::map<std::string, MachineState> last;
    int faults = 0, maintenance = 0;
    // One loop: from just before weekStart (excluded) to the end of the week.
    week().forEachBetween(week().weekStart() - Seconds(1), week().weekStart() + kWeek - Seconds(1),
                          [&](const Update& update) {
                              const auto* machine = std::get_if<MachineUpdate>(&update);
                              if (!machine) return;
                              const MachineState state = machine->value.state;
                              if (state == MachineState::Running) running.insert(facts().category.at(machine->machine));
                              const auto previous = last.find(machine->machine);
                              const bool changed = previous == last.end() || previous->second != state;
                              if (changed && state == MachineState::Fault) ++faults;
                              if (changed && state == MachineState::Maintenance) ++maintenance;
                              last[machine->machine] = state;
                          });
    EXPECT_EQ(running, categories);
    EXPECT_GE(faults, 1);
    EXPECT_LE(faults, 3);
    EXPECT_GE(maintenance, 1);
}

TEST_F(CommittedWeekTest, OccupancyStaysWithinCapacityAndIsSentEvery10MinutesWhileOpen) {
    std::map<std::string, OccupancyUpdate> previous;
    week().forEachBetween(week().weekStart() - Seconds(1), week().weekStart() + kWeek - Seconds(1),
                          [&](const Update& update) {
                              const auto* occupancy = std::get_if<OccupancyUpdate>(&update);
                              if (!occupancy) return;
                              const int capacity = facts().capacity.at(occupancy->platform);
                              const int count = occupancy->value.count;
                              EXPECT_GE(count, 0);
                              EXPECT_LE(count, capacity) << occupancy->platform;  // so well within 4x
                              auto before = previous.find(occupancy->platform);
                              if (before != previous.end()) {
                                  EXPECT_LE(std::abs(count - before->second.value.count), capacity)
                                      << occupancy->platform;
                                  // A count above 0 is the building open: the next one within 10 minutes.
                                  if (before->second.value.count > 0) {
                                      EXPECT_LE(occupancy->value.ts - before->second.value.ts, Seconds(600))
                                          << occupancy->platform << " at " << formatTimestamp(occupancy->value.ts);
                                  }
                              }
                              previous.insert_or_assign(occupancy->platform, *occupancy);
                          });
    EXPECT_EQ(previous.size(), facts().ids.platforms.size());
}

TEST_F(CommittedWeekTest, ProgressRisesWithinAJob) {
    std::map<std::string, MachineStatus> previous;
    int progressMessages = 0;
    for (const ReplayEvent& event : week().events()) {
        const auto* machine = std::get_if<MachineUpdate>(&event.update);
        if (!machine) continue;
        const MachineStatus& status = machine->value;
        if (status.state == MachineState::Running) {
            ASSERT_TRUE(status.progress.has_value()) << machine->machine;
            EXPECT_FALSE(status.job.empty()) << machine->machine;
            auto before = previous.find(machine->machine);
            if (before != previous.end() && before->second.state == MachineState::Running &&
                before->second.job.en == status.job.en) {
                EXPECT_GE(*status.progress, *before->second.progress) << machine->machine << " " << status.job.en;
                // Updated every 10 to 15 minutes while running.
                EXPECT_LE(status.ts - before->second.ts, Seconds(15 * 60)) << machine->machine << " " << status.job.en;
                ++progressMessages;
            }
        }
        previous.insert_or_assign(machine->machine, status);
    }
    EXPECT_GT(progressMessages, 500);
}

}  // namespace
}  // namespace twin::feeds
