// Parts and procedure steps named in the scene that the machine's model
// lacks are reported with the JSON path, the machine, the field and the name.
#include "learn/part_check.h"

#include <gtest/gtest.h>

namespace twin::learn {
namespace {

TEST(PartCheck, NamesEveryPartWhoseNodeTheModelLacks) {
    SceneDescription scene;
    scene.file = "scenes/test.json";
    Machine ok, bad, unopened;
    ok.id = "ok";
    ok.model.file = "a.glb";
    ok.parts = {{"head", {"Tête", "Head"}, {}, std::nullopt, {}}};
    bad.id = "bad";
    bad.model.file = "a.glb";
    bad.parts = {{"head", {"Tête", "Head"}, {}, std::nullopt, {}}, {"no/zzle", {"Buse", "Nozzle"}, {}, std::nullopt, {}}};
    unopened.id = "unopened";
    unopened.model.file = "missing.glb";
    unopened.parts = {{"anything", {"X", "X"}, {}, std::nullopt, {}}};
    QuizQuestion question;
    question.kind = QuizQuestion::Kind::Part;
    question.part = "lid";
    ok.quiz = {QuizQuestion{}, question};  // a choice question, then a part the model lacks
    scene.machines = {ok, bad, unopened};
    ModelExtents models;
    models["a.glb"].nodes = {{"root", -1}, {"head", 0}};
    std::vector<std::string> problems = missingPartNodes(scene, models);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0], "scenes/test.json: /machines/0/quiz/1/answer: machine \"ok\", quiz answer \"lid\": its model "
                           "a.glb has no node of that name");
    EXPECT_EQ(problems[1], "scenes/test.json: /machines/1/parts/no~1zzle: machine \"bad\", part \"no/zzle\": its model "
                           "a.glb has no node of that name");
}

TEST(PartCheck, NamesEveryStepPartWhoseNodeTheModelLacks) {
    SceneDescription scene;
    scene.file = "scenes/test.json";
    Machine m;
    m.id = "printer";
    m.model.file = "a.glb";
    m.parts = {{"head", {"Tête", "Head"}, {}, std::nullopt, {}}, {"bed", {"Plateau", "Bed"}, {}, std::nullopt, {}}};
    m.procedures = {{{"Démarrer", "Start"}, {{{"a", "a"}, {"head"}}, {{"b", "b"}, {"head", "bed"}}}}};
    scene.machines = {m};
    ModelExtents models;
    models["a.glb"].nodes = {{"root", -1}, {"head", 0}};
    std::vector<std::string> problems = missingPartNodes(scene, models);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_NE(problems[0].find("/machines/0/parts/bed: machine \"printer\", part \"bed\""), std::string::npos);
    EXPECT_EQ(problems[1], "scenes/test.json: /machines/0/procedures/0/steps/1/parts/1: machine \"printer\", step part "
                           "\"bed\": its model a.glb has no node of that name");
}

TEST(PartCheck, ModelNodeNamesListsEveryNodeOfTheMachinesModel) {
    Machine m;
    m.model.file = "a.glb";
    ModelExtents models;
    models["a.glb"].nodes = {{"root", -1}, {"head", 0}, {"nozzle", 1}};
    EXPECT_EQ(modelNodeNames(m, models), (std::set<std::string>{"root", "head", "nozzle"}));
    m.model.file = "unopened.glb";
    EXPECT_TRUE(modelNodeNames(m, models).empty());
}

TEST(PartCheck, NamesEveryAnimationTheModelLacks) {
    SceneDescription scene;
    scene.file = "scenes/test.json";
    Machine first, named, wrong, unopened;
    first.id = "first";  // no animation named: the model's first clip, nothing to check
    first.model.file = "a.glb";
    named.id = "named";
    named.model.file = "a.glb";
    named.animation = "cycle";
    wrong.id = "wrong";
    wrong.model.file = "a.glb";
    wrong.animation = "dance";
    unopened.id = "unopened";
    unopened.model.file = "missing.glb";
    unopened.animation = "cycle";
    Machine still = wrong;
    still.id = "still";
    still.model.file = "b.glb";
    scene.machines = {first, named, wrong, unopened, still};
    std::map<std::filesystem::path, engine::ModelExtent> models;
    models["a.glb"].animations = {{"idle", 1.0f, {}}, {"cycle", 4.0f, {}}};
    models["b.glb"];
    std::vector<std::string> problems = missingAnimations(scene, models);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0], "scenes/test.json: /machines/2/animation: machine \"wrong\": its model a.glb has no "
                           "animation named \"dance\" (it has \"idle\", \"cycle\")");
    EXPECT_EQ(problems[1], "scenes/test.json: /machines/4/animation: machine \"still\": its model b.glb has no "
                           "animation named \"dance\" (it has none)");
}

}  // namespace
}  // namespace twin::learn
