#pragma once
// The twin-tour application: chooses the mode from the options (window,
// headless screenshot, benchmark) and runs it. Returns the process exit code.
#include <chrono>

#include "cli/app_options.h"

namespace twin {

int runApp(const AppOptions& options, std::chrono::steady_clock::time_point processStart);

}  // namespace twin
