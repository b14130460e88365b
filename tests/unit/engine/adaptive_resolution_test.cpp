#include "render/adaptive_resolution.h"

#include <gtest/gtest.h>

#include <limits>

namespace engine {
namespace {

// A renderer whose frame time follows the pixel count, as llvmpipe's does.
double frameMs(float scale, double fullMs) { return 2.0 + (fullMs - 2.0) * double(scale) * double(scale); }

constexpr int64_t kLarge = int64_t(1920) * 1080;  // above the default full-resolution size

TEST(AdaptiveResolution, StillFramesAreFullResolution) {
    AdaptiveResolution adaptive(30.0, 0.5f);
    for (int i = 0; i < 10; ++i) adaptive.recordMotionFrame(adaptive.scaleFor(true, kLarge), 80.0);
    EXPECT_LT(adaptive.scaleFor(true, kLarge), 1.0f);
    EXPECT_EQ(adaptive.scaleFor(false, kLarge), 1.0f);
}

// The first frame is the slowest and the visitor waits for it: it starts
// at the floor, and a fast renderer climbs to full resolution within frames.
TEST(AdaptiveResolution, StartsAtItsFloorAndClimbsWhenFast) {
    AdaptiveResolution adaptive(30.0, 0.7f);
    EXPECT_FLOAT_EQ(adaptive.scaleFor(true, kLarge), 0.7f);
    for (int i = 0; i < 3; ++i)
        adaptive.recordMotionFrame(adaptive.scaleFor(true, kLarge), frameMs(adaptive.scaleFor(true, kLarge), 12.0));
    EXPECT_EQ(adaptive.scaleFor(true, kLarge), 1.0f);
}

TEST(AdaptiveResolution, ConvergesOnTheTargetFrameTime) {
    AdaptiveResolution adaptive(30.0, 0.25f);
    float scale = 1.0f;
    for (int i = 0; i < 20; ++i) {
        scale = adaptive.scaleFor(true, kLarge);
        adaptive.recordMotionFrame(scale, frameMs(scale, 80.0));
    }
    EXPECT_NEAR(frameMs(adaptive.scaleFor(true, kLarge), 80.0), 30.0, 2.0);
}

TEST(AdaptiveResolution, StaysFullWhenFastAndNeverGoesBelowItsFloor) {
    AdaptiveResolution fast(30.0, 0.5f);
    for (int i = 0; i < 20; ++i) fast.recordMotionFrame(fast.scaleFor(true, kLarge), frameMs(fast.scaleFor(true, kLarge), 12.0));
    EXPECT_EQ(fast.scaleFor(true, kLarge), 1.0f);

    AdaptiveResolution slow(30.0, 0.5f);
    for (int i = 0; i < 20; ++i) slow.recordMotionFrame(slow.scaleFor(true, kLarge), frameMs(slow.scaleFor(true, kLarge), 400.0));
    EXPECT_EQ(slow.scaleFor(true, kLarge), 0.5f);
}

TEST(AdaptiveResolution, OneSlowFrameDoesNotSwingIt) {
    AdaptiveResolution adaptive(30.0, 0.25f);
    for (int i = 0; i < 20; ++i)
        adaptive.recordMotionFrame(adaptive.scaleFor(true, kLarge), frameMs(adaptive.scaleFor(true, kLarge), 60.0));
    const float settled = adaptive.scaleFor(true, kLarge);
    adaptive.recordMotionFrame(settled, 400.0);  // a shader compile
    EXPECT_GT(adaptive.scaleFor(true, kLarge), settled * 0.6f);
    adaptive.recordMotionFrame(settled, -1.0);   // nonsense is ignored
    adaptive.recordMotionFrame(settled, std::numeric_limits<double>::quiet_NaN());
    EXPECT_GT(adaptive.scaleFor(true, kLarge), 0.0f);
}

TEST(AdaptiveResolution, DefaultsKeepSmallOutputsFullAndLargeOnesAboveSeventyPercent) {
    AdaptiveResolution adaptive;
    for (int i = 0; i < 30; ++i) adaptive.recordMotionFrame(adaptive.scaleFor(true, kLarge), 400.0);
    EXPECT_FLOAT_EQ(adaptive.scaleFor(true, kLarge), 0.7f);
    EXPECT_EQ(adaptive.scaleFor(true, int64_t(1280) * 720), 1.0f);
    EXPECT_EQ(adaptive.scaleFor(false, kLarge), 1.0f);
}

}  // namespace
}  // namespace engine
