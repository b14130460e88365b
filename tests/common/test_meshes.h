#pragma once
// Meshes built in code for the tests that need many triangles of a known
// shape (levels of detail).
#include <cmath>

#include "scene/model.h"

namespace engine::testing {

// A sphere of `rings` x `segments` quads, smooth (one vertex per position),
// counter-clockwise seen from outside.
inline MeshData sphereMesh(int rings, int segments, float radius) {
    MeshData mesh;
    for (int r = 0; r <= rings; ++r)
        for (int s = 0; s <= segments; ++s) {
            const float theta = float(M_PI) * float(r) / float(rings), phi = 2.0f * float(M_PI) * float(s) / float(segments);
            Vertex v;
            v.normal = {std::sin(theta) * std::cos(phi), std::cos(theta), std::sin(theta) * std::sin(phi)};
            v.position = v.normal * radius;
            mesh.vertices.push_back(v);
            mesh.bounds.expand(v.position);
        }
    for (int r = 0; r < rings; ++r)
        for (int s = 0; s < segments; ++s) {
            const uint32_t a = uint32_t(r * (segments + 1) + s), b = a + 1, c = a + uint32_t(segments + 1), d = c + 1;
            mesh.indices.insert(mesh.indices.end(), {a, b, c, b, d, c});
        }
    return mesh;
}

}  // namespace engine::testing
