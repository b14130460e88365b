#pragma once
// The interactive tour: a window, the orbit camera and the overlay.
#include "cli.h"

namespace twin {

// Runs until the window closes (or --run-for ends it); returns the exit code.
int runInteractive(const AppOptions& options);

}  // namespace twin
