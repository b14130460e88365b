#pragma once
// The live data model of Twin Tour (DESIGN.md section 4): per platform, its
// occupancy and current/next activity; per machine, its state. Every value
// carries its timestamp. No GL, no ImGui.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "content/scene_file.h"  // LocalizedText (header only)

namespace twin::feeds {

using TimePoint = std::chrono::sys_seconds;  // UTC, whole seconds
using Seconds = std::chrono::seconds;

enum class MachineState { Running, Idle, Setup, Maintenance, Fault, Offline };
enum class ActivityKind { Training, CompanyProject, Demo, OpenLab, Closed };

inline constexpr MachineState kMachineStates[] = {MachineState::Running, MachineState::Idle,
                                                  MachineState::Setup,   MachineState::Maintenance,
                                                  MachineState::Fault,   MachineState::Offline};

// Contract spellings: "running", ..., "company-project", "open-lab".
std::string_view toString(MachineState state);
std::string_view toString(ActivityKind kind);
std::optional<MachineState> machineStateFrom(std::string_view text);
std::optional<ActivityKind> activityKindFrom(std::string_view text);

struct Occupancy {
    int count = 0;
    std::optional<int> capacity;  // absent: the scene's capacity applies
    TimePoint ts{};
};

struct Activity {
    LocalizedText title;
    ActivityKind kind = ActivityKind::Closed;
    TimePoint start{};
    TimePoint end{};
    std::optional<int> headcount;  // people expected
};

// What a platform's activity message says: now, and optionally what comes next.
struct ActivityReport {
    Activity current;
    std::optional<Activity> next;
    TimePoint ts{};
};

struct MachineStatus {
    MachineState state = MachineState::Offline;
    // The job's name, French and English. The contract allows a plain string
    // (it then fills both) or {"fr": ..., "en": ...}; empty: none.
    LocalizedText job;
    std::optional<double> progress;  // 0-1
    TimePoint ts{};
    TimePoint since{};               // when this state began (set by LiveState)
};

// One validated message, whichever source it came from.
struct OccupancyUpdate {
    std::string platform;
    Occupancy value;
};
struct ActivityUpdate {
    std::string platform;
    ActivityReport value;
};
struct MachineUpdate {
    std::string machine;
    MachineStatus value;
};
using Update = std::variant<OccupancyUpdate, ActivityUpdate, MachineUpdate>;

TimePoint timestampOf(const Update& update);

}  // namespace twin::feeds
