// dumpState: the JSON written by --dump-state, read back with nlohmann:
// every platform and machine of the scene, null where there is no data,
// capacities falling back to the scene, stale flags from the clock.
#include "feeds/state_dump.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "feeds/timestamp.h"

namespace twin::feeds {
namespace {

using nlohmann::json;

TimePoint at(const char* text) { return *parseTimestamp(text); }

SceneDescription twoOfEach() {
    SceneDescription scene;
    Platform additive;
    additive.id = "additive";
    additive.capacity = 20;
    Platform machining;
    machining.id = "machining";
    machining.capacity = 30;
    scene.platforms = {additive, machining};
    Machine cnc;
    cnc.id = "cnc-1";
    Machine fdm;
    fdm.id = "fdm-1";
    scene.machines = {cnc, fdm};
    return scene;
}

DumpContext contextAt(const char* clock) {
    DumpContext context;
    context.clock = at(clock);
    context.connection = Connection::Connected;
    context.rejected = 7;
    context.staleAfter = Seconds{300};
    return context;
}

json dump(const LiveState& state, const DumpContext& context) {
    const std::string text = dumpState(state, twoOfEach(), context);
    json doc = json::parse(text, nullptr, false);
    EXPECT_FALSE(doc.is_discarded()) << text;
    return doc;
}

TEST(StateDumpTest, ListsTheWholeSceneWithNullsWhenThereIsNoData) {
    const json doc = dump(LiveState{}, contextAt("2026-11-25T12:00:00Z"));
    EXPECT_EQ(doc["clock"], "2026-11-25T12:00:00Z");
    EXPECT_EQ(doc["connection"], "connected");
    EXPECT_EQ(doc["rejected"], 7);
    ASSERT_EQ(doc["platforms"].size(), 2u);
    for (const char* id : {"additive", "machining"}) {
        ASSERT_TRUE(doc["platforms"].contains(id)) << id;
        EXPECT_TRUE(doc["platforms"][id]["occupancy"].is_null()) << id;
        EXPECT_TRUE(doc["platforms"][id]["activity"].is_null()) << id;
    }
    ASSERT_EQ(doc["machines"].size(), 2u);
    for (const char* id : {"cnc-1", "fdm-1"}) {
        ASSERT_TRUE(doc["machines"].contains(id)) << id;
        for (const char* field : {"state", "job", "progress", "since", "stale", "ts"})
            EXPECT_TRUE(doc["machines"][id][field].is_null()) << id << " " << field;
    }
}

TEST(StateDumpTest, OccupancyCapacityFallsBackToTheScene) {
    LiveState state;
    state.apply(OccupancyUpdate{"additive", {12, std::nullopt, at("2026-11-25T11:59:00Z")}});
    state.apply(OccupancyUpdate{"machining", {5, 8, at("2026-11-25T11:50:00Z")}});
    const json doc = dump(state, contextAt("2026-11-25T12:00:00Z"));
    const json& additive = doc["platforms"]["additive"]["occupancy"];
    EXPECT_EQ(additive["count"], 12);
    EXPECT_EQ(additive["capacity"], 20);  // the scene's
    EXPECT_EQ(additive["ts"], "2026-11-25T11:59:00Z");
    EXPECT_EQ(additive["stale"], false);
    const json& machining = doc["platforms"]["machining"]["occupancy"];
    EXPECT_EQ(machining["count"], 5);
    EXPECT_EQ(machining["capacity"], 8);  // the payload's wins
    EXPECT_EQ(machining["stale"], true);  // 10 min old
    EXPECT_TRUE(doc["platforms"]["additive"]["activity"].is_null());
}

TEST(StateDumpTest, ActivityWithAndWithoutNext) {
    LiveState state;
    ActivityReport report;
    report.current = {{"Formation", "Course"}, ActivityKind::Training, at("2026-11-25T09:00:00Z"),
                      at("2026-11-25T17:00:00Z"), 14};
    report.next = Activity{{"Labo ouvert", "Open lab"}, ActivityKind::OpenLab, at("2026-11-26T09:00:00Z"),
                           at("2026-11-26T12:00:00Z"), std::nullopt};
    report.ts = at("2026-11-25T11:00:00Z");
    state.apply(ActivityUpdate{"additive", report});
    report.next.reset();
    state.apply(ActivityUpdate{"machining", report});

    const json doc = dump(state, contextAt("2026-11-25T12:00:00Z"));
    const json& activity = doc["platforms"]["additive"]["activity"];
    EXPECT_EQ(activity["title"]["fr"], "Formation");
    EXPECT_EQ(activity["title"]["en"], "Course");
    EXPECT_EQ(activity["kind"], "training");
    EXPECT_EQ(activity["start"], "2026-11-25T09:00:00Z");
    EXPECT_EQ(activity["end"], "2026-11-25T17:00:00Z");
    EXPECT_EQ(activity["headcount"], 14);
    EXPECT_EQ(activity["stale"], true);  // reported an hour ago
    EXPECT_EQ(activity["ts"], "2026-11-25T11:00:00Z");
    const json& next = activity["next"];
    EXPECT_EQ(next["title"]["en"], "Open lab");
    EXPECT_EQ(next["kind"], "open-lab");
    EXPECT_EQ(next["start"], "2026-11-26T09:00:00Z");
    EXPECT_EQ(next["end"], "2026-11-26T12:00:00Z");
    EXPECT_TRUE(next["headcount"].is_null());
    EXPECT_TRUE(doc["platforms"]["machining"]["activity"]["next"].is_null());
    EXPECT_TRUE(doc["platforms"]["machining"]["occupancy"].is_null());
}

TEST(StateDumpTest, MachinesWithSinceAndProgress) {
    LiveState state;
    state.apply(MachineUpdate{"cnc-1", {MachineState::Running, {"bracket", "bracket"}, 0.25, at("2026-11-25T11:00:00Z"), {}}});
    state.apply(MachineUpdate{"cnc-1", {MachineState::Running, {"bracket", "bracket"}, 0.75, at("2026-11-25T11:58:00Z"), {}}});
    state.apply(MachineUpdate{"fdm-1", {MachineState::Fault, {}, std::nullopt, at("2026-11-25T11:00:00Z"), {}}});
    const json doc = dump(state, contextAt("2026-11-25T12:00:00Z"));
    const json& cnc = doc["machines"]["cnc-1"];
    EXPECT_EQ(cnc["state"], "running");
    EXPECT_EQ(cnc["job"], "bracket");
    EXPECT_EQ(cnc["progress"], 0.75);
    EXPECT_EQ(cnc["since"], "2026-11-25T11:00:00Z");
    EXPECT_EQ(cnc["ts"], "2026-11-25T11:58:00Z");
    EXPECT_EQ(cnc["stale"], false);
    const json& fdm = doc["machines"]["fdm-1"];
    EXPECT_EQ(fdm["state"], "fault");
    EXPECT_EQ(fdm["job"], "");
    EXPECT_TRUE(fdm["progress"].is_null());
    EXPECT_EQ(fdm["stale"], true);

    // A job named in both languages is dumped as the object it came in as.
    state.apply(MachineUpdate{"fdm-1", {MachineState::Setup, {"Panneaux acryliques", "Acrylic panels"}, std::nullopt,
                                        at("2026-11-25T11:30:00Z"), {}}});
    EXPECT_EQ(dump(state, contextAt("2026-11-25T12:00:00Z"))["machines"]["fdm-1"]["job"],
              json({{"fr", "Panneaux acryliques"}, {"en", "Acrylic panels"}}));
}

TEST(StateDumpTest, StaleFlagsFollowTheClockAndTheLimit) {
    LiveState state;
    state.apply(OccupancyUpdate{"additive", {1, std::nullopt, at("2026-11-25T12:00:00Z")}});
    DumpContext context = contextAt("2026-11-25T12:05:00Z");  // exactly 300 s later
    EXPECT_EQ(dump(state, context)["platforms"]["additive"]["occupancy"]["stale"], false);
    context.clock += Seconds{1};
    EXPECT_EQ(dump(state, context)["platforms"]["additive"]["occupancy"]["stale"], true);
    context.staleAfter = Seconds{600};
    EXPECT_EQ(dump(state, context)["platforms"]["additive"]["occupancy"]["stale"], false);
}

TEST(StateDumpTest, ConnectionNamesAndValuesOutsideTheScene) {
    LiveState state;
    state.apply(OccupancyUpdate{"annex", {2, std::nullopt, at("2026-11-25T12:00:00Z")}});
    state.apply(MachineUpdate{"lathe", {MachineState::Idle, {}, std::nullopt, at("2026-11-25T12:00:00Z"), {}}});
    DumpContext context = contextAt("2026-11-25T12:00:00Z");
    for (Connection connection : {Connection::Replay, Connection::Connecting, Connection::Connected, Connection::Offline}) {
        context.connection = connection;
        const json doc = dump(state, context);
        EXPECT_EQ(doc["connection"], std::string(toString(connection)));
        // Held values are never hidden, even for ids the scene lacks.
        EXPECT_EQ(doc["platforms"].size(), 3u);
        EXPECT_EQ(doc["platforms"]["annex"]["occupancy"]["count"], 2);
        EXPECT_TRUE(doc["platforms"]["annex"]["occupancy"]["capacity"].is_null());
        EXPECT_EQ(doc["machines"]["lathe"]["state"], "idle");
    }
}

}  // namespace
}  // namespace twin::feeds
