// The checks made before any import (engine/assets/model_file_check.h):
// one set of messages for the in-process and the isolated importer.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "assets/assimp_importer.h"
#include "assets/isolated_importer.h"
#include "assets/model_file_check.h"
#include "test_support.h"

namespace engine {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

TEST(ModelFileCheck, PrefixNamesTheFile) {
    EXPECT_EQ(cannotOpenPrefix("models/x.glb"), "cannot open \"models/x.glb\": ");
}

TEST(ModelFileCheck, RegularFileAndLinkToOnePass) {
    TempDir dir;
    test::writeText(dir / "box.obj", "v 0 0 0\n");
    EXPECT_TRUE(checkModelFile(dir / "box.obj").ok());
    fs::create_symlink(dir / "box.obj", dir / "link.obj");
    EXPECT_TRUE(checkModelFile(dir / "link.obj").ok());
    // Empty or of any extension: what is inside is the importer's business.
    test::writeText(dir / "empty.xyz", "");
    EXPECT_TRUE(checkModelFile(dir / "empty.xyz").ok());
}

TEST(ModelFileCheck, MissingFile) {
    TempDir dir;
    Status missing = checkModelFile(dir / "none.glb");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error(), "cannot open \"" + (dir / "none.glb").string() + "\": no such file");
    fs::create_symlink(dir / "none.glb", dir / "dangling.glb");
    Status dangling = checkModelFile(dir / "dangling.glb");
    ASSERT_FALSE(dangling.ok());
    EXPECT_EQ(dangling.error(), "cannot open \"" + (dir / "dangling.glb").string() + "\": no such file");
    EXPECT_FALSE(checkModelFile("").ok());
}

TEST(ModelFileCheck, FolderAndSpecialFile) {
    TempDir dir;
    Status folder = checkModelFile(dir.path());
    ASSERT_FALSE(folder.ok());
    EXPECT_EQ(folder.error(), "cannot open \"" + dir.path().string() + "\": it is a folder, not a model file");
    ASSERT_EQ(::mkfifo((dir / "pipe.obj").c_str(), 0600), 0);
    Status fifo = checkModelFile(dir / "pipe.obj");
    ASSERT_FALSE(fifo.ok());
    EXPECT_EQ(fifo.error(), "cannot open \"" + (dir / "pipe.obj").string() + "\": not a regular file");
}

// Both importers refuse with the check's very words, before any work.
TEST(ModelFileCheck, BothImportersUseIt) {
    TempDir dir;
    ASSERT_EQ(::mkfifo((dir / "pipe.obj").c_str(), 0600), 0);
    for (const fs::path& file : {dir / "none.obj", dir.path(), dir / "pipe.obj"}) {
        const std::string expected = checkModelFile(file).error();
        Result<ModelData> direct = importWithAssimp(file, {});
        ASSERT_FALSE(direct.ok());
        EXPECT_EQ(direct.error(), expected);
        IsolatedImportDesc desc;
        desc.workerExecutable = "/nonexistent/worker";  // never started
        Result<ImportOutcome> isolated = IsolatedImporter(desc).import(file);
        ASSERT_FALSE(isolated.ok());
        EXPECT_EQ(isolated.error(), expected);
    }
}

}  // namespace
}  // namespace engine
