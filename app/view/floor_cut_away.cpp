#include "view/floor_cut_away.h"

#include <map>

namespace twin {

FloorView floorCutAway(const engine::ModelExtent& building, const SceneDescription& scene, int floorIndex) {
    FloorView view;
    if (floorIndex < 0 || size_t(floorIndex) >= scene.building.floors.size()) {
        view.focus = building.bounds;
        return view;
    }
    const Floor& chosen = scene.building.floors[size_t(floorIndex)];
    for (const Floor& floor : scene.building.floors) {
        for (const std::string& name : floor.nodes) {
            int32_t node = building.topNodeNamed(name);
            if (node < 0) continue;
            if (floor.elevation > chosen.elevation) view.hiddenTopNodes.push_back(node);
            if (&floor == &chosen) view.focus.expand(building.topNodeBounds(node));
        }
    }
    for (const std::string& name : scene.building.roofNodes)
        if (int32_t node = building.topNodeNamed(name); node >= 0) view.hiddenTopNodes.push_back(node);
    if (view.focus.empty()) view.focus = building.bounds;
    return view;
}

}  // namespace twin
