#include "content/scene_file.h"

#include <gtest/gtest.h>

#include <fstream>

namespace twin {
namespace {

class SceneFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = std::filesystem::temp_directory_path() / ("twin_scene_test_" + std::to_string(::getpid()));
        std::filesystem::create_directories(root_ / "scenes");
        std::filesystem::create_directories(root_ / "assets");
    }
    void TearDown() override { std::filesystem::remove_all(root_); }
    std::filesystem::path write(const std::string& text) {
        std::filesystem::path file = root_ / "scenes" / "s.json";
        std::ofstream(file) << text;
        return file;
    }
    std::filesystem::path root_;
};

TEST_F(SceneFileTest, ReadsModelsAndPlacement) {
    SceneDescription s = loadSceneFile(write(R"({"assetRoot": "..", "name": {"fr": "Bâtiment", "en": "Building"},
        "building": {"models": [{"file": "../assets/a.glb", "position": [1, 2, 3]}]}})"));
    EXPECT_TRUE(s.issues.empty()) << s.issues.front().message;
    ASSERT_EQ(s.models.size(), 1u);
    EXPECT_EQ(s.models[0].file.filename(), "a.glb");
    EXPECT_EQ(glm::vec3(s.models[0].transform[3]), glm::vec3(1, 2, 3));
    EXPECT_EQ(s.name.fr, "Bâtiment");
}

TEST_F(SceneFileTest, PathsMayNotLeaveTheAssetRoot) {
    SceneDescription s = loadSceneFile(write(R"({"building": {"models": [{"file": "../assets/a.glb"}, {"file": "b.glb"}]}})"));
    ASSERT_EQ(s.issues.size(), 1u);
    EXPECT_NE(s.issues[0].where.find("/building/models/0/file"), std::string::npos);
    ASSERT_EQ(s.models.size(), 1u);  // the valid one is kept
}

TEST_F(SceneFileTest, BadJsonAndWrongTypesAreReported) {
    EXPECT_FALSE(loadSceneFile(write("{ not json")).issues.empty());
    SceneDescription s = loadSceneFile(write(R"({"building": {"models": [{"file": "a.glb", "position": [1, 2]}]}})"));
    ASSERT_EQ(s.issues.size(), 1u);
    EXPECT_NE(s.issues[0].where.find("/building/models/0/position"), std::string::npos);
    EXPECT_TRUE(s.models.empty());
    EXPECT_FALSE(loadSceneFile(root_ / "scenes" / "missing.json").issues.empty());
}

}  // namespace
}  // namespace twin
