#pragma once
// The live state as JSON, for `--dump-state` (scripts, integration tests):
//   {"clock": "...", "connection": "connected|connecting|offline|replay", "rejected": N,
//    "platforms": {"ID": {"occupancy": {"count": N, "capacity": N, "stale": false, "ts": "..."},
//                         "activity": {"title": {...}, "kind": "...", "start": "...", "end": "...",
//                                      "stale": false, "next": {...}}}},
//    "machines": {"ID": {"state": "running", "job": "..." or {"fr": "...", "en": "..."},
//                        "progress": 0.4, "since": "...",
//                        "stale": false, "ts": "..."}}}
// Every platform and machine of the scene is listed; one without data has
// null values.
#include <cstdint>
#include <string>

#include "feeds/live_state.h"

namespace twin::feeds {

struct DumpContext {
    TimePoint clock{};
    Connection connection = Connection::Replay;
    uint64_t rejected = 0;
    Seconds staleAfter{300};
};

std::string dumpState(const LiveState& state, const SceneDescription& scene, const DumpContext& context);

}  // namespace twin::feeds
