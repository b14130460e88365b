#include "view/live_overlays.h"

#include <algorithm>

#include <glm/gtc/color_space.hpp>

#include "feeds/series.h"

namespace twin {

std::vector<engine::FloorOverlay> occupancyHeatmap(const SceneDescription& scene, const feeds::LiveState& state,
                                                   feeds::TimePoint clock, feeds::Seconds staleAfter,
                                                   float maxElevation) {
    std::vector<engine::FloorOverlay> overlays;
    for (const Platform& platform : scene.platforms) {
        const feeds::PlatformLive* live = state.platform(platform.id);
        if (!live || !live->occupancy || platform.footprint.size() < 3) continue;
        const Floor* floor = nullptr;
        for (const Floor& f : scene.building.floors)
            if (f.id == platform.floor) floor = &f;
        if (!floor || floor->elevation > maxElevation + 0.01f) continue;
        const feeds::Occupancy& o = *live->occupancy;
        const auto level = feeds::occupancyLevel(o.count, o.capacity.value_or(platform.capacity));
        if (level == feeds::OccupancyLevel::Empty) continue;
        engine::FloorOverlay overlay;
        overlay.outline = platform.footprint;
        overlay.height = floor->elevation;
        const bool stale = feeds::isStale(o.ts, clock, staleAfter);
        // The UI's colours are sRGB; the renderer takes linear ones.
        glm::vec3 colour = stale ? glm::vec3(0.55f) : occupancyColour(level);
        overlay.colour = glm::vec4(glm::convertSRGBToLinear(colour), stale ? 0.25f : 0.4f);
        switch (level) {
            case feeds::OccupancyLevel::Low: overlay.pattern = engine::OverlayPattern::Dots; break;
            case feeds::OccupancyLevel::Medium: overlay.pattern = engine::OverlayPattern::Stripes; break;
            default: overlay.pattern = engine::OverlayPattern::Crosshatch; break;
        }
        overlays.push_back(std::move(overlay));
    }
    return overlays;
}

std::vector<MachineBadge> machineBadges(const SceneDescription& scene, const std::vector<LabelAnchor>& anchors,
                                        const feeds::LiveState& state, const LabelCamera& view,
                                        const engine::TriangleBvh* bvh, const engine::ObjectFilter& hidden,
                                        float labelHeight) {
    struct Candidate {
        MachineBadge badge;
        float distance;
        bool fault;
    };
    std::vector<Candidate> candidates;
    for (const LabelAnchor& anchor : anchors) {
        if (anchor.machineIndex < 0 || size_t(anchor.machineIndex) >= scene.machines.size()) continue;
        if (anchor.floorElevation > view.hideAboveElevation + 0.01f) continue;
        const feeds::MachineLive* live = state.machine(scene.machines[size_t(anchor.machineIndex)].id);
        if (!live || !live->status) continue;
        const bool fault = live->status->state == feeds::MachineState::Fault;
        const float distance = glm::length(anchor.position - view.camera.position);
        if (!fault && distance > view.maxMachineDistance) continue;
        auto point = view.camera.project(anchor.position, view.viewport);
        if (!point || !point->onScreen()) continue;
        MachineBadge badge;
        badge.machine = size_t(anchor.machineIndex);
        badge.position = point->pixel;
        // Near machines carry their name label: the badge sits just above it.
        if (distance <= view.maxMachineDistance) badge.position.y -= labelHeight;
        if (bvh && bvh->occluded(view.camera.position, anchor.position, hidden)) {
            if (!fault) continue;
            badge.opacity = 0.7f;  // a fault behind a wall still shows where it is
        }
        candidates.push_back({badge, distance, fault});
    }
    // Faults first, then nearest first: the order the panels keep them in
    // when badges would overlap.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.fault != b.fault) return a.fault;
        return a.distance < b.distance;
    });
    std::vector<MachineBadge> badges;
    for (const Candidate& c : candidates) badges.push_back(c.badge);
    return badges;
}

}  // namespace twin
