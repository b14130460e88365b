#include "tour_app.h"

#include <cstdio>

#include "core/log.h"
#include "app_setup.h"
#include "headless_modes.h"
#include "interactive_session.h"
#include "live_data_run.h"

namespace twin {

int runApp(const AppOptions& options, Clock::time_point processStart) {
    engine::log::setProgramName("twin-tour");
    if (options.verbose) engine::log::setMinimumLevel(engine::log::Level::Debug);
    if (options.showHelp) {
        std::fputs(helpText().c_str(), stdout);
        return 0;
    }
    if (options.showVersion) {
        std::puts("twin-tour " TWIN_TOUR_VERSION);
        return 0;
    }
    if (options.check) return runCheck(options);
    if (options.headless) return runHeadlessLiveData(options);
    if (options.screenshot) return runScreenshot(options);
    if (options.bench) return runBench(options, processStart);
    return runInteractive(options);
}

}  // namespace twin
