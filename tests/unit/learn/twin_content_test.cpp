// What scenes/twin.json gives learners for each of its machine models: at
// least five parts, each with a label, a description and a role in French
// and English; at least one procedure of 4 to 8 steps, each step lighting
// parts the machine describes; training modules with a length. (That the
// models hold those nodes is --check's job: check_default_scene.)
#include <gtest/gtest.h>

#include <map>

#include "content/scene_file.h"

namespace twin {
namespace {

bool bothLanguages(const LocalizedText& text) { return !text.fr.empty() && !text.en.empty(); }

TEST(TwinContent, EveryMachineModelHasDescribedPartsWithRolesProceduresAndTraining) {
    const SceneDescription scene = loadSceneFile(TWIN_SCENE_FILE);
    ASSERT_TRUE(scene.issues.empty()) << scene.issues[0].text();
    std::map<std::filesystem::path, const Machine*> models;  // one machine per model file
    for (const Machine& machine : scene.machines) models.emplace(machine.model.file, &machine);
    EXPECT_EQ(models.size(), 13u);
    for (const auto& [file, machine] : models) {
        SCOPED_TRACE(machine->id);
        EXPECT_GE(machine->parts.size(), 5u);
        for (const MachinePart& part : machine->parts) {
            SCOPED_TRACE(part.node);
            EXPECT_TRUE(bothLanguages(part.label) && bothLanguages(part.description) && bothLanguages(part.role));
            EXPECT_NE(part.role.en, part.description.en);
        }
        ASSERT_FALSE(machine->procedures.empty());
        for (const Procedure& procedure : machine->procedures) {
            SCOPED_TRACE(procedure.title.en);
            EXPECT_GE(procedure.steps.size(), 4u);
            EXPECT_LE(procedure.steps.size(), 8u);
            size_t lighting = 0;
            for (const ProcedureStep& step : procedure.steps) lighting += step.parts.empty() ? 0 : 1;
            EXPECT_GE(lighting + 1, procedure.steps.size());  // at most one step about the whole machine
        }
        const std::vector<const TrainingModule*> training = scene.trainingFor(machine->id);
        ASSERT_FALSE(training.empty());
        for (const TrainingModule* module : training) EXPECT_GE(module->hours, 0.5f);
    }
}

}  // namespace
}  // namespace twin
