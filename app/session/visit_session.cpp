#include "session/visit_session.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <glm/gtc/matrix_transform.hpp>

#include "core/log.h"
#include "feeds/timestamp.h"
#include "learn/part_check.h"
#include "render/renderer.h"
#include "view/floor_cut_away.h"
#include "view/floor_plan.h"
#include "view/live_overlays.h"
#include "view/picking.h"

namespace twin {
namespace {

constexpr float kTapPixels = 6.0f;      // a press that moves less is a tap, not a drag
constexpr double kTapSeconds = 0.4;     // ...if it is short
constexpr float kWalkSpeed = 1.4f;      // metres per second, a visitor's pace
constexpr float kTurnSpeed = 90.0f;     // degrees per second
constexpr float kPlanPitch = -55.0f;    // looking down at a cut-away floor
constexpr float kTouchSlopPixels = 10.0f;  // at UI scale 1 (a touch may wander more than a mouse)
constexpr float kZoomStep = 0.85f;         // OrbitCamera::zoom's distance factor per step

TouchGestureDesc touchGesturesFor(float uiScale) {
    TouchGestureDesc desc;
    desc.tapPixels = kTouchSlopPixels * std::max(uiScale, 1.0f);
    return desc;
}

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace

VisitContent visitContentOf(LoadedContent& loaded) {
    VisitContent content;
    content.title = loaded.title;
    content.bvh = loaded.bvh;
    content.errors = loaded.errors;
    content.warnings = loaded.warnings;
    for (const LoadedModel& model : loaded.models) {
        content.models[model.file] = model.layout.extent;
        for (const glm::mat4& placement : model.placements)
            content.sceneBounds.expand(model.layout.extent.worldBounds(placement));
    }
    if (loaded.scene) {
        if (!loaded.scene->building.models.empty() && content.models.count(loaded.scene->building.models.front().file))
            content.buildingFile = loaded.scene->building.models.front().file;
        content.scene = std::move(loaded.scene);
        loaded.scene.reset();
        // Parts the scene names that the models lack: the explorer shows them greyed out.
        for (std::string& problem : learn::missingPartNodes(*content.scene, content.models))
            content.warnings.push_back(std::move(problem));
        // A machine whose clip is missing stands still while it runs.
        for (std::string& problem : learn::missingAnimations(*content.scene, content.models))
            content.warnings.push_back(std::move(problem));
    }
    return content;
}

VisitSession::VisitSession(const VisitSessionDesc& desc)
    : desc_(desc),
      language_(desc.language),
      reducedMotion_(desc.reducedMotion),
      toggles_(desc.toggles),
      statsVisible_(desc.statsVisible),
      legendVisible_(desc.legendVisible),
      touch_(touchGesturesFor(desc.uiScale)),
      quizProgress_(desc.quizProgress ? desc.quizProgress : std::make_shared<learn::QuizProgress>()) {}

VisitSession::~VisitSession() = default;

void VisitSession::setViewport(glm::vec2 windowPixels) {
    windowPixels = glm::max(windowPixels, glm::vec2(1.0f));
    if (windowPixels == viewport_) return;
    viewport_ = windowPixels;
    requestFrames(2);
}

float VisitSession::aspect() const { return viewport_.x / std::max(viewport_.y, 1.0f); }

engine::Camera VisitSession::camera() const {
    if (plan_) return floorPlanCamera(planFocus_, aspect());
    engine::Camera camera;
    camera.view = orbit_.view();
    camera.projection = orbit_.projection(aspect(), content_.sceneBounds);
    // Exploring, the image slides right by the explorer panel's share: the
    // machine sits in the middle of what the panel leaves free.
    if (const float share = explorerPanelShare(); share > 0.0f)
        camera.projection = glm::translate(glm::mat4(1.0f), glm::vec3(share, 0.0f, 0.0f)) * camera.projection;
    camera.position = orbit_.eye();
    return camera;
}

engine::Status VisitSession::load(VisitContent content, const feeds::LiveFeedDesc* feed) {
    content_ = std::move(content);
    loading_ = false;
    loaded_ = true;
    for (const std::string& e : content_.errors) engine::log::error(e);
    for (const std::string& w : content_.warnings) engine::log::warning(w);
    takeQuizProblem();  // a quiz results file that cannot be used is told once
    if (const SceneDescription* s = scene()) {
        framing_ = makeStopFraming(*s, content_.models, aspect());
        labelAnchors_ = labelAnchors(*s, content_.models);
        // Each tour's length, detours through doorways included.
        for (const Tour& tour : s->tours) {
            auto player = makeTourPlayer(*s, tour.id, framing_, reducedMotion_, std::nullopt, content_.bvh);
            tourChoices_.push_back({tour.title, player ? float(player->totalDuration()) : 0.0f});
        }
        if (feed) {
            feed_ = std::make_unique<feeds::LiveFeed>(*s, *feed);
            takeFeedProblems();
        }
    }
    // The overview never dips under the ground the scene stands on.
    if (!content_.sceneBounds.empty()) orbit_.setMinEyeHeight(content_.sceneBounds.min.y + 0.3f);
    std::string error;
    applyStart(error);
    requestFrames(3);
    if (!error.empty()) return engine::makeError(error);
    return {};
}

// ---- input -----------------------------------------------------------------

void VisitSession::handle(const engine::InputEvent& e, const UiCapture& ui) {
    using Kind = engine::InputEvent::Kind;
    clock_ = std::max(clock_, e.time);
    requestFrames(3);
    switch (e.kind) {
        case Kind::MouseDown:
            if (ui.mouse) break;
            // Taking the camera in hand pauses a playing tour.
            if (tour_ && tour_->playing()) {
                tour_->pause();
                tourLeftByVisitor_ = true;
            }
            pressPosition_ = e.position;
            pressTime_ = e.time;
            dragging_ = true;
            panning_ = e.button != engine::MouseButton::Left || (e.modifiers & engine::modifier::Shift);
            lastCursor_ = e.position;
            break;
        case Kind::MouseUp:
            if (dragging_ && e.button == engine::MouseButton::Left &&
                glm::length(e.position - pressPosition_) < kTapPixels && e.time - pressTime_ < kTapSeconds)
                tapView(e.position);
            dragging_ = false;
            break;
        case Kind::MouseMove: {
            glm::vec2 delta = e.position - lastCursor_;
            if (dragging_ && walker_) {
                walker_->turn(delta.x * 0.25f, -delta.y * 0.25f);
                walkTarget_.reset();
            } else if (dragging_) {
                if (panning_)
                    orbit_.pan(delta, viewport_);
                else
                    orbit_.rotate(delta);
            }
            lastCursor_ = e.position;
            if (!dragging_ && !ui.mouse) {
                if (explorer_)
                    explorer_->hoveredPart = partAt(e.position);
                else
                    hover(e.position);
            }
            break;
        }
        case Kind::Scroll:
            if (!ui.mouse) orbit_.zoom(e.scroll.y, e.position, viewport_);
            break;
        case Kind::KeyUp:
            if (walker_) handleWalkKey(e.key, false);
            break;
        case Kind::KeyDown: {
            // Only text fields keep keys from the 3D view (a clicked button
            // keeps the panels' keyboard focus, which must not block
            // shortcuts), except while the visitor moves through the panels:
            // then arrows, Space, Enter, Tab and Esc work the focused widget.
            using engine::Key;
            if (ui.textInput) break;
            const Key k = e.key;
            if (ui.navigating && (k == Key::Up || k == Key::Down || k == Key::Left || k == Key::Right ||
                                  k == Key::Space || k == Key::Enter || k == Key::Tab || k == Key::Escape))
                break;
            handleKeyDown(k);
            break;
        }
        case Kind::Char: break;
        case Kind::Close: quitRequested_ = true; break;
        case Kind::TouchDown:
        case Kind::TouchMove:
        case Kind::TouchUp:
        case Kind::TouchCancel: handleTouch(e, ui); break;
    }
}

void VisitSession::tapView(glm::vec2 cursor) {
    if (plan_)
        walkFromPlan(cursor);
    else if (quizAwaitsPart())
        answerQuizPart(partAt(cursor));  // the quiz asks for a part: the tap answers
    else if (explorer_)
        selectPart(partAt(cursor));  // the machine explorer: a part, or none
    else
        pick(cursor);
}

void VisitSession::handleTouch(const engine::InputEvent& e, const UiCapture& ui) {
    using Kind = engine::InputEvent::Kind;
    // A touch whose first finger lands on a panel is the panels' (the
    // capture says so on the press itself): the 3D view lets it all go.
    const bool firstFinger = e.kind == Kind::TouchDown && !touch_.fingersDown();
    touch_.handle(e, gestures_);
    if (firstFinger && ui.mouse) {
        touchOnPanels_ = true;
        touch_.abandon();
    }
    if (touchOnPanels_) gestures_.clear();
    if (!touch_.fingersDown()) touchOnPanels_ = false;
    applyGestures(true);
}

// What the recogniser saw, on the camera (or the walker's head).
void VisitSession::applyGestures(bool byHand) {
    for (const Gesture& g : std::exchange(gestures_, {})) {
        // Taking the camera in hand pauses a playing tour, as with the mouse.
        if (byHand && tour_ && tour_->playing()) {
            tour_->pause();
            tourLeftByVisitor_ = true;
        }
        std::visit(Overloaded{
                       [&](const gesture::Tap& tap) { tapView(tap.position); },
                       [&](const gesture::Orbit& orbit) {
                           if (walker_) {
                               walker_->turn(orbit.dragPixels.x * 0.25f, -orbit.dragPixels.y * 0.25f);
                               walkTarget_.reset();
                           } else {
                               orbit_.rotate(orbit.dragPixels);
                           }
                       },
                       [&](const gesture::Pan& pan) {
                           if (!walker_) orbit_.pan(pan.dragPixels, viewport_);
                       },
                       [&](const gesture::Pinch& pinch) {
                           if (!walker_)
                               orbit_.zoom(std::log(1.0f / pinch.ratio) / std::log(kZoomStep), pinch.centre, viewport_);
                       },
                   },
                   g);
    }
}

void VisitSession::handleKeyDown(engine::Key key) {
    using engine::Key;
    if (tour_ && handleTourKey(key)) return;
    if (walker_ && handleWalkKey(key, true)) return;
    switch (key) {
        case Key::Left: orbit_.rotate({-40.0f, 0.0f}); break;
        case Key::Right: orbit_.rotate({40.0f, 0.0f}); break;
        case Key::Up: orbit_.rotate({0.0f, -30.0f}); break;
        case Key::Down: orbit_.rotate({0.0f, 30.0f}); break;
        case Key::PageUp:
        case Key::KeypadAdd:
        case Key::Equal: orbit_.zoom(1.0f, viewport_ * 0.5f, viewport_); break;
        case Key::PageDown:
        case Key::KeypadSubtract:
        case Key::Minus: orbit_.zoom(-1.0f, viewport_ * 0.5f, viewport_); break;
        case Key::F: resetView(); break;
        case Key::F1: statsVisible_ = !statsVisible_; break;
        case Key::Escape:
            // Esc leaves the machine explorer, closes the card, then leaves.
            if (explorer_)
                leaveExplorer();
            else if (!std::holds_alternative<std::monostate>(selection_))
                closeCard();
            else
                quitRequested_ = true;
            break;
        default: break;
    }
}

// Space plays or pauses, Left/Right go to the previous/next stop, Esc ends
// the tour. Returns false for keys the tour does not use.
bool VisitSession::handleTourKey(engine::Key key) {
    using engine::Key;
    switch (key) {
        case Key::Space: playPauseTour(); return true;
        case Key::Right: tour_->next(); return true;
        case Key::Left: tour_->previous(); return true;
        case Key::Escape: endTour(); return true;
        default: return false;
    }
}

// Walk keys: W/Z or Up forward, S or Down back, A/Q and D strafe, Left and
// Right turn (AZERTY and QWERTY both work); Esc returns to the overview.
bool VisitSession::handleWalkKey(engine::Key key, bool down) {
    using engine::Key;
    int slot = -1;
    switch (key) {
        case Key::W: case Key::Z: case Key::Up: slot = 0; break;
        case Key::S: case Key::Down: slot = 1; break;
        case Key::A: case Key::Q: slot = 2; break;
        case Key::D: slot = 3; break;
        case Key::Left: slot = 4; break;
        case Key::Right: slot = 5; break;
        case Key::Escape:
            if (down && !selectedMachine()) toggleWalk();
            return down && !selectedMachine();
        default: return false;
    }
    walkKeys_[size_t(slot)] = down;
    if (down) walkTarget_.reset();
    return true;
}

// The machine under the cursor gets a light outline.
void VisitSession::hover(glm::vec2 cursor) {
    if (!content_.bvh || plan_) return;
    auto hit = pickAt(*content_.bvh, camera(), cursor, viewport_, hiddenTopNodes_);
    std::optional<MachineIndex> machine;
    if (hit)
        if (auto index = machineOfHit(*hit)) machine = MachineIndex{*index};
    hovered_ = machine;
}

// A tap: a machine opens its card and the camera flies to it; walking, a
// floor walks there; anything else is turned to and becomes the pivot.
void VisitSession::pick(glm::vec2 cursor) {
    if (!content_.bvh) return;
    auto hit = pickAt(*content_.bvh, camera(), cursor, viewport_, hiddenTopNodes_);
    if (!hit) return;
    if (auto machine = machineOfHit(*hit)) {
        selectMachine(*machine);
    } else if (walker_) {
        if (hit->normal.y > 0.7f) walkTarget_ = hit->point;  // a surface facing up
    } else {
        // Turn to look at the point from where the camera is (moving the eye
        // could take it through a wall); turning then pivots on it.
        orbit_.lookAt(engine::OrbitCamera::eyeOf(orbit_.goal()), hit->point, false);
    }
}

// A tap on the plan walks there: the visitor appears at that point of the
// floor, the whole building shown again.
void VisitSession::walkFromPlan(glm::vec2 cursor) {
    const SceneDescription* s = scene();
    if (!s || floor_ < 0 || !content_.bvh) return;
    float elevation = s->building.floors[size_t(floor_)].elevation;
    glm::vec3 point = planPointAt(camera(), cursor, viewport_, elevation);
    if (!walker_) toggleWalk();
    if (!walker_) return;
    float yaw = walker_->yawDegrees();
    plan_ = false;
    showFloor(-1);
    walker_->teleport(point + glm::vec3(0.0f, 1.0f, 0.0f));
    walker_->setLook(yaw, 0.0f);
    updateWalk(0.0f);
}

// ---- commands ----------------------------------------------------------------

void VisitSession::apply(const UiCommand& command) {
    requestFrames(2);
    std::visit(
        Overloaded{
            [&](const command::SetLanguage& c) { language_ = c.language; },
            [&](const command::ResetView&) { resetView(); },
            [&](const command::Zoom& c) { orbit_.zoom(float(c.steps), viewport_ * 0.5f, viewport_); },
            [&](const command::ToggleStatistics&) { statsVisible_ = !statsVisible_; },
            [&](const command::ToggleAbout&) { aboutVisible_ = !aboutVisible_; },
            [&](const command::ToggleLegend&) { legendVisible_ = !legendVisible_; },
            [&](const command::DismissMessages&) { messagesDismissed_ = true; },
            [&](const command::SetRenderToggles& c) { toggles_ = c.toggles; },
            [&](const command::ChooseFloor& c) {
                leaveExplorer();
                if (tour_) endTour();
                if (walker_ && c.floor >= 0)
                    takeTheLift(size_t(c.floor));
                else
                    showFloor(c.floor);
            },
            [&](const command::TogglePlan&) {
                if (floor_ >= 0) plan_ = !plan_;
            },
            [&](const command::StartTour& c) {
                if (scene() && c.tour < scene()->tours.size()) startTour(scene()->tours[c.tour].id);
            },
            [&](const command::PlayPauseTour&) {
                if (tour_) playPauseTour();
            },
            [&](const command::NextStop&) {
                if (tour_) tour_->next();
            },
            [&](const command::PreviousStop&) {
                if (tour_) tour_->previous();
            },
            [&](const command::EndTour&) {
                if (tour_) endTour();
            },
            [&](const command::SetReadAloud& c) { readAloud_ = c.on; },
            [&](const command::SetReducedMotion& c) { reducedMotion_ = c.reduced; },
            [&](const command::CloseMachineCard&) {
                leaveExplorer();
                if (selectedMachine()) selection_ = std::monostate{};
            },
            [&](const command::ClosePlatformCard&) {
                if (selectedPlatform()) selection_ = std::monostate{};
            },
            [&](const command::ToggleWalk&) { toggleWalk(); },
            [&](const command::HoldWalkPad& c) { walkPad_ = c.direction; },
            [&](const command::GoToPlatform& c) { goToPlatform(c.platform); },
            [&](const command::GoToMachine& c) {
                if (walker_) toggleWalk();
                selectMachine(c.machine);
            },
            [&](const command::OpenPlatformCard& c) { openPlatform(c.platform); },
            [&](const command::SeekData& c) {
                if (feed_) feed_->seek(c.time);
            },
            [&](const command::SetReplaySpeed& c) {
                if (feed_) feed_->setReplaySpeed(c.speed);
            },
            [&](const command::BackToNow&) {
                if (feed_) feed_->followLive();
            },
            [&](const command::ExploreMachine& c) { explore(c.machine); },
            [&](const command::LeaveExplorer&) { leaveExplorer(); },
            [&](const command::HoverPart& c) {
                if (explorer_) explorer_->hoveredPart = c.part;
            },
            [&](const command::SelectPart& c) {
                if (quizAwaitsPart())
                    answerQuizPart(c.part);
                else
                    selectPart(c.part);
            },
            [&](const command::SetExplode& c) {
                if (!explorer_) return;
                explorer_->explode = std::clamp(std::isfinite(c.amount) ? c.amount : 0.0f, 0.0f, 1.0f);
                // Room for the parts moving out, or the selected part followed where it goes.
                if (explorer_->selectedPart < 0)
                    frameExplorer(false);
                else
                    selectPart(explorer_->selectedPart);
            },
            [&](const command::OpenProcedure& c) {
                if (!explorer_ || !scene()) return;
                const auto& procedures = scene()->machines[explorer_->machine].procedures;
                explorer_->procedure = c.procedure >= 0 && size_t(c.procedure) < procedures.size() ? c.procedure : -1;
                if (explorer_->procedure >= 0) goToStep(0);
            },
            [&](const command::GoToStep& c) { goToStep(c.step); },
            [&](const command::TickStep& c) {
                if (!explorer_ || explorer_->procedure < 0) return;
                auto& ticks = explorer_->ticked[size_t(explorer_->procedure)];
                if (c.step >= 0 && size_t(c.step) < ticks.size()) ticks[size_t(c.step)] = c.done;
            },
            [&](const command::PlayCycle& c) { applyCycleCommand(c); },
            [&](const command::ScrubCycle& c) { applyCycleCommand(c); },
            [&](const command::SetCycleSpeed& c) { applyCycleCommand(c); },
            [&](const command::SetSection& c) {
                if (explorer_) explorer_->section = std::clamp(std::isfinite(c.depth) ? c.depth : 0.0f, 0.0f, 1.0f);
            },
            [&](const command::FlipSection&) {
                if (explorer_) explorer_->sectionFlipped = !explorer_->sectionFlipped;
            },
            [&](const command::ShowQuiz& c) { showQuiz(c.shown); },
            [&](const command::AnswerQuiz& c) { answerQuiz(c.option); },
            [&](const command::AnswerQuizPart& c) { answerQuizPart(c.part); },
            [&](const command::NextQuestion&) { nextQuestion(); },
            [&](const command::RestartQuiz&) {
                if (!explorer_) return;
                explorer_->quiz.restart();
                showQuiz(true);
            },
            [&](const command::ResetQuizResults&) {
                const SceneDescription* s = scene();
                if (!explorer_ || !s) return;
                quizProgress_->reset(s->machines[explorer_->machine].id);
                takeQuizProblem();
            },
        },
        command);
    followNarration();
}

// ---- rules -------------------------------------------------------------------

std::optional<size_t> VisitSession::selectedMachine() const {
    if (auto m = std::get_if<MachineIndex>(&selection_)) return m->value;
    return std::nullopt;
}

std::optional<size_t> VisitSession::selectedPlatform() const {
    if (auto p = std::get_if<PlatformIndex>(&selection_)) return p->value;
    return std::nullopt;
}

void VisitSession::closeCard() {
    leaveExplorer();
    selection_ = std::monostate{};
}

void VisitSession::selectMachine(size_t index, bool immediate) {
    const SceneDescription* s = scene();
    if (!s || index >= s->machines.size()) return;
    if (tour_ && tour_->playing()) {
        tour_->pause();
        tourLeftByVisitor_ = true;
    }
    if (explorer_ && explorer_->machine != index) leaveExplorer();
    selection_ = MachineIndex{index};
    if (walker_) return;  // walking: the card opens, the visitor stays where they are
    if (auto view = machineViewpoint(*s, content_.models, s->machines[index].id, aspect()))
        orbit_.lookAt(view->eye, view->target, immediate);
}

// A platform's card opens (closing a machine's) and the camera flies there.
void VisitSession::openPlatform(size_t index, bool immediate) {
    const SceneDescription* s = scene();
    if (!s || index >= s->platforms.size()) return;
    goToPlatform(index, immediate);
    selection_ = PlatformIndex{index};
}

// Flies to a visitor's view inside the platform (the whole building shown).
void VisitSession::goToPlatform(size_t index, bool immediate) {
    const SceneDescription* s = scene();
    if (!s || index >= s->platforms.size()) return;
    if (walker_) toggleWalk();
    if (tour_) endTour();
    leaveExplorer();
    showFloor(-1, immediate);
    TourStop stop;
    stop.kind = TourStop::TargetKind::Platform;
    stop.targetId = s->platforms[index].id;
    CameraViewpoint view = makeStopFraming(*s, content_.models, aspect())(stop);
    orbit_.lookAt(view.eye, view.target, immediate);
}

// Cuts the building away above `floor` (-1: shows it whole) and eases the
// camera to a view from above of what is left.
void VisitSession::showFloor(int floor, bool immediate) {
    const SceneDescription* s = scene();
    if (!s || content_.buildingFile.empty()) return;
    if (floor >= int(s->building.floors.size())) return;
    FloorCutAway cut = floorCutAway(content_.models.at(content_.buildingFile), *s, floor);
    const bool changed = floor != floor_;
    floor_ = floor;
    hiddenTopNodes_ = cut.hiddenTopNodes;
    planFocus_ = cut.focus;
    if (floor < 0) plan_ = false;
    if (!changed && floor < 0) return;  // already the whole building: the camera stays
    float pitch = floor < 0 ? desc_.start.pitchDegrees : kPlanPitch;
    orbit_.frame(cut.focus, orbit_.pose().yawDegrees, pitch, aspect(), immediate);
}

void VisitSession::resetView() {
    orbit_.frame(content_.sceneBounds, desc_.start.yawDegrees, desc_.start.pitchDegrees, aspect(), false);
}

// Enters walking at the first platform (the reception in the Twin scene),
// or leaves it for the overview.
void VisitSession::toggleWalk() {
    if (walker_) {
        walker_.reset();
        walkKeys_.fill(false);
        walkTarget_.reset();
        resetView();
        return;
    }
    if (!content_.bvh) return;
    if (tour_) endTour();
    leaveExplorer();
    showFloor(-1);
    walker_.emplace(*content_.bvh);
    glm::vec3 start = orbit_.pose().target;
    if (const SceneDescription* s = scene(); s && !s->platforms.empty()) {
        const Platform& first = s->platforms.front();
        glm::vec2 centre(0.0f);
        for (const glm::vec2& p : first.footprint) centre += p;
        centre /= float(std::max<size_t>(1, first.footprint.size()));
        float elevation = 0.0f;
        if (const Floor* floor = s->floor(first.floor)) elevation = floor->elevation;
        start = glm::vec3(centre.x, elevation + 1.0f, centre.y);
    }
    walker_->teleport(start);
    walker_->setLook(orbit_.pose().yawDegrees, 0.0f);
    updateWalk(0.0f);
}

// While walking, a floor button is a lift: the visitor arrives on that floor
// at the same place (pushed out of any wall there), the whole building shown.
void VisitSession::takeTheLift(size_t floor) {
    const SceneDescription* s = scene();
    if (!s || floor >= s->building.floors.size() || !walker_) return;
    glm::vec3 feet = walker_->feet();
    float yaw = walker_->yawDegrees();
    walker_->teleport(glm::vec3(feet.x, s->building.floors[floor].elevation + 1.0f, feet.z));
    walker_->setLook(yaw, 0.0f);
    showFloor(-1);
    updateWalk(0.0f);
}

// Moves the walker from the keys, the on-screen pad or towards a tapped
// point, and puts the camera at its eyes.
void VisitSession::updateWalk(float dt) {
    if (!walker_) return;
    float forward = float(walkKeys_[0]) - float(walkKeys_[1]) + walkPad_.y;
    float strafe = float(walkKeys_[3]) - float(walkKeys_[2]);
    float turn = float(walkKeys_[5]) - float(walkKeys_[4]) + walkPad_.x;
    walker_->turn(turn * kTurnSpeed * dt, 0.0f);
    glm::vec3 step = (walker_->flatForward() * forward + walker_->right() * strafe) * kWalkSpeed * dt;
    if (walkTarget_) {
        glm::vec3 to = *walkTarget_ - walker_->feet();
        to.y = 0.0f;
        float distance = glm::length(to);
        if (distance < 0.3f) {
            walkTarget_.reset();
        } else {
            step = to / distance * std::min(distance, kWalkSpeed * 1.5f * dt);
            float yaw = glm::degrees(std::atan2(to.x, -to.z));
            walker_->setLook(yaw, walker_->pitchDegrees());
        }
    }
    glm::vec3 moved = walker_->move(step, dt);
    glm::vec3 eye = walker_->eye();
    orbit_.lookAt(eye, eye + walker_->forward() * 0.2f, true);
    bool active = glm::length(step) > 0.0f || turn != 0.0f || walkTarget_ || !walker_->eyeSettled();
    if (active || glm::length(moved) > 0.0f) requestFrames(1);
}

void VisitSession::startTour(const std::string& id) {
    const SceneDescription* s = scene();
    if (!s) return;
    framing_ = makeStopFraming(*s, content_.models, aspect());
    // The tour starts with a move from where the camera is: no jump cut.
    CameraViewpoint from{orbit_.eye(), orbit_.pose().target};
    tour_ = makeTourPlayer(*s, id, framing_, reducedMotion_, from, content_.bvh);
    ++tourRun_;
    tourPanelsStop_ = SIZE_MAX;
    tourLeftByVisitor_ = false;
    if (!tour_) {
        engine::log::error("unknown tour \"" + id + "\"");
        return;
    }
    if (walker_) toggleWalk();
    leaveExplorer();
    showFloor(-1);  // tours visit the whole building
    tour_->play();
}

// Resuming after the visitor moved the camera glides back to the stop
// (restarting its dwell) rather than cutting to it.
void VisitSession::playPauseTour() {
    if (tour_->playing()) {
        tour_->pause();
        return;
    }
    if (tourLeftByVisitor_) tour_->goToStop(tour_->currentStop());
    tourLeftByVisitor_ = false;
    tour_->play();
}

void VisitSession::endTour() {
    tour_.reset();
    requestFrames(2);
}

// Advances the tour, puts the camera where it says and opens the cards its
// stop names (without moving the camera: the tour has it).
void VisitSession::updateTour(float dt) {
    if (!tour_) return;
    tour_->update(dt);
    // A paused tour leaves the camera to the visitor.
    if (tour_->playing() || tour_->moving()) {
        CameraViewpoint view = tour_->viewpoint();
        orbit_.lookAt(view.eye, view.target, true);
        requestFrames(1);
    }
    const SceneDescription* s = scene();
    if (s && tour_->currentStop() != tourPanelsStop_) {
        tourPanelsStop_ = tour_->currentStop();
        StopPanels open = stopPanels(*s, tour_->panels());
        if (open.machine)
            selection_ = MachineIndex{*open.machine};
        else if (open.platform)
            selection_ = PlatformIndex{*open.platform};
        else
            selection_ = std::monostate{};
    }
}

void VisitSession::takeFeedProblems() {
    for (std::string& problem : feed_->takeProblems()) {
        engine::log::warning(problem);
        content_.warnings.push_back(problem);
        newProblems_.push_back(std::move(problem));
    }
}

std::vector<std::string> VisitSession::takeNewProblems() { return std::exchange(newProblems_, {}); }

void VisitSession::advance(double seconds) {
    const float dt = float(std::min(seconds, 0.1));
    clock_ += seconds;
    if (tour_ && tour_->playing()) touch_.stopCoasting();  // the tour has the camera
    touch_.advance(seconds, gestures_);
    if (!gestures_.empty()) {
        applyGestures(false);
        requestFrames(1);
    }
    if (feed_ && feed_->update()) {
        takeFeedProblems();
        requestFrames(1);
    }
    updateTour(dt);
    updateWalk(dt);
    updateExplorer(dt);
    updateCycles(seconds);
    cameraMoving_ = orbit_.update(dt);
    followNarration();
}

bool VisitSession::animating() const {
    bool tourRunning = tour_ && (tour_->playing() || tour_->moving());
    bool walkingNow = walker_ && (walkTarget_ || glm::length(walkPad_) > 0.0f ||
                                  std::find(walkKeys_.begin(), walkKeys_.end(), true) != walkKeys_.end());
    bool exploding = explorer_ && explorer_->explodeShown != explorer_->explode;
    return cameraMoving_ || loading_ || tourRunning || walkingNow || exploding || touch_.coasting();
}

double VisitSession::secondsUntilNews() const {
    double wait = animating() || cyclesMoving() ? 0.0 : 1.0;
    if (feed_) wait = std::min(wait, std::chrono::duration<double>(feed_->timeUntilNews()).count());
    return wait;
}

float VisitSession::floorElevationShown() const {
    const SceneDescription* s = scene();
    if (s && floor_ >= 0 && size_t(floor_) < s->building.floors.size()) return s->building.floors[size_t(floor_)].elevation;
    return 1e9f;
}

}  // namespace twin
