#pragma once
// twin-tour --kiosk: the visit in a locked-down, full-screen window for a
// touchscreen left alone (docs/kiosk.md). A shell over the one visit loop
// (visit_runner): the kiosk's rules (app/kiosk/) route the input and reset
// the visit, its panels (app/ui/kiosk_panels) draw over the visit's.
#include "cli/app_options.h"

namespace twin {

// Runs until the admin closes it (exit 0), or --run-for ends it, or a
// played-back recording ends. Errors (bad PIN hash file...) exit 1.
int runKiosk(const AppOptions& options);

// --kiosk-report [--since DATE]: the statistics as CSV on stdout.
int runKioskReport(const AppOptions& options);

}  // namespace twin
