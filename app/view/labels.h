#pragma once
// 3D labels: where the names of platforms and machines go on screen this
// frame, faded when a wall hides their anchor, far machines left out, and
// never piled on top of each other. No GL, no ImGui (the overlay draws them).
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "content/scene_file.h"
#include "scene/camera.h"
#include "scene/triangle_bvh.h"
#include "view/tour_setup.h"

namespace twin {

struct LabelAnchor {
    LocalizedText text;
    glm::vec3 position{0.0f};  // world
    bool machine = false;      // machines are shown only near the eye
    float floorElevation = 0.0f;
    int machineIndex = -1;     // the machine's index in the scene, for machines
};

struct ScreenLabel {
    LocalizedText text;
    glm::vec2 position{0.0f};  // pixels, the anchor (labels are centred above it)
    float opacity = 1.0f;      // lower when hidden behind something
    bool machine = false;
};

// The anchors of a scene: each platform above the middle of its footprint,
// each machine above the top of its bounds.
std::vector<LabelAnchor> labelAnchors(const SceneDescription& scene, const ModelExtents& models);

struct LabelCamera {
    engine::Camera camera;
    glm::vec2 viewport{1.0f};
    float maxMachineDistance = 16.0f;  // metres: beyond, a platform holds too many to read
    float hideAboveElevation = 1e9f;   // anchors on floors above this (cut away) are left out
};

// Projects the anchors; those behind the eye or off screen are left out;
// `bvh` (may be null) fades the hidden ones. Sorted nearest first.
std::vector<ScreenLabel> placeLabels(const std::vector<LabelAnchor>& anchors, const LabelCamera& view,
                                     const engine::TriangleBvh* bvh, const engine::ObjectFilter& hidden = {});

}  // namespace twin
