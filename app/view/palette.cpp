#include "view/palette.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace twin {

using feeds::MachineState;
using feeds::OccupancyLevel;

glm::vec3 machineStateColour(MachineState state) {
    switch (state) {
        case MachineState::Running: return {0.0f, 0.62f, 0.45f};      // bluish green
        case MachineState::Idle: return {0.34f, 0.71f, 0.91f};        // sky blue
        case MachineState::Setup: return {0.94f, 0.89f, 0.26f};       // yellow
        case MachineState::Maintenance: return {0.90f, 0.62f, 0.0f};  // orange
        case MachineState::Fault: return {0.84f, 0.37f, 0.0f};        // vermillion
        case MachineState::Offline: return {0.60f, 0.60f, 0.60f};     // grey
    }
    return glm::vec3(0.6f);
}

glm::vec3 occupancyColour(OccupancyLevel level) {
    switch (level) {
        case OccupancyLevel::Empty: return {0.80f, 0.84f, 0.88f};
        case OccupancyLevel::Low: return {1.0f, 0.88f, 0.45f};
        case OccupancyLevel::Medium: return {0.99f, 0.55f, 0.16f};
        case OccupancyLevel::High: return {0.80f, 0.13f, 0.12f};
    }
    return glm::vec3(0.8f);
}

Text machineStateText(MachineState state) {
    switch (state) {
        case MachineState::Running: return Text::StateRunning;
        case MachineState::Idle: return Text::StateIdle;
        case MachineState::Setup: return Text::StateSetup;
        case MachineState::Maintenance: return Text::StateMaintenance;
        case MachineState::Fault: return Text::StateFault;
        case MachineState::Offline: return Text::StateOffline;
    }
    return Text::StateUnknown;
}

Text activityKindText(feeds::ActivityKind kind) {
    switch (kind) {
        case feeds::ActivityKind::Training: return Text::KindTraining;
        case feeds::ActivityKind::CompanyProject: return Text::KindCompanyProject;
        case feeds::ActivityKind::Demo: return Text::KindDemo;
        case feeds::ActivityKind::OpenLab: return Text::KindOpenLab;
        case feeds::ActivityKind::Closed: return Text::KindClosed;
    }
    return Text::KindClosed;
}

}  // namespace twin

namespace twin {

std::string dataStatusText(feeds::Connection connection, bool replayStandsIn,
                           std::optional<feeds::TimePoint> offlineSince, Language language) {
    if (offlineSince) {
        const std::time_t seconds = std::chrono::system_clock::to_time_t(*offlineSince);
        std::tm local{};
        localtime_r(&seconds, &local);
        char time[16];
        std::snprintf(time, sizeof time, "%02d:%02d", local.tm_hour, local.tm_min);
        return std::string(tr(Text::OfflineSince, language)) + " " + time + std::string(tr(Text::LastKnownValues, language));
    }
    if (replayStandsIn) return std::string(tr(Text::ReplayStandsIn, language));
    switch (connection) {
        case feeds::Connection::Replay: return std::string(tr(Text::Replay, language));
        case feeds::Connection::Connected:
            return std::string(tr(Text::Live, language)) + " · " + std::string(tr(Text::Connected, language));
        case feeds::Connection::Connecting: return std::string(tr(Text::Connecting, language));
        case feeds::Connection::Offline: return std::string(tr(Text::Offline, language));
    }
    return {};
}

}  // namespace twin
