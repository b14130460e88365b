#pragma once
// Dynamic resolution for frames in motion: when the view changes, the scene
// is shaded at a lower resolution chosen from the measured frame times so a
// moving camera keeps its frame rate on a slow GPU (llvmpipe's cost follows
// the pixel count); as soon as the view rests, the next frame is full
// resolution. No GL: it only picks RenderOptions::resolutionScale.
namespace engine {

class AdaptiveResolution {
public:
    // `targetMs`: the frame time aimed at in motion; `minScale`: the lowest
    // fraction of the width and height allowed.
    explicit AdaptiveResolution(double targetMs = 28.0, float minScale = 0.45f);

    // The scale for the coming frame: 1 when the view has not moved.
    float scaleFor(bool viewMoving) const { return viewMoving ? motionScale_ : 1.0f; }

    // Learns from a frame drawn at `scale` in `milliseconds`. Only frames in
    // motion teach it (a still frame is full resolution by design).
    void recordMotionFrame(float scale, double milliseconds);

    float motionScale() const { return motionScale_; }

private:
    double targetMs_;
    float minScale_;
    float motionScale_;
};

}  // namespace engine
