#pragma once
// The colours and words of the live data, shared by the panels, the badges
// and the heatmap: machine states in the Okabe-Ito palette (colour-blind
// safe), occupancy from light to dark, each with a text so colour is never
// the only cue. No GL, no ImGui.
#include <glm/glm.hpp>

#include "feeds/live_state.h"
#include "feeds/series.h"
#include "i18n/strings.h"

namespace twin {

glm::vec3 machineStateColour(feeds::MachineState state);  // sRGB 0-1
glm::vec3 occupancyColour(feeds::OccupancyLevel level);   // sRGB 0-1, light to dark
Text machineStateText(feeds::MachineState state);
Text activityKindText(feeds::ActivityKind kind);

}  // namespace twin
