#pragma once
// The data time of the replay: it follows the wall clock at `speed` times
// real time from where it was last set; it can be paused and moved (the time
// slider). Wall times are steady_clock, so a changed system clock never
// makes the replay jump.
#include <chrono>

#include "feeds/live_types.h"

namespace twin::feeds {

class ReplayClock {
public:
    using Wall = std::chrono::steady_clock::time_point;

    ReplayClock(TimePoint start, Wall wall, double speed = 1.0);

    TimePoint now(Wall wall) const;
    void seek(TimePoint time, Wall wall);
    void setSpeed(double speed, Wall wall);  // > 0
    void setPaused(bool paused, Wall wall);
    double speed() const { return speed_; }
    bool paused() const { return paused_; }

private:
    double anchorSeconds_;  // data time at anchorWall_, seconds since the epoch
    Wall anchorWall_;
    double speed_;
    bool paused_ = false;
};

}  // namespace twin::feeds
