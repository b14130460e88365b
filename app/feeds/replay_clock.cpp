#include "feeds/replay_clock.h"

#include <algorithm>
#include <cmath>

namespace twin::feeds {
namespace {

// Data times are kept within about ±3 billion years: far beyond any use,
// and a double of that size still converts to int64 seconds without overflow.
constexpr double kFarthestSeconds = 1e17;

bool usableSpeed(double speed) { return std::isfinite(speed) && speed > 0.0; }

double secondsOf(TimePoint time) {
    return std::clamp(double(time.time_since_epoch().count()), -kFarthestSeconds, kFarthestSeconds);
}

// The data time at `wall`, in fractional seconds: anchors keep the fraction,
// so changing speed or pausing often never loses time to rounding.
double dataSeconds(double anchorSeconds, ReplayClock::Wall anchorWall, double speed, bool paused,
                   ReplayClock::Wall wall) {
    if (paused) return anchorSeconds;
    const double wallSeconds = std::chrono::duration<double>(wall - anchorWall).count();
    return std::clamp(anchorSeconds + wallSeconds * speed, -kFarthestSeconds, kFarthestSeconds);
}

}  // namespace

ReplayClock::ReplayClock(TimePoint start, Wall wall, double speed)
    : anchorSeconds_(secondsOf(start)), anchorWall_(wall), speed_(usableSpeed(speed) ? speed : 1.0) {}

TimePoint ReplayClock::now(Wall wall) const {
    const double seconds = dataSeconds(anchorSeconds_, anchorWall_, speed_, paused_, wall);
    return TimePoint(Seconds(int64_t(std::floor(seconds))));
}

void ReplayClock::seek(TimePoint time, Wall wall) {
    anchorSeconds_ = secondsOf(time);
    anchorWall_ = wall;
}

void ReplayClock::setSpeed(double speed, Wall wall) {
    if (!usableSpeed(speed)) return;  // 0, negative or NaN: keep the old speed
    anchorSeconds_ = dataSeconds(anchorSeconds_, anchorWall_, speed_, paused_, wall);
    anchorWall_ = wall;
    speed_ = speed;
}

void ReplayClock::setPaused(bool paused, Wall wall) {
    if (paused == paused_) return;
    anchorSeconds_ = dataSeconds(anchorSeconds_, anchorWall_, speed_, paused_, wall);
    anchorWall_ = wall;
    paused_ = paused;
}

}  // namespace twin::feeds
