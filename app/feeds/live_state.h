#pragma once
// The latest value of everything, as shown by the panels and overlays.
// Single-threaded: sources hand their updates to the main thread, which
// applies them here. No GL, no ImGui.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "feeds/live_types.h"

namespace twin::feeds {

enum class Connection { Replay, Connecting, Connected, Offline };
std::string_view toString(Connection connection);  // "replay", "connecting", ...

struct PlatformLive {
    std::optional<Occupancy> occupancy;
    std::optional<ActivityReport> activity;
};

struct MachineLive {
    std::optional<MachineStatus> status;
};

class LiveState {
public:
    // Keeps the newer value: an update older than what is held is ignored
    // (retained messages and history replays arrive out of order). A machine
    // update keeps `since` while the state stays the same.
    void apply(const Update& update);
    void clear();

    const std::map<std::string, PlatformLive, std::less<>>& platforms() const { return platforms_; }
    const std::map<std::string, MachineLive, std::less<>>& machines() const { return machines_; }
    const PlatformLive* platform(std::string_view id) const;
    const MachineLive* machine(std::string_view id) const;

    uint64_t revision() const { return revision_; }  // grows with every change

private:
    std::map<std::string, PlatformLive, std::less<>> platforms_;
    std::map<std::string, MachineLive, std::less<>> machines_;
    uint64_t revision_ = 0;
};

// A value is stale when it is older than `staleAfter` at `now`.
inline bool isStale(TimePoint ts, TimePoint now, Seconds staleAfter) { return now - ts > staleAfter; }

}  // namespace twin::feeds
