#include "render/ground_grid.h"

#include <algorithm>
#include <cmath>

namespace engine {
namespace {
// Cells between the shadowed part and the square's edge, on each side, and
// across the shadowed part: enough for the per-vertex fade into the sky to
// look smooth, few enough to cost nothing.
constexpr int kOuterCells = 8;
constexpr int kInnerCells = 4;

// Positions along one axis: the square's edge to the shadowed part, across
// it, and on to the other edge.
std::vector<float> gridLines(float squareMin, float innerMin, float innerMax, float squareMax) {
    std::vector<float> lines;
    auto span = [&lines](float from, float to, int cells) {
        for (int i = 0; i < cells; ++i) lines.push_back(from + (to - from) * float(i) / float(cells));
    };
    span(squareMin, innerMin, kOuterCells);
    span(innerMin, innerMax, kInnerCells);
    span(innerMax, squareMax, kOuterCells);
    lines.push_back(squareMax);
    return lines;
}
}  // namespace

GroundGrid makeGroundGrid(const Aabb& scene, glm::vec3 sunDirection) {
    GroundGrid grid;
    if (scene.empty()) return grid;
    const float sceneRadius = std::max(scene.radius(), 0.01f);
    grid.center = scene.center();
    // Slightly below the lowest point so the model's base does not z-fight.
    grid.center.y = scene.min.y - sceneRadius * 0.002f;
    grid.radius = sceneRadius * 6.0f;
    const glm::vec2 squareMin = glm::vec2(grid.center.x, grid.center.z) - grid.radius;
    const glm::vec2 squareMax = glm::vec2(grid.center.x, grid.center.z) + grid.radius;

    // Where a shadow can fall: under the scene, and where its box's corners
    // cast along the sun onto the ground, with a margin for the filtered
    // edge of the shadow map.
    glm::vec2 innerMin = squareMin, innerMax = squareMax;
    const glm::vec3 l = glm::length(sunDirection) > 0.0f ? glm::normalize(sunDirection) : glm::vec3(0, 1, 0);
    if (l.y > 0.1f) {
        innerMin = glm::vec2(scene.min.x, scene.min.z);
        innerMax = glm::vec2(scene.max.x, scene.max.z);
        for (int i = 0; i < 8; ++i) {
            const glm::vec3 c((i & 1) ? scene.max.x : scene.min.x, (i & 2) ? scene.max.y : scene.min.y,
                              (i & 4) ? scene.max.z : scene.min.z);
            const glm::vec3 onGround = c - l * ((c.y - grid.center.y) / l.y);
            innerMin = glm::min(innerMin, glm::vec2(onGround.x, onGround.z));
            innerMax = glm::max(innerMax, glm::vec2(onGround.x, onGround.z));
        }
        const float margin = sceneRadius * 0.05f;
        innerMin = glm::clamp(innerMin - margin, squareMin, squareMax);
        innerMax = glm::clamp(innerMax + margin, squareMin, squareMax);
    }

    const std::vector<float> xs = gridLines(squareMin.x, innerMin.x, innerMax.x, squareMax.x);
    const std::vector<float> zs = gridLines(squareMin.y, innerMin.y, innerMax.y, squareMax.y);
    for (float z : zs)
        for (float x : xs) grid.vertices.push_back({x, grid.center.y, z});
    const uint32_t columns = uint32_t(xs.size());
    auto inner = [](size_t cell) { return cell >= size_t(kOuterCells) && cell < size_t(kOuterCells + kInnerCells); };
    const bool allShadowed = !(l.y > 0.1f);
    for (uint32_t row = 0; row + 1 < zs.size(); ++row)
        for (uint32_t column = 0; column + 1 < xs.size(); ++column) {
            const uint32_t a = row * columns + column, b = a + 1, c = a + columns, d = c + 1;
            std::vector<uint32_t>& part = allShadowed || (inner(row) && inner(column)) ? grid.shadowed : grid.unshadowed;
            part.insert(part.end(), {a, c, b, b, c, d});
        }
    return grid;
}

}  // namespace engine
