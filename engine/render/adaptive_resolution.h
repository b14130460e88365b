#pragma once
// Dynamic resolution for frames in motion: when the view changes, the scene
// is shaded at a lower resolution chosen from the measured frame times so a
// moving camera keeps its frame rate on a slow GPU (llvmpipe's cost follows
// the pixel count); as soon as the view rests, the next frame is full
// resolution. Small outputs (up to 1280x720 by default) are always shaded at
// full resolution: the budget (DESIGN.md section 5) wants them sharp, and
// the floor of 0.7 keeps moving frames at 1920x1080 at least 70 % of it.
// No GL: it only picks RenderOptions::resolutionScale.
#include <cstdint>

namespace engine {

class AdaptiveResolution {
public:
    // `targetMs`: the frame time aimed at in motion; `minScale`: the lowest
    // fraction of the width and height allowed; outputs of at most
    // `fullResolutionPixels` pixels are never scaled down. 25 ms, not the
    // budget's 33: on llvmpipe much of a frame is geometry, which the scale
    // does not change, so aiming at 28 let fast frames climb to 0.76 and
    // the tour's median at 1920x1080 reach 33-34 ms (docs/performance.md).
    explicit AdaptiveResolution(double targetMs = 25.0, float minScale = 0.7f,
                                int64_t fullResolutionPixels = int64_t(1280) * 720);

    // The scale for the coming frame into an output of `outputPixels`
    // pixels: 1 when the view has not moved or the output is small.
    float scaleFor(bool viewMoving, int64_t outputPixels) const {
        return viewMoving && outputPixels > fullResolutionPixels_ ? motionScale_ : 1.0f;
    }

    // Learns from a frame drawn at `scale` in `milliseconds`. Only frames in
    // motion teach it (a still frame is full resolution by design).
    void recordMotionFrame(float scale, double milliseconds);

    float motionScale() const { return motionScale_; }

private:
    double targetMs_;
    float minScale_;
    int64_t fullResolutionPixels_;
    float motionScale_;
};

}  // namespace engine
