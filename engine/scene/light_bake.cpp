#include "scene/light_bake.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace engine {
namespace {

// An edge found by position: both ends rounded to 0.1 mm, smaller end first.
struct EdgeKey {
    std::array<int32_t, 6> q;
    bool operator==(const EdgeKey&) const = default;
};
struct EdgeKeyHash {
    size_t operator()(const EdgeKey& k) const {
        uint64_t h = 1469598103934665603ull;
        for (int32_t v : k.q) h = (h ^ uint32_t(v)) * 1099511628211ull;
        return size_t(h);
    }
};
std::array<int32_t, 3> quantise(const glm::vec3& p) {
    auto q = [](float v) { return int32_t(std::lround(double(v) * 1e4)); };
    return {q(p.x), q(p.y), q(p.z)};
}
EdgeKey edgeKey(const glm::vec3& a, const glm::vec3& b) {
    auto qa = quantise(a), qb = quantise(b);
    if (qb < qa) std::swap(qa, qb);
    return {{qa[0], qa[1], qa[2], qb[0], qb[1], qb[2]}};
}

// One mesh being cut and baked; positions and normals also in world space.
struct Work {
    MeshData* mesh = nullptr;
    glm::mat4 toWorld{1.0f};
    glm::mat3 normalToWorld{1.0f};
    std::vector<uint8_t> baked;  // per vertex: its light is known
};

Vertex midpoint(const Vertex& a, const Vertex& b) {
    Vertex m;
    m.position = (a.position + b.position) * 0.5f;
    glm::vec3 n = a.normal + b.normal;
    m.normal = glm::dot(n, n) > 1e-12f ? glm::normalize(n) : a.normal;
    m.tangent = (a.tangent + b.tangent) * 0.5f;
    m.uv = (a.uv + b.uv) * 0.5f;
    return m;
}

// Cuts every edge `cut` says so: a triangle with one, two or three cut
// edges becomes two, three or four, keeping its winding.
template <class Cut>
void splitEdges(Work& work, const Cut& cut) {
    MeshData& mesh = *work.mesh;
    std::unordered_map<uint64_t, uint32_t> middles;
    auto middle = [&](uint32_t a, uint32_t b) {
        uint64_t key = a < b ? (uint64_t(a) << 32 | b) : (uint64_t(b) << 32 | a);
        auto [it, inserted] = middles.try_emplace(key, uint32_t(mesh.vertices.size()));
        if (inserted) {
            // Same inputs in the same order whichever triangle asks: equal positions across meshes.
            const Vertex& lo = mesh.vertices[std::min(a, b)];
            const Vertex& hi = mesh.vertices[std::max(a, b)];
            mesh.vertices.push_back(midpoint(lo, hi));
            work.baked.push_back(0);
        }
        return it->second;
    };
    std::vector<uint32_t> out;
    out.reserve(mesh.indices.size() * 2);
    auto emit = [&out](uint32_t a, uint32_t b, uint32_t c) { out.insert(out.end(), {a, b, c}); };
    for (size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        std::array<uint32_t, 3> v{mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
        std::array<bool, 3> marked{};
        int count = 0;
        for (int e = 0; e < 3; ++e) {
            marked[e] = cut(mesh.vertices[v[e]].position, mesh.vertices[v[(e + 1) % 3]].position);
            count += marked[e];
        }
        if (count == 0) {
            emit(v[0], v[1], v[2]);
            continue;
        }
        if (count == 3) {
            uint32_t m0 = middle(v[0], v[1]), m1 = middle(v[1], v[2]), m2 = middle(v[2], v[0]);
            emit(v[0], m0, m2), emit(m0, v[1], m1), emit(m2, m1, v[2]), emit(m0, m1, m2);
            continue;
        }
        // Rotate (keeping the winding) so that edge 0 is cut, and with two, edge 1 too.
        int first = 0;
        for (int r = 0; r < 3; ++r)
            if (marked[r] && (count == 1 || marked[(r + 1) % 3])) first = r;
        uint32_t a = v[first], b = v[(first + 1) % 3], c = v[(first + 2) % 3];
        uint32_t mab = middle(a, b);
        if (count == 1) {
            emit(a, mab, c), emit(mab, b, c);
            continue;
        }
        uint32_t mbc = middle(b, c);
        emit(mab, b, mbc);
        // The quad a, mab, mbc, c: along its shorter diagonal.
        const auto& p = mesh.vertices;
        float d1 = glm::distance(p[a].position, p[mbc].position), d2 = glm::distance(p[mab].position, p[c].position);
        if (d1 <= d2)
            emit(a, mab, mbc), emit(a, mbc, c);
        else
            emit(a, mab, c), emit(mab, mbc, c);
    }
    mesh.indices = std::move(out);
}

// Directions of a unit hemisphere around +z, cosine-weighted, stratified.
std::vector<glm::vec3> hemisphere(int count) {
    std::vector<glm::vec3> dirs;
    const float golden = 2.39996323f;
    for (int i = 0; i < count; ++i) {
        float u = (float(i) + 0.5f) / float(count);
        float r = std::sqrt(u), phi = golden * float(i);
        dirs.push_back({r * std::cos(phi), r * std::sin(phi), std::sqrt(std::max(0.0f, 1.0f - u))});
    }
    return dirs;
}

glm::mat3 frameAround(const glm::vec3& n) {
    glm::vec3 helper = std::abs(n.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    glm::vec3 t = glm::normalize(glm::cross(helper, n));
    return glm::mat3(t, glm::cross(n, t), n);
}

class Baker {
public:
    Baker(const TriangleBvh& occluders, const LightBakeDesc& desc) : bvh_(occluders), desc_(desc) {
        sun_ = glm::normalize(desc.sunDirection);
        glm::mat3 frame = frameAround(sun_);
        sunRays_.push_back(sun_);
        for (int i = 1; i < std::max(1, desc.sunRays); ++i) {
            float angle = 6.2831853f * float(i - 1) / float(std::max(1, desc.sunRays - 1));
            sunRays_.push_back(glm::normalize(sun_ + frame * glm::vec3(std::cos(angle), std::sin(angle), 0.0f) *
                                                          desc.sunSpread));
        }
        sky_ = hemisphere(std::max(1, desc.skyRays));
        const Aabb& b = occluders.bounds();
        reach_ = b.empty() ? 1.0f : glm::length(b.max - b.min) + 1.0f;
    }

    // (sun, sky) seen from world point p of unit normal n.
    glm::vec2 light(const glm::vec3& p, const glm::vec3& n, size_t& rays) const {
        const glm::vec3 origin = p + n * 0.01f;
        float sun = 0.0f;
        if (glm::dot(n, sun_) > 0.0f) {
            for (const glm::vec3& d : sunRays_) sun += bvh_.occluded(origin, origin + d * reach_) ? 0.0f : 1.0f;
            sun /= float(sunRays_.size());
            rays += sunRays_.size();
        }
        // Turn the pattern by an angle drawn from the position: neighbours'
        // errors differ, so no banding repeats along a wall.
        glm::mat3 frame = frameAround(n);
        auto q = quantise(p);
        float turn = float((uint32_t(q[0]) * 73856093u ^ uint32_t(q[1]) * 19349663u ^ uint32_t(q[2]) * 83492791u) %
                           6283u) * 1e-3f;
        float c = std::cos(turn), s = std::sin(turn);
        float open = 0.0f;
        for (const glm::vec3& h : sky_) {
            glm::vec3 d = frame * glm::vec3(c * h.x - s * h.y, s * h.x + c * h.y, h.z);
            open += bvh_.occluded(origin, origin + d * desc_.skyDistance) ? 0.0f : 1.0f;
        }
        rays += sky_.size();
        return {sun, open / float(sky_.size())};
    }

private:
    const TriangleBvh& bvh_;
    LightBakeDesc desc_;
    glm::vec3 sun_{0.0f, 1.0f, 0.0f};
    std::vector<glm::vec3> sunRays_, sky_;
    float reach_ = 1.0f;
};

// Bakes every vertex not baked yet, on all cores.
size_t bakePending(std::vector<Work>& works, const Baker& baker) {
    std::vector<std::pair<Work*, uint32_t>> pending;
    for (Work& w : works)
        for (uint32_t i = 0; i < w.baked.size(); ++i)
            if (!w.baked[i]) pending.push_back({&w, i});
    auto run = [&](size_t begin, size_t step, size_t& rays) {
        for (size_t k = begin; k < pending.size(); k += step) {
            auto [w, i] = pending[k];
            Vertex& v = w->mesh->vertices[i];
            glm::vec3 p = glm::vec3(w->toWorld * glm::vec4(v.position, 1.0f));
            glm::vec3 n = w->normalToWorld * v.normal;
            n = glm::dot(n, n) > 1e-12f ? glm::normalize(n) : glm::vec3(0, 1, 0);
            v.uv = baker.light(p, n, rays);
            w->baked[i] = 1;
        }
    };
    size_t threads = 1;
#ifndef __EMSCRIPTEN__
    threads = std::max(1u, std::thread::hardware_concurrency());
#endif
    std::vector<size_t> rays(threads, 0);
#ifndef __EMSCRIPTEN__
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(run, t, threads, std::ref(rays[t]));
#endif
    run(0, threads, rays[0]);
#ifndef __EMSCRIPTEN__
    for (std::thread& t : pool) t.join();
#endif
    size_t total = 0;
    for (size_t r : rays) total += r;
    return total;
}

// A vertex under something right in front of it (a wall behind a
// whiteboard, a floor under a cabinet) sees no sky, yet no one sees it:
// its light only spreads, along its triangles, a dark cone over the
// visible surface around. It takes its uncovered neighbours' light
// instead, a ring at a time for covered patches cut finer than one.
void lightCoveredVertices(MeshData& mesh, int skyRays) {
    // Covered: at most one sky ray got out (a grazing one, under an edge).
    const float covered01 = std::min(0.5f, 1.5f / float(std::max(skyRays, 1)));
    const size_t count = mesh.vertices.size();
    std::vector<uint8_t> covered(count, 0);
    size_t left = 0;
    for (size_t i = 0; i < count; ++i) left += covered[i] = mesh.vertices[i].uv.y < covered01;
    for (int ring = 0; ring < 8 && left > 0; ++ring) {
        std::vector<glm::vec2> sum(count, glm::vec2(0.0f));
        std::vector<uint32_t> seen(count, 0);
        const auto& is = mesh.indices;
        for (size_t t = 0; t + 2 < is.size(); t += 3)
            for (int e = 0; e < 3; ++e) {
                uint32_t a = is[t + e], b = is[t + (e + 1) % 3];
                if (a >= count || b >= count) continue;
                if (covered[a] && !covered[b]) sum[a] += mesh.vertices[b].uv, ++seen[a];
                if (covered[b] && !covered[a]) sum[b] += mesh.vertices[a].uv, ++seen[b];
            }
        size_t lit = 0;
        for (size_t i = 0; i < count; ++i)
            if (covered[i] && seen[i] > 0) mesh.vertices[i].uv = sum[i] / float(seen[i]), covered[i] = 0, ++lit;
        if (lit == 0) break;  // covered all over: nothing to take from
        left -= lit;
    }
}

size_t triangleCount(const std::vector<Work>& works) {
    size_t n = 0;
    for (const Work& w : works) n += w.mesh->indices.size() / 3;
    return n;
}

}  // namespace

bool canBakeLight(const MaterialData& m) {
    // Opaque surfaces are baked for their front; glass is seen through, so
    // the light on its other side matters little.
    const bool lit = (m.alphaMode == AlphaMode::Opaque && !m.doubleSided) || m.alphaMode == AlphaMode::Blend;
    return !m.textured() && lit;
}

void appendShadowCasters(const ModelLayout& layout, const glm::mat4& placement, std::vector<BvhTriangle>& out) {
    for (const MeshPlacement& mp : layout.placements) {
        if (mp.mesh >= layout.meshes.size()) continue;
        const MeshData& mesh = layout.meshes[mp.mesh];
        if (mesh.materialIndex >= layout.materials.size() ||
            layout.materials[mesh.materialIndex].alphaMode == AlphaMode::Blend)
            continue;  // glass lets the sun in
        const glm::mat4 world = placement * mp.transform;
        for (size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
            uint32_t i0 = mesh.indices[t], i1 = mesh.indices[t + 1], i2 = mesh.indices[t + 2];
            if (std::max({i0, i1, i2}) >= mesh.vertices.size()) continue;
            auto at = [&](uint32_t i) { return glm::vec3(world * glm::vec4(mesh.vertices[i].position, 1.0f)); };
            out.push_back({at(i0), at(i1), at(i2), 0});
        }
    }
}

namespace {
// The meshes of a still model whose material canBakeLight, placed once
// (`once`) or more than once.
std::vector<uint32_t> stillPlainMeshes(const ModelLayout& layout, bool once) {
    std::vector<uint32_t> out;
    if (!layout.extent.animations.empty()) return out;  // what moves cannot keep its light
    std::vector<uint32_t> uses(layout.meshes.size(), 0);
    for (const MeshPlacement& mp : layout.placements)
        if (mp.mesh < uses.size()) ++uses[mp.mesh];
    for (uint32_t i = 0; i < layout.meshes.size(); ++i) {
        const MeshData& mesh = layout.meshes[i];
        if (uses[i] > 0 && (uses[i] == 1) == once && mesh.materialIndex < layout.materials.size() &&
            canBakeLight(layout.materials[mesh.materialIndex]))
            out.push_back(i);
    }
    return out;
}
}  // namespace

std::vector<uint32_t> bakeableMeshes(const ModelLayout& layout) { return stillPlainMeshes(layout, true); }

size_t markLitPerVertex(ModelLayout& layout) {
    const std::vector<uint32_t> meshes = stillPlainMeshes(layout, false);
    for (uint32_t i : meshes) layout.meshes[i].lightPerVertex = true;
    return meshes.size();
}

LightBakeStats bakeLight(ModelLayout& layout, const glm::mat4& placement, const TriangleBvh& occluders,
                         const LightBakeDesc& desc) {
    LightBakeStats stats;
    std::vector<Work> works;
    for (uint32_t index : bakeableMeshes(layout)) {
        MeshData& mesh = layout.meshes[index];
        Work w;
        w.mesh = &mesh;
        for (const MeshPlacement& mp : layout.placements)
            if (mp.mesh == index) w.toWorld = placement * mp.transform;
        glm::mat3 m(w.toWorld);
        w.normalToWorld = glm::mat3(glm::cross(m[1], m[2]), glm::cross(m[2], m[0]), glm::cross(m[0], m[1]));
        if (glm::dot(glm::cross(m[0], m[1]), m[2]) < 0.0f) w.normalToWorld = -w.normalToWorld;
        w.baked.assign(mesh.vertices.size(), 0);
        stats.trianglesBefore += mesh.indices.size() / 3;
        works.push_back(std::move(w));
    }
    // A model already past the budget is left to per-pixel light: tracing
    // millions of vertices would hold its opening for minutes.
    if (works.empty() || stats.trianglesBefore > desc.maxTriangles) {
        return LightBakeStats{0, stats.trianglesBefore, stats.trianglesBefore, 0, 0};
    }
    const float minEdge = std::max(desc.minEdge, 1e-3f);
    const float maxEdge = std::max(desc.maxEdge, minEdge);

    // Lengths are measured in the world: a scaled placement cuts the same.
    auto worldLength = [](const Work& w, const glm::vec3& a, const glm::vec3& b) {
        return glm::length(glm::vec3(w.toWorld * glm::vec4(a - b, 0.0f)));
    };
    // 1. Every edge longer than maxEdge, until none is left (each round halves them).
    for (int round = 0; round < 24 && triangleCount(works) < desc.maxTriangles; ++round) {
        bool any = false;
        for (Work& w : works) {
            size_t before = w.mesh->indices.size();
            splitEdges(w, [&](const glm::vec3& a, const glm::vec3& b) { return worldLength(w, a, b) > maxEdge; });
            any |= w.mesh->indices.size() != before;
        }
        if (!any) break;
    }
    Baker baker(occluders, desc);
    stats.rays += bakePending(works, baker);

    // 2. Where the light changes along an edge, until the edges are short.
    for (int round = 0; round < 16 && triangleCount(works) < desc.maxTriangles; ++round) {
        std::unordered_set<EdgeKey, EdgeKeyHash> cut;
        for (const Work& w : works) {
            const auto& vs = w.mesh->vertices;
            const auto& is = w.mesh->indices;
            for (size_t t = 0; t + 2 < is.size(); t += 3)
                for (int e = 0; e < 3; ++e) {
                    const Vertex &a = vs[is[t + e]], &b = vs[is[t + (e + 1) % 3]];
                    glm::vec2 d = glm::abs(a.uv - b.uv);
                    if (std::max(d.x, d.y) > desc.lightStep && worldLength(w, a.position, b.position) > 2.0f * minEdge)
                        cut.insert(edgeKey(a.position, b.position));
                }
        }
        if (cut.empty()) break;
        for (Work& w : works)
            splitEdges(w, [&](const glm::vec3& a, const glm::vec3& b) { return cut.count(edgeKey(a, b)) != 0; });
        stats.rays += bakePending(works, baker);
    }

    for (Work& w : works) {
        lightCoveredVertices(*w.mesh, desc.skyRays);
        w.mesh->bakedLight = true;
        w.mesh->bounds = Aabb{};
        for (const Vertex& v : w.mesh->vertices) w.mesh->bounds.expand(v.position);
        stats.vertices += w.mesh->vertices.size();
    }
    stats.meshes = works.size();
    layout.bakedSunDirection = glm::normalize(desc.sunDirection);
    stats.trianglesAfter = triangleCount(works);
    return stats;
}

}  // namespace engine
