// The binary model file: round trip, and a reader that survives any
// truncation or corruption.
#include "assets/model_file.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <xxhash.h>

#include "assets/texture_decode.h"
#include "test_support.h"

namespace engine {
namespace {

TextureData makeTexture(const std::string& name, uint32_t w, uint32_t h, bool srgb, uint8_t seed) {
    TextureData t;
    t.name = name;
    t.width = w;
    t.height = h;
    t.srgb = srgb;
    std::vector<uint8_t> pixels(size_t(w) * h * 4);
    for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = uint8_t(i * 7 + seed);
    t.mips.push_back(std::move(pixels));
    buildMipChain(t);
    return t;
}

MeshData makeMesh(const std::string& name, uint32_t material, uint32_t quads) {
    MeshData m;
    m.name = name;
    m.materialIndex = material;
    for (uint32_t q = 0; q < quads; ++q) {
        for (int c = 0; c < 4; ++c) {
            Vertex v;
            v.position = glm::vec3(float(q) + (c & 1), float(c >> 1), 0.25f * float(q));
            v.normal = glm::vec3(0, 0, 1);
            v.tangent = glm::vec4(1, 0, 0, (q % 2) ? -1.0f : 1.0f);
            v.uv = glm::vec2(float(c & 1), float(c >> 1));
            m.vertices.push_back(v);
            m.bounds.expand(v.position);
        }
        const uint32_t b = q * 4;
        for (uint32_t i : {b, b + 1, b + 2, b + 2, b + 1, b + 3}) m.indices.push_back(i);
    }
    return m;
}

ModelData makeSampleModel() {
    ModelData model;
    model.sourceName = "sample/model.glb";
    model.warnings = {"\"model.glb\": texture \"a.png\" was not found; using a placeholder", "second warning"};
    model.textures.push_back(makeTexture("albedo.png", 16, 8, true, 3));
    model.textures.push_back(makeTexture("normal.png", 5, 3, false, 9));
    model.textures.push_back(makePlaceholderTexture("missing.png", true));

    MaterialData a;
    a.name = "Painted";
    a.baseColorFactor = glm::vec4(0.1f, 0.2f, 0.3f, 0.4f);
    a.metallicFactor = 0.7f;
    a.roughnessFactor = 0.25f;
    a.emissiveFactor = glm::vec3(1, 0.5f, 0);
    a.normalScale = 0.8f;
    a.occlusionStrength = 0.6f;
    a.alphaCutoff = 0.33f;
    a.alphaMode = AlphaMode::Mask;
    a.doubleSided = true;
    a.baseColorTexture = 0;
    a.metallicRoughnessTexture = 1;
    a.normalTexture = 1;
    a.occlusionTexture = kNoTexture;
    a.emissiveTexture = 2;
    MaterialData b;
    b.name = "Glass";
    b.alphaMode = AlphaMode::Blend;
    model.materials = {a, b};

    model.meshes.push_back(makeMesh("quads", 0, 3));
    model.meshes.push_back(makeMesh("glass", 1, 1));

    NodeData root;
    root.name = "root";
    NodeData left;
    left.name = "left";
    left.parent = 0;
    left.localTransform = glm::mat4(1.0f);
    left.localTransform[3] = glm::vec4(1, 2, 3, 1);
    left.meshes = {0, 1};
    NodeData right;
    right.name = "right";
    right.parent = 0;
    right.localTransform[0] = glm::vec4(0, 0, -1, 0);
    right.localTransform[2] = glm::vec4(1, 0, 0, 0);
    right.meshes = {1};
    NodeData leaf;
    leaf.name = "leaf";
    leaf.parent = 2;
    leaf.meshes = {0};
    model.nodes = {root, left, right, leaf};
    // A working cycle: a rotation and a translation, and a clip of one still key.
    AnimationClip cycle;
    cycle.name = "cycle";
    cycle.duration = 2.5f;
    NodeChannel turn;
    turn.node = 2;
    turn.rotations = {{0.0f, glm::quat(1, 0, 0, 0)}, {1.25f, glm::quat(0.7071068f, 0, 0.7071068f, 0)}, {2.5f, glm::quat(1, 0, 0, 0)}};
    turn.scales = {{0.0f, glm::vec3(1.0f)}};
    NodeChannel slide;
    slide.node = 3;
    slide.positions = {{0.0f, glm::vec3(0, 0, 0)}, {2.5f, glm::vec3(0.5f, 0, -1)}};
    cycle.channels = {turn, slide};
    model.animations.push_back(cycle);
    model.animations.push_back({"still", 0.0f, {NodeChannel{1, {{0.0f, glm::vec3(1, 2, 3)}}, {}, {}}}});
    return model;
}

std::vector<FileDependency> sampleDependencies() {
    return {{"/models/model.glb", true, 1234, 1700000000123456789},
            {"/models/textures/missing.png", false, 0, 0}};
}

void expectEqual(const ModelData& a, const ModelData& b) {
    EXPECT_EQ(a.sourceName, b.sourceName);
    EXPECT_EQ(a.warnings, b.warnings);
    ASSERT_EQ(a.textures.size(), b.textures.size());
    for (size_t i = 0; i < a.textures.size(); ++i) {
        SCOPED_TRACE("texture " + std::to_string(i));
        EXPECT_EQ(a.textures[i].name, b.textures[i].name);
        EXPECT_EQ(a.textures[i].width, b.textures[i].width);
        EXPECT_EQ(a.textures[i].height, b.textures[i].height);
        EXPECT_EQ(a.textures[i].srgb, b.textures[i].srgb);
        EXPECT_EQ(a.textures[i].placeholder, b.textures[i].placeholder);
        EXPECT_EQ(a.textures[i].mips, b.textures[i].mips);
    }
    ASSERT_EQ(a.materials.size(), b.materials.size());
    for (size_t i = 0; i < a.materials.size(); ++i) {
        SCOPED_TRACE("material " + std::to_string(i));
        const MaterialData& x = a.materials[i];
        const MaterialData& y = b.materials[i];
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.baseColorFactor, y.baseColorFactor);
        EXPECT_EQ(x.metallicFactor, y.metallicFactor);
        EXPECT_EQ(x.roughnessFactor, y.roughnessFactor);
        EXPECT_EQ(x.emissiveFactor, y.emissiveFactor);
        EXPECT_EQ(x.normalScale, y.normalScale);
        EXPECT_EQ(x.occlusionStrength, y.occlusionStrength);
        EXPECT_EQ(x.alphaCutoff, y.alphaCutoff);
        EXPECT_EQ(x.alphaMode, y.alphaMode);
        EXPECT_EQ(x.doubleSided, y.doubleSided);
        EXPECT_EQ(x.baseColorTexture, y.baseColorTexture);
        EXPECT_EQ(x.metallicRoughnessTexture, y.metallicRoughnessTexture);
        EXPECT_EQ(x.normalTexture, y.normalTexture);
        EXPECT_EQ(x.occlusionTexture, y.occlusionTexture);
        EXPECT_EQ(x.emissiveTexture, y.emissiveTexture);
    }
    ASSERT_EQ(a.meshes.size(), b.meshes.size());
    for (size_t i = 0; i < a.meshes.size(); ++i) {
        SCOPED_TRACE("mesh " + std::to_string(i));
        EXPECT_EQ(a.meshes[i].name, b.meshes[i].name);
        EXPECT_EQ(a.meshes[i].materialIndex, b.meshes[i].materialIndex);
        EXPECT_EQ(a.meshes[i].bounds.min, b.meshes[i].bounds.min);
        EXPECT_EQ(a.meshes[i].bounds.max, b.meshes[i].bounds.max);
        EXPECT_EQ(a.meshes[i].indices, b.meshes[i].indices);
        ASSERT_EQ(a.meshes[i].vertices.size(), b.meshes[i].vertices.size());
        EXPECT_EQ(0, std::memcmp(a.meshes[i].vertices.data(), b.meshes[i].vertices.data(),
                                 a.meshes[i].vertices.size() * sizeof(Vertex)));
    }
    ASSERT_EQ(a.nodes.size(), b.nodes.size());
    for (size_t i = 0; i < a.nodes.size(); ++i) {
        SCOPED_TRACE("node " + std::to_string(i));
        EXPECT_EQ(a.nodes[i].name, b.nodes[i].name);
        EXPECT_EQ(a.nodes[i].parent, b.nodes[i].parent);
        EXPECT_EQ(a.nodes[i].localTransform, b.nodes[i].localTransform);
        EXPECT_EQ(a.nodes[i].meshes, b.nodes[i].meshes);
    }
    EXPECT_EQ(a.animations, b.animations);
}

// What a successfully parsed file must always satisfy, whatever bytes it
// came from: the renderer relies on it.
void expectConsistent(const ModelData& m) {
    for (const TextureData& t : m.textures) {
        ASSERT_GE(t.mips.size(), 1u);
        for (size_t level = 0; level < t.mips.size(); ++level)
            ASSERT_EQ(t.mips[level].size(),
                      size_t(std::max(1u, t.width >> level)) * std::max(1u, t.height >> level) * 4);
    }
    auto textureOk = [&](int32_t i) { return i == kNoTexture || (i >= 0 && size_t(i) < m.textures.size()); };
    for (const MaterialData& mat : m.materials) {
        ASSERT_TRUE(textureOk(mat.baseColorTexture) && textureOk(mat.metallicRoughnessTexture) &&
                    textureOk(mat.normalTexture) && textureOk(mat.occlusionTexture) && textureOk(mat.emissiveTexture));
        ASSERT_LE(uint8_t(mat.alphaMode), 2);
    }
    for (const MeshData& mesh : m.meshes) {
        ASSERT_LT(mesh.materialIndex, m.materials.size());
        ASSERT_EQ(mesh.indices.size() % 3, 0u);
        for (uint32_t i : mesh.indices) ASSERT_LT(i, mesh.vertices.size());
    }
    for (size_t i = 0; i < m.nodes.size(); ++i) {
        ASSERT_LT(m.nodes[i].parent, int32_t(i));
        ASSERT_GE(m.nodes[i].parent, -1);
        for (uint32_t mesh : m.nodes[i].meshes) ASSERT_LT(mesh, m.meshes.size());
    }
    for (const AnimationClip& clip : m.animations) {
        ASSERT_GE(clip.duration, 0.0f);
        for (const NodeChannel& channel : clip.channels) {
            ASSERT_GE(channel.node, 0);
            ASSERT_LT(size_t(channel.node), m.nodes.size());
        }
    }
}

// Recomputes the payload hash, so a corruption reaches the field checks.
void reseal(std::vector<uint8_t>& bytes) {
    if (bytes.size() < kModelFileHeaderSize) return;
    const uint64_t hash = XXH3_64bits(bytes.data() + kModelFileHeaderSize, bytes.size() - kModelFileHeaderSize);
    std::memcpy(bytes.data() + 24, &hash, 8);
}

TEST(ModelFile, RoundTripKeepsEveryField) {
    test::TempDir dir;
    const ModelData model = makeSampleModel();
    const auto path = dir / "sample.tmdl";
    ASSERT_TRUE(writeModelFile(model, path, sampleDependencies()).ok());
    Result<ModelFileContents> read = readModelFileContents(path);
    ASSERT_TRUE(read.ok()) << read.error();
    expectEqual(model, read->model);
    EXPECT_EQ(read->dependencies, sampleDependencies());

    Result<ModelData> modelOnly = readModelFile(path);
    ASSERT_TRUE(modelOnly.ok()) << modelOnly.error();
    expectEqual(model, *modelOnly);
    // No temporary file left next to it.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(ModelFile, LargeBlobsAreWrittenFromTheModelByteForByte) {
    // writeModelFile writes pixels, vertices and indices of 4 KiB or more
    // from the model's own memory, between copied small fields.
    test::TempDir dir;
    ModelData model = makeSampleModel();
    model.textures.push_back(makeTexture("large.png", 64, 48, true, 5));  // 12 KiB, then 3 KiB, ...
    model.meshes.push_back(makeMesh("large", 0, 200));                    // 800 vertices, 1200 indices
    model.nodes[0].meshes.push_back(uint32_t(model.meshes.size() - 1));
    const auto path = dir / "large.tmdl";
    ASSERT_TRUE(writeModelFile(model, path, sampleDependencies()).ok());
    std::ifstream in(path, std::ios::binary);
    const std::vector<uint8_t> written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_TRUE(written == encodeModelFile(model, sampleDependencies()));
    Result<ModelFileContents> read = readModelFileContents(path);  // the checksum is verified
    ASSERT_TRUE(read.ok()) << read.error();
    expectEqual(model, read->model);
}

TEST(ModelFile, EmptyModelRoundTrips) {
    ModelData empty;
    std::vector<uint8_t> bytes = encodeModelFile(empty);
    Result<ModelFileContents> read = parseModelFile(bytes, "empty.tmdl");
    ASSERT_TRUE(read.ok()) << read.error();
    EXPECT_TRUE(read->model.nodes.empty());
}

TEST(ModelFile, MissingFileErrorNamesIt) {
    Result<ModelData> read = readModelFile("/nonexistent/folder/x.tmdl");
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().find("/nonexistent/folder/x.tmdl"), std::string::npos) << read.error();
}

TEST(ModelFile, RejectsEveryTruncation) {
    const std::vector<uint8_t> bytes = encodeModelFile(makeSampleModel(), sampleDependencies());
    for (size_t cut = 0; cut < bytes.size(); ++cut) {
        std::vector<uint8_t> truncated(bytes.begin(), bytes.begin() + long(cut));
        Result<ModelFileContents> read = parseModelFile(truncated, "cut.tmdl");
        ASSERT_FALSE(read.ok()) << "cut at " << cut;
        ASSERT_NE(read.error().find("cut.tmdl"), std::string::npos) << read.error();
        // Also with the header patched to agree with the shorter size.
        if (cut >= kModelFileHeaderSize) {
            uint64_t payload = cut - kModelFileHeaderSize;
            std::memcpy(truncated.data() + 16, &payload, 8);
            reseal(truncated);
            Result<ModelFileContents> patched = parseModelFile(truncated, "cut.tmdl");
            ASSERT_FALSE(patched.ok()) << "cut at " << cut;
        }
    }
}

TEST(ModelFile, TruncatedFileOnDisk) {
    test::TempDir dir;
    const auto path = dir / "model.tmdl";
    ASSERT_TRUE(writeModelFile(makeSampleModel(), path).ok());
    std::vector<uint8_t> bytes = test::readBytes(path);
    bytes.resize(bytes.size() / 2);
    test::writeBytes(path, bytes);
    Result<ModelData> read = readModelFile(path);
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().find(path.string()), std::string::npos) << read.error();
    EXPECT_NE(read.error().find("truncated"), std::string::npos) << read.error();
}

TEST(ModelFile, ChecksumCatchesEveryByteFlip) {
    const std::vector<uint8_t> bytes = encodeModelFile(makeSampleModel(), sampleDependencies());
    std::mt19937 random(1234);
    for (int round = 0; round < 3000; ++round) {
        std::vector<uint8_t> corrupt = bytes;
        const size_t at = random() % corrupt.size();
        corrupt[at] ^= uint8_t(1 + random() % 255);
        Result<ModelFileContents> read = parseModelFile(corrupt, "flip.tmdl");
        ASSERT_FALSE(read.ok()) << "byte " << at;
    }
}

// The field checks on their own (hash fixed up after each corruption): never
// a crash, and whatever parses is consistent.
TEST(ModelFile, SurvivesRandomCorruptionWithoutChecksum) {
    const std::vector<uint8_t> bytes = encodeModelFile(makeSampleModel(), sampleDependencies());
    std::mt19937 random(20261125);
    int rejected = 0;
    for (int round = 0; round < 20000; ++round) {
        std::vector<uint8_t> corrupt = bytes;
        const int flips = 1 + int(random() % 4);
        for (int f = 0; f < flips; ++f) {
            const size_t at = kModelFileHeaderSize + random() % (corrupt.size() - kModelFileHeaderSize);
            switch (random() % 3) {
                case 0: corrupt[at] ^= uint8_t(1u << (random() % 8)); break;
                case 1: corrupt[at] = 0xff; break;
                default: corrupt[at] = uint8_t(random()); break;
            }
        }
        if (random() % 8 == 0) corrupt.resize(kModelFileHeaderSize + random() % (corrupt.size() - kModelFileHeaderSize));
        reseal(corrupt);
        ModelFileParseOptions options;
        options.verifyChecksum = false;
        Result<ModelFileContents> read = parseModelFile(corrupt, "fuzz.tmdl", options);
        if (!read.ok()) {
            ++rejected;
            ASSERT_NE(read.error().find("fuzz.tmdl"), std::string::npos);
            continue;
        }
        expectConsistent(read->model);
    }
    EXPECT_GT(rejected, 1000);
}

// Corrupts one field in a valid encoding and returns the parse error.
std::string errorAfter(const ModelData& model) {
    std::vector<uint8_t> bytes = encodeModelFile(model);
    Result<ModelFileContents> read = parseModelFile(bytes, "bad.tmdl");
    EXPECT_FALSE(read.ok());
    return read.ok() ? std::string() : read.error();
}

TEST(ModelFile, RejectsOutOfRangeReferencesNamingTheField) {
    {
        ModelData m = makeSampleModel();
        m.meshes[1].materialIndex = 2;
        EXPECT_NE(errorAfter(m).find("meshes[1].materialIndex"), std::string::npos) << errorAfter(m);
    }
    {
        ModelData m = makeSampleModel();
        m.materials[0].normalTexture = 3;
        EXPECT_NE(errorAfter(m).find("materials[0].normalTexture"), std::string::npos) << errorAfter(m);
    }
    {
        ModelData m = makeSampleModel();
        m.materials[1].emissiveTexture = -2;
        EXPECT_NE(errorAfter(m).find("materials[1].emissiveTexture"), std::string::npos) << errorAfter(m);
    }
    {
        ModelData m = makeSampleModel();
        m.nodes[1].parent = 1;  // itself
        EXPECT_NE(errorAfter(m).find("nodes[1].parent"), std::string::npos) << errorAfter(m);
        m.nodes[1].parent = 3;  // a later node
        EXPECT_NE(errorAfter(m).find("nodes[1].parent"), std::string::npos);
    }
    {
        ModelData m = makeSampleModel();
        m.nodes[3].meshes = {2};
        EXPECT_NE(errorAfter(m).find("nodes[3].meshes"), std::string::npos) << errorAfter(m);
    }
    {
        ModelData m = makeSampleModel();
        m.meshes[0].indices[4] = uint32_t(m.meshes[0].vertices.size());
        EXPECT_NE(errorAfter(m).find("meshes[0].indices"), std::string::npos) << errorAfter(m);
    }
    {
        ModelData m = makeSampleModel();
        m.meshes[0].indices.pop_back();
        EXPECT_NE(errorAfter(m).find("multiple of 3"), std::string::npos) << errorAfter(m);
    }
    {
        ModelData m = makeSampleModel();
        m.textures[0].mips[1].pop_back();  // a level that does not match the size
        const std::string error = errorAfter(m);
        EXPECT_TRUE(error.find("textures") != std::string::npos || error.find("TEXS") != std::string::npos) << error;
    }
    {
        ModelData m = makeSampleModel();
        m.textures[1].mips.push_back({0, 0, 0, 0});  // one level more than 5x3 has
        EXPECT_NE(errorAfter(m).find("textures[1].mipCount"), std::string::npos) << errorAfter(m);
    }
    {
        ModelData m = makeSampleModel();
        m.animations[0].channels[1].node = int32_t(m.nodes.size());
        EXPECT_NE(errorAfter(m).find("animations[0].channels[1].node"), std::string::npos) << errorAfter(m);
    }
    {
        ModelData m = makeSampleModel();
        std::swap(m.animations[0].channels[0].rotations[0], m.animations[0].channels[0].rotations[1]);
        EXPECT_NE(errorAfter(m).find("animations[0].channels[0].rotations[1].time"), std::string::npos)
            << errorAfter(m);
    }
    {
        ModelData m = makeSampleModel();
        m.animations[1].duration = -1.0f;
        EXPECT_NE(errorAfter(m).find("animations[1].duration"), std::string::npos) << errorAfter(m);
    }
    {
        ModelData m = makeSampleModel();
        m.animations[0].channels[1].positions[1].value.y = std::numeric_limits<float>::infinity();
        EXPECT_NE(errorAfter(m).find("animations[0].channels[1].positions[1].value"), std::string::npos)
            << errorAfter(m);
    }
    {
        ModelData m = makeSampleModel();
        m.materials[0].roughnessFactor = std::numeric_limits<float>::quiet_NaN();
        EXPECT_NE(errorAfter(m).find("materials[0].roughnessFactor"), std::string::npos) << errorAfter(m);
    }
}

TEST(ModelFile, AbsurdCountsAllocateNothing) {
    // A vertex count of 4 billion in a small file must be refused by size,
    // not attempted. Find the first mesh's vertexCount: it follows the name
    // "quads", the material index and the bounds.
    std::vector<uint8_t> bytes = encodeModelFile(makeSampleModel());
    const std::string name = "quads";
    auto it = std::search(bytes.begin(), bytes.end(), name.begin(), name.end());
    ASSERT_NE(it, bytes.end());
    const size_t vertexCountAt = size_t(it - bytes.begin()) + name.size() + 4 + 24;
    const uint32_t huge = 0xffffffffu;
    std::memcpy(bytes.data() + vertexCountAt, &huge, 4);
    reseal(bytes);
    Result<ModelFileContents> read = parseModelFile(bytes, "huge.tmdl");
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().find("meshes[0]"), std::string::npos) << read.error();

    // Section item counts.
    for (uint32_t count : {0x7fffffffu, 0xffffffffu}) {
        std::vector<uint8_t> b = encodeModelFile(makeSampleModel());
        const uint32_t node = 'N' | 'O' << 8 | 'D' << 16 | uint32_t('E') << 24;
        for (size_t at = kModelFileHeaderSize; at + 8 <= b.size(); ++at)
            if (std::memcmp(b.data() + at, &node, 4) == 0) {
                std::memcpy(b.data() + at + 4, &count, 4);
                break;
            }
        reseal(b);
        EXPECT_FALSE(parseModelFile(b, "count.tmdl").ok());
    }
}

TEST(ModelFile, RejectsOtherVersionsAndMagic) {
    std::vector<uint8_t> bytes = encodeModelFile(makeSampleModel());
    std::vector<uint8_t> other = bytes;
    const uint32_t version = kModelFileVersion + 1;
    std::memcpy(other.data() + 8, &version, 4);
    Result<ModelFileContents> read = parseModelFile(other, "v.tmdl");
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().find("version"), std::string::npos);
    other = bytes;
    other[0] = 'X';
    read = parseModelFile(other, "m.tmdl");
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().find("magic"), std::string::npos);
    EXPECT_FALSE(parseModelFile({}, "zero.tmdl").ok());
}

TEST(ModelFile, DependenciesNoticeChanges) {
    test::TempDir dir;
    const auto file = dir / "texture.png";
    test::writeText(file, "first");
    std::vector<FileDependency> deps = {describeFile(file), describeFile(dir / "absent.png")};
    EXPECT_TRUE(deps[0].exists);
    EXPECT_EQ(deps[0].size, 5u);
    EXPECT_FALSE(deps[1].exists);
    EXPECT_TRUE(dependenciesUnchanged(deps));

    std::filesystem::last_write_time(file, std::filesystem::last_write_time(file) + std::chrono::seconds(5));
    std::string reason;
    EXPECT_FALSE(dependenciesUnchanged(deps, &reason));
    EXPECT_NE(reason.find("texture.png"), std::string::npos);

    deps[0] = describeFile(file);
    EXPECT_TRUE(dependenciesUnchanged(deps));
    test::writeText(dir / "absent.png", "now here");
    EXPECT_FALSE(dependenciesUnchanged(deps, &reason));
    EXPECT_NE(reason.find("appeared"), std::string::npos);
}

}  // namespace
}  // namespace engine
