#include "view/floor_cut_away.h"

#include <map>

namespace twin {

FloorCutAway floorCutAway(const engine::ModelExtent& building, const SceneDescription& scene, int floorIndex) {
    FloorCutAway cut;
    if (floorIndex < 0 || size_t(floorIndex) >= scene.building.floors.size()) {
        cut.focus = building.bounds;
        return cut;
    }
    const Floor& chosen = scene.building.floors[size_t(floorIndex)];
    for (const Floor& floor : scene.building.floors) {
        for (const std::string& name : floor.nodes) {
            int32_t node = building.topNodeNamed(name);
            if (node < 0) continue;
            if (floor.elevation > chosen.elevation) cut.hiddenTopNodes.push_back(node);
            if (&floor == &chosen) cut.focus.expand(building.topNodeBounds(node));
        }
    }
    for (const std::string& name : scene.building.roofNodes)
        if (int32_t node = building.topNodeNamed(name); node >= 0) cut.hiddenTopNodes.push_back(node);
    if (cut.focus.empty()) cut.focus = building.bounds;
    return cut;
}

}  // namespace twin
