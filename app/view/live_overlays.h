#pragma once
// The live data drawn in 3D: each platform's floor tinted by its occupancy
// (a heatmap with a pattern per level, so it reads without colour) and where
// the state badges go above the machines. No GL, no ImGui.
#include <vector>

#include "content/scene_file.h"
#include "feeds/live_state.h"
#include "view/labels.h"
#include "render/renderer.h"
#include "view/palette.h"

namespace twin {

// A machine's live-state badge on screen.
struct MachineBadge {
    size_t machine = 0;        // index in the scene
    glm::vec2 position{0.0f};  // pixels: the top of the machine
    float opacity = 1.0f;
};

// Overlays for the platforms on floors at or below `maxElevation` (the
// floor shown; everything when the whole building is). Platforms with no
// one, or no data, get none; stale values are grey.
std::vector<engine::FloorOverlay> occupancyHeatmap(const SceneDescription& scene, const feeds::LiveState& state,
                                                   feeds::TimePoint clock, feeds::Seconds staleAfter,
                                                   float maxElevation = 1e9f);

// Pixels from a machine's label anchor up to its badge's centre: the label
// plate (a line of text and its padding) and a badge radius, at UI scale 1.
inline constexpr float kBadgeAboveLabel = 38.0f;

// Badges for the machines of `anchors` (labelAnchors' machine entries): the
// near ones, and faults at any distance, above where their label goes;
// faults first, then nearest first.
std::vector<MachineBadge> machineBadges(const SceneDescription& scene, const std::vector<LabelAnchor>& anchors,
                                        const feeds::LiveState& state, const LabelCamera& view,
                                        const engine::TriangleBvh* bvh, const engine::ObjectFilter& hidden,
                                        float labelHeight);

}  // namespace twin
