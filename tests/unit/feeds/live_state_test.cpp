// LiveState: the newer value wins per (platform, kind) and per machine,
// whatever order updates arrive in; `since` follows the machine's state;
// revision() moves only when something changed.
#include "feeds/live_state.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "feeds/timestamp.h"

namespace twin::feeds {
namespace {

TimePoint at(const char* text) { return *parseTimestamp(text); }

Update occupancy(const char* platform, int count, const char* ts) {
    return OccupancyUpdate{platform, {count, std::nullopt, at(ts)}};
}

Update activity(const char* platform, const char* titleEn, const char* ts) {
    ActivityReport report;
    report.current = {{"Titre", titleEn}, ActivityKind::Demo, at("2026-11-25T09:00:00Z"), at("2026-11-25T12:00:00Z"),
                      std::nullopt};
    report.ts = at(ts);
    return ActivityUpdate{platform, report};
}

// `since` is set to something absurd on purpose: LiveState decides it.
Update machine(const char* id, MachineState state, const char* ts, double progress = 0.5) {
    return MachineUpdate{id, {state, {"job", "job"}, progress, at(ts), TimePoint{}}};
}

TEST(LiveStateTest, StartsEmpty) {
    LiveState state;
    EXPECT_EQ(state.revision(), 0u);
    EXPECT_TRUE(state.platforms().empty());
    EXPECT_TRUE(state.machines().empty());
    EXPECT_EQ(state.platform("additive"), nullptr);
    EXPECT_EQ(state.machine("cnc-1"), nullptr);
}

TEST(LiveStateTest, KeepsEachKindOfEachPlatformApart) {
    LiveState state;
    state.apply(occupancy("additive", 12, "2026-11-25T10:00:00Z"));
    state.apply(activity("additive", "Demo", "2026-11-25T09:00:00Z"));  // older than the occupancy: another kind
    state.apply(occupancy("machining", 3, "2026-11-25T08:00:00Z"));    // older: another platform
    const PlatformLive* additive = state.platform("additive");
    ASSERT_NE(additive, nullptr);
    ASSERT_TRUE(additive->occupancy);
    EXPECT_EQ(additive->occupancy->count, 12);
    ASSERT_TRUE(additive->activity);
    EXPECT_EQ(additive->activity->current.title.en, "Demo");
    ASSERT_NE(state.platform("machining"), nullptr);
    EXPECT_EQ(state.platform("machining")->occupancy->count, 3);
    EXPECT_FALSE(state.platform("machining")->activity);
    EXPECT_EQ(state.platforms().size(), 2u);
    EXPECT_EQ(state.revision(), 3u);
}

TEST(LiveStateTest, IgnoresOlderUpdatesOfEveryKind) {
    LiveState state;
    state.apply(occupancy("additive", 12, "2026-11-25T10:05:00Z"));
    state.apply(activity("additive", "New", "2026-11-25T10:05:00Z"));
    state.apply(machine("cnc-1", MachineState::Running, "2026-11-25T10:05:00Z"));
    const uint64_t revision = state.revision();

    state.apply(occupancy("additive", 99, "2026-11-25T10:04:59Z"));
    state.apply(activity("additive", "Old", "2026-11-25T10:00:00Z"));
    state.apply(machine("cnc-1", MachineState::Fault, "2026-11-25T09:00:00Z"));

    EXPECT_EQ(state.platform("additive")->occupancy->count, 12);
    EXPECT_EQ(state.platform("additive")->activity->current.title.en, "New");
    EXPECT_EQ(state.machine("cnc-1")->status->state, MachineState::Running);
    EXPECT_EQ(state.machine("cnc-1")->status->since, at("2026-11-25T10:05:00Z"));
    EXPECT_EQ(state.revision(), revision);
}

TEST(LiveStateTest, EqualTimestampsLetTheLaterMessageWin) {
    LiveState state;
    state.apply(occupancy("additive", 12, "2026-11-25T10:00:00Z"));
    state.apply(occupancy("additive", 13, "2026-11-25T10:00:00Z"));
    EXPECT_EQ(state.platform("additive")->occupancy->count, 13);
    EXPECT_EQ(state.revision(), 2u);
}

TEST(LiveStateTest, OutOfOrderArrivalEndsOnTheNewest) {
    // Retained messages and history replays: the same values in any order
    // give the same state.
    const Update updates[] = {occupancy("additive", 1, "2026-11-25T10:00:00Z"),
                              occupancy("additive", 2, "2026-11-25T10:01:00Z"),
                              occupancy("additive", 3, "2026-11-25T10:02:00Z")};
    int order[] = {0, 1, 2};
    do {
        LiveState state;
        for (int i : order) state.apply(updates[i]);
        EXPECT_EQ(state.platform("additive")->occupancy->count, 3) << order[0] << order[1] << order[2];
    } while (std::next_permutation(std::begin(order), std::end(order)));
}

TEST(LiveStateTest, MachineKeepsSinceWhileTheStateStaysTheSame) {
    LiveState state;
    state.apply(machine("cnc-1", MachineState::Running, "2026-11-25T10:00:00Z", 0.1));
    EXPECT_EQ(state.machine("cnc-1")->status->since, at("2026-11-25T10:00:00Z"));

    state.apply(machine("cnc-1", MachineState::Running, "2026-11-25T10:05:00Z", 0.6));
    const MachineStatus* status = &*state.machine("cnc-1")->status;
    EXPECT_EQ(status->since, at("2026-11-25T10:00:00Z"));
    EXPECT_EQ(status->ts, at("2026-11-25T10:05:00Z"));
    EXPECT_EQ(status->progress, 0.6);

    state.apply(machine("cnc-1", MachineState::Idle, "2026-11-25T10:10:00Z"));
    EXPECT_EQ(state.machine("cnc-1")->status->since, at("2026-11-25T10:10:00Z"));
    state.apply(machine("cnc-1", MachineState::Idle, "2026-11-25T10:20:00Z"));
    EXPECT_EQ(state.machine("cnc-1")->status->since, at("2026-11-25T10:10:00Z"));
    state.apply(machine("cnc-1", MachineState::Running, "2026-11-25T10:30:00Z"));
    EXPECT_EQ(state.machine("cnc-1")->status->since, at("2026-11-25T10:30:00Z"));

    // Another machine has its own since.
    state.apply(machine("fdm-1", MachineState::Running, "2026-11-25T10:31:00Z"));
    EXPECT_EQ(state.machine("fdm-1")->status->since, at("2026-11-25T10:31:00Z"));
    EXPECT_EQ(state.machine("cnc-1")->status->since, at("2026-11-25T10:30:00Z"));
}

TEST(LiveStateTest, RevisionGrowsOnlyWithChanges) {
    LiveState state;
    const Update first = occupancy("additive", 12, "2026-11-25T10:00:00Z");
    state.apply(first);
    EXPECT_EQ(state.revision(), 1u);
    state.apply(first);  // the same message again (a retained one after a reconnect)
    EXPECT_EQ(state.revision(), 1u);
    state.apply(occupancy("additive", 40, "2026-11-25T09:00:00Z"));  // older: ignored
    EXPECT_EQ(state.revision(), 1u);
    state.apply(occupancy("additive", 12, "2026-11-25T10:01:00Z"));  // same count, newer ts: fresher
    EXPECT_EQ(state.revision(), 2u);

    const Update running = machine("cnc-1", MachineState::Running, "2026-11-25T10:00:00Z");
    state.apply(running);
    EXPECT_EQ(state.revision(), 3u);
    state.apply(running);  // since stays, nothing else differs
    EXPECT_EQ(state.revision(), 3u);

    state.clear();
    EXPECT_EQ(state.revision(), 4u);
    EXPECT_TRUE(state.platforms().empty());
    EXPECT_TRUE(state.machines().empty());
    state.clear();  // already empty
    EXPECT_EQ(state.revision(), 4u);
    state.apply(first);  // after a clear, the old value is news again
    EXPECT_EQ(state.revision(), 5u);
}

TEST(LiveStateTest, StalenessIsStrictlyOlderThanTheLimit) {
    const TimePoint ts = at("2026-11-25T10:00:00Z");
    EXPECT_FALSE(isStale(ts, ts, Seconds{300}));
    EXPECT_FALSE(isStale(ts, ts + Seconds{300}, Seconds{300}));
    EXPECT_TRUE(isStale(ts, ts + Seconds{301}, Seconds{300}));
    EXPECT_FALSE(isStale(ts, ts - Seconds{60}, Seconds{300}));  // from the future
}

TEST(LiveStateTest, NamesConnectionsStatesAndKinds) {
    EXPECT_EQ(toString(Connection::Replay), "replay");
    EXPECT_EQ(toString(Connection::Connecting), "connecting");
    EXPECT_EQ(toString(Connection::Connected), "connected");
    EXPECT_EQ(toString(Connection::Offline), "offline");

    EXPECT_EQ(toString(MachineState::Maintenance), "maintenance");
    for (MachineState state : kMachineStates) EXPECT_EQ(machineStateFrom(toString(state)), state);
    EXPECT_EQ(machineStateFrom("Running"), std::nullopt);
    EXPECT_EQ(machineStateFrom(""), std::nullopt);

    EXPECT_EQ(toString(ActivityKind::CompanyProject), "company-project");
    EXPECT_EQ(toString(ActivityKind::OpenLab), "open-lab");
    for (ActivityKind kind : {ActivityKind::Training, ActivityKind::CompanyProject, ActivityKind::Demo,
                              ActivityKind::OpenLab, ActivityKind::Closed})
        EXPECT_EQ(activityKindFrom(toString(kind)), kind);
    EXPECT_EQ(activityKindFrom("open lab"), std::nullopt);
}

TEST(LiveStateTest, TimestampOfReadsEveryKind) {
    EXPECT_EQ(timestampOf(occupancy("a", 1, "2026-11-25T10:00:01Z")), at("2026-11-25T10:00:01Z"));
    EXPECT_EQ(timestampOf(activity("a", "x", "2026-11-25T10:00:02Z")), at("2026-11-25T10:00:02Z"));
    EXPECT_EQ(timestampOf(machine("m", MachineState::Idle, "2026-11-25T10:00:03Z")), at("2026-11-25T10:00:03Z"));
}

}  // namespace
}  // namespace twin::feeds
