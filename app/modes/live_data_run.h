#pragma once
// `--headless`: the live data without a window or rendering, for scripts
// and the integration tests. Runs --run-for seconds of wall-clock time,
// then writes --dump-state and exits.
#include "cli/app_options.h"
#include "feeds/live_feed.h"

namespace twin {

int runHeadlessLiveData(const AppOptions& options);

// The feed settings the command line asks for (shared with the window).
feeds::LiveFeedDesc liveFeedDescFor(const AppOptions& options);

}  // namespace twin
