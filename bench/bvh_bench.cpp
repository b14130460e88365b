// bvh-bench: what picking and walking cost on a whole building (DESIGN.md
// section 5: a picking or walk collision ray costs <= 0.2 ms).
//
//   bvh-bench                          synthetic building-like scene, 200k triangles
//   bvh-bench --triangles 1000000      a bigger synthetic scene
//   bvh-bench --model FILE.tmdl [--region XMIN,XMAX,ZMIN,ZMAX]
//                                      also the engine's binary model file (the
//                                      import cache), e.g. the Twin building
//   bvh-bench --queries N              timed queries per kind (default 20000)
//   Google Benchmark flags (--benchmark_filter=..., --benchmark_format=json)
//   pass through when the program is built with it.
//
// Figures: BVH build time; per picking ray (closest hit, from eye-height
// points inside the building towards random directions); per occlusion
// test (eye point to another eye point); per WalkController::move() of a
// 60 Hz walking frame and of a 0.25 s running frame. Each query is timed on
// its own, so the p99 is real; the clock read (about 20-30 ns) is included.
// Like every bench, not a test: it prints figures and PASS/FAIL against the
// budget, and exits 0 unless its input cannot be read.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "nav/walk_controller.h"
#include "core/split_mix.h"
#include "scene/triangle_bvh.h"

#ifndef TWIN_BENCH_HAVE_MODEL_FILE
#define TWIN_BENCH_HAVE_MODEL_FILE 0
#endif
#ifndef TWIN_BENCH_HAVE_GOOGLE_BENCHMARK
#define TWIN_BENCH_HAVE_GOOGLE_BENCHMARK 0
#endif
#if TWIN_BENCH_HAVE_MODEL_FILE
#include "assets/model_file.h"
#endif
#if TWIN_BENCH_HAVE_GOOGLE_BENCHMARK
#include <benchmark/benchmark.h>
#endif

namespace {

using Clock = std::chrono::steady_clock;
using engine::BvhTriangle;

constexpr double kBudgetMicroseconds = 200.0;  // DESIGN.md section 5
constexpr float kEyeHeight = 1.65f;

// Same scene and rays on every run and platform.
using Random = engine::SplitMix64;

// ---------------------------------------------------------------------------
// A synthetic building: 60 x 30 m, three storeys, rooms on a 7.5 m grid with
// door gaps, stairs, furniture boxes and round machines (the dense part).

void addBox(std::vector<BvhTriangle>& out, glm::vec3 min, glm::vec3 max, uint32_t id) {
    auto corner = [&](int i) {
        return glm::vec3((i & 1) ? max.x : min.x, (i & 2) ? max.y : min.y, (i & 4) ? max.z : min.z);
    };
    const int faces[6][4] = {{0, 4, 6, 2}, {1, 3, 7, 5}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 2, 3, 1}, {4, 5, 7, 6}};
    for (const auto& f : faces) {
        out.push_back({corner(f[0]), corner(f[1]), corner(f[2]), id});
        out.push_back({corner(f[0]), corner(f[2]), corner(f[3]), id});
    }
}

// A closed cylinder along +Y with `segments` sides and `rings` bands.
void addCylinder(std::vector<BvhTriangle>& out, glm::vec3 base, float radius, float height, int segments, int rings,
                 uint32_t id) {
    auto at = [&](int s, int r) {
        float a = 6.2831853f * float(s) / float(segments);
        return base + glm::vec3(radius * std::cos(a), height * float(r) / float(rings), radius * std::sin(a));
    };
    for (int s = 0; s < segments; ++s) {
        for (int r = 0; r < rings; ++r) {
            out.push_back({at(s, r), at(s + 1, r + 1), at(s + 1, r), id});
            out.push_back({at(s, r), at(s, r + 1), at(s + 1, r + 1), id});
        }
        out.push_back({base, at(s, 0), at(s + 1, 0), id});
        glm::vec3 top = base + glm::vec3(0, height, 0);
        out.push_back({top, at(s + 1, rings), at(s, rings), id});
    }
}

struct Scene {
    std::string name;
    std::vector<BvhTriangle> triangles;
    // Where eye points are drawn (x, z); y comes from the floors found.
    glm::vec2 regionMin{0.0f}, regionMax{0.0f};
};

Scene makeSyntheticBuilding(size_t targetTriangles) {
    Scene scene;
    scene.name = "synthetic building";
    std::vector<BvhTriangle>& t = scene.triangles;
    Random random(2022);
    const float levels[3] = {0.0f, 5.0f, 8.8f};
    const float ceilings[3] = {4.7f, 8.5f, 12.3f};
    uint32_t id = 0;
    for (int floor = 0; floor < 3; ++floor) {
        float y = levels[floor], top = ceilings[floor];
        // Slab, with a stairwell hole at x in [24, 27] above the ground floor.
        if (floor == 0) {
            addBox(t, {-30, -0.3f, -15}, {30, 0, 15}, id++);
        } else {
            addBox(t, {-30, y - 0.3f, -15}, {24, y, 15}, id++);
            addBox(t, {27, y - 0.3f, -15}, {30, y, 15}, id++);
            addBox(t, {24, y - 0.3f, -15}, {27, y, 5}, id++);
        }
        // Outer walls.
        addBox(t, {-30.3f, y, -15.3f}, {30.3f, top, -15}, id++);
        addBox(t, {-30.3f, y, 15}, {30.3f, top, 15.3f}, id++);
        addBox(t, {-30.3f, y, -15}, {-30, top, 15}, id++);
        addBox(t, {30, y, -15}, {30.3f, top, 15}, id++);
        // Interior walls every 7.5 m, each bay with a 1 m door in its middle.
        for (float x = -22.5f; x < 22.6f; x += 7.5f)
            for (float z = -15; z < 14.9f; z += 7.5f) {
                float mid = z + 3.75f;
                addBox(t, {x - 0.1f, y, z}, {x + 0.1f, top, mid - 0.5f}, id);
                addBox(t, {x - 0.1f, y, mid + 0.5f}, {x + 0.1f, top, z + 7.5f}, id);
                addBox(t, {x - 0.1f, y + 2.1f, mid - 0.5f}, {x + 0.1f, top, mid + 0.5f}, id++);
            }
        for (float z = -7.5f; z < 7.6f; z += 7.5f)
            for (float x = -30; x < 29.9f; x += 7.5f) {
                if (x > 22 && z > 5) continue;  // the stairwell
                float mid = x + 3.75f;
                addBox(t, {x, y, z - 0.1f}, {mid - 0.5f, top, z + 0.1f}, id);
                addBox(t, {mid + 0.5f, y, z - 0.1f}, {x + 7.5f, top, z + 0.1f}, id);
                addBox(t, {mid - 0.5f, y + 2.1f, z - 0.1f}, {mid + 0.5f, top, z + 0.1f}, id++);
            }
        // A staircase up to the next floor in the stairwell.
        if (floor < 2) {
            float rise = levels[floor + 1] - y;
            int steps = int(std::ceil(rise / 0.17f));
            for (int s = 0; s < steps; ++s)
                addBox(t, {24, y, 5 + float(s) * 10.0f / float(steps)},
                       {27, y + rise * float(s + 1) / float(steps), 15}, id);
            ++id;
        }
    }
    // Furniture and machines, room by room, until the target count.
    while (t.size() < targetTriangles) {
        int floor = random.below(3);
        float y = levels[floor];
        glm::vec3 at(random.uniform(-29, 23), y, random.uniform(-14, 14));
        if (random.below(4) == 0) {
            // A machine: a base and a finely tessellated round body.
            addBox(t, at, at + glm::vec3(1.6f, 0.4f, 1.2f), id);
            addCylinder(t, at + glm::vec3(0.8f, 0.4f, 0.6f), random.uniform(0.2f, 0.55f), random.uniform(0.6f, 1.6f),
                        48, 12, id);
        } else {
            // A table with four legs and a chair.
            glm::vec3 size(random.uniform(0.8f, 2.0f), 0.75f, random.uniform(0.6f, 1.0f));
            addBox(t, at + glm::vec3(0, 0.72f, 0), at + size, id);
            for (glm::vec2 leg : {glm::vec2(0), glm::vec2(size.x - 0.05f, 0), glm::vec2(0, size.z - 0.05f),
                                  glm::vec2(size.x - 0.05f, size.z - 0.05f)})
                addBox(t, at + glm::vec3(leg.x, 0, leg.y), at + glm::vec3(leg.x + 0.05f, 0.72f, leg.y + 0.05f), id);
            glm::vec3 chair = at + glm::vec3(size.x * 0.5f, 0, size.z + 0.2f);
            addBox(t, chair, chair + glm::vec3(0.45f, 0.45f, 0.45f), id);
            addBox(t, chair + glm::vec3(0, 0.45f, 0.4f), chair + glm::vec3(0.45f, 0.9f, 0.45f), id);
        }
        ++id;
    }
    t.resize(std::min(t.size(), targetTriangles));
    scene.regionMin = {-30, -15};
    scene.regionMax = {30, 15};
    return scene;
}

#if TWIN_BENCH_HAVE_MODEL_FILE
std::optional<Scene> loadModelScene(const std::string& path) {
    engine::Result<engine::ModelData> model = engine::readModelFile(path);
    if (!model) {
        std::fprintf(stderr, "bvh-bench: %s\n", model.error().c_str());
        return std::nullopt;
    }
    Scene scene;
    scene.name = path;
    // One objectId per node, as the app would for picking.
    engine::appendModelTriangles(*model, glm::mat4(1.0f), [](size_t node) { return uint32_t(node); },
                                 scene.triangles);
    engine::Aabb bounds = model->computeBounds();
    scene.regionMin = {bounds.min.x, bounds.min.z};
    scene.regionMax = {bounds.max.x, bounds.max.z};
    return scene;
}
#endif

// ---------------------------------------------------------------------------
// Timing

struct Stats {
    size_t count = 0;
    double mean = 0, p50 = 0, p99 = 0, max = 0;  // microseconds
};

Stats summarize(std::vector<double> seconds) {
    Stats s;
    s.count = seconds.size();
    if (seconds.empty()) return s;
    std::sort(seconds.begin(), seconds.end());
    double sum = 0;
    for (double v : seconds) sum += v;
    auto at = [&](double q) { return seconds[std::min(seconds.size() - 1, size_t(q * double(seconds.size())))] * 1e6; };
    s.mean = sum / double(seconds.size()) * 1e6;
    s.p50 = at(0.5);
    s.p99 = at(0.99);
    s.max = seconds.back() * 1e6;
    return s;
}

// One kind of query: `run(i)` does the i-th one and returns something to
// keep the optimiser honest.
struct Workload {
    std::string name;
    std::function<uint64_t(size_t)> run;
    size_t iterations;    // for the plain timing loop
    bool judged = true;   // compared with the per-ray budget
    std::vector<double> samples;
};

volatile uint64_t gSink = 0;

void timeOnce(Workload& w, size_t i) {
    Clock::time_point start = Clock::now();
    uint64_t result = w.run(i);
    Clock::time_point end = Clock::now();
    gSink = gSink + result;
    w.samples.push_back(std::chrono::duration<double>(end - start).count());
}

struct Prepared {
    Scene scene;
    engine::TriangleBvh bvh;
    std::vector<double> buildSeconds;
    std::vector<glm::vec3> eyes;
    size_t eyeAttempts = 0;
};

// Eye-height points inside the building: a floor under the point (found by
// the walker's own teleport) and something over it within 30 m (a ceiling,
// so not outdoors).
std::vector<glm::vec3> findEyePoints(const Prepared& p, size_t wanted, size_t& attempts) {
    std::vector<glm::vec3> eyes;
    engine::WalkController walker(p.bvh);
    Random random(7);
    const engine::Aabb& bounds = p.bvh.bounds();
    attempts = 0;
    while (eyes.size() < wanted && attempts < wanted * 200) {
        ++attempts;
        glm::vec3 probe(random.uniform(p.scene.regionMin.x, p.scene.regionMax.x),
                        random.uniform(bounds.min.y, bounds.max.y),
                        random.uniform(p.scene.regionMin.y, p.scene.regionMax.y));
        if (!walker.teleport(probe)) continue;
        glm::vec3 eye = walker.eye();
        if (!p.bvh.raycast({eye, {0, 1, 0}}, 30.0f)) continue;
        // Not inside furniture or a wall: free space around the eye.
        if (p.bvh.sphereOverlaps(eye, 0.25f)) continue;
        eyes.push_back(eye);
    }
    return eyes;
}

std::vector<Workload> makeWorkloads(Prepared& p, size_t queries) {
    std::vector<Workload> workloads;
    if (p.eyes.empty()) return workloads;
    Random random(99);

    auto rays = std::make_shared<std::vector<engine::Ray>>();
    for (size_t i = 0; i < queries; ++i) rays->push_back({p.eyes[i % p.eyes.size()], random.direction()});
    auto pairs = std::make_shared<std::vector<std::pair<glm::vec3, glm::vec3>>>();
    for (size_t i = 0; i < queries; ++i)
        pairs->push_back({p.eyes[random.below(int(p.eyes.size()))], p.eyes[random.below(int(p.eyes.size()))]});

    const engine::TriangleBvh* bvh = &p.bvh;
    workloads.push_back({"raycast (pick, closest hit)", [bvh, rays](size_t i) -> uint64_t {
                             std::optional<engine::RayHit> hit =
                                 bvh->raycast((*rays)[i % rays->size()], std::numeric_limits<float>::infinity());
                             return hit ? hit->triangleIndex : 0;
                         },
                         queries, true, {}});
    workloads.push_back({"occluded (eye to eye)", [bvh, pairs](size_t i) -> uint64_t {
                             const auto& pair = (*pairs)[i % pairs->size()];
                             return bvh->occluded(pair.first, pair.second) ? 1 : 0;
                         },
                         queries, true, {}});

    // Walkers that wander: a new heading every 2 s, a new start every 20 s.
    auto makeWalk = [&](std::string name, float speed, float dt) {
        struct State {
            engine::WalkController walker;
            Random random{1234};
            glm::vec3 heading{1, 0, 0};
        };
        auto state = std::make_shared<State>(State{engine::WalkController(*bvh)});
        auto eyes = std::make_shared<std::vector<glm::vec3>>(p.eyes);
        size_t framesPerHeading = size_t(std::max(1.0f, 2.0f / dt));
        size_t framesPerStart = framesPerHeading * 10;
        return Workload{std::move(name),
                        [state, eyes, speed, dt, framesPerHeading, framesPerStart](size_t i) -> uint64_t {
                            if (i % framesPerStart == 0) {
                                const glm::vec3& eye = (*eyes)[state->random.below(int(eyes->size()))];
                                state->walker.teleport(eye - glm::vec3(0, kEyeHeight, 0));
                            }
                            if (i % framesPerHeading == 0) {
                                float yaw = state->random.uniform(0.0f, 6.2831853f);
                                state->heading = glm::vec3(std::sin(yaw), 0, -std::cos(yaw));
                            }
                            glm::vec3 moved = state->walker.move(state->heading * speed * dt, dt);
                            return uint64_t(std::abs(moved.x) * 1e6f);
                        },
                        queries / 2, true, {}};
    };
    workloads.push_back(makeWalk("walk move (1.4 m/s, 60 Hz frame)", 1.4f, 1.0f / 60.0f));
    workloads.push_back(makeWalk("walk move (4 m/s, 0.25 s frame)", 4.0f, 0.25f));
    workloads.back().judged = false;  // 7 sub-steps: one long frame, not one ray
    return workloads;
}

Prepared prepare(Scene scene, int buildRepeats) {
    Prepared p;
    p.scene = std::move(scene);
    for (int i = 0; i < buildRepeats; ++i) {
        Clock::time_point start = Clock::now();
        engine::TriangleBvh bvh = engine::TriangleBvh::build(p.scene.triangles);
        p.buildSeconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        if (i == 0) p.bvh = std::move(bvh);
    }
    return p;
}

void printReport(const Prepared& p, const std::vector<Workload>& workloads) {
    Stats build = summarize(p.buildSeconds);
    std::printf("\n== %s\n", p.scene.name.c_str());
    std::printf("triangles %zu (%zu skipped), nodes %zu, depth %u, BVH memory %.1f MiB\n", p.bvh.triangleCount(),
                p.bvh.skippedTriangleCount(), p.bvh.nodeCount(), p.bvh.depth(),
                double(p.bvh.memoryBytes()) / (1024.0 * 1024.0));
    std::printf("build: median %.1f ms, min %.1f ms, max %.1f ms over %zu builds\n", build.p50 / 1000.0,
                *std::min_element(p.buildSeconds.begin(), p.buildSeconds.end()) * 1000.0, build.max / 1000.0,
                build.count);
    std::printf("eye points: %zu inside the building (of %zu tried)\n", p.eyes.size(), p.eyeAttempts);
    if (workloads.empty()) {
        std::printf("no eye point found: no query measured\n");
        return;
    }
    std::printf("%-36s %8s %9s %9s %9s %9s  %s\n", "query", "n", "mean us", "p50 us", "p99 us", "max us",
                "budget 200 us (p99)");
    for (const Workload& w : workloads) {
        if (w.samples.empty()) {
            std::printf("%-36s %8s\n", w.name.c_str(), "not run");
            continue;
        }
        Stats s = summarize(w.samples);
        const char* verdict = !w.judged ? "-" : (s.p99 <= kBudgetMicroseconds ? "PASS" : "FAIL");
        std::printf("%-36s %8zu %9.2f %9.2f %9.2f %9.1f  %s\n", w.name.c_str(), s.count, s.mean, s.p50, s.p99, s.max,
                    verdict);
    }
}

bool parseRegion(std::string_view text, glm::vec2& min, glm::vec2& max) {
    float v[4];
    return std::sscanf(std::string(text).c_str(), "%f,%f,%f,%f", &v[0], &v[1], &v[2], &v[3]) == 4 &&
           ((min = {v[0], v[2]}), (max = {v[1], v[3]}), v[0] < v[1] && v[2] < v[3]);
}

}  // namespace

int main(int argc, char** argv) {
    std::string modelPath;
    std::optional<std::pair<glm::vec2, glm::vec2>> region;
    size_t syntheticTriangles = 200000;
    size_t queries = 20000;
    std::vector<char*> passOn{argv[0]};
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        // "--name value" or "--name=value" (needed for a negative region).
        std::optional<std::string_view> inlineValue;
        if (size_t eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
            inlineValue = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        auto value = [&]() -> std::string_view {
            if (inlineValue) return *inlineValue;
            if (i + 1 >= argc) {
                std::fprintf(stderr, "bvh-bench: %s needs a value\n", argv[i]);
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--model") {
            modelPath = value();
        } else if (arg == "--region") {
            glm::vec2 lo, hi;
            if (!parseRegion(value(), lo, hi)) {
                std::fprintf(stderr, "bvh-bench: --region wants XMIN,XMAX,ZMIN,ZMAX with min < max\n");
                return 2;
            }
            region = std::pair(lo, hi);
        } else if (arg == "--triangles") {
            syntheticTriangles = std::max<size_t>(1000, std::strtoull(std::string(value()).c_str(), nullptr, 10));
        } else if (arg == "--queries") {
            queries = std::max<size_t>(100, std::strtoull(std::string(value()).c_str(), nullptr, 10));
        } else if (arg == "--help" || arg == "-h") {
            std::printf("usage: bvh-bench [--model FILE.tmdl] [--region XMIN,XMAX,ZMIN,ZMAX] [--triangles N] "
                        "[--queries N]%s\n",
                        TWIN_BENCH_HAVE_GOOGLE_BENCHMARK ? " [--benchmark_...]" : "");
            return 0;
        } else {
            passOn.push_back(argv[i]);
        }
    }

    std::vector<Prepared> prepared;
    prepared.push_back(prepare(makeSyntheticBuilding(syntheticTriangles), 7));
    if (!modelPath.empty()) {
#if TWIN_BENCH_HAVE_MODEL_FILE
        std::optional<Scene> scene = loadModelScene(modelPath);
        if (!scene) return 1;
        if (region) scene->regionMin = region->first, scene->regionMax = region->second;
        prepared.push_back(prepare(std::move(*scene), 7));
#else
        std::fprintf(stderr, "bvh-bench: built without engine_assets, --model is not available\n");
        return 1;
#endif
    }
    std::vector<std::vector<Workload>> workloads;
    for (Prepared& p : prepared) {
        p.eyes = findEyePoints(p, 1000, p.eyeAttempts);
        workloads.push_back(makeWorkloads(p, queries));
    }

#if TWIN_BENCH_HAVE_GOOGLE_BENCHMARK
    // Google Benchmark drives the loops (and their length); every iteration
    // is one query, timed by hand so the percentiles come from the same
    // samples as its mean.
    int passOnCount = int(passOn.size());
    benchmark::Initialize(&passOnCount, passOn.data());
    if (benchmark::ReportUnrecognizedArguments(passOnCount, passOn.data())) return 2;
    for (size_t s = 0; s < prepared.size(); ++s) {
        std::string prefix = s == 0 ? "synthetic/" : "model/";
        for (Workload& w : workloads[s]) {
            benchmark::RegisterBenchmark((prefix + w.name).c_str(),
                                         [&w](benchmark::State& state) {
                                             w.samples.clear();
                                             size_t i = 0;
                                             for (auto _ : state) {
                                                 timeOnce(w, i++);
                                                 state.SetIterationTime(w.samples.back());
                                             }
                                             Stats stats = summarize(w.samples);
                                             state.counters["p50_us"] = stats.p50;
                                             state.counters["p99_us"] = stats.p99;
                                         })
                ->UseManualTime()
                ->Unit(benchmark::kMicrosecond)
                ->Iterations(int64_t(w.iterations));
        }
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
#else
    if (passOn.size() > 1) {
        std::fprintf(stderr, "bvh-bench: unknown option %s (see --help)\n", passOn[1]);
        return 2;
    }
    for (auto& list : workloads)
        for (Workload& w : list)
            for (size_t i = 0; i < w.iterations; ++i) timeOnce(w, i);
#endif

    for (size_t s = 0; s < prepared.size(); ++s) printReport(prepared[s], workloads[s]);
    std::printf("\n(times include one steady_clock read, about 20-30 ns; sink %llu)\n",
                static_cast<unsigned long long>(gSink % 10));
    return 0;
}
