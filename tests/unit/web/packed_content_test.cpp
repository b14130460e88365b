// What the browser opens: the default scene with every model read from the
// files twin-tour-pack wrote (the web.pack test, run before this one), through
// the content loader's ModelOpener, as app/web/web_content.cpp does.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <vector>

#include "assets/model_file.h"
#include "content/content_loader.h"
#include "web/web_content.h"

namespace twin::web {
namespace {

const std::filesystem::path kSource = TWIN_SOURCE_DIR;
const std::filesystem::path kPacked = TWIN_PACK_DIR;

// Opens each model from its converted file, noting which were asked for.
ModelOpener packedOpener(std::set<std::filesystem::path>& opened) {
    return [&opened](const std::filesystem::path& file) -> engine::Result<engine::ImportOutcome> {
        opened.insert(file);
        const std::filesystem::path packed =
            convertedModelFile(kPacked / file.lexically_normal().lexically_relative(kSource));
        auto model = engine::readModelFile(packed);
        if (!model) return engine::makeError(model.error());
        engine::ImportOutcome outcome;
        outcome.model = std::move(model).value();
        return outcome;
    };
}

TEST(PackedContent, TheDefaultSceneOpensFromTheConvertedModels) {
    const std::filesystem::path scene = kSource / "scenes" / "twin.json";
    std::set<std::filesystem::path> opened;
    LoadedContent content = loadContent(scene, packedOpener(opened), true);
    ASSERT_TRUE(content.scene);
    for (const std::string& error : content.errors) ADD_FAILURE() << error;
    // The building and every distinct machine model, each once.
    EXPECT_EQ(content.models.size(), opened.size());
    EXPECT_GE(content.models.size(), 10u);
    size_t placements = 0;
    for (const LoadedModel& model : content.models) {
        EXPECT_FALSE(model.layout.meshes.empty()) << model.file;
        placements += model.placements.size();
    }
    EXPECT_EQ(placements, content.scene->building.models.size() + content.scene->machines.size());
    ASSERT_TRUE(content.bvh);
}

// The light the pack baked fits the layout the browser makes of the same
// models: read, not traced; without it, the building is lit per pixel.
TEST(PackedContent, TheBuildingsBakedLightIsReadFromThePack) {
    const std::filesystem::path scene = kSource / "scenes" / "twin.json";
    std::set<std::filesystem::path> opened;
    LoadedContent content = loadContent(scene, packedOpener(opened), false, bakedLightDirectory(kPacked / "scenes" / "twin.json"));
    EXPECT_TRUE(content.light.fromCache) << content.light.cacheError;
    EXPECT_GT(content.light.meshes, 100u);
    EXPECT_TRUE(content.light.cacheError.empty()) << content.light.cacheError;

    LoadedContent unlit = loadContent(scene, packedOpener(opened), false, kPacked / "no-light-here");
    EXPECT_EQ(unlit.light.meshes, 0u);

    // One light file, the one read: a stale one from an earlier pack is gone.
    std::vector<std::filesystem::path> lightFiles;
    for (const auto& entry : std::filesystem::directory_iterator(bakedLightDirectory(kPacked / "scenes" / "twin.json")))
        lightFiles.push_back(entry.path().filename());
    ASSERT_EQ(lightFiles.size(), 1u);
    EXPECT_EQ(lightFiles[0], content.light.file.filename());
}

TEST(PackedContent, AModelThatWasNotConvertedIsAnErrorNamingIt) {
    ModelOpener open = [](const std::filesystem::path& file) -> engine::Result<engine::ImportOutcome> {
        auto model = engine::readModelFile(convertedModelFile(kPacked / "nowhere" / file.filename()));
        if (!model) return engine::makeError(file.filename().string() + ": " + model.error());
        return engine::ImportOutcome{std::move(model).value()};
    };
    LoadedContent content = loadContent(kSource / "scenes" / "twin.json", open, false);
    EXPECT_FALSE(content.ok());
    bool named = false;
    for (const std::string& error : content.errors) named = named || error.find("twin_building.glb") != std::string::npos;
    EXPECT_TRUE(named) << "no error names the building's model";
}

}  // namespace
}  // namespace twin::web
