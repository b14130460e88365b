#pragma once
// WalkController: first-person walking through a building, colliding with
// the triangles of a TriangleBvh. The body is a vertical capsule standing on
// a floor; the floor is found by rays cast down, walls and furniture by
// capsule contacts.
//
// Motion, per move():
//  - the horizontal displacement is cut into sub-steps of at most half the
//    radius, so the capsule's axis can never cross a triangle within one
//    sub-step: no tunnelling through thin walls, whatever the speed or dt;
//  - each sub-step moves, then pushes the capsule horizontally out of all
//    it touches at once, re-checking up to `slideIterations` rounds (the
//    sub-stepped form of collide-and-slide: the part of the motion into a
//    wall is removed, the part along it is kept); a sub-step that cannot
//    be freed (a gap narrower than the walker) is refused;
//  - the capsule's bottom is `stepHeight` above the feet, so anything lower
//    (stair steps, thresholds) is not a wall: a ray cast down finds the new
//    floor, which may be up to `stepHeight` higher or `maxStepDown` lower.
//    A sub-step that finds no floor there (a ledge, a stairwell, a gap) is
//    refused: the walker stops at the edge (sliding along it when it is
//    axis-aligned). Raise maxStepDown to let it drop to the floor below.
// Vertical motion is a snap, not a fall; the eye eases after steps so that
// stairs do not jolt the view. No GL.
#include <cstdint>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "scene/triangle_bvh.h"

namespace engine {

struct WalkControllerDesc {
    float radius = 0.3f;
    float eyeHeight = 1.65f;       // eye above the floor stood on
    float height = 1.8f;           // top of the capsule above the floor
    float stepHeight = 0.35f;      // highest step climbed; the capsule starts this high
    float maxStepDown = 0.35f;     // deepest step down; deeper ledges are refused
    float minFloorNormalY = 0.7f;  // steeper than about 45 degrees is not a floor
    int slideIterations = 4;       // push-out rounds per sub-step
    float maxDisplacement = 5.0f;  // per move() call; longer requests are shortened
    float eyeSmoothingPerSecond = 15.0f;  // how fast the eye catches up a step; <= 0: at once
    float maxPitchDegrees = 85.0f;
    float teleportSearchDepth = 100.0f;   // how far below teleport() looks for a floor
};

class WalkController {
public:
    // `bvh` is read at every call and must outlive the controller; it may
    // be rebuilt in place between calls. The walker starts at the origin,
    // not grounded: call teleport() first.
    explicit WalkController(const TriangleBvh& bvh, const WalkControllerDesc& desc = {});

    // Puts the feet on the highest floor at or below `position` (within
    // 5 cm above it, to forgive rounding; down to teleportSearchDepth).
    // Returns false, and leaves the walker floating at `position`, when
    // there is none (false and no change for a non-finite position); a
    // floating walker keeps its height, collides with walls and lands as
    // soon as a floor is found below it. Resets the eye easing. A position
    // inside a wall or furniture is accepted: the walker is pushed out when
    // it can be, and otherwise walks without collision until it is clear,
    // so it can never be stuck there.
    bool teleport(const glm::vec3& position);

    // Walks by the horizontal part of `desiredDisplacement` (y is ignored),
    // colliding and following floors as described at the top. `dtSeconds`
    // drives the eye easing only: call every frame, even with a zero
    // displacement, until eyeSettled(). Returns the feet's actual motion.
    // NaN or infinite input moves nothing.
    glm::vec3 move(const glm::vec3& desiredDisplacement, float dtSeconds);

    // Objects whose triangles the walker passes through (the filter is copied).
    void setCollisionFilter(const ObjectFilter& filter) { filter_ = filter; }

    // Look angles in degrees: yaw around +Y, 0 looks towards -Z, 90 towards
    // +X (as OrbitCamera); pitch is clamped to +-maxPitchDegrees, positive up.
    void setLook(float yawDegrees, float pitchDegrees);
    void turn(float deltaYawDegrees, float deltaPitchDegrees);
    float yawDegrees() const { return yawDegrees_; }
    float pitchDegrees() const { return pitchDegrees_; }

    // Where the walker stands: on its floor when grounded.
    glm::vec3 feet() const { return feet_; }
    // Eye position: feet + eyeHeight, eased vertically after a step.
    glm::vec3 eye() const;
    // Unit view direction.
    glm::vec3 forward() const;
    // Unit horizontal directions for building a displacement from input.
    glm::vec3 flatForward() const;
    glm::vec3 right() const;
    // World-to-view matrix: from eye() along forward(), +Y up.
    glm::mat4 view() const;

    bool grounded() const { return grounded_; }
    // objectId of the floor stood on, when grounded.
    std::optional<uint32_t> floorObjectId() const { return grounded_ ? std::optional(floorObjectId_) : std::nullopt; }
    // False while the eye is still easing after a step (keep drawing frames).
    bool eyeSettled() const { return eyeLag_ == 0.0f; }
    const WalkControllerDesc& desc() const { return desc_; }

private:
    struct Floor {
        float height;
        uint32_t objectId;
    };

    bool tryStep(const glm::vec3& delta);
    float pushOut(glm::vec3& feet);
    float gatherOverlaps(const glm::vec3& feet);
    bool penetrates(const glm::vec3& feet);
    std::optional<Floor> findFloor(const glm::vec3& feet, float above, float below) const;
    std::optional<Floor> probeFloor(const glm::vec3& from, float reach) const;
    void land();

    const TriangleBvh* bvh_;
    WalkControllerDesc desc_;
    ObjectFilter filter_;
    glm::vec3 feet_{0.0f};
    bool grounded_ = false;
    uint32_t floorObjectId_ = 0;
    float eyeLag_ = 0.0f;   // drawn eye height minus the true one, eased to 0
    float overlap_ = 0.0f;  // sideways overlap where it stands: 0 unless placed inside something
    float yawDegrees_ = 0.0f;
    float pitchDegrees_ = 0.0f;
    struct PushConstraint {
        glm::vec2 direction;  // horizontal, away from the triangle
        float depth;          // how far along it the axis must go
    };
    std::vector<CapsuleContact> contacts_;        // reused: no allocation per step
    std::vector<PushConstraint> constraints_;
};

}  // namespace engine
