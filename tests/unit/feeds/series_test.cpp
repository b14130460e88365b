#include "feeds/series.h"

#include <gtest/gtest.h>

namespace twin::feeds {
namespace {

// A timeline over a fixed list of updates, in time order.
class ListTimeline final : public Timeline {
public:
    explicit ListTimeline(std::vector<Update> updates) : updates_(std::move(updates)) {}
    void stateAt(TimePoint time, LiveState& state) const override {
        for (const Update& u : updates_)
            if (timestampOf(u) <= time) state.apply(u);
    }
    void forEachBetween(TimePoint from, TimePoint to, const std::function<void(const Update&)>& visit) const override {
        for (const Update& u : updates_)
            if (timestampOf(u) > from && timestampOf(u) <= to) visit(u);
    }

private:
    std::vector<Update> updates_;
};

TimePoint at(int minutes) { return TimePoint(Seconds(1'800'000'000 + minutes * 60)); }

Update occupancy(const char* platform, int minutes, int count) {
    return OccupancyUpdate{platform, Occupancy{count, 20, at(minutes)}};
}
Update machine(const char* id, int minutes, MachineState state) {
    MachineStatus status;
    status.state = state;
    status.ts = at(minutes);
    return MachineUpdate{id, status};
}
Activity activity(const char* title, ActivityKind kind, int start, int end) {
    Activity a;
    a.title = {title, title};
    a.kind = kind;
    a.start = at(start);
    a.end = at(end);
    return a;
}

TEST(Series, OccupancyStartsWithTheValueHeldAndFollowsOnePlatform) {
    ListTimeline timeline({occupancy("a", 0, 3), occupancy("b", 5, 9), occupancy("a", 10, 7), occupancy("a", 30, 12),
                           occupancy("a", 50, 1)});
    auto samples = occupancyOver(timeline, "a", at(5), at(40));
    ASSERT_EQ(samples.size(), 3u);
    EXPECT_EQ(samples[0].time, at(5));  // the value held at the start
    EXPECT_EQ(samples[0].count, 3);
    EXPECT_EQ(samples[1].time, at(10));
    EXPECT_EQ(samples[1].count, 7);
    EXPECT_EQ(samples[2].count, 12);
    EXPECT_EQ(samples[2].capacity, 20);
    EXPECT_TRUE(occupancyOver(timeline, "nowhere", at(0), at(60)).empty());
}

TEST(Series, MachineStatesMergeRepeatsAndCoverTheSpan) {
    ListTimeline timeline({machine("m", 0, MachineState::Idle), machine("m", 20, MachineState::Running),
                           machine("m", 30, MachineState::Running), machine("x", 35, MachineState::Fault),
                           machine("m", 45, MachineState::Fault)});
    auto spans = machineStatesOver(timeline, "m", at(10), at(60));
    ASSERT_EQ(spans.size(), 3u);
    EXPECT_EQ(spans[0].state, MachineState::Idle);
    EXPECT_EQ(spans[0].start, at(10));
    EXPECT_EQ(spans[0].end, at(20));
    EXPECT_EQ(spans[1].state, MachineState::Running);
    EXPECT_EQ(spans[1].end, at(45));  // the repeat at 30 did not split it
    EXPECT_EQ(spans[2].state, MachineState::Fault);
    EXPECT_EQ(spans[2].end, at(60));
}

TEST(Series, ActivitiesAreListedOnceInStartOrderWithoutClosedOnes) {
    ActivityReport first{activity("Morning", ActivityKind::Training, 0, 210), activity("Afternoon", ActivityKind::Training, 270, 480), at(0)};
    ActivityReport lunch{activity("Lunch", ActivityKind::Closed, 210, 270), activity("Afternoon", ActivityKind::Training, 270, 480), at(210)};
    ActivityReport second{activity("Afternoon", ActivityKind::Training, 270, 480), std::nullopt, at(270)};
    ListTimeline timeline({ActivityUpdate{"a", first}, ActivityUpdate{"a", lunch}, ActivityUpdate{"a", second}});
    auto list = activitiesOver(timeline, "a", at(-60), at(600));
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].title.en, "Morning");
    EXPECT_EQ(list[1].title.en, "Afternoon");
    // Only what overlaps the span.
    EXPECT_EQ(activitiesOver(timeline, "a", at(300), at(600)).size(), 1u);
}

TEST(Series, OccupancyLevels) {
    EXPECT_EQ(occupancyLevel(0, 20), OccupancyLevel::Empty);
    EXPECT_EQ(occupancyLevel(7, 20), OccupancyLevel::Low);
    EXPECT_EQ(occupancyLevel(8, 20), OccupancyLevel::Medium);
    EXPECT_EQ(occupancyLevel(16, 20), OccupancyLevel::Medium);
    EXPECT_EQ(occupancyLevel(17, 20), OccupancyLevel::High);
    EXPECT_EQ(occupancyLevel(30, 20), OccupancyLevel::High);
    EXPECT_EQ(occupancyLevel(3, 0), OccupancyLevel::Medium);  // capacity unknown: neither empty nor full
}

}  // namespace
}  // namespace twin::feeds
