// The machine explorer in the visit session: focusing a machine, hovering
// and selecting its parts (in the 3D view and by command), the explode
// slider easing, the section plane, and leaving. No GL.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include <glm/gtc/matrix_transform.hpp>

#include "test_extents.h"

#include "learn/section_plane.h"
#include "session/visit_session.h"

namespace twin {
namespace {

using twin::test::box;

constexpr glm::vec2 kViewport{800, 600};
const glm::vec3 kMachineAt{2.0f, 0.0f, -3.0f};

// A machine 2 m wide: a body, a head on its right, a door in front; the
// scene names the head, the door and a node the model lacks.
VisitContent world() {
    VisitContent content;
    content.title = "test";
    SceneDescription scene;
    scene.name = {"Essai", "Test"};
    Platform lab;
    lab.id = "lab";
    lab.name = {"Labo", "Lab"};
    lab.footprint = {{-6, -6}, {6, -6}, {6, 6}, {-6, 6}};
    lab.capacity = 10;
    scene.platforms.push_back(lab);
    Machine m;
    m.id = "printer";
    m.name = {"Imprimante", "Printer"};
    m.model = {"printer.glb", glm::translate(glm::mat4(1.0f), kMachineAt)};
    m.platform = "lab";
    m.parts = {{"head", {"Tête", "Head"}, {"Chauffe.", "Heats."}, std::nullopt, {}},
               {"door", {"Porte", "Door"}, {"Protège.", "Guards."}, std::nullopt, {}},
               {"ghost", {"Fantôme", "Ghost"}, {}, std::nullopt, {}}};
    scene.machines.push_back(m);
    content.scene = scene;
    engine::ModelExtent e;
    e.nodes = {{"root", -1}, {"printer", 0}, {"body", 1}, {"head", 1}, {"door", 1}};
    e.topNodeNames = {{"printer", 1}};
    auto part = [&](engine::Aabb b, int32_t node) {
        e.parts.push_back({b, glm::mat4(1.0f), 1, node});
        e.bounds.expand(b);
    };
    part(box({-1, 0, -0.5f}, {1, 1.2f, 0.5f}), 2);
    part(box({0.6f, 1.2f, -0.2f}, {1.0f, 1.5f, 0.2f}), 3);
    part(box({-0.8f, 0.1f, 0.5f}, {0.8f, 1.0f, 0.55f}), 4);
    content.models["printer.glb"] = e;
    content.sceneBounds = box({-10, -0.2f, -10}, {10, 6, 10});
    return content;
}

struct Loaded {
    VisitSession session;
    explicit Loaded(const VisitSessionDesc& desc) : session(desc) {
        session.setViewport(kViewport);
        engine::Status status = session.load(world(), nullptr);
        EXPECT_TRUE(status) << status.error();
    }
};

VisitSessionDesc focused(float explode = 0.0f, const std::string& part = {}) {
    VisitSessionDesc desc;
    desc.start.machine = "printer";
    desc.start.focus = true;
    desc.start.explode = explode;
    desc.start.part = part;
    return desc;
}

engine::InputEvent pointer(engine::InputEvent::Kind kind, glm::vec2 at, double time) {
    engine::InputEvent e;
    e.kind = kind;
    e.position = at;
    e.time = time;
    return e;
}

glm::vec2 pixelOf(const VisitSession& session, glm::vec3 world) {
    auto point = session.camera().project(world, kViewport);
    EXPECT_TRUE(point.has_value());
    return point ? point->pixel : glm::vec2(0.0f);
}

void run(VisitSession& session, double seconds) {
    for (int i = 0; i < int(seconds * 60.0); ++i) session.advance(1.0 / 60.0);
}

TEST(VisitExplorer, FocusGhostsTheRestCentresTheOrbitAndListsTheParts) {
    Loaded v(focused());
    VisitSession& s = v.session;
    ASSERT_TRUE(s.exploring());
    EXPECT_EQ(s.exploredMachine(), std::optional<size_t>(0));
    // The orbit turns about the machine's centre.
    EXPECT_NEAR(glm::length(s.orbit().pose().target - (kMachineAt + glm::vec3(0, 0.75f, 0.025f))), 0.0f, 0.05f);
    VisitFrame frame = s.frame();
    ASSERT_TRUE(frame.scene.focus);
    EXPECT_EQ(frame.scene.focus->machine, MachineIndex{0});
    EXPECT_GT(frame.scene.focus->ghostFade, 0.0f);
    EXPECT_FALSE(frame.scene.focus->clipPlane);
    ASSERT_TRUE(frame.ui.explorer.active);
    EXPECT_EQ(frame.ui.explorer.partFound, (std::vector<bool>{true, true, false}));
    EXPECT_TRUE(frame.scene.outlines.empty());  // no part chosen: no outline
}

TEST(VisitExplorer, HoverAndATapOnAPartInTheViewOutlineAndSelectIt) {
    Loaded v(focused());
    VisitSession& s = v.session;
    const glm::vec2 door = pixelOf(s, kMachineAt + glm::vec3(-0.3f, 0.5f, 0.55f));
    s.handle(pointer(engine::InputEvent::Kind::MouseMove, door, 1.0), {});
    EXPECT_EQ(s.hoveredPart(), 1);
    VisitFrame frame = s.frame();
    ASSERT_EQ(frame.scene.outlines.size(), 1u);
    EXPECT_EQ(frame.scene.outlines[0].placements, std::vector<size_t>{2});
    s.handle(pointer(engine::InputEvent::Kind::MouseDown, door, 1.0), {});
    s.handle(pointer(engine::InputEvent::Kind::MouseUp, door, 1.1), {});
    EXPECT_EQ(s.selectedPart(), 1);
    frame = s.frame();
    EXPECT_EQ(frame.ui.explorer.selectedPart, 1);
    // Its label comes first (never hidden by another).
    ASSERT_FALSE(frame.ui.labels.empty());
    EXPECT_EQ(frame.ui.labels[0].text.en, "Door");
    // A tap on nothing lets it go.
    s.handle(pointer(engine::InputEvent::Kind::MouseDown, {2, 2}, 2.0), {});
    s.handle(pointer(engine::InputEvent::Kind::MouseUp, {2, 2}, 2.1), {});
    EXPECT_EQ(s.selectedPart(), -1);
}

TEST(VisitExplorer, TheExplodeSliderEasesThePartsOutAndSelectingFramesThem) {
    Loaded v(focused());
    VisitSession& s = v.session;
    s.apply(command::SetExplode{1.0f});
    EXPECT_TRUE(s.animating());
    s.advance(1.0 / 60.0);
    EXPECT_GT(s.explodeShown(), 0.0f);
    EXPECT_LT(s.explodeShown(), 1.0f);
    run(s, 1.0);
    EXPECT_EQ(s.explodeShown(), 1.0f);
    VisitFrame frame = s.frame();
    ASSERT_TRUE(frame.scene.focus);
    ASSERT_EQ(frame.scene.focus->placementTransforms.size(), 3u);
    EXPECT_EQ(frame.scene.focus->placementTransforms[0], glm::mat4(1.0f));  // the body stays
    EXPECT_GT(frame.scene.focus->placementTransforms[2][3].z, 0.1f);     // the door comes forward
    // Exploded, every found part is labelled.
    EXPECT_EQ(frame.ui.labels.size(), 2u);
    // Selecting by command frames the part where it went.
    s.apply(command::SelectPart{0});
    run(s, 2.0);
    glm::vec3 target = s.orbit().pose().target;
    EXPECT_GT(target.x, kMachineAt.x + 0.8f);
    // Out of range values are clamped, not trusted.
    s.apply(command::SetExplode{7.0f});
    s.apply(command::SetSection{-3.0f});
    frame = s.frame();
    EXPECT_EQ(frame.ui.explorer.explode, 1.0f);
    EXPECT_EQ(frame.ui.explorer.section, 0.0f);
}

TEST(VisitExplorer, TheSectionPlaneCutsFromTheLearnersSide) {
    Loaded v(focused());
    VisitSession& s = v.session;
    s.apply(command::SetSection{0.5f});
    VisitFrame frame = s.frame();
    ASSERT_TRUE(frame.scene.focus && frame.scene.focus->clipPlane);
    const glm::vec4 plane = *frame.scene.focus->clipPlane;
    // The camera looks at the front (+z): the front half goes, the back stays.
    EXPECT_FALSE(learn::keptBy(plane, kMachineAt + glm::vec3(0, 0.5f, 0.4f)));
    EXPECT_TRUE(learn::keptBy(plane, kMachineAt + glm::vec3(0, 0.5f, -0.4f)));
}

TEST(VisitExplorer, FlippingTheSectionKeepsTheOtherSide) {
    Loaded v(focused());
    VisitSession& s = v.session;
    s.apply(command::SetSection{0.5f});
    s.apply(command::FlipSection{});
    VisitFrame frame = s.frame();
    EXPECT_TRUE(frame.ui.explorer.sectionFlipped);
    ASSERT_TRUE(frame.scene.focus && frame.scene.focus->clipPlane);
    const glm::vec4 plane = *frame.scene.focus->clipPlane;
    EXPECT_TRUE(learn::keptBy(plane, kMachineAt + glm::vec3(0, 0.5f, 0.4f)));
    EXPECT_FALSE(learn::keptBy(plane, kMachineAt + glm::vec3(0, 0.5f, -0.4f)));
    s.apply(command::FlipSection{});
    EXPECT_FALSE(s.frame().ui.explorer.sectionFlipped);
    EXPECT_FALSE(learn::keptBy(*s.frame().scene.focus->clipPlane, kMachineAt + glm::vec3(0, 0.5f, 0.4f)));
}

TEST(VisitExplorer, TheCardAndTheExplorerListTheTrainingModulesThatUseTheMachine) {
    VisitContent content = world();
    TrainingModule uses{"printing", {"Imprimer", "Printing"}, 7.0f, {{"Aucun", "None"}}, {"printer"}};
    TrainingModule other{"milling", {"Fraiser", "Milling"}, 14.0f, {}, {"mill"}};
    content.scene->trainingModules = {uses, other};
    VisitSession s(focused());
    s.setViewport(kViewport);
    ASSERT_TRUE(s.load(std::move(content), nullptr));
    VisitFrame frame = s.frame();
    ASSERT_EQ(frame.ui.machineTraining.size(), 1u);
    EXPECT_EQ(frame.ui.machineTraining[0]->id, "printing");
    ASSERT_EQ(frame.ui.explorer.training.size(), 1u);
    EXPECT_EQ(frame.ui.explorer.training[0]->hours, 7.0f);
}

TEST(VisitExplorer, StartOptionsAndLeaving) {
    Loaded v(focused(0.7f, "head"));
    VisitSession& s = v.session;
    EXPECT_EQ(s.explodeShown(), 0.7f);
    EXPECT_EQ(s.selectedPart(), 0);
    // Escape leaves the explorer first; the card stays open.
    engine::InputEvent esc;
    esc.kind = engine::InputEvent::Kind::KeyDown;
    esc.key = engine::Key::Escape;
    s.handle(esc, {});
    EXPECT_FALSE(s.exploring());
    EXPECT_TRUE(std::holds_alternative<MachineIndex>(s.selection()));
    EXPECT_FALSE(s.frame().scene.focus);
    // The card's button comes back in.
    s.apply(command::ExploreMachine{0});
    EXPECT_TRUE(s.exploring());
    s.apply(command::LeaveExplorer{});
    EXPECT_FALSE(s.exploring());
    // An unknown part is an error naming it; the rest applies.
    VisitSession bad(focused(0.0f, "nozzle"));
    bad.setViewport(kViewport);
    engine::Status status = bad.load(world(), nullptr);
    ASSERT_FALSE(status);
    EXPECT_NE(status.error().find("nozzle"), std::string::npos);
    EXPECT_TRUE(bad.exploring());
    // A machine index out of range is ignored.
    bad.apply(command::ExploreMachine{9});
    EXPECT_EQ(bad.exploredMachine(), std::optional<size_t>(0));
}

}  // namespace
}  // namespace twin

namespace twin {
namespace {

// A procedure of two steps: the first about the door, the second about the head.
VisitContent withProcedure() {
    VisitContent content = world();
    Procedure p;
    p.title = {"Démarrage", "Start-up"};
    p.steps = {{{"Fermer la porte.", "Close the door."}, {"door"}}, {{"Chauffer la tête.", "Heat the head."}, {"head"}}};
    content.scene->machines[0].procedures = {p};
    return content;
}

TEST(VisitExplorer, AProcedureStepLightsAndFramesItsPartsAndStepsAreTicked) {
    VisitSession s(focused());
    s.setViewport(kViewport);
    ASSERT_TRUE(s.load(withProcedure(), nullptr));
    s.apply(command::OpenProcedure{0});
    EXPECT_EQ(s.openProcedure(), 0);
    EXPECT_EQ(s.procedureStep(), 0);
    VisitFrame frame = s.frame();
    ASSERT_EQ(frame.scene.outlines.size(), 1u);
    EXPECT_EQ(frame.scene.outlines[0].placements, std::vector<size_t>{2});  // the door
    ASSERT_FALSE(frame.ui.labels.empty());
    EXPECT_EQ(frame.ui.labels[0].text.en, "Door");
    EXPECT_EQ(frame.ui.explorer.ticked, (std::vector<bool>{false, false}));
    s.apply(command::TickStep{0, true});
    s.apply(command::GoToStep{1});
    run(s, 2.0);
    EXPECT_GT(s.orbit().pose().target.x, kMachineAt.x + 0.5f);  // framed on the head, on the right
    frame = s.frame();
    EXPECT_EQ(frame.ui.explorer.ticked, (std::vector<bool>{true, false}));
    EXPECT_EQ(frame.scene.outlines[0].placements, std::vector<size_t>{1});
    // Out of range is ignored; closing keeps the ticks for when it opens again.
    s.apply(command::GoToStep{5});
    s.apply(command::TickStep{9, true});
    EXPECT_EQ(s.procedureStep(), 1);
    s.apply(command::OpenProcedure{-1});
    EXPECT_EQ(s.openProcedure(), -1);
    s.apply(command::OpenProcedure{0});
    EXPECT_EQ(s.frame().ui.explorer.ticked, (std::vector<bool>{true, false}));
    s.apply(command::OpenProcedure{3});
    EXPECT_EQ(s.openProcedure(), -1);
}


// The quiz: one question at a time in its tab; while a part question waits,
// a tap on the machine answers it (and selects nothing), part names are not
// shown; the run's end is kept in a real SQLite file, reset per machine.
VisitContent quizWorld() {
    VisitContent content = world();
    QuizQuestion choice;
    choice.kind = QuizQuestion::Kind::Choice;
    choice.prompt = {"Que portez-vous ?", "What do you wear?"};
    choice.options = {{"Des lunettes", "Glasses"}, {"Rien", "Nothing"}};
    choice.correct = 0;
    choice.explanation = {"La buse projette.", "The nozzle spits."};
    QuizQuestion door;
    door.kind = QuizQuestion::Kind::Part;
    door.prompt = {"Où est la porte ?", "Where is the door?"};
    door.part = "door";
    content.scene->machines[0].quiz = {choice, door};
    return content;
}

// A quiz results file in a folder of its own, emptied first.
std::filesystem::path freshQuizFile(const std::string& folderPrefix) {
    const auto file = std::filesystem::temp_directory_path() / (folderPrefix + std::to_string(::getpid())) /
                      "quiz-results.sqlite";
    std::filesystem::remove_all(file.parent_path());
    return file;
}

TEST(VisitExplorer, QuizAnswersByChoiceAndByTappingThePartAndKeepsTheResult) {
    const auto file = freshQuizFile("twin_visit_quiz_");
    VisitSessionDesc desc = focused(0.0f, "head");
    desc.quizProgress = std::make_shared<learn::QuizProgress>(file);
    VisitSession s(desc);
    s.setViewport(kViewport);
    ASSERT_TRUE(s.load(quizWorld(), nullptr));
    ASSERT_NE(s.quiz(), nullptr);
    EXPECT_FALSE(s.quizShown());

    s.apply(command::ShowQuiz{true});
    VisitFrame frame = s.frame();
    EXPECT_TRUE(frame.ui.explorer.quiz.shown);
    EXPECT_EQ(frame.ui.explorer.quiz.count, 2u);
    EXPECT_EQ(frame.ui.explorer.quiz.question, 0u);
    EXPECT_FALSE(s.quizAwaitsPart());  // a choice question: taps still select
    s.apply(command::AnswerQuiz{1});
    frame = s.frame();
    EXPECT_TRUE(frame.ui.explorer.quiz.answered);
    EXPECT_FALSE(frame.ui.explorer.quiz.correct);
    EXPECT_EQ(frame.ui.explorer.quiz.chosenOption, 1);
    s.apply(command::AnswerQuiz{0});  // one answer per question
    EXPECT_EQ(s.quiz()->score(), 0);
    s.apply(command::NextQuestion{});

    // The part question: the selection goes (its description would tell),
    // hovering outlines without naming, a tap answers.
    EXPECT_TRUE(s.quizAwaitsPart());
    EXPECT_EQ(s.selectedPart(), -1);
    const glm::vec2 door = pixelOf(s, kMachineAt + glm::vec3(-0.3f, 0.5f, 0.55f));
    s.handle(pointer(engine::InputEvent::Kind::MouseMove, door, 1.0), {});
    frame = s.frame();
    ASSERT_EQ(frame.scene.outlines.size(), 1u);
    EXPECT_TRUE(frame.ui.labels.empty());
    EXPECT_EQ(frame.ui.explorer.quiz.answerPart, 1);
    s.handle(pointer(engine::InputEvent::Kind::MouseDown, {2, 2}, 1.5), {});  // beside the machine: nothing
    s.handle(pointer(engine::InputEvent::Kind::MouseUp, {2, 2}, 1.6), {});
    EXPECT_TRUE(s.quizAwaitsPart());
    s.handle(pointer(engine::InputEvent::Kind::MouseDown, door, 2.0), {});
    s.handle(pointer(engine::InputEvent::Kind::MouseUp, door, 2.1), {});
    EXPECT_FALSE(s.quizAwaitsPart());
    EXPECT_EQ(s.selectedPart(), -1);  // answered, not selected
    EXPECT_TRUE(s.quiz()->correct());
    frame = s.frame();
    EXPECT_EQ(frame.ui.explorer.quiz.chosenPart, 1);
    ASSERT_EQ(frame.scene.outlines.size(), 1u);  // the right part, in green
    EXPECT_GT(frame.scene.outlines[0].colour.g, frame.scene.outlines[0].colour.r);
    ASSERT_EQ(frame.ui.labels.size(), 1u);
    EXPECT_EQ(frame.ui.labels[0].text.en, "Door");
    // The last answer counts the run: stored, 1 of 2.
    EXPECT_EQ(frame.ui.explorer.quiz.record, (learn::QuizRecord{1, 1, 2, true, 1}));
    EXPECT_EQ(learn::QuizProgress(file).record("printer"), (learn::QuizRecord{1, 1, 2, true, 1}));
    s.apply(command::NextQuestion{});
    EXPECT_TRUE(s.quiz()->finished());
    EXPECT_TRUE(s.frame().ui.explorer.quiz.finished);

    // Again, every answer right: the best score rises.
    s.apply(command::RestartQuiz{});
    s.apply(command::AnswerQuiz{0});
    s.apply(command::NextQuestion{});
    s.apply(command::SelectPart{1});  // the quiz's list (or the tree) answers too
    EXPECT_EQ(s.quiz()->score(), 2);
    EXPECT_EQ(s.quizProgress().record("printer"), (learn::QuizRecord{2, 2, 2, true, 2}));
    s.apply(command::ResetQuizResults{});
    EXPECT_EQ(learn::QuizProgress(file).record("printer"), learn::QuizRecord{});

    // The tab put back: taps select parts again.
    s.apply(command::RestartQuiz{});
    s.apply(command::AnswerQuiz{0});
    s.apply(command::NextQuestion{});
    s.apply(command::ShowQuiz{false});
    EXPECT_FALSE(s.quizAwaitsPart());
    s.handle(pointer(engine::InputEvent::Kind::MouseDown, door, 3.0), {});
    s.handle(pointer(engine::InputEvent::Kind::MouseUp, door, 3.1), {});
    EXPECT_EQ(s.selectedPart(), 1);
    EXPECT_FALSE(s.quiz()->answered());
    std::filesystem::remove_all(file.parent_path());
}

// A kiosk's results live in memory for one visitor: the idle reset forgets
// them. A file named for them is kept across the reset.
TEST(VisitExplorer, TheIdleResetForgetsResultsHeldInMemoryOnly) {
    // The quiz taken to its end, every answer right.
    auto takeQuiz = [](VisitSession& s) {
        s.setViewport(kViewport);
        ASSERT_TRUE(s.load(quizWorld(), nullptr));
        s.apply(command::ShowQuiz{true});
        s.apply(command::AnswerQuiz{0});
        s.apply(command::NextQuestion{});
        s.apply(command::AnswerQuizPart{1});
        ASSERT_EQ(s.quizProgress().record("printer").attempts, 1);
    };
    VisitSession s(focused(0.0f, "head"));  // no file: memory only, as a kiosk's
    takeQuiz(s);
    s.resetVisit(Language::French);
    EXPECT_EQ(s.quizProgress().record("printer"), learn::QuizRecord{});

    const auto file = freshQuizFile("twin_visit_quiz_kept_");
    VisitSessionDesc desc = focused(0.0f, "head");
    desc.quizProgress = std::make_shared<learn::QuizProgress>(file);
    VisitSession kept(desc);
    takeQuiz(kept);
    kept.resetVisit(Language::French);
    EXPECT_EQ(kept.quizProgress().record("printer").attempts, 1);
    std::filesystem::remove_all(file.parent_path());
}

TEST(VisitExplorer, StartsAtAQuizQuestionAndAnUnusableResultsFileIsToldOnce) {
    const auto folder = std::filesystem::temp_directory_path() / ("twin_visit_quiz_bad_" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder / "quiz.sqlite");  // a folder: not a database
    VisitSessionDesc desc = focused();
    desc.start.quizQuestion = 1;
    desc.quizProgress = std::make_shared<learn::QuizProgress>(folder / "quiz.sqlite");
    VisitSession s(desc);
    s.setViewport(kViewport);
    ASSERT_TRUE(s.load(quizWorld(), nullptr));
    EXPECT_TRUE(s.quizShown());
    EXPECT_EQ(s.quiz()->current(), 1u);
    EXPECT_TRUE(s.quizAwaitsPart());
    std::vector<std::string> problems = s.takeNewProblems();
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("in memory"), std::string::npos) << problems[0];
    s.apply(command::AnswerQuizPart{1});  // the last question: the run is kept, in memory
    EXPECT_EQ(s.quizProgress().record("printer").attempts, 1);
    EXPECT_TRUE(s.takeNewProblems().empty());
    std::filesystem::remove_all(folder);

    VisitSessionDesc beyond = focused();
    beyond.start.quizQuestion = 5;
    VisitSession t(beyond);
    engine::Status status = t.load(quizWorld(), nullptr);
    ASSERT_FALSE(status);
    EXPECT_NE(status.error().find("2 quiz question(s)"), std::string::npos) << status.error();
}

}  // namespace
}  // namespace twin
