#pragma once
// What the charts draw, read from a timeline (the replay week or the
// history): a platform's occupancy over a span, a machine's states as
// spans, and a platform's activities. No GL, no ImGui.
#include <string_view>
#include <vector>

#include "feeds/timeline.h"

namespace twin::feeds {

struct OccupancySample {
    TimePoint time{};
    int count = 0;
    int capacity = 0;  // 0: not said
};

struct StateSpan {
    TimePoint start{};
    TimePoint end{};
    MachineState state = MachineState::Offline;
};

// The value held at `from` (when there is one) and every change up to `to`.
std::vector<OccupancySample> occupancyOver(const Timeline& timeline, std::string_view platform, TimePoint from,
                                           TimePoint to);

// Consecutive spans covering [first known value, to]; equal neighbours merged.
std::vector<StateSpan> machineStatesOver(const Timeline& timeline, std::string_view machine, TimePoint from,
                                         TimePoint to);

// Activities (current and next) seen between from and to that overlap that
// span, each once, in start order; "closed" ones are left out.
std::vector<Activity> activitiesOver(const Timeline& timeline, std::string_view platform, TimePoint from, TimePoint to);

enum class OccupancyLevel { Empty, Low, Medium, High };
// Empty at 0, Low under 40 % of capacity, Medium up to 80 %, High above.
OccupancyLevel occupancyLevel(int count, int capacity);

}  // namespace twin::feeds
