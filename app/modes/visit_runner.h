#pragma once
// Runs a visit in a shell: opens the platform (a window, or an offscreen
// image without a display), loads the content beside it, and loops: input
// (the window's, a played-back recording's), the session, one frame drawn by
// the FramePainter. The window, the screenshot and the playback tests all go
// through here, so a golden image checks what visitors run.
#include <chrono>
#include <optional>
#include <string>

#include "cli/app_options.h"

namespace twin {

// The window (until it closes, --run-for ends it, or a played-back
// recording ends); with --screenshot and --play-input, its last frame is
// written. Returns the process exit code.
int runWindow(const AppOptions& options);

// The same visit without a display, at --size: the recording played back
// (--play-input) on a clock of 60 steps a second, or the start of the visit
// as the command line sets it; the end state is written to --screenshot.
int runScreenshot(const AppOptions& options);

// --bench: the frame path timed along the tour (or a turn around the scene).
int runBench(const AppOptions& options, std::chrono::steady_clock::time_point processStart);

}  // namespace twin
