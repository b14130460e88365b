#include "nav/walk_controller.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace engine {
namespace {

// Pushed this far past touching, so the next query does not find the same
// contact again through rounding.
constexpr float kSkin = 1e-4f;
// Overlap left after the push-out rounds that still counts as free.
constexpr float kPenetrationTolerance = 1e-3f;
// Floor rays start this far above the highest floor they accept, so a
// floor exactly at that height is still hit (hits need t > 0).
constexpr float kProbeLift = 1e-3f;
// teleport() forgives a target this far below the floor.
constexpr float kTeleportLift = 0.05f;
// A contact this close to straight above or below the axis has no sideways
// way out; it is a floor or ceiling matter, not a wall.
constexpr float kVerticalContact = 1e-5f;
// Projection sweeps over the contacts of one push-out round.
constexpr int kProjectionSweeps = 8;
// Eye easing below this is snapped to done, so the view settles in finite time.
constexpr float kEyeLagSnap = 1e-4f;

bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

float wrapDegrees(float degrees) {
    float wrapped = std::remainder(degrees, 360.0f);
    return wrapped == -180.0f ? 180.0f : wrapped;
}

}  // namespace

WalkController::WalkController(const TriangleBvh& bvh, const WalkControllerDesc& desc) : bvh_(&bvh), desc_(desc) {
    desc_.radius = std::max(desc_.radius, 0.01f);
    desc_.stepHeight = std::max(desc_.stepHeight, 0.0f);
    desc_.maxStepDown = std::max(desc_.maxStepDown, 0.0f);
    desc_.height = std::max(desc_.height, desc_.stepHeight + 2.0f * desc_.radius);
    desc_.slideIterations = std::clamp(desc_.slideIterations, 1, 16);
    desc_.maxDisplacement = std::max(desc_.maxDisplacement, 0.0f);
    desc_.maxPitchDegrees = std::clamp(desc_.maxPitchDegrees, 0.0f, 89.9f);
    desc_.teleportSearchDepth = std::max(desc_.teleportSearchDepth, 0.0f);
}

bool WalkController::teleport(const glm::vec3& position) {
    if (!finite(position)) return false;
    feet_ = position;
    eyeLag_ = 0.0f;
    std::optional<Floor> floor = probeFloor(position + glm::vec3(0.0f, kTeleportLift, 0.0f),
                                            kTeleportLift + desc_.teleportSearchDepth);
    grounded_ = floor.has_value();
    if (grounded_) {
        feet_.y = floor->height;
        floorObjectId_ = floor->objectId;
    }
    overlap_ = gatherOverlaps(feet_);
    return grounded_;
}

glm::vec3 WalkController::move(const glm::vec3& desiredDisplacement, float dtSeconds) {
    if (!finite(desiredDisplacement) || !std::isfinite(dtSeconds)) return glm::vec3(0.0f);
    glm::vec3 start = feet_;
    if (!grounded_) land();

    glm::vec3 displacement(desiredDisplacement.x, 0.0f, desiredDisplacement.z);
    float length = glm::length(displacement);
    if (length > desc_.maxDisplacement) {
        displacement *= desc_.maxDisplacement / length;
        length = desc_.maxDisplacement;
    }
    if (length > 0.0f) {
        // Half a radius per sub-step: the axis stays at least half a radius
        // from anything it did not touch before, so it never crosses a wall.
        int steps = int(std::ceil(length / (0.5f * desc_.radius)));
        glm::vec3 step = displacement / float(steps);
        for (int i = 0; i < steps; ++i) {
            if (tryStep(step)) continue;
            // Refused (a ledge, or no way out of a contact): try each axis
            // alone, the longer first, so a walker can follow an edge.
            glm::vec3 first(step.x, 0.0f, 0.0f), second(0.0f, 0.0f, step.z);
            if (std::abs(step.z) > std::abs(step.x)) std::swap(first, second);
            if (first != glm::vec3(0.0f) && tryStep(first)) continue;
            if (second != glm::vec3(0.0f)) tryStep(second);
        }
    }

    if (desc_.eyeSmoothingPerSecond <= 0.0f)
        eyeLag_ = 0.0f;
    else if (dtSeconds > 0.0f)
        eyeLag_ *= std::exp(-desc_.eyeSmoothingPerSecond * dtSeconds);
    if (std::abs(eyeLag_) < kEyeLagSnap) eyeLag_ = 0.0f;
    return feet_ - start;
}

bool WalkController::tryStep(const glm::vec3& delta) {
    glm::vec3 position = feet_ + delta;
    float overlap = pushOut(position);
    bool free = overlap <= kPenetrationTolerance;
    if (!free) {
        // A walker that already overlaps something it cannot be pushed out
        // of (teleported into a wall) walks without collision until it is
        // clear; otherwise it would be stuck there for good.
        if (overlap_ <= kPenetrationTolerance) return false;
        position = feet_ + delta;
    }
    if (!grounded_) {
        feet_ = position;
        overlap_ = free ? 0.0f : overlap;
        land();
        return true;
    }
    std::optional<Floor> floor = findFloor(position, desc_.stepHeight, desc_.maxStepDown);
    if (!floor) return false;
    glm::vec3 next(position.x, floor->height, position.z);
    // A new height moves the capsule up or down into what may be there
    // (a low ceiling over a step).
    if (free && floor->height != feet_.y && penetrates(next)) return false;
    eyeLag_ += feet_.y - floor->height;
    feet_ = next;
    floorObjectId_ = floor->objectId;
    overlap_ = free ? 0.0f : gatherOverlaps(feet_);
    return true;
}

// Pushes `feet` sideways out of everything the capsule overlaps. Each
// contact becomes a half-plane the axis must move into (its direction away
// from the triangle, fixed for the round); a few projection sweeps find a
// push that satisfies all of them at once, so a walker wedged between a
// chair and a desk is freed in one round where "deepest contact first"
// would bounce between the two. The contacts are then gathered again at
// the new place. Returns the deepest overlap left (0 when free); some is
// left in a gap narrower than the walker, say.
float WalkController::pushOut(glm::vec3& feet) {
    for (int round = 0;; ++round) {
        float deepest = gatherOverlaps(feet);
        if (deepest <= 0.0f || round == desc_.slideIterations) return deepest;
        // Deepest first: against one flat wall made of several triangles,
        // the face contact then settles the edge contacts too, and the push
        // is exactly along the wall's normal (no drift along the wall).
        std::sort(constraints_.begin(), constraints_.end(),
                  [](const PushConstraint& a, const PushConstraint& b) { return a.depth > b.depth; });
        glm::vec2 push(0.0f);
        for (int sweep = 0; sweep < kProjectionSweeps; ++sweep) {
            bool changed = false;
            for (const PushConstraint& c : constraints_) {
                float gap = c.depth - glm::dot(push, c.direction);
                if (gap > 0.0f) {
                    push += c.direction * (gap + kSkin);
                    changed = true;
                }
            }
            if (!changed) break;
        }
        // Walls closing in from opposite sides make the pushes grow without
        // settling; a push past the radius means there is no room here.
        if (glm::length(push) > desc_.radius) return deepest;
        feet.x += push.x;
        feet.z += push.y;
    }
}

// Collects in constraints_ how far the capsule at `feet` must move sideways
// to clear each triangle it overlaps; returns the largest such distance.
float WalkController::gatherOverlaps(const glm::vec3& feet) {
    const float radius = desc_.radius;
    const float bottom = desc_.stepHeight + radius;
    const float top = std::max(desc_.height - radius, bottom);
    contacts_.clear();
    bvh_->capsuleContacts(feet + glm::vec3(0.0f, bottom, 0.0f), feet + glm::vec3(0.0f, top, 0.0f), radius, contacts_,
                          filter_);
    constraints_.clear();
    float deepest = 0.0f;
    for (const CapsuleContact& contact : contacts_) {
        glm::vec3 offset = contact.pointOnAxis - contact.pointOnTriangle;
        glm::vec2 sideways(offset.x, offset.z);
        float away = glm::length(sideways);
        // Straight above or below the axis: a floor or ceiling matter (the
        // axis pierces a table top the walker stands under), not a wall.
        if (away < kVerticalContact) continue;
        // Horizontal distance at which this point would touch the capsule
        // at its height (less than the radius near the rounded ends).
        float needed = std::sqrt(std::max(radius * radius - offset.y * offset.y, 0.0f));
        float depth = needed - away;
        if (depth <= 0.0f) continue;
        constraints_.push_back({sideways / away, depth});
        deepest = std::max(deepest, depth);
    }
    return deepest;
}

bool WalkController::penetrates(const glm::vec3& feet) {
    const float radius = desc_.radius;
    const float bottom = desc_.stepHeight + radius;
    const float top = std::max(desc_.height - radius, bottom);
    contacts_.clear();
    bvh_->capsuleContacts(feet + glm::vec3(0.0f, bottom, 0.0f), feet + glm::vec3(0.0f, top, 0.0f),
                          radius - kPenetrationTolerance, contacts_, filter_);
    return !contacts_.empty();
}

// Highest acceptable floor under `feet` between `above` over and `below`
// under it: under the axis first, then (over a crack or with the axis just
// past an edge) under four points half a radius around it.
std::optional<WalkController::Floor> WalkController::findFloor(const glm::vec3& feet, float above, float below) const {
    const float lift = above + kProbeLift;
    const float reach = lift + below;
    if (std::optional<Floor> floor = probeFloor(feet + glm::vec3(0.0f, lift, 0.0f), reach)) return floor;
    const float offset = 0.5f * desc_.radius;
    const glm::vec3 around[4] = {{offset, 0, 0}, {-offset, 0, 0}, {0, 0, offset}, {0, 0, -offset}};
    std::optional<Floor> best;
    for (const glm::vec3& o : around) {
        std::optional<Floor> floor = probeFloor(feet + o + glm::vec3(0.0f, lift, 0.0f), reach);
        if (floor && (!best || floor->height > best->height)) best = floor;
    }
    return best;
}

std::optional<WalkController::Floor> WalkController::probeFloor(const glm::vec3& from, float reach) const {
    std::optional<RayHit> hit = bvh_->raycast(Ray{from, glm::vec3(0.0f, -1.0f, 0.0f)}, reach, filter_);
    if (!hit || hit->normal.y < desc_.minFloorNormalY) return std::nullopt;
    return Floor{hit->point.y, hit->objectId};
}

void WalkController::land() {
    std::optional<Floor> floor = findFloor(feet_, desc_.stepHeight, desc_.teleportSearchDepth);
    if (!floor) return;
    eyeLag_ += feet_.y - floor->height;
    feet_.y = floor->height;
    floorObjectId_ = floor->objectId;
    grounded_ = true;
    overlap_ = gatherOverlaps(feet_);
}

void WalkController::setLook(float yawDegrees, float pitchDegrees) {
    if (std::isfinite(yawDegrees)) yawDegrees_ = wrapDegrees(yawDegrees);
    if (std::isfinite(pitchDegrees))
        pitchDegrees_ = std::clamp(pitchDegrees, -desc_.maxPitchDegrees, desc_.maxPitchDegrees);
}

void WalkController::turn(float deltaYawDegrees, float deltaPitchDegrees) {
    setLook(yawDegrees_ + deltaYawDegrees, pitchDegrees_ + deltaPitchDegrees);
}

glm::vec3 WalkController::eye() const { return feet_ + glm::vec3(0.0f, desc_.eyeHeight + eyeLag_, 0.0f); }

glm::vec3 WalkController::forward() const {
    float yaw = glm::radians(yawDegrees_), pitch = glm::radians(pitchDegrees_);
    return glm::vec3(std::sin(yaw) * std::cos(pitch), std::sin(pitch), -std::cos(yaw) * std::cos(pitch));
}

glm::vec3 WalkController::flatForward() const {
    float yaw = glm::radians(yawDegrees_);
    return glm::vec3(std::sin(yaw), 0.0f, -std::cos(yaw));
}

glm::vec3 WalkController::right() const {
    float yaw = glm::radians(yawDegrees_);
    return glm::vec3(std::cos(yaw), 0.0f, std::sin(yaw));
}

glm::mat4 WalkController::view() const {
    glm::vec3 from = eye();
    return glm::lookAt(from, from + forward(), glm::vec3(0.0f, 1.0f, 0.0f));
}

}  // namespace engine
