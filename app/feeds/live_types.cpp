#include "feeds/live_types.h"

#include <array>
#include <utility>

namespace twin::feeds {
namespace {

// One table per enum, so the spellings and the parsers cannot disagree.
constexpr std::array<std::pair<MachineState, std::string_view>, 6> kMachineStateNames{{
    {MachineState::Running, "running"},
    {MachineState::Idle, "idle"},
    {MachineState::Setup, "setup"},
    {MachineState::Maintenance, "maintenance"},
    {MachineState::Fault, "fault"},
    {MachineState::Offline, "offline"},
}};

constexpr std::array<std::pair<ActivityKind, std::string_view>, 5> kActivityKindNames{{
    {ActivityKind::Training, "training"},
    {ActivityKind::CompanyProject, "company-project"},
    {ActivityKind::Demo, "demo"},
    {ActivityKind::OpenLab, "open-lab"},
    {ActivityKind::Closed, "closed"},
}};

}  // namespace

std::string_view toString(MachineState state) {
    for (const auto& [value, name] : kMachineStateNames)
        if (value == state) return name;
    return "offline";  // unreachable for a valid enum value
}

std::string_view toString(ActivityKind kind) {
    for (const auto& [value, name] : kActivityKindNames)
        if (value == kind) return name;
    return "closed";  // unreachable for a valid enum value
}

std::optional<MachineState> machineStateFrom(std::string_view text) {
    for (const auto& [value, name] : kMachineStateNames)
        if (name == text) return value;
    return std::nullopt;
}

std::optional<ActivityKind> activityKindFrom(std::string_view text) {
    for (const auto& [value, name] : kActivityKindNames)
        if (name == text) return value;
    return std::nullopt;
}

TimePoint timestampOf(const Update& update) {
    return std::visit([](const auto& u) { return u.value.ts; }, update);
}

}  // namespace twin::feeds
