#include "render/sun_classes.h"

#include <algorithm>
#include <cmath>

namespace engine {
namespace {

enum class Sun { Lit, Shadowed, LookUp };

// Light-space point: x, y in texels, z the depth the map stores (0-1).
glm::vec3 toMap(const glm::mat4& worldToLight, const glm::vec3& p, float size) {
    glm::vec4 l = worldToLight * glm::vec4(p, 1.0f);
    glm::vec3 n = glm::vec3(l) / l.w * 0.5f + 0.5f;
    return {n.x * size, n.y * size, n.z};
}

Sun classify(const glm::vec3 (&t)[3], const DepthMap16& map, const SunFilterReach& reach, size_t maxTexels) {
    const float size = float(map.size);
    // The depth plane z = a x + b y + c through the three points.
    const glm::vec2 e1(t[1].x - t[0].x, t[1].y - t[0].y), e2(t[2].x - t[0].x, t[2].y - t[0].y);
    const float det = e1.x * e2.y - e2.x * e1.y;
    if (!(std::abs(det) > 1e-4f)) return Sun::LookUp;  // edge-on, or not finite
    const float dz1 = t[1].z - t[0].z, dz2 = t[2].z - t[0].z;
    const float a = (dz1 * e2.y - dz2 * e1.y) / det, b = (dz2 * e1.x - dz1 * e2.x) / det;
    for (const glm::vec3& p : t)
        if (!(p.z < 1.0f && p.z > 0.0f)) return Sun::LookUp;
    const float minX = std::min({t[0].x, t[1].x, t[2].x}) - reach.texels, maxX = std::max({t[0].x, t[1].x, t[2].x}) + reach.texels;
    const float minY = std::min({t[0].y, t[1].y, t[2].y}) - reach.texels, maxY = std::max({t[0].y, t[1].y, t[2].y}) + reach.texels;
    // The shader treats points outside the map as lit: leave the border to it.
    if (!(minX > 1.0f && minY > 1.0f && maxX < size - 1.0f && maxY < size - 1.0f)) return Sun::LookUp;
    const int x0 = int(std::floor(minX - 0.5f)), x1 = int(std::ceil(maxX - 0.5f));
    const int y0 = int(std::floor(minY - 0.5f)), y1 = int(std::ceil(maxY - 0.5f));
    if (size_t(x1 - x0 + 1) * size_t(y1 - y0 + 1) > maxTexels) return Sun::LookUp;
    // Lit: each texel holds this surface or something behind it (its own
    // depth, pushed back by the polygon offset, less rounding). In shadow:
    // each holds something in front by more than the surface's depth can
    // change within the filter's reach plus the largest bias.
    const float litTolerance = 1e-4f;
    const float shadowMargin = reach.texels * (std::abs(a) + std::abs(b)) + reach.maxBias + 1e-4f;
    bool lit = true, shadowed = true;
    for (int y = y0; y <= y1 && (lit || shadowed); ++y) {
        const uint16_t* row = &map.texels[size_t(y) * size_t(map.size)];
        for (int x = x0; x <= x1; ++x) {
            const float plane = t[0].z + a * (float(x) + 0.5f - t[0].x) + b * (float(y) + 0.5f - t[0].y);
            const float stored = float(row[x]) * (1.0f / 65535.0f);
            if (stored < plane - litTolerance) lit = false;
            if (!(stored < plane - shadowMargin)) shadowed = false;
            if (!lit && !shadowed) break;
        }
    }
    return lit ? Sun::Lit : shadowed ? Sun::Shadowed : Sun::LookUp;
}

}  // namespace

SunSplit classifySunlight(const std::vector<glm::vec3>& positions, const std::vector<uint32_t>& indices,
                          const glm::mat4& world, const glm::mat4& lightViewProjection, const DepthMap16& map,
                          const SunFilterReach& reach, size_t maxTexels) {
    SunSplit split;
    const size_t triangles = indices.size() / 3;
    split.indices.reserve(triangles * 3);
    if (map.size <= 0 || map.texels.size() != size_t(map.size) * size_t(map.size)) {
        split.indices.assign(indices.begin(), indices.begin() + std::ptrdiff_t(triangles * 3));
        return split;
    }
    const glm::mat4 worldToLight = lightViewProjection * world;
    std::vector<Sun> classes(triangles, Sun::LookUp);
    for (size_t i = 0; i < triangles; ++i) {
        glm::vec3 t[3];
        bool valid = true;
        for (int k = 0; k < 3; ++k) {
            uint32_t index = indices[i * 3 + size_t(k)];
            if (index >= positions.size()) {
                valid = false;
                break;
            }
            t[k] = toMap(worldToLight, positions[index], float(map.size));
        }
        if (valid) classes[i] = classify(t, map, reach, maxTexels);
    }
    for (Sun wanted : {Sun::Lit, Sun::Shadowed, Sun::LookUp}) {
        const size_t before = split.indices.size();
        for (size_t i = 0; i < triangles; ++i)
            if (classes[i] == wanted) split.indices.insert(split.indices.end(), &indices[i * 3], &indices[i * 3] + 3);
        if (wanted == Sun::Lit) split.litIndexCount = split.indices.size() - before;
        if (wanted == Sun::Shadowed) split.shadowedIndexCount = split.indices.size() - before;
    }
    return split;
}

}  // namespace engine
