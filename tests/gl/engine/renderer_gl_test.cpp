// Renderer behaviour that images alone do not show: shadow-map caching,
// instancing, culling, and a clean GL error state. Headless EGL, llvmpipe.
#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include <fstream>
#include <unistd.h>

#include "core/log.h"
#include "gfx/device.h"
#include "gl_test_context.h"
#include "render/renderer.h"
#include "scene/mesh_lod.h"
#include "test_meshes.h"

namespace engine {
namespace {

// n x n unit cubes sharing one mesh, as a model with one node per cube.
ModelData cubeGrid(int n, float spacing) {
    ModelData model;
    MeshData mesh;
    const glm::vec3 corners[8] = {{-0.5f, 0, -0.5f}, {0.5f, 0, -0.5f}, {0.5f, 1, -0.5f}, {-0.5f, 1, -0.5f},
                                  {-0.5f, 0, 0.5f},  {0.5f, 0, 0.5f},  {0.5f, 1, 0.5f},  {-0.5f, 1, 0.5f}};
    for (const glm::vec3& c : corners) {
        Vertex v;
        v.position = c;
        v.normal = glm::normalize(c - glm::vec3(0, 0.5f, 0));
        mesh.vertices.push_back(v);
        mesh.bounds.expand(c);
    }
    mesh.indices = {0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 3, 7, 6, 3, 6, 2, 0, 4, 7, 0, 7, 3, 1, 2, 6, 1, 6, 5};
    model.meshes.push_back(mesh);
    model.materials.push_back(MaterialData{});
    model.nodes.push_back(NodeData{"root", -1, glm::mat4(1.0f), {}});
    for (int z = 0; z < n; ++z)
        for (int x = 0; x < n; ++x) {
            NodeData node;
            node.name = "cube";
            node.parent = 0;
            node.localTransform = glm::translate(glm::mat4(1.0f), glm::vec3(x * spacing, 0, z * spacing));
            node.meshes = {0};
            model.nodes.push_back(node);
        }
    return model;
}

class RendererGL : public ::testing::Test {
protected:
    void SetUp() override {
        auto renderer = Renderer::create({std::filesystem::path(TWIN_SHADER_DIR)});
        ASSERT_TRUE(renderer.ok()) << renderer.error();
        renderer_ = std::move(renderer).value();
        renderer_->setOutputOffscreen({64, 48});
        model_ = std::make_shared<GpuModel>(cubeGrid(10, 2.0f));
        renderer_->setScene({SceneModel{model_, glm::mat4(1.0f), true, {}, {}}});
    }
    Camera cameraAt(glm::vec3 eye, glm::vec3 target) const {
        Camera c;
        c.view = glm::lookAt(eye, target, glm::vec3(0, 1, 0));
        c.projection = glm::perspective(glm::radians(45.0f), 64.0f / 48.0f, 0.1f, 200.0f);
        c.position = eye;
        return c;
    }
    std::unique_ptr<Renderer> renderer_;
    std::shared_ptr<GpuModel> model_;
};

TEST_F(RendererGL, ShadowMapIsOnlyRedrawnWhenInvalidated) {
    Camera camera = cameraAt({30, 20, 30}, {9, 0, 9});
    EXPECT_TRUE(renderer_->render(camera).shadowMapRedrawn);
    EXPECT_FALSE(renderer_->render(camera).shadowMapRedrawn);
    EXPECT_FALSE(renderer_->render(cameraAt({-10, 5, 0}, {9, 0, 9})).shadowMapRedrawn);  // the camera is no reason
    renderer_->invalidateShadows();
    EXPECT_TRUE(renderer_->render(camera).shadowMapRedrawn);
    renderer_->setScene({SceneModel{model_, glm::mat4(1.0f), true, {}, {}}});
    EXPECT_TRUE(renderer_->render(camera).shadowMapRedrawn);
    EXPECT_EQ(gfx::takeErrors(), "");
}

TEST_F(RendererGL, RepeatedMeshesAreOneInstancedDraw) {
    renderer_->options().shadows = false;
    renderer_->options().ground = false;
    renderer_->options().fxaa = false;
    FrameStats stats = renderer_->render(cameraAt({30, 40, 30}, {9, 0, 9}));
    EXPECT_EQ(stats.visibleInstances, 100);
    EXPECT_EQ(stats.triangles, size_t(100 * 12));
    // One draw for the 100 cubes, one for the sky.
    EXPECT_EQ(stats.drawCalls, 2);
}

TEST_F(RendererGL, NodesOutsideTheViewAreCulled) {
    renderer_->options().shadows = false;
    // Looking away from the grid: everything culled.
    FrameStats away = renderer_->render(cameraAt({9, 2, -20}, {9, 2, -40}));
    EXPECT_EQ(away.visibleInstances, 0);
    EXPECT_EQ(away.culledInstances, 100);
    // Looking at one corner from close by: some culled, some drawn.
    FrameStats corner = renderer_->render(cameraAt({-3, 1.5f, -3}, {0, 0.5f, 0}));
    EXPECT_GT(corner.visibleInstances, 0);
    EXPECT_GT(corner.culledInstances, 0);
    EXPECT_EQ(corner.visibleInstances + corner.culledInstances, 100);
}

TEST_F(RendererGL, RendersTheCubesOverTheSky) {
    Image image;
    renderer_->render(cameraAt({9, 30, 9.01f}, {9, 0, 9}));  // straight down on the grid
    image = renderer_->readOutput();
    ASSERT_EQ(image.width, 64);
    // The centre pixel is a cube top (light grey default material), not sky blue.
    const uint8_t* centre = image.pixel(32, 24);
    EXPECT_GT(int(centre[0]) + centre[1] + centre[2], 300);
    EXPECT_LT(std::abs(int(centre[0]) - int(centre[2])), 40);
    EXPECT_EQ(gfx::takeErrors(), "");
}

// Flushing the opaque pass along the way (llvmpipe starts rasterising
// early) changes nothing in the picture.
TEST_F(RendererGL, FlushingTheOpaquePassAlongTheWayKeepsThePicture) {
    std::vector<SceneModel> scene;
    for (int i = 0; i < 12; ++i)  // a draw each: models differ
        scene.push_back({std::make_shared<GpuModel>(cubeGrid(1, 1.0f)), glm::translate(glm::mat4(1.0f), glm::vec3(i * 1.5f, 0, 0)), true, {}, {}});
    renderer_->setScene(scene);
    const Camera camera = cameraAt({8, 6, -10}, {8, 0, 0});
    renderer_->options().opaqueDrawsPerFlush = 0;
    const FrameStats once = renderer_->render(camera);
    const Image whole = renderer_->readOutput();
    renderer_->options().opaqueDrawsPerFlush = 1;
    renderer_->render(camera);
    const Image flushed = renderer_->readOutput();
    EXPECT_GE(once.drawCalls, 12);
    EXPECT_EQ(flushed.rgba, whole.rgba);
    EXPECT_EQ(gfx::takeErrors(), "");
}

// A moving frame is shaded at a lower resolution and scaled up to the
// output (llvmpipe's 8-bit path, from a BGRA target): the same picture, the
// right way up, its colours in their channels, only softer.
TEST_F(RendererGL, AFrameShadedAtALowerResolutionIsScaledUpToTheSamePicture) {
    ModelData redCubes = cubeGrid(10, 2.0f);
    redCubes.materials[0].baseColorFactor = {0.9f, 0.1f, 0.1f, 1.0f};
    renderer_->setScene({SceneModel{std::make_shared<GpuModel>(redCubes), glm::mat4(1.0f), true, {}, {}}});
    renderer_->setOutputOffscreen({128, 96});
    renderer_->options().fxaa = false;
    const Camera camera = cameraAt({-4, 2.5f, -4}, {9, 0, 9});  // cubes below, sky above
    renderer_->render(camera);
    const Image full = renderer_->readOutput();
    renderer_->options().resolutionScale = 0.5f;
    renderer_->render(camera);
    const Image scaled = renderer_->readOutput();
    ASSERT_EQ(scaled.width, 128);
    auto difference = compareImages(scaled, full, 48);
    ASSERT_TRUE(difference.ok()) << difference.error();
    // Half the resolution softens the cubes' many edges (a mean of 5.4
    // levels measured); the whole target read instead of its shaded part
    // differs by 15.9.
    EXPECT_LT(difference->meanDifference, 9.0);
    EXPECT_LT(difference->pixelsOverThreshold, 128 * 96 / 8) << "only edges may differ: " << difference->pixelsOverThreshold;
    // Where the full frame is reddest (a cube), the scaled one is red too.
    int reddest = 0;
    for (int i = 0; i < 128 * 96; ++i)
        if (full.rgba[i * 4] - full.rgba[i * 4 + 2] > full.rgba[reddest * 4] - full.rgba[reddest * 4 + 2]) reddest = i;
    const uint8_t* red = &scaled.rgba[size_t(reddest) * 4];
    EXPECT_GT(int(red[0]), int(red[2]) + 60) << "red is in the red channel";
    EXPECT_EQ(gfx::takeErrors(), "");
}

// Far meshes are drawn by a coarser level of detail, near ones whole, and
// the far picture is the full one's to within a pixel's edge.
TEST_F(RendererGL, FarMeshesAreDrawnCoarserWithTheSamePicture) {
    ModelData spheres;
    spheres.meshes.push_back(testing::sphereMesh(24, 48, 0.5f));
    spheres.materials.push_back(MaterialData{});
    spheres.materials[0].baseColorFactor = {0.2f, 0.5f, 0.9f, 1.0f};
    spheres.nodes.push_back(NodeData{"root", -1, glm::mat4(1.0f), {}});
    for (int z = 0; z < 6; ++z)
        for (int x = 0; x < 6; ++x)
            spheres.nodes.push_back(NodeData{"sphere", 0, glm::translate(glm::mat4(1.0f), glm::vec3(x * 2.0f, 0.5f, z * 2.0f)), {0}});
    ModelLayout layout = layOutModel(spheres);
    addLevelsOfDetail(layout);
    ASSERT_FALSE(layout.meshes[0].lods.empty());
    renderer_->setScene({SceneModel{std::make_shared<GpuModel>(layout), glm::mat4(1.0f), true, {}, {}}});
    renderer_->setOutputOffscreen({256, 192});
    renderer_->options().fxaa = false;
    auto draw = [&](const Camera& camera, bool levels) {
        renderer_->options().levelsOfDetail = levels;
        FrameStats stats = renderer_->render(camera);
        return std::make_pair(stats, renderer_->readOutput());
    };
    const Camera far = cameraAt({5, 14, -40}, {5, 0, 5});
    auto [coarse, coarseImage] = draw(far, true);
    auto [full, fullImage] = draw(far, false);
    EXPECT_EQ(coarse.coarserInstances, 36);
    EXPECT_EQ(full.coarserInstances, 0);
    EXPECT_LT(coarse.triangles, full.triangles / 2);
    auto difference = compareImages(coarseImage, fullImage, 48);
    ASSERT_TRUE(difference.ok()) << difference.error();
    EXPECT_LT(difference->meanDifference, 0.5);
    EXPECT_LT(difference->pixelsOverThreshold, 60) << "only single edge pixels may differ";
    // Close by, the nearest spheres are whole.
    auto [near, nearImage] = draw(cameraAt({-1.5f, 1.5f, -1.5f}, {5, 0, 5}), true);
    EXPECT_LT(near.coarserInstances, near.visibleInstances);
    // An item a learner explores is whole however far.
    SceneItemLook whole;
    whole.fullDetail = true;
    renderer_->setSceneItemLook(0, whole);
    auto [explored, exploredImage] = draw(far, true);
    EXPECT_EQ(explored.coarserInstances, 0);
    EXPECT_EQ(explored.triangles, full.triangles);
    EXPECT_EQ(gfx::takeErrors(), "");
}

// Surfaces shaded per pixel are drawn grouped by material, whatever their
// depth order: on llvmpipe every change of material copies the whole
// fragment state into the frame's bins. The picture is the same as drawing
// one material alone at each place.
TEST_F(RendererGL, OpaqueSurfacesAreGroupedByMaterial) {
    const ModelData grid = cubeGrid(1, 1.0f);
    ModelData row;
    row.nodes.push_back(NodeData{"root", -1, glm::mat4(1.0f), {}});
    const glm::vec4 colours[3] = {{0.9f, 0.2f, 0.1f, 1.0f}, {0.1f, 0.8f, 0.2f, 1.0f}, {0.2f, 0.3f, 0.9f, 1.0f}};
    for (const glm::vec4& colour : colours) {
        MaterialData material;
        material.baseColorFactor = colour;
        row.materials.push_back(material);
    }
    // Twelve cubes in a row going away from the camera, each its own mesh,
    // the three materials taking turns: nearest first would change the
    // material at every cube.
    for (int i = 0; i < 12; ++i) {
        MeshData mesh = grid.meshes[0];
        mesh.materialIndex = uint32_t(i % 3);
        row.meshes.push_back(mesh);
        row.nodes.push_back(NodeData{"cube", 0, glm::translate(glm::mat4(1.0f), glm::vec3(float(i) * 1.5f, 0, 0)), {uint32_t(i)}});
    }
    renderer_->setScene({SceneModel{std::make_shared<GpuModel>(row), glm::mat4(1.0f), true, {}, {}}});
    renderer_->setOutputOffscreen({256, 96});
    renderer_->options().fxaa = false;
    const Camera camera = cameraAt({-4, 3, 6}, {9, 0.5f, 0});
    const FrameStats stats = renderer_->render(camera);
    EXPECT_EQ(stats.visibleInstances, 12);
    EXPECT_EQ(stats.surfaceChanges, 3);
    const Image grouped = renderer_->readOutput();

    // The same cubes as two models, the near half and the far half, each
    // with its own copy of the three materials: alike materials of different
    // models are one group, and nothing in the picture may differ.
    std::vector<SceneModel> items;
    for (int half = 0; half < 2; ++half) {
        ModelData part = row;
        for (size_t n = 1; n < part.nodes.size(); ++n)
            if (int(n - 1) / 6 != half) part.nodes[n].meshes.clear();
        items.push_back(SceneModel{std::make_shared<GpuModel>(part), glm::mat4(1.0f), true, {}, {}});
    }
    renderer_->setScene(std::move(items));
    EXPECT_EQ(renderer_->render(camera).surfaceChanges, 3);
    const Image separate = renderer_->readOutput();
    auto difference = compareImages(grouped, separate, 8);
    ASSERT_TRUE(difference.ok()) << difference.error();
    EXPECT_EQ(difference->pixelsOverThreshold, 0);
    EXPECT_EQ(gfx::takeErrors(), "");
}

// A machine's cycle moves its parts every frame: the shadows of the rest
// are cached and only the moving item is drawn again, with the same picture
// as a full redraw.
TEST_F(RendererGL, MovingItemsAreDrawnOverCachedShadowsWithTheSamePicture) {
    auto cube = std::make_shared<GpuModel>(cubeGrid(1, 1.0f));
    const glm::mat4 above = glm::translate(glm::mat4(1.0f), glm::vec3(9, 3, 9));
    Camera camera = cameraAt({25, 18, 25}, {9, 0, 9});
    renderer_->setScene({SceneModel{model_, glm::mat4(1.0f), true, {}, {}}, SceneModel{cube, above, true, {}, {}}});
    const int fullDraws = renderer_->render(camera).drawCalls;
    SceneItemLook look;
    for (float x : {0.5f, 1.0f, 1.5f}) {
        look.placementTransforms = {glm::translate(glm::mat4(1.0f), glm::vec3(x, 0, 0))};
        renderer_->setSceneItemLook(1, look);
        FrameStats moved = renderer_->render(camera);
        EXPECT_TRUE(moved.shadowMapRedrawn);
        if (x > 0.5f) EXPECT_LT(moved.drawCalls, fullDraws) << "only the moving cube is drawn into the shadow map";
    }
    const Image cached = renderer_->readOutput();

    auto fresh = Renderer::create({std::filesystem::path(TWIN_SHADER_DIR)});
    ASSERT_TRUE(fresh.ok()) << fresh.error();
    (*fresh)->setOutputOffscreen({64, 48});
    const glm::mat4 last = above * glm::translate(glm::mat4(1.0f), glm::vec3(1.5f, 0, 0));
    (*fresh)->setScene({SceneModel{model_, glm::mat4(1.0f), true, {}, {}}, SceneModel{cube, last, true, {}, {}}});
    (*fresh)->render(camera);
    const Image redrawn = (*fresh)->readOutput();
    ASSERT_EQ(cached.rgba.size(), redrawn.rgba.size());
    size_t different = 0;
    for (size_t i = 0; i < cached.rgba.size(); ++i) different += cached.rgba[i] != redrawn.rgba[i];
    EXPECT_EQ(different, 0u);
    EXPECT_EQ(gfx::takeErrors(), "");
}

// A scene's still shadows are kept in the cache folder: the next renderer
// of the same scene reads them instead of drawing them, with the same
// picture; another sun or placement draws and keeps its own; a damaged
// file is said once and drawn over.
TEST_F(RendererGL, StillShadowsAreKeptBetweenRunsOfTheSameScene) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("renderer-shadow-cache-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::vector<std::string> warnings;
    log::setSink([&warnings](log::Level level, std::string_view m) {
        if (level == log::Level::Warning) warnings.emplace_back(m);
    });
    const Camera camera = cameraAt({25, 18, 25}, {9, 0, 9});
    auto startOnce = [&](const glm::mat4& placement, glm::vec3 sun, FrameStats& stats) {
        RendererDesc desc{std::filesystem::path(TWIN_SHADER_DIR)};
        desc.shadowMapSize = 512;
        desc.shadowCacheDirectory = dir;
        auto renderer = Renderer::create(desc);
        EXPECT_TRUE(renderer.ok()) << renderer.error();
        (*renderer)->setOutputOffscreen({64, 48});
        (*renderer)->lighting().sunDirection = sun;
        (*renderer)->setScene({SceneModel{model_, placement, true, {}, {}}});
        stats = (*renderer)->render(camera);
        return (*renderer)->readOutput();
    };
    auto countFiles = [&dir] {
        size_t n = 0;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
            n += entry.path().extension() == ".depth";
        return n;
    };
    const glm::vec3 sun = kDefaultSunDirection;
    FrameStats first, second;
    const Image drawn = startOnce(glm::mat4(1.0f), sun, first);
    EXPECT_FALSE(first.shadowMapRead);
    EXPECT_EQ(countFiles(), 1u);
    const Image read = startOnce(glm::mat4(1.0f), sun, second);
    EXPECT_TRUE(second.shadowMapRead);
    EXPECT_LT(second.drawCalls, first.drawCalls) << "the casters are not drawn";
    ASSERT_EQ(drawn.rgba.size(), read.rgba.size());
    EXPECT_TRUE(drawn.rgba == read.rgba) << "the same picture";

    FrameStats other;
    startOnce(glm::mat4(1.0f), glm::normalize(glm::vec3(-0.3f, 0.8f, 0.5f)), other);
    EXPECT_FALSE(other.shadowMapRead) << "another sun";
    startOnce(glm::translate(glm::mat4(1.0f), glm::vec3(1, 0, 0)), sun, other);
    EXPECT_FALSE(other.shadowMapRead) << "another placement";
    EXPECT_EQ(countFiles(), 3u);

    // Damage every kept file: each start draws again, and says so once.
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::fstream f(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(100);
        f.put('\x7f');
    }
    warnings.clear();
    FrameStats damaged;
    const Image redrawn = startOnce(glm::mat4(1.0f), sun, damaged);
    EXPECT_FALSE(damaged.shadowMapRead);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("checksum"), std::string::npos) << warnings[0];
    EXPECT_TRUE(redrawn.rgba == drawn.rgba);
    startOnce(glm::mat4(1.0f), sun, damaged);
    EXPECT_TRUE(damaged.shadowMapRead) << "written again after the damaged one";

    log::setSink({});
    std::filesystem::remove_all(dir);
    EXPECT_EQ(gfx::takeErrors(), "");
}

// A fully transparent alpha-masked quad above the grid casts no shadow:
// masked casters keep the shadow program that discards (the plain one,
// without, draws the rest).
TEST_F(RendererGL, AlphaMaskedHolesCastNoShadow) {
    ModelData quad;
    TextureData clear;
    clear.name = "clear";
    clear.width = clear.height = 1;
    clear.mips = {{255, 255, 255, 0}};
    quad.textures.push_back(clear);
    MaterialData masked;
    masked.alphaMode = AlphaMode::Mask;
    masked.doubleSided = true;
    masked.baseColorTexture = 0;
    quad.materials.push_back(masked);
    MeshData mesh;
    for (glm::vec2 c : {glm::vec2(-6, -6), glm::vec2(6, -6), glm::vec2(6, 6), glm::vec2(-6, 6)}) {
        Vertex v;
        v.position = glm::vec3(c.x, 0, c.y);
        v.uv = (c + 6.0f) / 12.0f;
        mesh.vertices.push_back(v);
        mesh.bounds.expand(v.position);
    }
    mesh.indices = {0, 2, 1, 0, 3, 2};
    quad.meshes.push_back(mesh);
    quad.nodes.push_back(NodeData{"quad", -1, glm::mat4(1.0f), {0}});
    auto hole = std::make_shared<GpuModel>(quad);
    Camera camera = cameraAt({25, 18, 25}, {9, 0, 9});
    // Within the grid's bounds, so the scene's extent (and the shadow map's
    // framing) is the same with it and without.
    const glm::mat4 above = glm::translate(glm::mat4(1.0f), glm::vec3(9, 0.9f, 9));

    renderer_->setScene({SceneModel{model_, glm::mat4(1.0f), true, {}, {}}, SceneModel{hole, above, false, {}, {}}});
    renderer_->render(camera);
    const Image without = renderer_->readOutput();
    renderer_->setScene({SceneModel{model_, glm::mat4(1.0f), true, {}, {}}, SceneModel{hole, above, true, {}, {}}});
    renderer_->render(camera);
    const Image with = renderer_->readOutput();
    ASSERT_EQ(with.rgba.size(), without.rgba.size());
    size_t different = 0;
    for (size_t i = 0; i < with.rgba.size(); ++i) different += with.rgba[i] != without.rgba[i];
    EXPECT_EQ(different, 0u);
    EXPECT_EQ(gfx::takeErrors(), "");
}

// A 12 m floor whose light was baked: every vertex sees `sun` of the sun.
// A horizontal square of side 2 * half, centred over the origin at height y, facing up.
MeshData square(float half, float y) {
    MeshData mesh;
    for (glm::vec2 c : {glm::vec2(-half, -half), glm::vec2(-half, half), glm::vec2(half, half), glm::vec2(half, -half)}) {
        Vertex v;
        v.position = glm::vec3(c.x, y, c.y);
        mesh.vertices.push_back(v);
        mesh.bounds.expand(v.position);
    }
    mesh.indices = {0, 1, 2, 0, 2, 3};
    return mesh;
}

std::shared_ptr<GpuModel> bakedFloor(float sun) {
    ModelData model;
    MaterialData grey;  // mid grey: far from the tone curve's white
    grey.baseColorFactor = glm::vec4(0.3f, 0.3f, 0.3f, 1.0f);
    model.materials.push_back(grey);
    model.meshes.push_back(square(6.0f, 0.0f));
    model.nodes.push_back(NodeData{"floor", -1, glm::mat4(1.0f), {0}});
    ModelLayout layout = layOutModel(model);
    for (MeshData& m : layout.meshes) {
        m.bakedLight = true;
        for (Vertex& v : m.vertices) v.uv = glm::vec2(sun, 1.0f);
    }
    layout.bakedSunDirection = kDefaultSunDirection;
    return std::make_shared<GpuModel>(layout);
}

double meanLevel(const Image& image) {
    double sum = 0.0;
    for (size_t i = 0; i < image.rgba.size(); i += 4) sum += image.rgba[i] + image.rgba[i + 1] + image.rgba[i + 2];
    return sum / double(image.rgba.size() / 4 * 3);
}

TEST_F(RendererGL, ABakedMeshIsLitByItsBakedLightUnderTheSunItWasBakedFor) {
    const Camera camera = cameraAt({0, 14, 0.01f}, {0, 0, 0});  // the floor fills the view
    renderer_->options().ground = false;
    auto look = [&](float sun) {
        renderer_->setScene({SceneModel{bakedFloor(sun), glm::mat4(1.0f), true, {}, {}}});
        renderer_->render(camera);
        return meanLevel(renderer_->readOutput());
    };
    const double inSun = look(1.0f), inShade = look(0.0f);
    EXPECT_GT(inSun, inShade + 40.0) << "sun " << inSun << ", shade " << inShade;
    // Lit per pixel instead (the floor's own shadow map: all in the sun)
    // when the bake does not hold: another sun, or shadows off.
    renderer_->lighting().sunDirection = glm::normalize(glm::vec3(0.3f, 0.9f, 0.2f));
    const double otherSunShade = look(0.0f), otherSunLit = look(1.0f);
    EXPECT_NEAR(otherSunShade, otherSunLit, 0.01);
    EXPECT_GT(otherSunShade, inShade + 40.0);
    renderer_->lighting().sunDirection = kDefaultSunDirection;
    // Or when a part of its model is hidden (a cut-away: the light baked
    // under the hidden floors no longer holds).
    auto shaded = bakedFloor(0.0f);
    renderer_->setScene({SceneModel{shaded, glm::mat4(1.0f), true, {}, {}}});
    renderer_->setHiddenTopNodes(shaded.get(), {7});
    renderer_->render(camera);
    EXPECT_GT(meanLevel(renderer_->readOutput()), inShade + 40.0);
    renderer_->options().shadows = false;
    EXPECT_NEAR(look(0.0f), look(1.0f), 0.01);
    EXPECT_EQ(gfx::takeErrors(), "");
}

// A 12 m floor cut into cells x cells squares (mid grey) under a 4 m
// square roof 2 m above its middle (another material, so they stay two
// meshes). The floor is lit per vertex or per pixel.
std::shared_ptr<GpuModel> floorUnderRoof(int cells, bool floorLitPerVertex) {
    ModelData model;
    MaterialData grey, roofMaterial;
    grey.baseColorFactor = glm::vec4(0.3f, 0.3f, 0.3f, 1.0f);
    roofMaterial.doubleSided = true;
    model.materials = {grey, roofMaterial};
    MeshData floor;
    const float cell = 12.0f / float(cells);
    for (int z = 0; z <= cells; ++z)
        for (int x = 0; x <= cells; ++x) {
            Vertex v;
            v.position = glm::vec3(-6.0f + float(x) * cell, 0.0f, -6.0f + float(z) * cell);
            floor.vertices.push_back(v);
            floor.bounds.expand(v.position);
        }
    for (int z = 0; z < cells; ++z)
        for (int x = 0; x < cells; ++x) {
            const uint32_t a = uint32_t(z * (cells + 1) + x), b = a + 1, c = a + uint32_t(cells) + 1, d = c + 1;
            floor.indices.insert(floor.indices.end(), {a, c, d, a, d, b});
        }
    MeshData roof = square(2.0f, 2.0f);
    roof.materialIndex = 1;
    model.meshes = {floor, roof};
    model.nodes.push_back(NodeData{"floor", -1, glm::mat4(1.0f), {0, 1}});
    ModelLayout layout = layOutModel(model);
    for (MeshData& m : layout.meshes) m.lightPerVertex = floorLitPerVertex && m.materialIndex == 0;
    return std::make_shared<GpuModel>(layout);
}

// Pixels of `a` darker than in `b` by more than 30 levels (in red).
size_t darkerPixels(const Image& a, const Image& b) {
    size_t n = 0;
    for (size_t i = 0; i < a.rgba.size() && i < b.rgba.size(); i += 4) n += a.rgba[i] + 30 < b.rgba[i];
    return n;
}

TEST_F(RendererGL, AMeshLitPerVertexReadsTheSunsShadowAtItsVertices) {
    const Camera camera = cameraAt({0, 14, 0.01f}, {0, 0, 0});
    renderer_->options().ground = false;
    // A low sun: the roof's shadow falls beside it, where the camera sees it.
    renderer_->lighting().sunDirection = glm::normalize(glm::vec3(0.8f, 0.5f, 0.0f));
    auto look = [&](int cells, bool perVertex, bool shadows) {
        renderer_->options().shadows = shadows;
        renderer_->setScene({SceneModel{floorUnderRoof(cells, perVertex), glm::mat4(1.0f), true, {}, {}}});
        renderer_->render(camera);
        return renderer_->readOutput();
    };
    const size_t pixels = 64 * 48;
    // Cells of 25 cm: the shadow falls as it does per pixel, give or take its edges.
    const Image finePerVertex = look(48, true, true), finePerPixel = look(48, false, true);
    const size_t shadowed = darkerPixels(finePerPixel, look(48, false, false));
    EXPECT_GT(shadowed, pixels / 20);
    EXPECT_GT(darkerPixels(finePerVertex, look(48, true, false)), shadowed * 8 / 10);
    ASSERT_EQ(finePerVertex.rgba.size(), finePerPixel.rgba.size());
    double difference = 0.0;
    for (size_t i = 0; i < finePerVertex.rgba.size(); ++i)
        difference += std::abs(int(finePerVertex.rgba[i]) - int(finePerPixel.rgba[i]));
    EXPECT_LT(difference / double(finePerVertex.rgba.size()), 3.0);
    // One cell: its four corners are all in the sun, so the shadow between
    // them does not show, as it does per pixel.
    EXPECT_EQ(darkerPixels(look(1, true, true), look(1, true, false)), 0u);
    EXPECT_GT(darkerPixels(look(1, false, true), look(1, false, false)), pixels / 20);
    // Unless another item stands on it (a machine on its bench): then it is
    // lit per pixel, and that item's shadow shows.
    auto withCube = [&](bool shadows) {
        renderer_->options().shadows = shadows;
        const glm::mat4 onTheFloor = glm::translate(glm::mat4(1.0f), glm::vec3(4, 0, 4));
        renderer_->setScene({SceneModel{floorUnderRoof(1, true), glm::mat4(1.0f), true, {}, {}},
                             SceneModel{std::make_shared<GpuModel>(cubeGrid(1, 1.0f)), onTheFloor, true, {}, {}}});
        renderer_->render(camera);
        return renderer_->readOutput();
    };
    EXPECT_GT(darkerPixels(withCube(true), withCube(false)), pixels / 20);
    EXPECT_EQ(gfx::takeErrors(), "");
}

}  // namespace
}  // namespace engine


namespace engine {
namespace {

TEST(RendererCutAway, HiddenTopNodesAreNotDrawnAndRedrawShadows) {
    auto renderer = Renderer::create({std::filesystem::path(TWIN_SHADER_DIR)});
    ASSERT_TRUE(renderer.ok()) << renderer.error();
    (*renderer)->setOutputOffscreen({64, 48});
    // Two "floors": top-level nodes each holding one different mesh.
    ModelData model = cubeGrid(1, 1.0f);
    model.nodes[1].name = "floor_0";
    MeshData upper = model.meshes[0];
    model.meshes.push_back(upper);
    NodeData floor1{"floor_1", 0, glm::translate(glm::mat4(1.0f), glm::vec3(0, 3, 0)), {1}};
    model.nodes.push_back(floor1);
    auto gpu = std::make_shared<GpuModel>(model);
    ASSERT_GE(gpu->topNodeNamed("floor_1"), 0);
    EXPECT_EQ(gpu->topNodeNamed("attic"), -1);
    (*renderer)->setScene({SceneModel{gpu, glm::mat4(1.0f), true, {}, {}}});
    Camera camera;
    camera.view = glm::lookAt(glm::vec3(6, 4, 6), glm::vec3(0, 1.5f, 0), glm::vec3(0, 1, 0));
    camera.projection = glm::perspective(glm::radians(45.0f), 64.0f / 48.0f, 0.1f, 100.0f);
    camera.position = glm::vec3(6, 4, 6);
    EXPECT_EQ((*renderer)->render(camera).visibleInstances, 2);
    EXPECT_FALSE((*renderer)->render(camera).shadowMapRedrawn);
    (*renderer)->setHiddenTopNodes(gpu.get(), {gpu->topNodeNamed("floor_1")});
    FrameStats cut = (*renderer)->render(camera);
    EXPECT_EQ(cut.visibleInstances, 1);
    EXPECT_TRUE(cut.shadowMapRedrawn);
    // The bounds still hold the hidden floor (framing does not jump).
    EXPECT_GT((*renderer)->sceneBounds().max.y, 3.5f);
}

}  // namespace
}  // namespace engine

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new engine::testing::GlEnvironment);
    return RUN_ALL_TESTS();
}
