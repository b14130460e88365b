// ReplayClock: data time follows a wall time given by the test (no sleeping):
// speed, pause, seek, and continuity when the speed changes.
#include "feeds/replay_clock.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "feeds/timestamp.h"

namespace twin::feeds {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

const TimePoint kStart = *parseTimestamp("2026-11-25T10:00:00Z");
const ReplayClock::Wall kWall0 = ReplayClock::Wall{} + std::chrono::hours(1000);

TEST(ReplayClockTest, FollowsTheWallClockAtItsSpeed) {
    ReplayClock clock(kStart, kWall0);
    EXPECT_EQ(clock.speed(), 1.0);
    EXPECT_FALSE(clock.paused());
    EXPECT_EQ(clock.now(kWall0), kStart);
    EXPECT_EQ(clock.now(kWall0 + seconds(10)), kStart + seconds(10));
    EXPECT_EQ(clock.now(kWall0 + milliseconds(10'999)), kStart + seconds(10));  // whole seconds, rounded down

    ReplayClock fast(kStart, kWall0, 60.0);
    EXPECT_EQ(fast.now(kWall0 + seconds(10)), kStart + seconds(600));
    EXPECT_EQ(fast.now(kWall0 + milliseconds(500)), kStart + seconds(30));

    ReplayClock slow(kStart, kWall0, 0.5);
    EXPECT_EQ(slow.now(kWall0 + seconds(1)), kStart);
    EXPECT_EQ(slow.now(kWall0 + seconds(2)), kStart + seconds(1));
}

TEST(ReplayClockTest, PauseFreezesAndResumeContinuesWithoutAJump) {
    ReplayClock clock(kStart, kWall0, 10.0);
    clock.setPaused(true, kWall0 + seconds(3));
    EXPECT_TRUE(clock.paused());
    EXPECT_EQ(clock.now(kWall0 + seconds(3)), kStart + seconds(30));
    EXPECT_EQ(clock.now(kWall0 + seconds(300)), kStart + seconds(30));
    clock.setPaused(true, kWall0 + seconds(400));  // already paused: nothing moves
    EXPECT_EQ(clock.now(kWall0 + seconds(500)), kStart + seconds(30));

    clock.setPaused(false, kWall0 + seconds(600));
    EXPECT_FALSE(clock.paused());
    EXPECT_EQ(clock.now(kWall0 + seconds(600)), kStart + seconds(30));
    EXPECT_EQ(clock.now(kWall0 + seconds(602)), kStart + seconds(50));
    clock.setPaused(false, kWall0 + seconds(700));  // already running: no re-anchoring jump
    EXPECT_EQ(clock.now(kWall0 + seconds(702)), kStart + seconds(1050));
}

TEST(ReplayClockTest, SeekMovesTheDataTimeAndKeepsRunning) {
    ReplayClock clock(kStart, kWall0, 2.0);
    const TimePoint target = kStart - std::chrono::hours(30);
    clock.seek(target, kWall0 + seconds(100));
    EXPECT_EQ(clock.now(kWall0 + seconds(100)), target);
    EXPECT_EQ(clock.now(kWall0 + seconds(105)), target + seconds(10));

    clock.setPaused(true, kWall0 + seconds(110));
    clock.seek(kStart, kWall0 + seconds(120));  // seeking while paused stays paused
    EXPECT_TRUE(clock.paused());
    EXPECT_EQ(clock.now(kWall0 + seconds(200)), kStart);
}

TEST(ReplayClockTest, ChangingSpeedKeepsTheDataTimeContinuous) {
    ReplayClock clock(kStart, kWall0);
    const ReplayClock::Wall change = kWall0 + milliseconds(1500);
    const TimePoint before = clock.now(change);
    clock.setSpeed(10.0, change);
    EXPECT_EQ(clock.speed(), 10.0);
    EXPECT_EQ(clock.now(change), before);
    // The half second before the change is kept: 1.5 + 0.1 * 10 = 2.5 s.
    EXPECT_EQ(clock.now(change + milliseconds(100)), kStart + seconds(2));
    EXPECT_EQ(clock.now(change + milliseconds(150)), kStart + seconds(3));
    // Many changes do not lose time to rounding: after 1,000 changes 1 ms
    // apart at speed 1, 1.001 s of data time has passed (whole seconds at
    // each change would have kept the clock at the start).
    ReplayClock busy(kStart, kWall0);
    for (int i = 1; i <= 1000; ++i) busy.setSpeed(i % 2 ? 1.0 : 1.0 + 1e-12, kWall0 + milliseconds(i));
    EXPECT_EQ(busy.now(kWall0 + milliseconds(1001)), kStart + seconds(1));

    // Speed changed while paused: frozen until resumed, then the new speed.
    clock.setPaused(true, change + seconds(1));
    const TimePoint frozen = clock.now(change + seconds(1));
    clock.setSpeed(100.0, change + seconds(2));
    EXPECT_EQ(clock.now(change + seconds(50)), frozen);
    clock.setPaused(false, change + seconds(60));
    EXPECT_EQ(clock.now(change + seconds(61)), frozen + seconds(100));
}

TEST(ReplayClockTest, UnusableSpeedsAreIgnored) {
    ReplayClock clock(kStart, kWall0, 4.0);
    for (double speed : {0.0, -1.0, -0.0, std::nan(""), std::numeric_limits<double>::infinity(),
                         -std::numeric_limits<double>::infinity()}) {
        clock.setSpeed(speed, kWall0 + seconds(1));
        EXPECT_EQ(clock.speed(), 4.0) << speed;
    }
    EXPECT_EQ(clock.now(kWall0 + seconds(2)), kStart + seconds(8));
    ReplayClock fallback(kStart, kWall0, std::nan(""));
    EXPECT_EQ(fallback.speed(), 1.0);
    ReplayClock zero(kStart, kWall0, 0.0);
    EXPECT_EQ(zero.now(kWall0 + seconds(5)), kStart + seconds(5));
}

TEST(ReplayClockTest, HugeSpeedsAndTimesStayInRange) {
    ReplayClock clock(kStart, kWall0, 1e300);
    const TimePoint far = clock.now(kWall0 + std::chrono::hours(1));
    EXPECT_GT(far, kStart);
    clock.seek(TimePoint::max(), kWall0);
    clock.setPaused(true, kWall0);
    EXPECT_GT(clock.now(kWall0), kStart);
    clock.seek(TimePoint::min(), kWall0);
    EXPECT_LT(clock.now(kWall0), kStart);
}

}  // namespace
}  // namespace twin::feeds
