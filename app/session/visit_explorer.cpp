// VisitSession: the machine explorer. One machine focused where it stands,
// the rest of the building ghosted, its named parts hovered, selected,
// taken apart (exploded) and cut (section plane). The maths is in app/learn/.
#include <algorithm>
#include <cmath>

#include "learn/section_plane.h"
#include "session/visit_session.h"

namespace twin {
namespace {
constexpr float kExplorerPitch = -22.0f;
constexpr float kExplorerYawOffset = 30.0f;  // a three-quarter view of the front
constexpr float kExplodeSpeed = 4.0f;         // per second: the shown amount eases towards the slider's
constexpr glm::vec4 kPartSelectedColour{1.0f, 0.62f, 0.10f, 1.0f};
constexpr glm::vec4 kPartHoverColour{1.0f, 1.0f, 1.0f, 0.9f};
constexpr glm::vec4 kStepColour{0.30f, 0.85f, 0.45f, 1.0f};
// The explorer's panel (app/ui/machine_explorer.cpp): the left column, this
// wide at UI scale 1 (margins included), at most this share of the window.
constexpr float kPanelPixels = 474.0f;
constexpr float kPanelShare = 0.36f;
}  // namespace

// The share of the view's width the explorer's panel covers (0 when not exploring).
float VisitSession::explorerPanelShare() const {
    if (!explorer_ || viewport_.x <= 0.0f) return 0.0f;
    const float panel = std::min(kPanelPixels * desc_.uiScale, viewport_.x * kPanelShare + 24.0f) / viewport_.x;
    return std::clamp(panel, 0.0f, 0.5f);
}

// Frames a world box to fit the part of the view the explorer's panel leaves
// free; camera() shifts the image into that part (a lens shift), so the
// orbit still turns about the machine and no part of it, nor its label,
// sits under the panel.
void VisitSession::frameBesideExplorerPanel(const engine::Aabb& world, float yawDegrees, float pitchDegrees,
                                           bool immediate) {
    orbit_.frame(world, yawDegrees, pitchDegrees, aspect() * (1.0f - explorerPanelShare()), immediate);
}

std::optional<size_t> VisitSession::exploredMachine() const {
    if (!explorer_) return std::nullopt;
    return explorer_->machine;
}

// Focuses machine `index`: its card stays open, the camera orbits it from
// the front three-quarters, the explode and the cut start from nothing.
void VisitSession::explore(size_t index, bool immediate) {
    const SceneDescription* s = scene();
    if (!s || index >= s->machines.size()) return;
    const Machine& machine = s->machines[index];
    auto extent = content_.models.find(machine.model.file);
    if (extent == content_.models.end()) return;  // its model could not be opened
    if (tour_) endTour();
    if (walker_) toggleWalk();
    selection_ = MachineIndex{index};
    Explorer e(machine.quiz);
    e.machine = index;
    e.restShape = learn::machineShape(machine, extent->second);
    e.shape = e.restShape;
    e.placement = machine.model.transform;
    for (const Procedure& procedure : machine.procedures) e.ticked.emplace_back(procedure.steps.size(), false);
    explorer_ = std::move(e);
    updateCycles(0.0);  // the parts where the cycle has them now
    hovered_.reset();
    const glm::vec3 front = glm::vec3(machine.model.transform * glm::vec4(0.0f, 0.0f, 1.0f, 0.0f));
    float yaw = glm::length(front) > 0.0f ? glm::degrees(std::atan2(-front.x, front.z)) : 0.0f;
    frameBesideExplorerPanel(explorer_->shape.bounds.transformed(explorer_->placement), yaw + kExplorerYawOffset,
                             kExplorerPitch, immediate);
    requestFrames(3);
}

// Frames the machine as the explode slider will have it, from where the learner looks.
void VisitSession::frameExplorer(bool immediate) {
    if (!explorer_) return;
    engine::Aabb box = learn::explodedMachineBounds(explorer_->shape, explorer_->explode);
    frameBesideExplorerPanel(box.transformed(explorer_->placement), orbit_.goal().yawDegrees,
                             orbit_.goal().pitchDegrees, immediate);
}

void VisitSession::leaveExplorer() {
    if (!explorer_) return;
    explorer_.reset();
    requestFrames(3);
}

// Selects a part and frames it (where the exploded view has put it).
void VisitSession::selectPart(int part, bool immediate) {
    if (!explorer_) return;
    if (part < 0 || size_t(part) >= explorer_->shape.parts.size()) {
        explorer_->selectedPart = -1;
        return;
    }
    explorer_->selectedPart = part;
    const learn::PartShape& shape = explorer_->shape.parts[size_t(part)];
    engine::Aabb box = learn::explodedBounds(shape, explorer_->shape, explorer_->explode);
    if (box.empty()) return;  // named in the scene, absent from the model: nothing to frame
    // Not much closer than the whole machine: the part is seen in its place.
    const float least = explorer_->shape.bounds.radius() * 0.75f;
    const glm::vec3 half = glm::max((box.max - box.min) * 0.5f, glm::vec3(least));
    engine::Aabb framed;
    framed.expand(box.center() - half);
    framed.expand(box.center() + half);
    frameBesideExplorerPanel(framed.transformed(explorer_->placement), orbit_.pose().yawDegrees, kExplorerPitch,
                             immediate);
}

// A step of the open procedure: the parts it names are lit and framed together.
void VisitSession::goToStep(int step, bool immediate) {
    const SceneDescription* s = scene();
    if (!explorer_ || !s || explorer_->procedure < 0) return;
    const Procedure& procedure = s->machines[explorer_->machine].procedures[size_t(explorer_->procedure)];
    if (step < 0 || size_t(step) >= procedure.steps.size()) return;
    explorer_->step = step;
    engine::Aabb box;
    const Machine& machine = s->machines[explorer_->machine];
    for (const std::string& node : procedure.steps[size_t(step)].parts)
        for (size_t i = 0; i < machine.parts.size(); ++i)
            if (machine.parts[i].node == node)
                box.expand(learn::explodedBounds(explorer_->shape.parts[i], explorer_->shape, explorer_->explode));
    if (box.empty()) {  // a step about the whole machine (e.g. putting on the equipment)
        frameExplorer(immediate);
        return;
    }
    const float least = explorer_->shape.bounds.radius() * 0.75f;
    const glm::vec3 half = glm::max((box.max - box.min) * 0.5f, glm::vec3(least));
    engine::Aabb framed;
    framed.expand(box.center() - half);
    framed.expand(box.center() + half);
    frameBesideExplorerPanel(framed.transformed(explorer_->placement), orbit_.goal().yawDegrees, kExplorerPitch,
                             immediate);
}

// The part under the cursor: a ray through the pixel, in the machine's axes.
int VisitSession::partAt(glm::vec2 cursor) const {
    if (!explorer_) return -1;
    const engine::Camera cam = camera();
    const engine::ViewRay ray = cam.rayThrough(cursor, viewport_);
    const glm::mat4 toModel = glm::inverse(explorer_->placement);
    const glm::vec3 origin = glm::vec3(toModel * glm::vec4(ray.origin, 1.0f));
    const glm::vec3 direction = glm::vec3(toModel * glm::vec4(ray.direction, 0.0f));
    auto part = learn::pickPart(explorer_->shape, explorer_->explodeShown, origin, direction);
    return part ? int(*part) : -1;
}

void VisitSession::updateExplorer(float dt) {
    if (!explorer_) return;
    float& shown = explorer_->explodeShown;
    const float goal = explorer_->explode;
    if (shown == goal) return;
    const float step = kExplodeSpeed * dt;
    shown = std::abs(goal - shown) <= step || reducedMotion_ ? goal : shown + (goal > shown ? step : -step);
    requestFrames(1);
}

// The focus for the renderer (ghosts, exploded parts, the cut, the parts'
// outlines) and for the panels (the part tree, the sliders, the labels).
void VisitSession::describeExplorer(VisitFrame& frame) {
    if (!explorer_) return;
    const SceneDescription* s = scene();
    if (!s || explorer_->machine >= s->machines.size()) return;
    const Explorer& e = *explorer_;
    FocusView focus;
    focus.machine = MachineIndex{e.machine};
    // The cycle moves the parts, then the explode moves them out from there.
    focus.placementTransforms = learn::explodeTransforms(e.shape, e.explodeShown);
    const std::vector<glm::mat4> motion = cycleMotion(e.machine);
    for (size_t p = 0; p < focus.placementTransforms.size() && p < motion.size(); ++p)
        focus.placementTransforms[p] = focus.placementTransforms[p] * motion[p];
    focus.clipPlane =
        learn::sectionPlane(e.shape.bounds, e.placement, e.section, frame.scene.camera.position, e.sectionFlipped);
    frame.scene.focus = std::move(focus);
    // The live view's floor tint and other machines' badges would sit on the ghosts: left out.
    frame.scene.floorOverlays = nullptr;
    frame.ui.live.badges.clear();
    // Outlines: the selected part in amber, the hovered one in white; none for the whole machine.
    frame.scene.outlines.clear();
    auto outline = [&](int part, glm::vec4 colour, float width) {
        if (part < 0 || size_t(part) >= e.shape.parts.size()) return;
        const auto& placements = e.shape.parts[size_t(part)].placements;
        if (placements.empty()) return;
        frame.scene.outlines.push_back({MachineIndex{e.machine}, colour, width, placements});
    };
    // The open procedure's step: its parts in green, labelled first.
    std::vector<int> stepParts;
    if (e.procedure >= 0) {
        const Procedure& procedure = s->machines[e.machine].procedures[size_t(e.procedure)];
        if (size_t(e.step) < procedure.steps.size())
            for (const std::string& node : procedure.steps[size_t(e.step)].parts)
                for (size_t i = 0; i < e.shape.parts.size(); ++i)
                    if (s->machines[e.machine].parts[i].node == node && int(i) != e.selectedPart) {
                        stepParts.push_back(int(i));
                        outline(int(i), kStepColour, 3.0f);
                    }
    }
    outline(e.selectedPart, kPartSelectedColour, 3.0f);
    if (e.hoveredPart != e.selectedPart) outline(e.hoveredPart, kPartHoverColour, 2.0f);

    ExplorerView& view = frame.ui.explorer;
    view.active = true;
    view.machine = &s->machines[e.machine];
    for (const learn::PartShape& part : e.shape.parts) view.partFound.push_back(!part.bounds.empty());
    view.hoveredPart = e.hoveredPart;
    view.selectedPart = e.selectedPart;
    view.explode = e.explode;
    view.section = e.section;
    view.sectionFlipped = e.sectionFlipped;
    view.tab = e.tab;
    view.training = s->trainingFor(s->machines[e.machine].id);
    view.procedure = e.procedure;
    view.step = e.step;
    if (e.procedure >= 0) view.ticked = e.ticked[size_t(e.procedure)];
    if (const engine::AnimationClip* clip = cycleOf(e.machine)) {
        view.hasCycle = true;
        view.cyclePlaying = cyclePlaying_;
        view.cycleDuration = clip->duration;
        view.cycleTime = engine::clipTime(cycleTime_, clip->duration, true);
        view.cycleSpeed = cycleSpeed_;
    }
    // Part labels instead of the building's: the selected and hovered parts
    // always (first, so no other label hides them), and every part while the
    // machine is taken apart. The panels leave out any that would overlap.
    std::vector<int> shown;
    if (e.selectedPart >= 0) shown.push_back(e.selectedPart);
    if (e.hoveredPart >= 0 && e.hoveredPart != e.selectedPart) shown.push_back(e.hoveredPart);
    for (int part : stepParts)
        if (part != e.hoveredPart) shown.push_back(part);
    std::vector<std::pair<float, int>> others;
    if (e.explodeShown > 0.05f)
        for (size_t i = 0; i < e.shape.parts.size(); ++i)
            if (int(i) != e.selectedPart && int(i) != e.hoveredPart && !e.shape.parts[i].bounds.empty() &&
                std::find(stepParts.begin(), stepParts.end(), int(i)) == stepParts.end()) {
                glm::vec3 at = glm::vec3(e.placement * glm::vec4(
                    learn::explodedBounds(e.shape.parts[i], e.shape, e.explodeShown).center(), 1.0f));
                others.push_back({glm::length(at - frame.scene.camera.position), int(i)});
            }
    std::sort(others.begin(), others.end());
    for (const auto& [distance, part] : others) shown.push_back(part);
    frame.ui.labels.clear();
    const Machine& machine = s->machines[e.machine];
    for (int part : shown) {
        const learn::PartShape& shape = e.shape.parts[size_t(part)];
        engine::Aabb box = learn::explodedBounds(shape, e.shape, e.explodeShown);
        if (box.empty()) continue;
        glm::vec3 top = box.center();
        top.y = box.max.y;
        auto point = frame.scene.camera.project(glm::vec3(e.placement * glm::vec4(top, 1.0f)), viewport_);
        if (!point || !point->onScreen()) continue;
        ScreenLabel label;
        label.text = machine.parts[shape.scenePart].label;
        label.position = point->pixel;
        label.machine = part == e.selectedPart;  // drawn in the machine colour: stands out
        frame.ui.labels.push_back(label);
    }
    describeQuiz(frame);
}

}  // namespace twin
