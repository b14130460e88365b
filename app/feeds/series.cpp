#include "feeds/series.h"

#include <algorithm>

namespace twin::feeds {
namespace {

// What a series needs: the state at `from`, then each later value about
// one platform or machine.
LiveState stateAtStart(const Timeline& timeline, TimePoint from) {
    LiveState state;
    timeline.stateAt(from, state);
    return state;
}

}  // namespace

std::vector<OccupancySample> occupancyOver(const Timeline& timeline, std::string_view platform, TimePoint from,
                                           TimePoint to) {
    std::vector<OccupancySample> samples;
    const LiveState start = stateAtStart(timeline, from);
    if (const PlatformLive* live = start.platform(platform); live && live->occupancy)
        samples.push_back({from, live->occupancy->count, live->occupancy->capacity.value_or(0)});
    timeline.forEachBetween(from, to, [&](const Update& update) {
        const auto* o = std::get_if<OccupancyUpdate>(&update);
        if (o && o->platform == platform) samples.push_back({o->value.ts, o->value.count, o->value.capacity.value_or(0)});
    });
    return samples;
}

std::vector<StateSpan> machineStatesOver(const Timeline& timeline, std::string_view machine, TimePoint from,
                                         TimePoint to) {
    std::vector<StateSpan> spans;
    auto add = [&](TimePoint start, MachineState state) {
        if (!spans.empty() && spans.back().state == state) return;
        if (!spans.empty()) spans.back().end = start;
        spans.push_back({start, to, state});
    };
    const LiveState start = stateAtStart(timeline, from);
    if (const MachineLive* live = start.machine(machine); live && live->status) add(from, live->status->state);
    timeline.forEachBetween(from, to, [&](const Update& update) {
        const auto* m = std::get_if<MachineUpdate>(&update);
        if (m && m->machine == machine) add(m->value.ts, m->value.state);
    });
    return spans;
}

std::vector<Activity> activitiesOver(const Timeline& timeline, std::string_view platform, TimePoint from, TimePoint to) {
    std::vector<Activity> activities;
    auto add = [&](const Activity& a) {
        if (a.kind == ActivityKind::Closed || a.end <= from || a.start >= to) return;
        bool known = std::any_of(activities.begin(), activities.end(), [&](const Activity& b) {
            return b.start == a.start && b.title.fr == a.title.fr && b.title.en == a.title.en;
        });
        if (!known) activities.push_back(a);
    };
    auto addReport = [&](const ActivityReport& report) {
        add(report.current);
        if (report.next) add(*report.next);
    };
    const LiveState start = stateAtStart(timeline, from);
    if (const PlatformLive* live = start.platform(platform); live && live->activity) addReport(*live->activity);
    timeline.forEachBetween(from, to, [&](const Update& update) {
        const auto* a = std::get_if<ActivityUpdate>(&update);
        if (a && a->platform == platform) addReport(a->value);
    });
    std::sort(activities.begin(), activities.end(), [](const Activity& a, const Activity& b) { return a.start < b.start; });
    return activities;
}

OccupancyLevel occupancyLevel(int count, int capacity) {
    if (count <= 0) return OccupancyLevel::Empty;
    if (capacity <= 0) return OccupancyLevel::Medium;
    const double ratio = double(count) / double(capacity);
    if (ratio < 0.4) return OccupancyLevel::Low;
    if (ratio <= 0.8) return OccupancyLevel::Medium;
    return OccupancyLevel::High;
}

}  // namespace twin::feeds
