// IsolatedImporter: the real worker (success, cache, stale cache) and a
// misbehaving one (crash, hang, unbounded allocation).
#include "assets/isolated_importer.h"

#include <chrono>
#include <cstdlib>
#include <optional>

#include <gtest/gtest.h>

#include "assets/model_file.h"
#include "test_support.h"

namespace engine {
namespace {

namespace fs = std::filesystem;

IsolatedImportDesc realWorker(const fs::path& cache = {}) {
    IsolatedImportDesc desc;
    desc.workerExecutable = TEST_IMPORT_WORKER;
    desc.cacheDirectory = cache;
    return desc;
}

IsolatedImportDesc misbehavingWorker() {
    IsolatedImportDesc desc;
    desc.workerExecutable = TEST_MISBEHAVING_WORKER;
    return desc;
}

std::vector<fs::path> filesIn(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path());
    return files;
}

TEST(IsolatedImporter, ImportsThroughTheWorker) {
    IsolatedImporter importer(realWorker());
    Result<ImportOutcome> outcome = importer.import(test::modelsDir() / "textured_cube.glb");
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    EXPECT_FALSE(outcome->fromCache);
    EXPECT_EQ(outcome->model.triangleCount(), 12u);
    ASSERT_EQ(outcome->model.textures.size(), 1u);
    EXPECT_EQ(outcome->model.textures[0].width, 128u);
    EXPECT_GT(outcome->seconds, 0.0);
}

TEST(IsolatedImporter, SecondOpenComesFromTheCache) {
    test::TempDir cache;
    IsolatedImporter importer(realWorker(cache.path()));
    const fs::path model = test::modelsDir() / "pbr_sphere.glb";
    Result<ImportOutcome> first = importer.import(model);
    ASSERT_TRUE(first.ok()) << first.error();
    EXPECT_FALSE(first->fromCache);
    ASSERT_EQ(filesIn(cache.path()).size(), 1u);
    EXPECT_EQ(filesIn(cache.path())[0].extension(), ".tmdl");

    // A missing worker proves that no process is started on a hit.
    IsolatedImportDesc noWorker = realWorker(cache.path());
    noWorker.workerExecutable = "/nonexistent/worker";
    Result<ImportOutcome> second = IsolatedImporter(noWorker).import(model);
    ASSERT_TRUE(second.ok()) << second.error();
    EXPECT_TRUE(second->fromCache);
    EXPECT_EQ(second->model.triangleCount(), first->model.triangleCount());
    EXPECT_EQ(second->model.textures.size(), 5u);
    EXPECT_EQ(second->model.textures[0].mips, first->model.textures[0].mips);
    std::printf("pbr_sphere.glb: worker import %.1f ms, cache hit %.1f ms\n", first->seconds * 1000,
                second->seconds * 1000);
    EXPECT_LT(second->seconds, first->seconds);
}

TEST(IsolatedImporter, OtherSettingsDoNotShareCacheEntries) {
    test::TempDir cache;
    IsolatedImportDesc desc = realWorker(cache.path());
    const fs::path model = test::modelsDir() / "textured_cube.glb";
    ASSERT_TRUE(IsolatedImporter(desc).import(model).ok());
    desc.settings.maxTextureSize = 32;
    Result<ImportOutcome> small = IsolatedImporter(desc).import(model);
    ASSERT_TRUE(small.ok()) << small.error();
    EXPECT_FALSE(small->fromCache);
    EXPECT_EQ(small->model.textures[0].width, 32u);
    EXPECT_EQ(filesIn(cache.path()).size(), 2u);
}

TEST(IsolatedImporter, ChangedTextureInvalidatesTheCache) {
    test::TempDir work, cache;
    fs::create_directories(work.path() / "textures");
    fs::copy_file(test::modelsDir() / "textured_cube_external.gltf", work / "cube.gltf");
    fs::copy_file(test::modelsDir() / "textured_cube_external.bin", work / "textured_cube_external.bin");
    fs::copy_file(test::modelsDir() / "textures/checker.png", work / "textures/checker.png");
    IsolatedImporter importer(realWorker(cache.path()));

    Result<ImportOutcome> first = importer.import(work / "cube.gltf");
    ASSERT_TRUE(first.ok()) << first.error();
    EXPECT_FALSE(first->fromCache);
    EXPECT_EQ(first->model.textures[0].width, 128u);
    Result<ImportOutcome> hit = importer.import(work / "cube.gltf");
    ASSERT_TRUE(hit.ok());
    EXPECT_TRUE(hit->fromCache);

    // Another image under the same name (64x64), with a later mtime.
    fs::copy_file(test::modelsDir() / "textures/crate.png", work / "textures/checker.png",
                  fs::copy_options::overwrite_existing);
    fs::last_write_time(work / "textures/checker.png", fs::file_time_type::clock::now() + std::chrono::seconds(2));
    Result<ImportOutcome> again = importer.import(work / "cube.gltf");
    ASSERT_TRUE(again.ok()) << again.error();
    EXPECT_FALSE(again->fromCache);
    EXPECT_EQ(again->model.textures[0].width, 64u);
    EXPECT_TRUE(importer.import(work / "cube.gltf")->fromCache);

    // A companion that disappears: imported again (and now it fails).
    fs::remove(work / "textured_cube_external.bin");
    Result<ImportOutcome> gone = importer.import(work / "cube.gltf");
    EXPECT_FALSE(gone.ok() && gone->fromCache);
}

TEST(IsolatedImporter, TextureThatAppearsInvalidatesThePlaceholder) {
    test::TempDir work, cache;
    fs::copy_file(test::modelsDir() / "missing_texture.gltf", work / "model.gltf");
    fs::copy_file(test::modelsDir() / "missing_texture.bin", work / "missing_texture.bin");
    IsolatedImporter importer(realWorker(cache.path()));
    Result<ImportOutcome> first = importer.import(work / "model.gltf");
    ASSERT_TRUE(first.ok()) << first.error();
    EXPECT_TRUE(first->model.textures[0].placeholder);
    EXPECT_EQ(first->model.warnings.size(), 1u);
    EXPECT_TRUE(importer.import(work / "model.gltf")->fromCache);

    fs::create_directories(work.path() / "textures");
    fs::copy_file(test::modelsDir() / "textures/checker.png", work / "textures/does_not_exist.png");
    Result<ImportOutcome> fixed = importer.import(work / "model.gltf");
    ASSERT_TRUE(fixed.ok()) << fixed.error();
    EXPECT_FALSE(fixed->fromCache);
    EXPECT_FALSE(fixed->model.textures[0].placeholder);
    EXPECT_TRUE(fixed->model.warnings.empty());
}

TEST(IsolatedImporter, CorruptCacheFileIsReplaced) {
    test::TempDir cache;
    IsolatedImporter importer(realWorker(cache.path()));
    const fs::path model = test::modelsDir() / "textured_cube.glb";
    ASSERT_TRUE(importer.import(model).ok());
    const fs::path entry = filesIn(cache.path()).at(0);
    std::vector<uint8_t> bytes = test::readBytes(entry);
    bytes[bytes.size() / 2] ^= 0x5a;
    test::writeBytes(entry, bytes);

    Result<ImportOutcome> again = importer.import(model);
    ASSERT_TRUE(again.ok()) << again.error();
    EXPECT_FALSE(again->fromCache);
    EXPECT_TRUE(readModelFile(entry).ok());
    EXPECT_TRUE(importer.import(model)->fromCache);

    test::writeText(entry, "garbage");
    again = importer.import(model);
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again->fromCache);
}

TEST(IsolatedImporter, VeryDeepHierarchyThroughTheWorker) {
    // 20,000 nested nodes, each 1 mm above its parent, a triangle on every
    // 1,000th. Assimp recurses over the tree: the worker gives it a large
    // stack, and the conversion itself is iterative.
    constexpr int kDepth = 20000;
    std::string nodes;
    for (int i = 0; i < kDepth; ++i) {
        if (i) nodes += ",";
        nodes += R"({"name":"n)" + std::to_string(i) + R"(","translation":[0,0.001,0])";
        if (i + 1 < kDepth) nodes += R"(,"children":[)" + std::to_string(i + 1) + "]";
        if (i % 1000 == 999) nodes += R"(,"mesh":0)";
        nodes += "}";
    }
    test::TempDir dir;
    test::writeText(dir / "deep.gltf", test::triangleGltf(nodes, "0"));
    Result<ImportOutcome> outcome = IsolatedImporter(realWorker()).import(dir / "deep.gltf");
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    const ModelData& m = outcome->model;
    ASSERT_GE(m.nodes.size(), size_t(kDepth));
    EXPECT_EQ(m.triangleCount(), size_t(kDepth / 1000));
    const std::vector<glm::mat4> world = m.worldTransforms();
    EXPECT_NEAR(world.back()[3][1], kDepth * 0.001f, 1e-2f);
    EXPECT_NEAR(m.computeBounds().max.y, kDepth * 0.001f + 1.0f, 1e-2f);
}

TEST(IsolatedImporter, AssimpErrorsComeBackAsOneLine) {
    test::TempDir work;
    test::writeText(work / "empty.obj", "");
    IsolatedImporter importer(realWorker());
    Result<ImportOutcome> outcome = importer.import(work / "empty.obj");
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().find('\n'), std::string::npos);
    EXPECT_EQ(outcome.error().rfind("cannot open \"" + (work / "empty.obj").string() + "\": Assimp: ", 0), 0u)
        << outcome.error();
}

TEST(IsolatedImporter, MissingFileAndFolderNeedNoWorker) {
    IsolatedImportDesc desc = realWorker();
    desc.workerExecutable = "/nonexistent/worker";  // would fail differently if spawned
    IsolatedImporter importer(desc);
    Result<ImportOutcome> missing = importer.import("/nonexistent/model.glb");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error(), "cannot open \"/nonexistent/model.glb\": no such file");
    Result<ImportOutcome> folder = importer.import(test::modelsDir());
    ASSERT_FALSE(folder.ok());
    EXPECT_NE(folder.error().find("it is a folder"), std::string::npos) << folder.error();
}

TEST(IsolatedImporter, MissingWorkerIsReported) {
    IsolatedImportDesc desc = realWorker();
    desc.workerExecutable = "/nonexistent/worker";
    Result<ImportOutcome> outcome = IsolatedImporter(desc).import(test::modelsDir() / "textured_cube.glb");
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().find("could not be started"), std::string::npos) << outcome.error();
}

// Writes a file telling the misbehaving worker what to do.
fs::path modeFile(const test::TempDir& dir, const std::string& mode) {
    const fs::path file = dir / (mode + ".model");
    test::writeText(file, mode);
    return file;
}

TEST(IsolatedImporter, WorkerCrashIsAnError) {
    test::TempDir dir;
    Result<ImportOutcome> outcome = IsolatedImporter(misbehavingWorker()).import(modeFile(dir, "crash"));
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().find("crash.model"), std::string::npos) << outcome.error();
    EXPECT_NE(outcome.error().find("the importer crashed (signal 11, Segmentation fault) inside Assimp"),
              std::string::npos)
        << outcome.error();
    // No core dump left behind.
    EXPECT_FALSE(fs::exists(dir / "core"));

    Result<ImportOutcome> aborted = IsolatedImporter(misbehavingWorker()).import(modeFile(dir, "abort"));
    ASSERT_FALSE(aborted.ok());
    EXPECT_NE(aborted.error().find("signal 6"), std::string::npos) << aborted.error();
}

TEST(IsolatedImporter, HangingWorkerIsStopped) {
    test::TempDir dir;
    IsolatedImportDesc desc = misbehavingWorker();
    desc.timeoutSeconds = 1.0;
    const auto start = std::chrono::steady_clock::now();
    Result<ImportOutcome> outcome = IsolatedImporter(desc).import(modeFile(dir, "hang"));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().find("took longer than 1 s and was stopped"), std::string::npos) << outcome.error();
    EXPECT_LT(seconds, 3.0);
    EXPECT_GE(seconds, 0.9);
}

TEST(IsolatedImporter, SpinningWorkerHitsTheLimit) {
    test::TempDir dir;
    IsolatedImportDesc desc = misbehavingWorker();
    desc.timeoutSeconds = 1.0;
    Result<ImportOutcome> outcome = IsolatedImporter(desc).import(modeFile(dir, "spin"));
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().find("took longer than 1 s"), std::string::npos) << outcome.error();
}

TEST(IsolatedImporter, GreedyWorkerRunsOutOfMemory) {
    test::TempDir dir;
    IsolatedImportDesc desc = misbehavingWorker();
    desc.memoryLimitBytes = 256ull << 20;
    const auto start = std::chrono::steady_clock::now();
    Result<ImportOutcome> outcome = IsolatedImporter(desc).import(modeFile(dir, "allocate"));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().find("ran out of memory (limit 256 MiB)"), std::string::npos) << outcome.error();
    EXPECT_LT(seconds, 10.0);

    desc.memoryLimitBytes = 2ull << 30;
    outcome = IsolatedImporter(desc).import(modeFile(dir, "allocate"));
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().find("ran out of memory (limit 2.0 GiB)"), std::string::npos) << outcome.error();
}

TEST(IsolatedImporter, GarbageOutputAndWorkerErrors) {
    test::TempDir dir, cache;
    IsolatedImportDesc desc = misbehavingWorker();
    desc.cacheDirectory = cache.path();
    Result<ImportOutcome> garbage = IsolatedImporter(desc).import(modeFile(dir, "garbage"));
    ASSERT_FALSE(garbage.ok());
    EXPECT_NE(garbage.error().find("unreadable model file"), std::string::npos) << garbage.error();
    EXPECT_TRUE(filesIn(cache.path()).empty()) << "the bad file is not kept";

    Result<ImportOutcome> error = IsolatedImporter(desc).import(modeFile(dir, "error"));
    ASSERT_FALSE(error.ok());
    EXPECT_EQ(error.error(), "cannot open \"" + (dir / "error.model").string() +
                                 "\": the test worker refuses this file");
}

TEST(IsolatedImporter, DefaultCacheDirectoryFollowsXdg) {
    auto saved = [](const char* name) -> std::optional<std::string> {
        const char* v = std::getenv(name);
        return v ? std::optional<std::string>(v) : std::nullopt;
    };
    const auto xdg = saved("XDG_CACHE_HOME");
    const auto home = saved("HOME");
    ::setenv("XDG_CACHE_HOME", "/xdg/cache", 1);
    EXPECT_EQ(defaultCacheDirectory("twin-tour"), fs::path("/xdg/cache/twin-tour/models"));
    ::unsetenv("XDG_CACHE_HOME");
    ::setenv("HOME", "/home/visitor", 1);
    EXPECT_EQ(defaultCacheDirectory("twin-tour"), fs::path("/home/visitor/.cache/twin-tour/models"));
    if (xdg) ::setenv("XDG_CACHE_HOME", xdg->c_str(), 1);
    if (home)
        ::setenv("HOME", home->c_str(), 1);
    else
        ::unsetenv("HOME");
}

}  // namespace
}  // namespace engine
