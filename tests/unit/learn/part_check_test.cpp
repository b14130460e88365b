// Parts named in the scene that the machine's model lacks are reported with
// the JSON path and the node's name.
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
    ok.parts = {{"head", {"Tête", "Head"}, {}, std::nullopt}};
    bad.id = "bad";
    bad.model.file = "a.glb";
    bad.parts = {{"head", {"Tête", "Head"}, {}, std::nullopt}, {"no/zzle", {"Buse", "Nozzle"}, {}, std::nullopt}};
    unopened.id = "unopened";
    unopened.model.file = "missing.glb";
    unopened.parts = {{"anything", {"X", "X"}, {}, std::nullopt}};
    QuizQuestion question;
    question.kind = QuizQuestion::Kind::Part;
    question.part = "lid";
    ok.quiz = {QuizQuestion{}, question};  // a choice question, then a part the model lacks
    scene.machines = {ok, bad, unopened};
    std::map<std::filesystem::path, engine::ModelExtent> models;
    models["a.glb"].nodes = {{"root", -1}, {"head", 0}};
    std::vector<std::string> problems = missingPartNodes(scene, models);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0], "scenes/test.json: /machines/0/quiz/1/answer: machine \"ok\", quiz question 2: its answer "
                           "\"lid\" is not a node of its model a.glb");
    EXPECT_EQ(problems[1], "scenes/test.json: /machines/1/parts/no~1zzle: machine \"bad\": its model a.glb has no node "
                           "named \"no/zzle\"");
}

}  // namespace
}  // namespace twin::learn
