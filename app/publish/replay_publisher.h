#pragma once
// twin-tour-publish's work: loads the scene and its replay week, connects to
// the broker, publishes the state at the start time, then the week's events
// as the replay clock passes them.
#include "publish/publish_options.h"

namespace twin {

// Runs until --run-for is over, SIGINT/SIGTERM, or (with --snapshot) the
// state is acknowledged. Returns the exit status: 0 done, 1 runtime error
// (with one line "twin-tour-publish: REASON" on stderr).
int runReplayPublisher(const PublishOptions& options);

}  // namespace twin
