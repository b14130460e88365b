// floor-overlay-render: renders a small fixed scene with one floor overlay of
// each pattern, for the golden test floor_overlays (run by run_golden.cmake
// like the app: `--screenshot FILE`, 256x192 unless `--size WxH`). With
// `--bench`, times frames at 1280x720 with and without the overlays instead
// and prints the figures.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include <glm/gtc/matrix_transform.hpp>

#include "gfx/device.h"
#include "platform/headless_context.h"
#include "render/renderer.h"

namespace {

using namespace engine;

// A box as one mesh of a model, coloured by `baseColour` (linear).
ModelData boxModel(glm::vec3 low, glm::vec3 high, glm::vec4 baseColour) {
    ModelData model;
    MeshData mesh;
    // Four vertices a face, so each face has its own flat normal.
    const glm::vec3 size = high - low;
    for (int axis = 0; axis < 3; ++axis)
        for (int side = 0; side < 2; ++side) {
            glm::vec3 normal(0.0f);
            normal[axis] = side ? 1.0f : -1.0f;
            int u = (axis + 1) % 3, v = (axis + 2) % 3;
            uint32_t first = uint32_t(mesh.vertices.size());
            for (int corner = 0; corner < 4; ++corner) {
                glm::vec3 p = low;
                p[axis] += side ? size[axis] : 0.0f;
                p[u] += (corner == 1 || corner == 2) ? size[u] : 0.0f;
                p[v] += (corner >= 2) ? size[v] : 0.0f;
                Vertex vertex;
                vertex.position = p;
                vertex.normal = normal;
                mesh.vertices.push_back(vertex);
                mesh.bounds.expand(p);
            }
            // (u, v, normal) is right-handed, so 0-1-2 turns counter-clockwise
            // seen from +normal; flip for the negative side.
            if (side)
                mesh.indices.insert(mesh.indices.end(), {first, first + 1, first + 2, first, first + 2, first + 3});
            else
                mesh.indices.insert(mesh.indices.end(), {first, first + 2, first + 1, first, first + 3, first + 2});
        }
    model.meshes.push_back(mesh);
    MaterialData material;
    material.baseColorFactor = baseColour;
    material.roughnessFactor = 0.8f;
    model.materials.push_back(material);
    model.nodes.push_back(NodeData{"root", -1, glm::mat4(1.0f), {0}});
    return model;
}

glm::vec4 fromHex(unsigned rgb, float opacity) {
    glm::vec3 srgb(float((rgb >> 16) & 255) / 255.0f, float((rgb >> 8) & 255) / 255.0f, float(rgb & 255) / 255.0f);
    return glm::vec4(glm::pow(srgb, glm::vec3(2.2f)), opacity);  // as the scene file converts colours
}

// A 12 x 9 m room: floor slab (top at y = 0), a wall across the back right
// area and a pillar standing in the front left one. Four areas, one per
// pattern, coloured from the viridis scale (readable by colour-blind people):
// a square, a concave L given clockwise, a pentagon, a rectangle.
struct TestScene {
    std::vector<SceneModel> models;
    std::vector<FloorOverlay> overlays;
};

TestScene makeScene() {
    TestScene scene;
    auto add = [&](glm::vec3 low, glm::vec3 high, glm::vec4 colour) {
        scene.models.push_back({std::make_shared<GpuModel>(boxModel(low, high, colour)), glm::mat4(1.0f), true, {}, {}});
    };
    add({-6, -0.3f, -4.5f}, {6, 0, 4.5f}, {0.45f, 0.45f, 0.45f, 1});
    add({0.5f, 0, -2.6f}, {5.5f, 2.2f, -2.3f}, {0.75f, 0.72f, 0.68f, 1});  // wall
    add({-3.6f, 0, 1.4f}, {-3.0f, 2.8f, 2.0f}, {0.6f, 0.62f, 0.66f, 1});   // pillar

    FloorOverlay solid;
    solid.outline = {{-5.5f, 0.5f}, {-1.0f, 0.5f}, {-1.0f, 4.0f}, {-5.5f, 4.0f}};
    solid.colour = fromHex(0x3B528B, 0.6f);
    solid.pattern = OverlayPattern::Solid;

    FloorOverlay stripes;  // an L, clockwise, its notch at the back right
    stripes.outline = {{-0.5f, 4.0f}, {-0.5f, 0.5f}, {2.5f, 0.5f}, {2.5f, 2.0f}, {5.5f, 2.0f}, {5.5f, 4.0f}};
    stripes.colour = fromHex(0x21918C, 0.6f);
    stripes.pattern = OverlayPattern::Stripes;

    FloorOverlay dots;
    dots.outline = {{-5.0f, -4.0f}, {-1.0f, -4.0f}, {-0.5f, -1.5f}, {-3.0f, 0.0f}, {-5.5f, -1.5f}};
    dots.colour = fromHex(0x5EC962, 0.6f);
    dots.pattern = OverlayPattern::Dots;

    FloorOverlay crosshatch;  // runs under the wall, which hides a band of it
    crosshatch.outline = {{0.0f, -4.0f}, {5.5f, -4.0f}, {5.5f, 0.0f}, {0.0f, 0.0f}};
    crosshatch.colour = fromHex(0xFDE725, 0.6f);
    crosshatch.pattern = OverlayPattern::Crosshatch;

    scene.overlays = {solid, stripes, dots, crosshatch};
    return scene;
}

Camera makeCamera(glm::ivec2 size) {
    Camera camera;
    camera.position = glm::vec3(-3.0f, 9.0f, 11.0f);
    camera.view = glm::lookAt(camera.position, glm::vec3(0.0f, 0.0f, 0.2f), glm::vec3(0, 1, 0));
    camera.projection = glm::perspective(glm::radians(45.0f), float(size.x) / float(size.y), 0.1f, 200.0f);
    return camera;
}

double medianMs(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return samples.empty() ? 0.0 : samples[samples.size() / 2];
}

// Frame times (ms) of `frames` frames, the GPU waited for after each.
std::vector<double> timeFrames(Renderer& renderer, const Camera& camera, int frames, const std::vector<FloorOverlay>* setEachFrame) {
    std::vector<double> samples;
    for (int i = 0; i < frames; ++i) {
        auto start = std::chrono::steady_clock::now();
        if (setEachFrame) renderer.setFloorOverlays(*setEachFrame);
        renderer.render(camera);
        renderer.finish();
        samples.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    return samples;
}

}  // namespace

int main(int argc, char** argv) {
    std::string screenshot;
    bool bench = false;
    glm::ivec2 size(256, 192);
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 && i + 1 < argc)
            screenshot = argv[++i];
        else if (std::strcmp(argv[i], "--size") == 0 && i + 1 < argc &&
                 std::sscanf(argv[++i], "%dx%d", &size.x, &size.y) == 2 && size.x > 0 && size.y > 0 &&
                 size.x <= 8192 && size.y <= 8192)
            continue;
        else if (std::strcmp(argv[i], "--bench") == 0)
            bench = true;
        else {
            std::fprintf(stderr, "usage: floor-overlay-render --screenshot FILE.png [--size WxH] | --bench\n");
            return 2;
        }
    }
    if (screenshot.empty() && !bench) {
        std::fprintf(stderr, "usage: floor-overlay-render --screenshot FILE.png [--size WxH] | --bench\n");
        return 2;
    }
    auto context = HeadlessContext::create();
    if (!context) {
        std::fprintf(stderr, "%s\n", context.error().c_str());
        return 1;
    }
    auto device = gfx::loadGl(HeadlessContext::getProcAddress);
    if (!device) {
        std::fprintf(stderr, "%s\n", device.error().c_str());
        return 1;
    }
    auto created = Renderer::create({std::filesystem::path(TWIN_SHADER_DIR)});
    if (!created) {
        std::fprintf(stderr, "%s\n", created.error().c_str());
        return 1;
    }
    Renderer& renderer = **created;
    TestScene scene = makeScene();
    renderer.setScene(scene.models);

    if (bench) {
        const glm::ivec2 benchSize(1280, 720);
        renderer.setOutputOffscreen(benchSize);
        Camera camera = makeCamera(benchSize);
        // Alternating short runs, so that the load of other processes falls
        // on each case alike.
        const int rounds = 8, framesPerRound = 6;
        timeFrames(renderer, camera, 5, nullptr);  // shader variants compiled, shadow map drawn
        renderer.setFloorOverlays(scene.overlays);
        timeFrames(renderer, camera, 5, nullptr);
        std::vector<double> without, with, setEveryFrame;
        for (int round = 0; round < rounds; ++round) {
            renderer.setFloorOverlays({});
            for (double ms : timeFrames(renderer, camera, framesPerRound, nullptr)) without.push_back(ms);
            renderer.setFloorOverlays(scene.overlays);
            for (double ms : timeFrames(renderer, camera, framesPerRound, nullptr)) with.push_back(ms);
            for (double ms : timeFrames(renderer, camera, framesPerRound, &scene.overlays)) setEveryFrame.push_back(ms);
        }
        FrameStats stats = renderer.render(camera);
        std::printf("1280x720, %s, %d frames each, median ms a frame:\n", device->renderer.c_str(), rounds * framesPerRound);
        std::printf("  no overlays                                %7.2f\n", medianMs(without));
        std::printf("  %zu overlays (%zu triangles)                %7.2f\n", scene.overlays.size(), stats.overlayTriangles,
                    medianMs(with));
        std::printf("  the same, set again each frame (equal)     %7.2f\n", medianMs(setEveryFrame));
        return 0;
    }

    renderer.setOutputOffscreen(size);
    renderer.setFloorOverlays(scene.overlays);
    FrameStats stats = renderer.render(makeCamera(size));
    std::string errors = gfx::takeErrors();
    if (!errors.empty()) {
        std::fprintf(stderr, "GL errors: %s\n", errors.c_str());
        return 1;
    }
    if (stats.overlayTriangles == 0) {
        std::fprintf(stderr, "no overlay was drawn\n");
        return 1;
    }
    Status written = renderer.writeOutputPng(screenshot);
    if (!written) {
        std::fprintf(stderr, "%s\n", written.error().c_str());
        return 1;
    }
    return 0;
}
