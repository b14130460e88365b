// bakeBuildingLight: the building's light is traced once, kept in the
// cache folder under a key of all it depends on, read back the same, and
// traced again when the file is damaged or the scene changed.
#include "content/baked_light.h"

#include <gtest/gtest.h>

#include <fstream>

#include <glm/gtc/matrix_transform.hpp>

namespace twin {
namespace {

// A building: a 10 m floor with a roof over half of it; a machine (a box
// standing on the floor) placed at `machineAt`.
LoadedContent smallScene(glm::vec3 machineAt = {7, 0, 7}) {
    auto quad = [](glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, glm::vec3 n) {
        engine::MeshData mesh;
        for (glm::vec3 p : {a, b, c, d}) {
            engine::Vertex v;
            v.position = p;
            v.normal = n;
            mesh.vertices.push_back(v);
            mesh.bounds.expand(p);
        }
        mesh.indices = {0, 1, 2, 0, 2, 3};
        return mesh;
    };
    LoadedContent content;
    LoadedModel building;
    building.layout.materials.resize(1);
    building.layout.meshes = {quad({0, 0, 0}, {0, 0, 10}, {10, 0, 10}, {10, 0, 0}, {0, 1, 0}),
                              quad({0, 3, 0}, {5, 3, 0}, {5, 3, 10}, {0, 3, 10}, {0, -1, 0})};
    building.layout.placements = {{0, glm::mat4(1.0f), -1, -1}, {1, glm::mat4(1.0f), -1, -1}};
    building.placements = {glm::mat4(1.0f)};
    building.placementObjects = {kBuildingObjectBase};
    LoadedModel machine;
    machine.layout.materials.resize(1);
    machine.layout.meshes = {quad({0, 1, 0}, {0, 1, 1}, {1, 1, 1}, {1, 1, 0}, {0, 1, 0})};
    machine.layout.placements = {{0, glm::mat4(1.0f), -1, -1}};
    machine.placements = {glm::translate(glm::mat4(1.0f), machineAt)};
    machine.placementObjects = {kMachineObjectBase};
    content.models = {std::move(building), std::move(machine)};
    return content;
}

class BakedLightTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("twin-baked-light-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
};

TEST_F(BakedLightTest, TracedOnceThenReadBackTheSame) {
    LoadedContent first = smallScene();
    BakedLightReport traced = bakeBuildingLight(first, dir_);
    EXPECT_FALSE(traced.fromCache);
    EXPECT_EQ(traced.meshes, 2u);
    EXPECT_TRUE(traced.cacheError.empty()) << traced.cacheError;
    ASSERT_TRUE(std::filesystem::exists(traced.file));
    EXPECT_EQ(traced.file.parent_path(), dir_);
    // The machine is not baked (it is not the building); the floor is, in shadow under the roof.
    EXPECT_FALSE(first.models[1].layout.meshes[0].bakedLight);
    const engine::MeshData& floor = first.models[0].layout.meshes[0];
    ASSERT_TRUE(floor.bakedLight);
    bool shaded = false, lit = false;
    for (const engine::Vertex& v : floor.vertices) {
        shaded = shaded || (v.position.x < 4.0f && v.uv.x == 0.0f);
        lit = lit || (v.position.x > 6.0f && v.uv.x == 1.0f);
    }
    EXPECT_TRUE(shaded);
    EXPECT_TRUE(lit);

    LoadedContent second = smallScene();
    BakedLightReport read = bakeBuildingLight(second, dir_);
    EXPECT_TRUE(read.fromCache);
    EXPECT_EQ(read.file, traced.file);
    EXPECT_TRUE(second.models[0].layout.bakedSunDirection.has_value());
    for (size_t m = 0; m < 2; ++m) {
        const engine::MeshData& a = first.models[0].layout.meshes[m];
        const engine::MeshData& b = second.models[0].layout.meshes[m];
        EXPECT_TRUE(b.bakedLight);
        EXPECT_EQ(a.indices, b.indices);
        ASSERT_EQ(a.vertices.size(), b.vertices.size());
        for (size_t i = 0; i < a.vertices.size(); ++i) {
            EXPECT_EQ(a.vertices[i].position, b.vertices[i].position);
            EXPECT_EQ(a.vertices[i].uv, b.vertices[i].uv);
        }
    }
}

TEST_F(BakedLightTest, ADamagedFileIsSaidAndTracedAgain) {
    LoadedContent first = smallScene();
    std::filesystem::path file = bakeBuildingLight(first, dir_).file;
    ASSERT_FALSE(file.empty());
    const auto size = std::filesystem::file_size(file);
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(std::streamoff(size / 2));
        f.put('\x5a').put('\xa5').put('\x5a');
    }
    LoadedContent second = smallScene();
    BakedLightReport report = bakeBuildingLight(second, dir_);
    EXPECT_FALSE(report.fromCache);
    EXPECT_NE(report.cacheError.find(file.filename().string()), std::string::npos) << report.cacheError;
    EXPECT_TRUE(second.models[0].layout.meshes[0].bakedLight);
    // Written again, whole: the next start reads it.
    LoadedContent third = smallScene();
    EXPECT_TRUE(bakeBuildingLight(third, dir_).fromCache);
}

TEST_F(BakedLightTest, AMovedMachineIsAnotherSceneAndAnotherLight) {
    LoadedContent first = smallScene({7, 0, 7});
    BakedLightReport a = bakeBuildingLight(first, dir_);
    LoadedContent moved = smallScene({7, 0, 2});
    BakedLightReport b = bakeBuildingLight(moved, dir_);
    EXPECT_FALSE(b.fromCache);
    EXPECT_NE(a.file, b.file);
}

TEST_F(BakedLightTest, WithoutTracingNothingMissingIsBaked) {
    LoadedContent content = smallScene();
    BakedLightReport report = bakeBuildingLight(content, dir_, BakeWhenMissing::No);
    EXPECT_EQ(report.meshes, 0u);
    EXPECT_FALSE(content.models[0].layout.meshes[0].bakedLight);
    EXPECT_FALSE(content.models[0].layout.bakedSunDirection.has_value());
    EXPECT_FALSE(std::filesystem::exists(dir_));
}

TEST_F(BakedLightTest, WithoutACacheItIsTracedEachTime) {
    LoadedContent content = smallScene();
    BakedLightReport report = bakeBuildingLight(content, {});
    EXPECT_EQ(report.meshes, 2u);
    EXPECT_FALSE(report.fromCache);
    EXPECT_TRUE(report.file.empty());
    EXPECT_TRUE(content.models[0].layout.meshes[0].bakedLight);
}

}  // namespace
}  // namespace twin
