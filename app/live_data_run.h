#pragma once
// `--headless`: the live data without a window or rendering, for scripts
// and the integration tests. Runs --run-for seconds of wall-clock time,
// then writes --dump-state and exits.
#include "cli.h"
#include "feeds/live_feed.h"
#include "ui/live_panels.h"

namespace twin {

int runHeadlessLiveData(const AppOptions& options);

// The feed settings the command line asks for (shared with the window).
feeds::LiveFeedDesc liveFeedDescFor(const AppOptions& options);

// What the live panels show from the feed this frame (the visitor's choices
// of platform, floor and badges are the caller's to add).
LiveView liveViewOf(const feeds::LiveFeed& feed, const SceneDescription& scene);

// Hands the slider and speed requests of the panels to the feed.
void applyLiveRequests(const LiveView& view, feeds::LiveFeed& feed);

}  // namespace twin
