// Texture path resolution for the ways files name their textures.
#include "assets/texture_path.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace engine {
namespace {

namespace fs = std::filesystem;

class TexturePath : public ::testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(dir_.path() / "textures");
        fs::create_directories(dir_.path() / "Maps" / "Sub");
        test::writeText(dir_ / "textures/crate.png", "x");
        test::writeText(dir_ / "IMAGE1.jpg", "x");
        test::writeText(dir_ / "wood grain.jpg", "x");
        test::writeText(dir_.path() / "Maps" / "Sub" / "Rust.PNG", "x");
    }
    std::optional<fs::path> resolve(std::string_view reference) { return resolveTexturePath(dir_.path(), reference); }
    fs::path at(const std::string& relative) { return (dir_.path() / relative).lexically_normal(); }

    test::TempDir dir_;
};

TEST_F(TexturePath, FindsTheWaysFilesNameTextures) {
    EXPECT_EQ(resolve("textures/crate.png"), at("textures/crate.png"));
    EXPECT_EQ(resolve("textures\\crate.png"), at("textures/crate.png"));
    EXPECT_EQ(resolve(".\\textures\\crate.png"), at("textures/crate.png"));
    EXPECT_EQ(resolve("./textures/crate.png"), at("textures/crate.png"));
    EXPECT_EQ(resolve("D:\\projects\\x\\crate.png"), std::nullopt);  // not next to the model
    EXPECT_EQ(resolve("D:\\projects\\x\\IMAGE1.jpg"), at("IMAGE1.jpg"));
    EXPECT_EQ(resolve("C:/Users/me/IMAGE1.jpg"), at("IMAGE1.jpg"));
    EXPECT_EQ(resolve("IMAGE1.JPG"), at("IMAGE1.jpg"));
    EXPECT_EQ(resolve("image1.jpg"), at("IMAGE1.jpg"));
    EXPECT_EQ(resolve("wood%20grain.jpg"), at("wood grain.jpg"));
    EXPECT_EQ(resolve("maps\\sub\\rust.png"), at("Maps/Sub/Rust.PNG"));
    EXPECT_EQ(resolve("file://IMAGE1.jpg"), at("IMAGE1.jpg"));
    EXPECT_EQ(resolve((dir_.path() / "IMAGE1.jpg").string()), at("IMAGE1.jpg"));
}

TEST_F(TexturePath, RefusesMissingAndAbsurdReferences) {
    EXPECT_EQ(resolve("textures/none.png"), std::nullopt);
    EXPECT_EQ(resolve(""), std::nullopt);
    EXPECT_EQ(resolve("textures"), std::nullopt);  // a folder
    EXPECT_EQ(resolve("http://example.com/IMAGE1.jpg"), std::nullopt);
    EXPECT_EQ(resolve("data:image/png;base64,AAAA"), std::nullopt);
    EXPECT_EQ(resolve(std::string(5000, 'a')), std::nullopt);
    EXPECT_EQ(resolve(std::string("IMAGE1.jpg\0x", 12)), std::nullopt);
}

}  // namespace
}  // namespace engine
