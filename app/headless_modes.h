#pragma once
// The modes that need no window: --screenshot, --bench and --check. Each
// returns the process exit code.
#include "app_setup.h"
#include "cli.h"

namespace twin {

int runScreenshot(const AppOptions& options);
int runBench(const AppOptions& options, Clock::time_point processStart);
int runCheck(const AppOptions& options);

}  // namespace twin
