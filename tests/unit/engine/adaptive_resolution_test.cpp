#include "render/adaptive_resolution.h"

#include <gtest/gtest.h>

#include <limits>

namespace engine {
namespace {

// A renderer whose frame time follows the pixel count, as llvmpipe's does.
double frameMs(float scale, double fullMs) { return 2.0 + (fullMs - 2.0) * double(scale) * double(scale); }

TEST(AdaptiveResolution, StillFramesAreFullResolution) {
    AdaptiveResolution adaptive(30.0, 0.5f);
    for (int i = 0; i < 10; ++i) adaptive.recordMotionFrame(adaptive.scaleFor(true), 80.0);
    EXPECT_LT(adaptive.scaleFor(true), 1.0f);
    EXPECT_EQ(adaptive.scaleFor(false), 1.0f);
}

TEST(AdaptiveResolution, ConvergesOnTheTargetFrameTime) {
    AdaptiveResolution adaptive(30.0, 0.25f);
    float scale = 1.0f;
    for (int i = 0; i < 20; ++i) {
        scale = adaptive.scaleFor(true);
        adaptive.recordMotionFrame(scale, frameMs(scale, 80.0));
    }
    EXPECT_NEAR(frameMs(adaptive.scaleFor(true), 80.0), 30.0, 2.0);
}

TEST(AdaptiveResolution, StaysFullWhenFastAndNeverGoesBelowItsFloor) {
    AdaptiveResolution fast(30.0, 0.5f);
    for (int i = 0; i < 20; ++i) fast.recordMotionFrame(fast.scaleFor(true), frameMs(fast.scaleFor(true), 12.0));
    EXPECT_EQ(fast.scaleFor(true), 1.0f);

    AdaptiveResolution slow(30.0, 0.5f);
    for (int i = 0; i < 20; ++i) slow.recordMotionFrame(slow.scaleFor(true), frameMs(slow.scaleFor(true), 400.0));
    EXPECT_EQ(slow.scaleFor(true), 0.5f);
}

TEST(AdaptiveResolution, OneSlowFrameDoesNotSwingIt) {
    AdaptiveResolution adaptive(30.0, 0.25f);
    for (int i = 0; i < 20; ++i)
        adaptive.recordMotionFrame(adaptive.scaleFor(true), frameMs(adaptive.scaleFor(true), 60.0));
    const float settled = adaptive.scaleFor(true);
    adaptive.recordMotionFrame(settled, 400.0);  // a shader compile
    EXPECT_GT(adaptive.scaleFor(true), settled * 0.6f);
    adaptive.recordMotionFrame(settled, -1.0);   // nonsense is ignored
    adaptive.recordMotionFrame(settled, std::numeric_limits<double>::quiet_NaN());
    EXPECT_GT(adaptive.scaleFor(true), 0.0f);
}

}  // namespace
}  // namespace engine
