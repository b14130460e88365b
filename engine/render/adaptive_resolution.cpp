#include "render/adaptive_resolution.h"

#include <algorithm>
#include <cmath>

namespace engine {

AdaptiveResolution::AdaptiveResolution(double targetMs, float minScale, int64_t fullResolutionPixels)
    : targetMs_(targetMs),
      minScale_(std::clamp(minScale, 0.25f, 1.0f)),
      fullResolutionPixels_(fullResolutionPixels),
      // Start low and climb: the first frame (a shader-cache load, the
      // shadow map, every target touched) is the slowest, and the visitor
      // waits for it; a fast GPU reaches full resolution in a few frames.
      motionScale_(minScale_) {}

void AdaptiveResolution::recordMotionFrame(float scale, double milliseconds) {
    if (!(milliseconds > 0.0) || !std::isfinite(milliseconds)) return;
    // The cost goes with the pixels, the square of the scale: the scale that
    // would have met the target, approached halfway so one slow frame (a
    // shader compile, a busy core) does not swing it.
    const double ideal = double(scale) * std::sqrt(targetMs_ / milliseconds);
    const double next = 0.5 * double(motionScale_) + 0.5 * ideal;
    motionScale_ = float(std::clamp(next, double(minScale_), 1.0));
}

}  // namespace engine
