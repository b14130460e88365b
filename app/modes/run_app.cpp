#include "modes/run_app.h"

#include <cstdio>
#include <cstdlib>

#include "core/log.h"
#include "modes/app_setup.h"
#include "cli/command_line.h"
#include "kiosk/admin_pin.h"
#include "modes/check_mode.h"
#include "modes/kiosk_mode.h"
#include "modes/live_data_run.h"
#include "modes/visit_runner.h"

namespace twin {

int runApp(const AppOptions& options, Clock::time_point processStart) {
    engine::log::setProgramName("twin-tour");
    setProcessStart(processStart);
    if (options.verbose) engine::log::setMinimumLevel(engine::log::Level::Debug);
    if (options.showHelp) {
        std::fputs(helpText().c_str(), stdout);
        return 0;
    }
    if (options.showVersion) {
        std::puts("twin-tour " TWIN_TOUR_VERSION);
        return 0;
    }
    if (options.hashPin) return kiosk::runHashPin(stdin, stdout, stderr);
    if (options.kioskReport) return runKioskReport(options);
    if (options.check) return runCheck(options);
    if (options.headless) return runHeadlessLiveData(options);
    if (options.bench) return runBench(options, processStart);
    // A recording played back with a screenshot runs in a real window when
    // there is a display (the golden tests under Xvfb), else offscreen: the
    // same frames either way.
    const char* display = std::getenv("DISPLAY");
    const bool playInWindow = !options.playInput.empty() && display && *display;
    if (options.kiosk) {
        if (!playInWindow && options.screenshot) return fail("--kiosk needs a display (a recording with --play-input plays in its window)");
        return runKiosk(options);
    }
    if (options.screenshot && !playInWindow) return runScreenshot(options);
    return runWindow(options);
}

}  // namespace twin
