#pragma once
// Building blocks of the synthetic worlds the session, explorer and kiosk
// tests drive: boxes and model extents made of them, no model file needed.
#include <string>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model_layout.h"

namespace twin::test {

inline engine::Aabb box(glm::vec3 lo, glm::vec3 hi) {
    engine::Aabb b;
    b.expand(lo);
    b.expand(hi);
    return b;
}

// A model whose top-level nodes (1, 2, ... in order) are these named boxes.
inline engine::ModelExtent boxExtent(const std::vector<std::pair<std::string, engine::Aabb>>& topNodes) {
    engine::ModelExtent extent;
    int32_t node = 1;
    for (const auto& [name, bounds] : topNodes) {
        extent.topNodeNames.push_back({name, node});
        extent.parts.push_back({bounds, glm::mat4(1.0f), node});
        extent.bounds.expand(bounds);
        ++node;
    }
    return extent;
}

}  // namespace twin::test
