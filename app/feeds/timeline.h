#pragma once
// A source of past values: the replay week or the history store. The
// panels' charts and the time slider read the past through it.
#include <functional>

#include "feeds/live_state.h"

namespace twin::feeds {

class Timeline {
public:
    virtual ~Timeline() = default;
    // Applies, for every topic, the latest value at or before `time`.
    virtual void stateAt(TimePoint time, LiveState& state) const = 0;
    // Calls `visit` for each value with from < timestamp <= to, oldest first.
    virtual void forEachBetween(TimePoint from, TimePoint to, const std::function<void(const Update&)>& visit) const = 0;
};

}  // namespace twin::feeds
