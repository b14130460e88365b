// VisitSession: the machines' working cycles. One clock (seconds of cycle,
// scaled by the speed) for every machine; a machine plays its model's clip
// while the live data says it runs, the explored machine always; reduced
// motion keeps the building's machines still. The stepped clock of a
// playback makes every frame of a cycle reproducible.
#include <algorithm>
#include <cmath>

#include "session/visit_session.h"

namespace twin {
namespace {
constexpr float kMinCycleSpeed = 0.25f;
constexpr float kMaxCycleSpeed = 2.0f;
}  // namespace

const engine::AnimationClip* VisitSession::cycleOf(size_t index) const {
    const SceneDescription* s = scene();
    if (!s || index >= s->machines.size()) return nullptr;
    const Machine& machine = s->machines[index];
    auto extent = content_.models.find(machine.model.file);
    if (extent == content_.models.end()) return nullptr;
    const int32_t clip = engine::findClip(extent->second.animations, machine.animation);
    return clip >= 0 ? &extent->second.animations[size_t(clip)] : nullptr;
}

// Running, by data that is not stale; no live data: nothing runs.
bool VisitSession::machineRunning(size_t index) const {
    const SceneDescription* s = scene();
    if (!feed_ || !s || index >= s->machines.size()) return false;
    const feeds::MachineLive* live = feed_->state().machine(s->machines[index].id);
    if (!live || !live->status) return false;
    return live->status->state == feeds::MachineState::Running &&
           !feeds::isStale(live->status->ts, feed_->clock(), feed_->staleAfter());
}

bool VisitSession::machineCycling(size_t index) const {
    if (explorer_) return explorer_->machine == index && cycleOf(index);
    return !reducedMotion_ && machineRunning(index) && cycleOf(index);
}

bool VisitSession::cyclesMoving() const {
    if (!cyclePlaying_ || !loaded_) return false;
    if (explorer_) return cycleOf(explorer_->machine) != nullptr;
    const SceneDescription* s = scene();
    if (!s) return false;
    for (size_t i = 0; i < s->machines.size(); ++i)
        if (machineCycling(i)) return true;
    return false;
}

std::vector<glm::mat4> VisitSession::cycleMotion(size_t index) const {
    const engine::AnimationClip* clip = cycleOf(index);
    if (!clip) return {};
    const engine::ModelExtent& extent = content_.models.at(scene()->machines[index].model.file);
    return extent.animatedPlacementTransforms(*clip, engine::clipTime(cycleTime_, clip->duration, true));
}

void VisitSession::updateCycles(double seconds) {
    if (cyclePlaying_ && cyclesMoving() && std::isfinite(seconds) && seconds > 0.0) cycleTime_ += seconds * cycleSpeed_;
    if (!explorer_ || !scene()) return;
    // Labels, picking and framing follow the parts where the cycle has them.
    const Machine& machine = scene()->machines[explorer_->machine];
    auto extent = content_.models.find(machine.model.file);
    if (extent == content_.models.end()) return;
    std::vector<glm::mat4> motion = cycleMotion(explorer_->machine);
    explorer_->shape = motion.empty() ? explorer_->restShape : learn::movedShape(explorer_->restShape, extent->second, motion);
}

void VisitSession::applyCycleCommand(const UiCommand& command) {
    if (auto* play = std::get_if<command::PlayCycle>(&command)) {
        cyclePlaying_ = play->play;
    } else if (auto* scrub = std::get_if<command::ScrubCycle>(&command)) {
        const engine::AnimationClip* clip = explorer_ ? cycleOf(explorer_->machine) : nullptr;
        if (!clip || !std::isfinite(scrub->seconds)) return;
        cycleTime_ = std::clamp(double(scrub->seconds), 0.0, double(clip->duration));
        cyclePlaying_ = false;  // the learner looks at the moment chosen
    } else if (auto* speed = std::get_if<command::SetCycleSpeed>(&command)) {
        if (std::isfinite(speed->speed)) cycleSpeed_ = std::clamp(speed->speed, kMinCycleSpeed, kMaxCycleSpeed);
    }
    updateCycles(0.0);
}

void VisitSession::describeCycles(VisitFrame& frame) const {
    if (explorer_) return;  // the focused machine's motion is in the focus; the ghosts stand still
    const SceneDescription* s = scene();
    if (!s) return;
    for (size_t i = 0; i < s->machines.size(); ++i)
        if (machineCycling(i)) frame.scene.machineMotions.push_back({MachineIndex{i}, cycleMotion(i)});
}

}  // namespace twin
