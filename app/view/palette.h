#pragma once
// The colours and words of the live data, shared by the panels, the badges
// and the heatmap: machine states in the Okabe-Ito palette (colour-blind
// safe), occupancy from light to dark, each with a text so colour is never
// the only cue. No GL, no ImGui.
#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "feeds/live_state.h"
#include "feeds/series.h"
#include "i18n/strings.h"

namespace twin {

glm::vec3 machineStateColour(feeds::MachineState state);  // sRGB 0-1
glm::vec3 occupancyColour(feeds::OccupancyLevel level);   // sRGB 0-1, light to dark
Text machineStateText(feeds::MachineState state);
Text activityKindText(feeds::ActivityKind kind);

// What the data bar says about where the values come from: "Semaine type",
// "En direct · connecté", "Semaine type (en attendant le direct)" while a
// broker never reached stands in for it, "Hors ligne depuis 14:32 :
// dernières valeurs connues" (local time) once a broker is lost.
std::string dataStatusText(feeds::Connection connection, bool replayStandsIn,
                           std::optional<feeds::TimePoint> offlineSince, Language language);

}  // namespace twin
