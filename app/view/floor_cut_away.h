#pragma once
// Cut-away views of the building: which of its top-level nodes to hide so
// that one floor's interior shows from above, and what to frame. No GL.
#include <cstdint>
#include <vector>

#include "content/scene_file.h"
#include "scene/model_layout.h"
#include "scene/bounds.h"

namespace twin {

struct FloorCutAway {
    std::vector<int32_t> hiddenTopNodes;  // for Renderer::setHiddenTopNodes
    engine::Aabb focus;                   // what the camera should frame
};

// `floorIndex` indexes scene.building.floors; -1 shows the whole building.
// Hides the nodes of every floor above the chosen one and the scene's
// roof nodes.
FloorCutAway floorCutAway(const engine::ModelExtent& building, const SceneDescription& scene, int floorIndex);

}  // namespace twin
