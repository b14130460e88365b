// The machine models' working cycles (assets/models/machines, made by
// assets/src/machines): the six animated machines have a looping clip
// "cycle" that Assimp reads, and their parts really move with it.
#include <gtest/gtest.h>

#include "assets/assimp_importer.h"
#include "scene/model_layout.h"

namespace engine {
namespace {

// The largest distance a part's bounds corner moves between two sets of part transforms.
float largestMove(const ModelExtent& extent, const std::vector<glm::mat4>& a, const std::vector<glm::mat4>& b) {
    float largest = 0.0f;
    for (size_t i = 0; i < extent.parts.size(); ++i) {
        const Aabb from = extent.parts[i].bounds.transformed(a[i] * extent.parts[i].transform);
        const Aabb to = extent.parts[i].bounds.transformed(b[i] * extent.parts[i].transform);
        largest = std::max({largest, glm::length(from.min - to.min), glm::length(from.max - to.max)});
    }
    return largest;
}

class MachineCycle : public testing::TestWithParam<const char*> {};

TEST_P(MachineCycle, LoopsAndMovesItsParts) {
    const std::filesystem::path file = std::filesystem::path(TEST_MACHINES_DIR) / (std::string(GetParam()) + ".glb");
    Result<ModelData> model = importWithAssimp(file, ImportSettings{});
    ASSERT_TRUE(model.ok()) << model.error();
    ModelLayoutDesc desc;
    desc.mergeWithinNodes = true;  // as the scene lays machines out
    const ModelLayout layout = layOutModel(std::move(model.value()), desc);
    const ModelExtent& extent = layout.extent;
    const int32_t clip = findClip(extent.animations, "cycle");
    ASSERT_GE(clip, 0) << file << " has no clip \"cycle\"";
    const AnimationClip& cycle = extent.animations[size_t(clip)];
    EXPECT_GE(cycle.duration, 3.0f);
    EXPECT_LE(cycle.duration, 10.0f);

    const auto start = extent.animatedPlacementTransforms(cycle, 0.0f);
    const auto end = extent.animatedPlacementTransforms(cycle, cycle.duration);
    const auto quarter = extent.animatedPlacementTransforms(cycle, cycle.duration * 0.25f);
    const auto middle = extent.animatedPlacementTransforms(cycle, cycle.duration * 0.5f);
    // It starts where the model stands (the exported pose) and ends there: the loop does not jump.
    const std::vector<glm::mat4> still(extent.parts.size(), glm::mat4(1.0f));
    EXPECT_LT(largestMove(extent, still, start), 1e-3f);
    EXPECT_LT(largestMove(extent, start, end), 1e-3f);
    // Within the cycle, parts move by centimetres at least.
    EXPECT_GT(std::max(largestMove(extent, start, quarter), largestMove(extent, start, middle)), 0.02f);
    // The model's world bounds (what framing uses) follow the parts where they stick out.
    const Aabb restBounds = extent.worldBounds(glm::mat4(1.0f));
    bool boundsMoved = false;
    for (float f : {0.125f, 0.25f, 0.375f, 0.5f, 0.625f, 0.75f}) {
        const Aabb moved = extent.worldBounds(glm::mat4(1.0f), extent.animatedPlacementTransforms(cycle, cycle.duration * f));
        boundsMoved |= glm::length(moved.min - restBounds.min) + glm::length(moved.max - restBounds.max) > 1e-3f;
    }
    // (Elsewhere the moving parts stay inside a frame, fence or enclosure.)
    if (std::string(GetParam()) == "cobot_arm" || std::string(GetParam()) == "agv") {
        EXPECT_TRUE(boundsMoved);
    }
}

INSTANTIATE_TEST_SUITE_P(Machines, MachineCycle,
                         testing::Values("fdm_printer", "industrial_robot_cell", "cobot_arm", "cnc_5axis",
                                         "laser_cutter", "agv"));

TEST(MachineCycle, MachinesWithoutACycleHaveNoClips) {
    for (const char* name : {"resin_printer", "server_rack"}) {
        Result<ModelData> model =
            importWithAssimp(std::filesystem::path(TEST_MACHINES_DIR) / (std::string(name) + ".glb"), ImportSettings{});
        ASSERT_TRUE(model.ok()) << model.error();
        EXPECT_TRUE(model->animations.empty()) << name;
    }
}

}  // namespace
}  // namespace engine
