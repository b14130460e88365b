// In-process Assimp import of the generated test models
// (tests/data/models, see MODELS.md there for what each one holds).
#include "assets/assimp_importer.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <sstream>

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include "test_support.h"

namespace engine {
namespace {

namespace fs = std::filesystem;

ModelData load(const std::string& name, ImportSettings settings = {}, ImportTrace* trace = nullptr) {
    Result<ModelData> model = importWithAssimp(test::modelsDir() / name, settings, trace);
    EXPECT_TRUE(model.ok()) << model.error();
    return model.ok() ? std::move(model.value()) : ModelData{};
}

const MaterialData* findMaterial(const ModelData& m, const std::string& name) {
    for (const MaterialData& material : m.materials)
        if (material.name == name) return &material;
    return nullptr;
}

size_t countReferences(const ModelData& m, uint32_t mesh) {
    size_t count = 0;
    for (const NodeData& node : m.nodes) count += size_t(std::count(node.meshes.begin(), node.meshes.end(), mesh));
    return count;
}

void expectNear(const glm::mat4& a, const glm::mat4& b, float tolerance) {
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r) EXPECT_NEAR(a[c][r], b[c][r], tolerance) << "[" << c << "][" << r << "]";
}

bool hasDependency(const ImportTrace& trace, const std::string& suffix) {
    for (const FileDependency& dep : trace.dependencies)
        if (dep.path.size() >= suffix.size() && dep.path.compare(dep.path.size() - suffix.size(), suffix.size(), suffix) == 0)
            return dep.exists;
    return false;
}

TEST(AssimpImporter, TexturedCube) {
    ModelData m = load("textured_cube.glb");
    ASSERT_EQ(m.meshes.size(), 1u);
    EXPECT_EQ(m.meshes[0].vertices.size(), 24u);
    EXPECT_EQ(m.meshes[0].indices.size(), 36u);
    EXPECT_EQ(m.triangleCount(), 12u);
    ASSERT_EQ(m.materials.size(), 1u);  // Assimp's extra default material is dropped
    EXPECT_EQ(m.materials[0].name, "CubeMaterial");
    ASSERT_EQ(m.textures.size(), 1u);
    EXPECT_EQ(m.materials[0].baseColorTexture, 0);
    const TextureData& t = m.textures[0];
    EXPECT_EQ(t.width, 128u);
    EXPECT_EQ(t.height, 128u);
    EXPECT_TRUE(t.srgb);
    EXPECT_FALSE(t.placeholder);
    EXPECT_EQ(t.mips.size(), 8u);
    EXPECT_TRUE(m.warnings.empty());
    ASSERT_GE(m.nodes.size(), 1u);
    EXPECT_EQ(m.nodes[0].parent, -1);
    const Aabb bounds = m.computeBounds();
    EXPECT_NEAR(bounds.min.y, 0.0f, 1e-5f);
    EXPECT_NEAR(bounds.max.y, 1.0f, 1e-5f);
    EXPECT_NEAR(bounds.min.x, -0.5f, 1e-5f);
}

TEST(AssimpImporter, MipChainSizes) {
    ModelData m = load("textured_cube.glb");
    ASSERT_EQ(m.textures.size(), 1u);
    uint32_t side = 128;
    for (const auto& level : m.textures[0].mips) {
        EXPECT_EQ(level.size(), size_t(side) * side * 4);
        side = std::max(1u, side / 2);
    }
}

TEST(AssimpImporter, ExternalGltfMatchesEmbedded) {
    ImportTrace trace;
    ModelData external = load("textured_cube_external.gltf", {}, &trace);
    ModelData embedded = load("textured_cube.glb");
    ASSERT_EQ(external.textures.size(), 1u);
    ASSERT_EQ(embedded.textures.size(), 1u);
    EXPECT_FALSE(external.textures[0].placeholder);
    EXPECT_EQ(external.textures[0].mips, embedded.textures[0].mips);  // "same pixels"
    EXPECT_TRUE(hasDependency(trace, "/textured_cube_external.gltf"));
    EXPECT_TRUE(hasDependency(trace, "/textured_cube_external.bin"));
    EXPECT_TRUE(hasDependency(trace, "/textures/checker.png"));
}

TEST(AssimpImporter, UvOriginIsTopLeftOfTheImage) {
    // glTF's UV convention is kept (Assimp's flip is undone by FlipUVs), so
    // texel rows are uploaded top row first: the same UVs as in the file.
    ModelData m = load("textured_cube.glb");
    ASSERT_EQ(m.meshes.size(), 1u);
    float minV = 1e9f, maxV = -1e9f;
    for (const Vertex& v : m.meshes[0].vertices) {
        minV = std::min(minV, v.uv.y);
        maxV = std::max(maxV, v.uv.y);
    }
    EXPECT_GE(minV, -1e-5f);
    EXPECT_LE(maxV, 1.0f + 1e-5f);
    // The top face's far edge (z = -0.5) shows the image's top (v = 0).
    for (const Vertex& v : m.meshes[0].vertices)
        if (v.normal.y > 0.9f && v.position.z < -0.4f) {
            EXPECT_NEAR(v.uv.y, 0.0f, 1e-5f);
        }
}

TEST(AssimpImporter, PbrSphereHasFiveTexturesAndTangents) {
    ModelData m = load("pbr_sphere.glb");
    ASSERT_EQ(m.meshes.size(), 1u);
    ASSERT_EQ(m.materials.size(), 1u);
    ASSERT_EQ(m.textures.size(), 5u);
    const MaterialData& mat = m.materials[0];
    std::vector<int32_t> slots = {mat.baseColorTexture, mat.metallicRoughnessTexture, mat.normalTexture,
                                  mat.occlusionTexture, mat.emissiveTexture};
    for (int32_t s : slots) EXPECT_GE(s, 0);
    std::sort(slots.begin(), slots.end());
    EXPECT_EQ(std::unique(slots.begin(), slots.end()), slots.end()) << "five distinct textures";
    EXPECT_TRUE(m.textures[size_t(mat.baseColorTexture)].srgb);
    EXPECT_TRUE(m.textures[size_t(mat.emissiveTexture)].srgb);
    EXPECT_FALSE(m.textures[size_t(mat.metallicRoughnessTexture)].srgb);
    EXPECT_FALSE(m.textures[size_t(mat.normalTexture)].srgb);
    EXPECT_FALSE(m.textures[size_t(mat.occlusionTexture)].srgb);
    for (const TextureData& t : m.textures) {
        EXPECT_EQ(t.width, 256u);
        EXPECT_EQ(t.height, 256u);
        EXPECT_EQ(t.mips.size(), 9u);
        EXPECT_FALSE(t.placeholder);
    }
    EXPECT_EQ(m.triangleCount(), 3968u);
    // The file has no TANGENT: they are generated, unit length and
    // orthogonal to the normal, with a +-1 handedness.
    for (const Vertex& v : m.meshes[0].vertices) {
        const glm::vec3 t(v.tangent);
        ASSERT_NEAR(glm::length(t), 1.0f, 1e-3f);
        ASSERT_NEAR(glm::length(v.normal), 1.0f, 1e-3f);
        ASSERT_LT(std::abs(glm::dot(t, v.normal)), 1e-3f);
        ASSERT_TRUE(v.tangent.w == 1.0f || v.tangent.w == -1.0f);
    }
    // A UV-mapped sphere: tangents follow +u, which runs around the equator,
    // so they are mostly horizontal; v grows southwards (glTF UVs), so the
    // bitangent cross(n, t) * w, which points to the top of the image,
    // points north.
    size_t horizontal = 0, equator = 0, north = 0;
    for (const Vertex& v : m.meshes[0].vertices) {
        if (std::abs(v.tangent.y) < 0.5f) ++horizontal;
        if (std::abs(v.position.y) < 0.1f) {
            ++equator;
            if ((glm::cross(v.normal, glm::vec3(v.tangent)) * v.tangent.w).y > 0.5f) ++north;
        }
    }
    EXPECT_GT(horizontal, m.meshes[0].vertices.size() * 9 / 10);
    ASSERT_GT(equator, 0u);
    EXPECT_EQ(north, equator);
    const Vertex* high = nullptr;
    const Vertex* low = nullptr;
    for (const Vertex& v : m.meshes[0].vertices) {
        if (!high || v.position.y > high->position.y) high = &v;
        if (!low || v.position.y < low->position.y) low = &v;
    }
    EXPECT_LT(high->uv.y, low->uv.y) << "v grows downwards on the sphere";
}

// One triangle facing +z: (0,0,0), (1,0,0), (0,1,0), with the given glTF
// UVs and, optionally, a TANGENT attribute.
ModelData importTriangle(const std::vector<float>& uvs, const float* tangentW) {
    std::vector<float> data = {0, 0, 0, 1, 0, 0, 0, 1, 0,   // POSITION
                               0, 0, 1, 0, 0, 1, 0, 0, 1};  // NORMAL
    data.insert(data.end(), uvs.begin(), uvs.end());        // TEXCOORD_0
    // Stored tangents differ per vertex: Assimp's FindInvalidData drops a
    // stream whose values are all the same.
    if (tangentW)
        data.insert(data.end(), {1, 0, 0, *tangentW, 0.8f, 0.6f, 0, *tangentW, 0.6f, 0.8f, 0, *tangentW});
    std::vector<uint8_t> bytes(data.size() * 4);
    std::memcpy(bytes.data(), data.data(), bytes.size());
    std::string json =
        R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0}],)"
        R"("meshes":[{"primitives":[{"attributes":{"POSITION":0,"NORMAL":1,"TEXCOORD_0":2)";
    json += tangentW ? R"(,"TANGENT":3}}]}],)" : R"(}}]}],)";
    json += R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},)"
            R"({"bufferView":1,"componentType":5126,"count":3,"type":"VEC3"},)"
            R"({"bufferView":2,"componentType":5126,"count":3,"type":"VEC2"})";
    json += tangentW ? R"(,{"bufferView":3,"componentType":5126,"count":3,"type":"VEC4"}],)" : "],";
    json += R"("bufferViews":[{"buffer":0,"byteLength":36},{"buffer":0,"byteOffset":36,"byteLength":36},)"
            R"({"buffer":0,"byteOffset":72,"byteLength":24})";
    json += tangentW ? R"(,{"buffer":0,"byteOffset":96,"byteLength":48}],)" : "],";
    json += R"("buffers":[{"byteLength":)" + std::to_string(bytes.size()) +
            R"(,"uri":"data:application/octet-stream;base64,)" + test::base64(bytes) + R"("}]})";
    test::TempDir dir;
    test::writeText(dir / "triangle.gltf", json);
    Result<ModelData> model = importWithAssimp(dir / "triangle.gltf", {});
    EXPECT_TRUE(model.ok()) << model.error();
    return model.ok() ? std::move(model.value()) : ModelData{};
}

TEST(AssimpImporter, TangentHandednessFollowsGltf) {
    // Image upright on the triangle (its top at y = 1): tangent +x, and the
    // bitangent cross(+z, +x) = +y is the top of the image: w = +1.
    ModelData upright = importTriangle({0, 1, 1, 1, 0, 0}, nullptr);
    ASSERT_EQ(upright.meshes.size(), 1u);
    for (const Vertex& v : upright.meshes[0].vertices) {
        EXPECT_NEAR(v.tangent.x, 1.0f, 1e-5f);
        EXPECT_EQ(v.tangent.w, 1.0f);
    }
    // Mirrored left-right: tangent -x, cross(+z, -x) = -y, so w = -1.
    ModelData mirrored = importTriangle({1, 1, 0, 1, 1, 0}, nullptr);
    ASSERT_EQ(mirrored.meshes.size(), 1u);
    for (const Vertex& v : mirrored.meshes[0].vertices) {
        EXPECT_NEAR(v.tangent.x, -1.0f, 1e-5f);
        EXPECT_EQ(v.tangent.w, -1.0f);
    }
    // Tangents stored in the file are kept as they are, w included.
    for (float w : {1.0f, -1.0f}) {
        ModelData stored = importTriangle({0, 1, 1, 1, 0, 0}, &w);
        ASSERT_EQ(stored.meshes.size(), 1u);
        ASSERT_EQ(stored.meshes[0].vertices.size(), 3u);
        for (const Vertex& v : stored.meshes[0].vertices) {
            const glm::vec3 expected = v.position.x > 0.5f   ? glm::vec3(0.8f, 0.6f, 0)
                                       : v.position.y > 0.5f ? glm::vec3(0.6f, 0.8f, 0)
                                                             : glm::vec3(1, 0, 0);
            EXPECT_NEAR(glm::distance(glm::vec3(v.tangent), expected), 0.0f, 1e-5f);
            EXPECT_EQ(v.tangent.w, w);
        }
    }
}

TEST(AssimpImporter, MaxTextureSizeDownscales) {
    ImportSettings settings;
    settings.maxTextureSize = 64;
    ModelData m = load("pbr_sphere.glb", settings);
    ASSERT_EQ(m.textures.size(), 5u);
    for (const TextureData& t : m.textures) {
        EXPECT_EQ(t.width, 64u);
        EXPECT_EQ(t.height, 64u);
        EXPECT_EQ(t.mips.size(), 7u);
    }
}

TEST(AssimpImporter, AlphaModesAndSharedGlassMesh) {
    ModelData m = load("alpha_modes.glb");
    ASSERT_EQ(m.materials.size(), 3u);
    ASSERT_EQ(m.meshes.size(), 3u);
    const MaterialData* floor = findMaterial(m, "FloorOpaque");
    const MaterialData* leaf = findMaterial(m, "LeafMask");
    const MaterialData* glass = findMaterial(m, "GlassBlend");
    ASSERT_TRUE(floor && leaf && glass);
    EXPECT_EQ(floor->alphaMode, AlphaMode::Opaque);
    EXPECT_FALSE(floor->doubleSided);
    EXPECT_EQ(leaf->alphaMode, AlphaMode::Mask);
    EXPECT_NEAR(leaf->alphaCutoff, 0.5f, 1e-6f);
    EXPECT_TRUE(leaf->doubleSided);
    EXPECT_EQ(glass->alphaMode, AlphaMode::Blend);
    EXPECT_TRUE(glass->doubleSided);
    EXPECT_LT(glass->baseColorFactor.a, 1.0f);
    const uint32_t glassIndex = uint32_t(glass - m.materials.data());
    bool found = false;
    for (uint32_t i = 0; i < m.meshes.size(); ++i)
        if (m.meshes[i].materialIndex == glassIndex) {
            EXPECT_EQ(countReferences(m, i), 2u);
            found = true;
        }
    EXPECT_TRUE(found);
    EXPECT_EQ(m.triangleCount(), 18u);
}

TEST(AssimpImporter, ShadowScene) {
    ModelData m = load("shadow_scene.glb");
    EXPECT_EQ(m.meshes.size(), 4u);
    EXPECT_EQ(m.materials.size(), 4u);
    EXPECT_EQ(m.textures.size(), 0u);
    EXPECT_EQ(m.triangleCount(), 2234u);
    const MaterialData* metal = findMaterial(m, "BlueMetal");
    ASSERT_TRUE(metal);
    EXPECT_GT(metal->metallicFactor, 0.5f);
}

TEST(AssimpImporter, InstancesStayOneMesh) {
    ModelData m = load("instances.glb");
    ASSERT_EQ(m.meshes.size(), 1u);
    EXPECT_EQ(m.nodes.size(), 101u);
    EXPECT_EQ(countReferences(m, 0), 100u);
    EXPECT_EQ(m.triangleCount(), 1200u);
    const Aabb bounds = m.computeBounds();
    EXPECT_NEAR(bounds.min.x, -4.76f, 0.01f);
    EXPECT_NEAR(bounds.max.z, 4.76f, 0.01f);
}

int32_t nodeNamed(const ModelData& m, const std::string& name) {
    for (size_t i = 0; i < m.nodes.size(); ++i)
        if (m.nodes[i].name == name) return int32_t(i);
    return -1;
}

const NodeChannel* channelOf(const AnimationClip& clip, int32_t node) {
    for (const NodeChannel& channel : clip.channels)
        if (channel.node == node) return &channel;
    return nullptr;
}

// Node animations read through Assimp: clips by name, ticks in seconds,
// translation, rotation and scale keys on the right nodes, and the motion
// sampled from them where the file puts it.
TEST(AssimpImporter, NodeAnimations) {
    ModelData m = load("animated_arm.glb");
    ASSERT_EQ(m.animations.size(), 2u);
    const int32_t swing = findClip(m.animations, "swing");
    const int32_t lift = findClip(m.animations, "lift");
    ASSERT_GE(swing, 0);
    ASSERT_GE(lift, 0);
    const AnimationClip& clip = m.animations[size_t(swing)];
    EXPECT_NEAR(clip.duration, 2.0f, 1e-4f);
    EXPECT_NEAR(m.animations[size_t(lift)].duration, 1.0f, 1e-4f);
    const int32_t arm = nodeNamed(m, "Arm");
    const int32_t slider = nodeNamed(m, "Slider");
    ASSERT_GE(arm, 0);
    ASSERT_GE(slider, 0);
    const NodeChannel* armKeys = channelOf(clip, arm);
    const NodeChannel* sliderKeys = channelOf(clip, slider);
    ASSERT_NE(armKeys, nullptr);
    ASSERT_NE(sliderKeys, nullptr);
    ASSERT_EQ(armKeys->rotations.size(), 3u);
    EXPECT_NEAR(armKeys->rotations[1].time, 1.0f, 1e-4f);
    EXPECT_NEAR(glm::degrees(glm::angle(armKeys->rotations[1].value)), 90.0f, 0.01f);
    ASSERT_EQ(sliderKeys->positions.size(), 3u);
    EXPECT_NEAR(sliderKeys->positions[1].value.x, 2.0f, 1e-5f);
    ASSERT_EQ(sliderKeys->scales.size(), 3u);
    EXPECT_NEAR(sliderKeys->scales[1].value.y, 2.0f, 1e-5f);

    std::vector<glm::mat4> local;
    std::vector<int32_t> parents;
    for (const NodeData& node : m.nodes) {
        local.push_back(node.localTransform);
        parents.push_back(node.parent);
    }
    // At 1 s the arm has turned a quarter about y: its tip (0.8, 0, 0) in
    // the arm's space, at (0.8, 0.3, 0) at rest, is at (0, 0.3, -0.8).
    const auto motion = animatedNodeMotion(local, parents, clip, 1.0f);
    const glm::vec3 tip = glm::vec3(motion[size_t(arm)] * glm::vec4(0.8f, 0.3f, 0.0f, 1.0f));
    EXPECT_NEAR(tip.x, 0.0f, 1e-4f);
    EXPECT_NEAR(tip.y, 0.3f, 1e-4f);
    EXPECT_NEAR(tip.z, -0.8f, 1e-4f);
    // The slider moved 1 m along x and doubled its height.
    const glm::vec3 top = glm::vec3(motion[size_t(slider)] * glm::vec4(1.0f, 0.2f, 0.0f, 1.0f));
    EXPECT_NEAR(top.x, 2.0f, 1e-4f);
    EXPECT_NEAR(top.y, 0.4f, 1e-4f);
}

TEST(AssimpImporter, ModelsWithoutAnimationsHaveNoClips) {
    EXPECT_TRUE(load("deep_hierarchy.glb").animations.empty());
}

TEST(AssimpImporter, DeepHierarchyWorldTransforms) {
    ModelData m = load("deep_hierarchy.glb");
    ASSERT_EQ(m.nodes.size(), 300u);
    // Parents come first, and the chain really is 300 deep.
    int maxDepth = 0;
    std::vector<int> depth(m.nodes.size(), 1);
    for (size_t i = 0; i < m.nodes.size(); ++i) {
        ASSERT_LT(m.nodes[i].parent, int32_t(i));
        if (m.nodes[i].parent >= 0) depth[i] = depth[size_t(m.nodes[i].parent)] + 1;
        maxDepth = std::max(maxDepth, depth[i]);
    }
    EXPECT_EQ(maxDepth, 300);
    // World transforms against composing the local matrices by hand, from
    // the root down each node's own chain.
    const std::vector<glm::mat4> world = m.worldTransforms();
    for (size_t i = 0; i < m.nodes.size(); i += 37) {
        std::vector<size_t> chain;
        for (int32_t n = int32_t(i); n >= 0; n = m.nodes[size_t(n)].parent) chain.push_back(size_t(n));
        glm::mat4 composed(1.0f);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) composed = composed * m.nodes[*it].localTransform;
        SCOPED_TRACE("node " + std::to_string(i));
        expectNear(world[i], composed, 1e-4f);
    }
    EXPECT_EQ(m.triangleCount(), 360u);
    // The generator's own bounds (MODELS.md): a wrong matrix convention or
    // composition order would move the helix.
    const Aabb bounds = m.computeBounds();
    EXPECT_NEAR(bounds.min.x, -0.505f, 0.002f);
    EXPECT_NEAR(bounds.min.y, 0.106f, 0.002f);
    EXPECT_NEAR(bounds.min.z, -0.488f, 0.002f);
    EXPECT_NEAR(bounds.max.x, 0.46f, 0.002f);
    EXPECT_NEAR(bounds.max.y, 1.64f, 0.002f);
    EXPECT_NEAR(bounds.max.z, 0.476f, 0.002f);
}

TEST(AssimpImporter, MatrixConversionOfKnownTransforms) {
    test::TempDir dir;
    // Parent: translation (1, 2, 3), rotation 90 degrees about +Y, scale 2.
    // Child: translation (0, 0, 1) under it, holding the triangle.
    const std::string nodes =
        R"({"name":"Parent","translation":[1,2,3],"rotation":[0,0.70710678,0,0.70710678],"scale":[2,2,2],"children":[1]},)"
        R"({"name":"Child","translation":[0,0,1],"mesh":0})";
    test::writeText(dir / "known.gltf", test::triangleGltf(nodes, "0"));
    Result<ModelData> loaded = importWithAssimp(dir / "known.gltf", {});
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    const ModelData& m = *loaded;
    const NodeData* parent = nullptr;
    const NodeData* child = nullptr;
    for (const NodeData& n : m.nodes) {
        if (n.name == "Parent") parent = &n;
        if (n.name == "Child") child = &n;
    }
    ASSERT_TRUE(parent && child);
    glm::mat4 expected = glm::translate(glm::mat4(1.0f), glm::vec3(1, 2, 3)) *
                         glm::rotate(glm::mat4(1.0f), glm::radians(90.0f), glm::vec3(0, 1, 0)) *
                         glm::scale(glm::mat4(1.0f), glm::vec3(2.0f));
    expectNear(parent->localTransform, expected, 1e-5f);
    // Spelled out: glm is column-major, the translation is column 3 and the
    // rotated, scaled x axis (0, 0, -2) is column 0.
    EXPECT_NEAR(parent->localTransform[3][0], 1.0f, 1e-6f);
    EXPECT_NEAR(parent->localTransform[3][1], 2.0f, 1e-6f);
    EXPECT_NEAR(parent->localTransform[3][2], 3.0f, 1e-6f);
    EXPECT_NEAR(parent->localTransform[0][2], -2.0f, 1e-5f);
    EXPECT_NEAR(parent->localTransform[2][0], 2.0f, 1e-5f);
    // The triangle's vertex (1, 0, 0) lands at parent * child * v.
    const std::vector<glm::mat4> world = m.worldTransforms();
    const glm::vec4 p = world[size_t(child - m.nodes.data())] * glm::vec4(1, 0, 0, 1);
    // child: (1, 0, 1); scale 2: (2, 0, 2); rotate about Y: (2, 0, -2); move: (3, 2, 1).
    EXPECT_NEAR(p.x, 3.0f, 1e-5f);
    EXPECT_NEAR(p.y, 2.0f, 1e-5f);
    EXPECT_NEAR(p.z, 1.0f, 1e-5f);
}

TEST(AssimpImporter, TexturesAreSharedPerSourceAndColourSpace) {
    // Two materials use the same image as base colour (sRGB); the second
    // also as occlusion (linear): two textures, not three.
    test::TempDir dir;
    fs::copy_file(test::modelsDir() / "textures/checker.png", dir / "shared.png");
    const std::vector<float> data = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1};
    std::vector<uint8_t> bytes(data.size() * 4);
    std::memcpy(bytes.data(), data.data(), bytes.size());
    const std::string json =
        R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0,1]}],)"
        R"("nodes":[{"mesh":0},{"mesh":1,"translation":[2,0,0]}],)"
        R"("meshes":[{"primitives":[{"attributes":{"POSITION":0,"TEXCOORD_0":1},"material":0}]},)"
        R"({"primitives":[{"attributes":{"POSITION":0,"TEXCOORD_0":1},"material":1}]}],)"
        R"("materials":[{"name":"A","pbrMetallicRoughness":{"baseColorTexture":{"index":0}}},)"
        R"({"name":"B","pbrMetallicRoughness":{"baseColorTexture":{"index":0}},"occlusionTexture":{"index":0}}],)"
        R"("textures":[{"source":0}],"images":[{"uri":"shared.png"}],)"
        R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},)"
        R"({"bufferView":1,"componentType":5126,"count":3,"type":"VEC2"}],)"
        R"("bufferViews":[{"buffer":0,"byteLength":36},{"buffer":0,"byteOffset":36,"byteLength":24}],)"
        R"("buffers":[{"byteLength":60,"uri":"data:application/octet-stream;base64,)" +
        test::base64(bytes) + R"("}]})";
    test::writeText(dir / "shared.gltf", json);
    Result<ModelData> loaded = importWithAssimp(dir / "shared.gltf", {});
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    const MaterialData* a = findMaterial(*loaded, "A");
    const MaterialData* b = findMaterial(*loaded, "B");
    ASSERT_TRUE(a && b);
    EXPECT_EQ(loaded->textures.size(), 2u);
    EXPECT_EQ(a->baseColorTexture, b->baseColorTexture);
    EXPECT_NE(b->occlusionTexture, b->baseColorTexture);
    EXPECT_TRUE(loaded->textures[size_t(a->baseColorTexture)].srgb);
    EXPECT_FALSE(loaded->textures[size_t(b->occlusionTexture)].srgb);
}

TEST(AssimpImporter, ObjWithWindowsTexturePath) {
    ImportTrace trace;
    ModelData m = load("cube.obj", {}, &trace);
    EXPECT_EQ(m.triangleCount(), 12u);
    ASSERT_EQ(m.materials.size(), 1u);
    EXPECT_EQ(m.materials[0].name, "crate");
    ASSERT_EQ(m.textures.size(), 1u);
    EXPECT_FALSE(m.textures[0].placeholder) << (m.warnings.empty() ? "" : m.warnings[0]);
    EXPECT_EQ(m.textures[0].width, 64u);
    EXPECT_TRUE(m.warnings.empty());
    EXPECT_EQ(m.materials[0].metallicFactor, 0.0f);
    EXPECT_TRUE(hasDependency(trace, "/cube.mtl"));
    EXPECT_TRUE(hasDependency(trace, "/textures/crate.png"));
}

TEST(AssimpImporter, StlAndPly) {
    ModelData wedge = load("wedge.stl");
    EXPECT_EQ(wedge.triangleCount(), 8u);
    EXPECT_EQ(wedge.materials.size(), 1u);
    const Aabb bounds = wedge.computeBounds();
    EXPECT_NEAR(bounds.max.y, 0.5f, 1e-5f);

    ModelData tetra = load("tetra.ply");
    EXPECT_EQ(tetra.triangleCount(), 4u);
    ASSERT_EQ(tetra.meshes.size(), 1u);
    // Vertex colours -> the mesh's own material with their mean colour.
    const MaterialData& mat = tetra.materials[tetra.meshes[0].materialIndex];
    EXPECT_NEAR(mat.baseColorFactor.r, (230 + 40 + 40 + 250) / 4.0f / 255.0f, 0.01f);
    EXPECT_NEAR(mat.baseColorFactor.g, (40 + 200 + 80 + 250) / 4.0f / 255.0f, 0.01f);
    EXPECT_NEAR(mat.baseColorFactor.b, (40 + 60 + 230 + 250) / 4.0f / 255.0f, 0.01f);
    EXPECT_EQ(mat.alphaMode, AlphaMode::Opaque);
}

TEST(AssimpImporter, MissingTextureGivesPlaceholderAndWarning) {
    ModelData m = load("missing_texture.gltf");
    EXPECT_EQ(m.triangleCount(), 12u);
    ASSERT_EQ(m.textures.size(), 1u);
    EXPECT_TRUE(m.textures[0].placeholder);
    EXPECT_EQ(m.materials[0].baseColorTexture, 0);
    ASSERT_EQ(m.warnings.size(), 1u);
    EXPECT_NE(m.warnings[0].find("missing_texture.gltf"), std::string::npos) << m.warnings[0];
    EXPECT_NE(m.warnings[0].find("textures/does_not_exist.png"), std::string::npos) << m.warnings[0];
    EXPECT_NE(m.warnings[0].find("not found"), std::string::npos) << m.warnings[0];
}

TEST(AssimpImporter, CorruptTextureGivesPlaceholderAndWarning) {
    ModelData m = load("corrupt_texture.glb");
    EXPECT_EQ(m.triangleCount(), 12u);
    ASSERT_EQ(m.textures.size(), 1u);
    EXPECT_TRUE(m.textures[0].placeholder);
    ASSERT_EQ(m.warnings.size(), 1u);
    EXPECT_NE(m.warnings[0].find("corrupt_texture.glb"), std::string::npos) << m.warnings[0];
    EXPECT_NE(m.warnings[0].find(m.textures[0].name), std::string::npos) << m.warnings[0];
    EXPECT_NE(m.warnings[0].find("could not be decoded"), std::string::npos) << m.warnings[0];
}

TEST(AssimpImporter, ErrorsNameTheFile) {
    test::TempDir dir;
    Result<ModelData> missing = importWithAssimp(dir / "none.glb", {});
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("none.glb"), std::string::npos);

    Result<ModelData> folder = importWithAssimp(dir.path(), {});
    ASSERT_FALSE(folder.ok());
    EXPECT_NE(folder.error().find("folder"), std::string::npos);

    test::writeText(dir / "empty.obj", "");
    Result<ModelData> empty = importWithAssimp(dir / "empty.obj", {});
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().find("empty.obj"), std::string::npos) << empty.error();
    EXPECT_NE(empty.error().find("Assimp: "), std::string::npos) << empty.error();

    // Only lines: nothing to show.
    test::writeText(dir / "lines.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nl 1 2\nl 2 3\n");
    Result<ModelData> lines = importWithAssimp(dir / "lines.obj", {});
    ASSERT_FALSE(lines.ok());
    EXPECT_NE(lines.error().find("lines.obj"), std::string::npos) << lines.error();
}

TEST(AssimpImporter, AbsurdCountsAreRejected) {
    ImportSettings settings;
    settings.maxTriangles = 100;
    Result<ModelData> big = importWithAssimp(test::modelsDir() / "pbr_sphere.glb", settings);
    ASSERT_FALSE(big.ok());
    EXPECT_NE(big.error().find("triangles"), std::string::npos) << big.error();
    settings = {};
    settings.maxNodes = 50;
    Result<ModelData> deep = importWithAssimp(test::modelsDir() / "deep_hierarchy.glb", settings);
    ASSERT_FALSE(deep.ok());
    EXPECT_NE(deep.error().find("nodes"), std::string::npos) << deep.error();
}

TEST(AssimpImporter, SettingsKeyChangesWithEveryField) {
    ImportSettings a;
    ImportSettings b;
    EXPECT_EQ(a.cacheKey(), b.cacheKey());
    b.maxTextureSize = 512;
    EXPECT_NE(a.cacheKey(), b.cacheKey());
    b = a;
    b.maxTriangles += 1;
    EXPECT_NE(a.cacheKey(), b.cacheKey());
    b = a;
    b.maxVertices += 1;
    EXPECT_NE(a.cacheKey(), b.cacheKey());
    b = a;
    b.maxNodes += 1;
    EXPECT_NE(a.cacheKey(), b.cacheKey());
    b = a;
    b.maxTextures += 1;
    EXPECT_NE(a.cacheKey(), b.cacheKey());
}

}  // namespace
}  // namespace engine
