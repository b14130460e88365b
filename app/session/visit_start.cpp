// VisitSession: where a visit starts (the command line's choices).
#include "session/visit_session.h"

#include <algorithm>

#include "view/floor_cut_away.h"

namespace twin {
namespace {
constexpr float kPlanPitch = -55.0f;  // looking down at a cut-away floor (as showFloor does)
}  // namespace

// The command line's start: floor, then camera, machine, platform, walk and
// tour, each immediate. The first problem is reported; the rest still applies.
void VisitSession::applyStart(std::string& error) {
    const VisitStart& start = desc_.start;
    auto problem = [&](const std::string& text) {
        if (error.empty()) error = text;
    };
    const SceneDescription* s = scene();
    int startFloor = -1;
    if (!start.floor.empty()) {
        if (!s || content_.buildingFile.empty()) {
            problem("--floor needs a scene file with a building");
        } else {
            std::string known;
            for (size_t i = 0; i < s->building.floors.size(); ++i) {
                if (s->building.floors[i].id == start.floor) startFloor = int(i);
                known += (known.empty() ? "" : ", ") + s->building.floors[i].id;
            }
            if (startFloor < 0) problem("unknown floor \"" + start.floor + "\" (the scene has: " + known + ")");
        }
    }
    if (start.animTime) {  // a fixed moment of every cycle, for pictures
        cycleTime_ = std::isfinite(*start.animTime) ? *start.animTime : 0.0;
        cyclePlaying_ = false;
    }
    engine::Aabb focus = content_.sceneBounds;
    float pitch = start.pitchDegrees;
    if (startFloor >= 0) {
        floor_ = startFloor;
        FloorCutAway cut = floorCutAway(content_.models.at(content_.buildingFile), *s, startFloor);
        hiddenTopNodes_ = cut.hiddenTopNodes;
        planFocus_ = focus = cut.focus;
        pitch = std::min(pitch, kPlanPitch);
        if (start.plan) plan_ = true;
    } else if (start.plan) {
        problem("--plan needs --floor ID");
    }
    if (start.focus && start.machine.empty()) problem("--focus needs --machine ID");
    if (start.eye) {
        glm::vec3 target = start.target.value_or(focus.empty() ? glm::vec3(0.0f) : focus.center());
        orbit_.lookAt(*start.eye, target, true);
    } else {
        engine::OrbitCamera framing = orbit_;
        framing.frame(focus, start.yawDegrees, pitch, aspect(), true);
        engine::CameraPose pose = framing.pose();
        pose.distance /= start.zoom;
        orbit_.lookAt(engine::OrbitCamera::eyeOf(pose), pose.target, true);
    }
    if (!start.machine.empty()) {
        auto index = s ? std::optional<size_t>() : std::nullopt;
        if (s)
            for (size_t i = 0; i < s->machines.size(); ++i)
                if (s->machines[i].id == start.machine) index = i;
        if (index)
            selectMachine(*index, true);
        else
            problem("unknown machine \"" + start.machine + "\"");
        if (index && start.focus) {
            explore(*index, true);
            if (explorer_) {
                explorer_->explode = explorer_->explodeShown = std::clamp(start.explode, 0.0f, 1.0f);
                explorer_->section = std::clamp(start.section, 0.0f, 1.0f);
                explorer_->tab = start.explorerTab;
                explorer_->sectionFlipped = start.flipSection;
                if (explorer_->explode > 0.0f) frameExplorer(true);
                if (start.procedure >= 0) {
                    const auto& procedures = s->machines[*index].procedures;
                    if (size_t(start.procedure) >= procedures.size()) {
                        problem("machine \"" + s->machines[*index].id + "\" has " +
                                std::to_string(procedures.size()) + " procedure(s)");
                    } else {
                        explorer_->procedure = start.procedure;
                        if (start.step < 0 || size_t(start.step) >= procedures[size_t(start.procedure)].steps.size())
                            problem("that procedure has no step " + std::to_string(start.step + 1));
                        else
                            goToStep(start.step, true);
                    }
                }
                if (start.quizQuestion >= 0) {
                    const Machine& m = s->machines[*index];
                    if (size_t(start.quizQuestion) >= m.quiz.size()) {
                        problem("machine \"" + m.id + "\" has " + std::to_string(m.quiz.size()) + " quiz question(s)");
                    } else {
                        // Straight to that question, as if those before it were answered right.
                        explorer_->quiz.restart();
                        for (int q = 0; q < start.quizQuestion; ++q) {
                            const QuizQuestion& question = m.quiz[size_t(q)];
                            if (question.kind == QuizQuestion::Kind::Part)
                                explorer_->quiz.answerPart(question.part);
                            else
                                explorer_->quiz.answerChoice(question.correct);
                            explorer_->quiz.next();
                        }
                        showQuiz(true);
                    }
                }
                if (!start.part.empty()) {
                    const Machine& m = s->machines[*index];
                    int part = -1;
                    for (size_t i = 0; i < m.parts.size(); ++i)
                        if (m.parts[i].node == start.part) part = int(i);
                    if (part < 0)
                        problem("machine \"" + m.id + "\" has no part \"" + start.part + "\"");
                    else
                        selectPart(part, true);
                }
            } else {
                problem("--focus: the model of machine \"" + start.machine + "\" could not be opened");
            }
        }
    }
    if (!start.platform.empty()) {
        std::optional<size_t> index;
        if (s)
            for (size_t i = 0; i < s->platforms.size(); ++i)
                if (s->platforms[i].id == start.platform) index = i;
        if (index)
            openPlatform(*index, true);
        else
            problem("unknown platform \"" + start.platform + "\"");
    }
    if (start.walk) {
        if (!content_.bvh) {
            problem("--walk found nothing to stand on");
        } else {
            walker_.emplace(*content_.bvh);
            if (!walker_->teleport(glm::vec3(*start.walk))) {
                walker_.reset();
                problem("--walk: no floor below that point");
            } else {
                walker_->setLook(start.walk->w, 0.0f);
                updateWalk(0.0f);
            }
        }
    }
    if (!start.tour.empty()) {
        if (!s) {
            problem("--tour needs a scene file");
        } else {
            tour_ = makeTourPlayer(*s, start.tour, framing_, reducedMotion_, std::nullopt, content_.bvh);
            ++tourRun_;
            if (!tour_) {
                problem("unknown tour \"" + start.tour + "\"");
            } else {
                tour_->seek(start.tourTime.value_or(start.tourPaused ? tour_->arrivalSeconds(0) : 0.0));
                if (!start.tourPaused) tour_->play();
                updateTour(0.0f);
                CameraViewpoint view = tour_->viewpoint();
                orbit_.lookAt(view.eye, view.target, true);
            }
        }
    }
}

void VisitSession::resetVisit(Language language) {
    desc_.language = language;
    language_ = language;
    reducedMotion_ = desc_.reducedMotion;
    toggles_ = desc_.toggles;
    statsVisible_ = desc_.statsVisible;
    legendVisible_ = desc_.legendVisible;
    aboutVisible_ = false;
    messagesDismissed_ = false;
    selection_ = std::monostate{};
    hovered_.reset();
    floor_ = -1;
    plan_ = false;
    hiddenTopNodes_.clear();
    planFocus_ = {};
    explorer_.reset();
    walker_.reset();
    walkTarget_.reset();
    walkKeys_ = {};
    walkPad_ = glm::vec2(0.0f);
    tour_.reset();
    tourLeftByVisitor_ = false;
    tourPanelsStop_ = SIZE_MAX;
    readAloud_ = false;  // the next visitor turns it on if they want it
    dragging_ = panning_ = false;
    touch_.abandon();
    gestures_.clear();
    quitRequested_ = false;
    if (feed_) {
        feed_->setReplaySpeed(feed_->startReplaySpeed());  // as started (--replay-speed), not the last visitor's
        feed_->followLive();
    }
    cyclePlaying_ = true;
    cycleSpeed_ = 1.0f;
    // Results kept in memory only (a kiosk's) were this visitor's: the next
    // one starts with none. A file named for them is kept, as it was asked.
    if (!quizProgress_->stored()) quizProgress_ = std::make_shared<learn::QuizProgress>();
    std::string error;
    if (loaded_) applyStart(error);
    followNarration();
    requestFrames(3);
}

}  // namespace twin
