#include "view/labels.h"

#include <algorithm>

namespace twin {

std::vector<LabelAnchor> labelAnchors(const SceneDescription& scene, const ModelExtents& models) {
    std::vector<LabelAnchor> anchors;
    auto elevationOf = [&](const std::string& floorId) {
        for (const Floor& floor : scene.building.floors)
            if (floor.id == floorId) return floor.elevation;
        return 0.0f;
    };
    for (const Platform& platform : scene.platforms) {
        glm::vec2 centre(0.0f);
        for (const glm::vec2& p : platform.footprint) centre += p;
        centre /= float(std::max<size_t>(1, platform.footprint.size()));
        float elevation = elevationOf(platform.floor);
        anchors.push_back({platform.name, glm::vec3(centre.x, elevation + 2.2f, centre.y), false, elevation});
    }
    for (size_t index = 0; index < scene.machines.size(); ++index) {
        const Machine& machine = scene.machines[index];
        auto model = models.find(machine.model.file);
        if (model == models.end()) continue;
        engine::Aabb bounds = model->second.bounds.transformed(machine.model.transform);
        const Platform* platform = scene.platform(machine.platform);
        glm::vec3 top(bounds.center().x, bounds.max.y + 0.25f, bounds.center().z);
        anchors.push_back({machine.name, top, true, platform ? elevationOf(platform->floor) : 0.0f, int(index)});
    }
    return anchors;
}

std::vector<ScreenLabel> placeLabels(const std::vector<LabelAnchor>& anchors, const LabelCamera& view,
                                     const engine::TriangleBvh* bvh, const engine::ObjectFilter& hidden) {
    struct Candidate {
        ScreenLabel label;
        float distance;
    };
    std::vector<Candidate> candidates;
    for (const LabelAnchor& anchor : anchors) {
        if (anchor.floorElevation > view.hideAboveElevation + 0.01f) continue;
        const glm::vec3 eye = view.camera.position;
        float distance = glm::length(anchor.position - eye);
        if (anchor.machine && distance > view.maxMachineDistance) continue;
        auto point = view.camera.project(anchor.position, view.viewport);
        if (!point || !point->onScreen()) continue;
        ScreenLabel label;
        label.text = anchor.text;
        label.machine = anchor.machine;
        label.position = point->pixel;
        // Hidden behind a wall nearby, on the visitor's level: still there, but
        // faint. Hidden far away or on another floor: left out (clutter).
        if (bvh && bvh->occluded(eye, anchor.position, hidden)) {
            if (distance > 25.0f || std::abs(anchor.position.y - eye.y) > 3.0f) continue;
            label.opacity = 0.3f;
        }
        candidates.push_back({label, distance});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if ((a.label.opacity < 1.0f) != (b.label.opacity < 1.0f)) return a.label.opacity > b.label.opacity;
        return a.distance < b.distance;
    });
    std::vector<ScreenLabel> placed;
    for (const Candidate& c : candidates) placed.push_back(c.label);
    return placed;
}

}  // namespace twin
