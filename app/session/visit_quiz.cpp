// VisitSession: the machine explorer's quiz. One question at a time, in its
// own tab; a part question is answered by tapping the part in 3D (or
// choosing it in the tab's list). Results go to the quiz progress store when
// a run reaches its last answer. The rules of a run are in app/learn/quiz.*.
#include "core/log.h"
#include "session/visit_session.h"

namespace twin {
namespace {
constexpr glm::vec4 kRightColour{0.30f, 0.85f, 0.45f, 1.0f};
constexpr glm::vec4 kWrongColour{0.95f, 0.30f, 0.25f, 1.0f};
constexpr glm::vec4 kHoverColour{1.0f, 1.0f, 1.0f, 0.9f};
}  // namespace

void VisitSession::showQuiz(bool shown) {
    if (!explorer_) return;
    explorer_->quizShown = shown;
    // A part question must be found, not read off the selected part's description.
    if (quizAwaitsPart()) explorer_->selectedPart = -1;
    requestFrames(3);
}

void VisitSession::answerQuiz(int option) {
    if (!explorer_ || !explorer_->quiz.answerChoice(option)) return;
    settleQuiz();
}

void VisitSession::answerQuizPart(int part) {
    const SceneDescription* s = scene();
    if (!explorer_ || !s || part < 0) return;  // a tap beside the machine answers nothing
    const Machine& machine = s->machines[explorer_->machine];
    if (size_t(part) >= machine.parts.size() || !explorer_->quiz.answerPart(machine.parts[size_t(part)].node)) return;
    settleQuiz();
}

// The last question answered: the run counts, whether or not "next" follows.
void VisitSession::settleQuiz() {
    requestFrames(3);
    const learn::QuizRun& run = explorer_->quiz;
    if (run.current() + 1 != run.questionCount()) return;
    quizProgress_->recordAttempt(scene()->machines[explorer_->machine].id, run.score(), int(run.questionCount()));
    takeQuizProblem();
}

void VisitSession::nextQuestion() {
    if (!explorer_ || !explorer_->quiz.next()) return;
    showQuiz(explorer_->quizShown);
}

void VisitSession::takeQuizProblem() {
    std::string problem = quizProgress_->takeProblem();
    if (problem.empty()) return;
    engine::log::warning(problem);
    content_.warnings.push_back(problem);
    newProblems_.push_back(std::move(problem));
}

// The quiz tab's state; with a part question in front, the 3D view helps
// point without telling: no part names, only the hovered part outlined,
// until the answer shows the right part (green) and a wrong pick (red).
void VisitSession::describeQuiz(VisitFrame& frame) {
    const SceneDescription* s = scene();
    const Explorer& e = *explorer_;
    const Machine& machine = s->machines[e.machine];
    const learn::QuizRun& run = e.quiz;
    QuizView& view = frame.ui.explorer.quiz;
    view.shown = e.quizShown;
    view.question = run.current();
    view.count = run.questionCount();
    view.answered = run.answered();
    view.correct = run.correct();
    view.chosenOption = run.chosenOption();
    view.finished = run.finished();
    view.score = run.score();
    view.record = quizProgress_->record(machine.id);
    auto partIndex = [&](const std::string& node) {
        for (size_t i = 0; i < machine.parts.size(); ++i)
            if (machine.parts[i].node == node) return int(i);
        return -1;
    };
    view.chosenPart = partIndex(run.chosenPart());
    const QuizQuestion* question = run.question();
    if (!question || question->kind != QuizQuestion::Kind::Part) return;
    view.answerPart = partIndex(question->part);
    if (!e.quizShown) return;

    frame.scene.outlines.clear();
    frame.ui.labels.clear();
    auto outline = [&](int part, glm::vec4 colour, float width) {
        if (part < 0 || size_t(part) >= e.shape.parts.size() || e.shape.parts[size_t(part)].placements.empty()) return;
        frame.scene.outlines.push_back({MachineIndex{e.machine}, colour, width, e.shape.parts[size_t(part)].placements});
    };
    auto label = [&](int part, bool right) {
        if (part < 0 || size_t(part) >= e.shape.parts.size()) return;
        engine::Aabb box = learn::explodedBounds(e.shape.parts[size_t(part)], e.shape, e.explodeShown);
        if (box.empty()) return;
        glm::vec3 top = box.center();
        top.y = box.max.y;
        auto point = frame.scene.camera.project(glm::vec3(e.placement * glm::vec4(top, 1.0f)), viewport_);
        if (!point || !point->onScreen()) return;
        ScreenLabel l;
        l.text = machine.parts[size_t(part)].label;
        l.position = point->pixel;
        l.machine = right;
        frame.ui.labels.push_back(l);
    };
    if (!run.answered()) {
        outline(e.hoveredPart, kHoverColour, 2.0f);
        return;
    }
    outline(view.answerPart, kRightColour, 3.0f);
    label(view.answerPart, true);
    if (!run.correct()) {
        outline(view.chosenPart, kWrongColour, 3.0f);
        label(view.chosenPart, false);
    }
}

}  // namespace twin
