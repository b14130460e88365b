#pragma once
// CameraPath: a smooth camera flight through a list of resting poses (eye +
// look-at target). No GL.
//
// Motion, by design:
// - The camera comes to rest at every keyframe and holds it for the
//   keyframe's hold time. Between two keyframes it leaves at rest, speeds up
//   and slows down to rest again (a quintic ease-in-out over the leg), so
//   velocity, angular velocity and acceleration are continuous everywhere,
//   keyframes included.
// - The eye follows a centripetal Catmull-Rom spline through the leg's end
//   poses and its via points (doorways, detours): it passes the via points
//   without slowing, never overshoots or loops (centripetal knots), and the
//   leg's ends use reflected phantom points, so a leg without via points is a
//   straight line. Repeated points are dropped before the spline is built.
// - The look direction turns with the same ease, yaw and pitch separately
//   (the horizon stays level, no roll), yaw the short way round; the distance
//   to the target is blended linearly.
// - Leg durations given as automatic follow CameraTiming, which bounds the
//   look direction's angular speed (see there).
#include <cstddef>
#include <functional>
#include <vector>

#include <glm/glm.hpp>

#include "content/scene_file.h"

namespace twin {

// How long an automatic leg lasts: long enough for its path length at the
// cruise speed and for its turn at the turn-rate limit, then clamped. While
// the clamp's maximum does not win, the look direction never turns faster than
// maxTurnDegreesPerSecond (the ease's peak is accounted for). With the
// defaults the maximum wins only for turns over 192 degrees (yaw and pitch
// together), and the worst possible turn still stays under 80 degrees/s.
// A leg that detours (through doorways, down a stair, see CameraPathDesc) is
// longer than the straight move and runs close to walls, so its maximum is
// maxDetourSeconds instead: a 60 m route from one floor to another then
// averages 5 m/s rather than 10.
struct CameraTiming {
    float cruiseMetresPerSecond = 3.0f;     // mean speed over the leg
    float maxTurnDegreesPerSecond = 60.0f;  // peak angular speed of the look direction
    float minSeconds = 2.0f;
    float maxSeconds = 6.0f;
    float maxDetourSeconds = 12.0f;  // the maximum for detoured legs; below maxSeconds counts as maxSeconds
};

struct CameraKeyframe {
    CameraViewpoint view;
    double holdSeconds = 0.0;        // rests at `view` this long after arriving
    double transitionSeconds = -1.0; // the leg from the previous keyframe; < 0: automatic. Unused on the first keyframe.
    std::vector<glm::vec3> via;      // the eye passes through these on its way here from the previous keyframe
};

// Optional obstacle avoidance, used once, when the path is built.
// If `segmentBlocked(a, b)` says the straight move of the eye from the
// previous keyframe to this one is blocked (and the caller gave no via points
// for that leg), a detour is tried, first found wins:
//   1. the shortest route through `detourWaypoints` (doorways, corridor ends,
//      stair landings), any number of them: a shortest path (A*) over the
//      graph whose edges are the clear straight moves between the start, the
//      end and the waypoints. Edges are tested only when the search reaches
//      them, each pair at most once per leg;
//   2. through one or two waypoints in a row, shortest route first, the 256
//      shortest at most (what 1 found may fail the spline check below);
//   3. rising: up above the start, across, down onto the end, the crossing
//      at max(start, end) height + k * detourRiseStep, k = 1..detourMaxRises
//      (for outdoor moves: indoors the ceiling blocks it).
// A candidate is kept only if its straight pieces and every chord of the
// spline it makes (8 per spline piece) are clear, so the rounded corners are
// checked too; when the spline swings too wide (past a door's frame), it is
// held closer to the route's corners (points added 1, 0.5, 0.25 then 0.1 m
// before and after each) before the candidate is given up. If none is clear
// the straight leg is kept and counted in unresolvedLegs(). Only the first
// 256 waypoints are used, which bounds the work on a blocked leg to about
// 66,000 segmentBlocked calls in the worst case (a target nothing reaches).
// segmentBlocked is not kept after the constructor.
struct CameraPathDesc {
    CameraTiming timing;
    std::function<bool(glm::vec3 from, glm::vec3 to)> segmentBlocked;  // empty: nothing blocks
    std::vector<glm::vec3> detourWaypoints;
    float detourRiseStep = 2.0f;  // metres
    int detourMaxRises = 5;
};

class CameraPath {
public:
    CameraPath() = default;  // empty: duration 0, samples the default viewpoint
    // Builds the path. Negative or NaN holds and given transitions count as 0;
    // a zero transition is a cut (allowed, the caller asked for it). A keyframe
    // whose eye equals its target looks 1 m towards -Z instead.
    explicit CameraPath(std::vector<CameraKeyframe> keyframes, const CameraPathDesc& desc = {});

    // The pose at `seconds` from the start; before 0 the first pose, after
    // duration() the last one. Exactly the keyframe's pose while it rests.
    CameraViewpoint sample(double seconds) const;

    double duration() const { return legs_.empty() ? 0.0 : legs_.back().departSeconds; }
    std::size_t keyframeCount() const { return legs_.size(); }
    // When the camera reaches keyframe `index`, and when it leaves it.
    double arrivalSeconds(std::size_t index) const { return legs_.at(index).arriveSeconds; }
    double departureSeconds(std::size_t index) const { return legs_.at(index).departSeconds; }
    // The via points the eye passes on the leg into `index`: the caller's, or
    // the detour's (waypoints, with the points that hold the spline to them).
    const std::vector<glm::vec3>& via(std::size_t index) const { return legs_.at(index).via; }
    // True when the leg into `index` is a detour that this class planned.
    bool detoured(std::size_t index) const { return legs_.at(index).detoured; }
    // Legs that stayed straight although segmentBlocked said blocked.
    int unresolvedLegs() const { return unresolvedLegs_; }

    // The automatic duration of a move `pathMetres` long that turns the look
    // direction from `from`'s to `to`'s as this class does; 0 when the two
    // poses are the same (nothing to show moving).
    // `detour`: the move is a detour, capped by timing.maxDetourSeconds.
    static double transitionSeconds(const CameraTiming& timing, float pathMetres, const CameraViewpoint& from,
                                    const CameraViewpoint& to, bool detour = false);
    // The eased fraction of a leg done at `fraction` of its time (0..1 -> 0..1,
    // zero first and second derivative at both ends).
    static double ease(double fraction);

private:
    struct Leg {
        CameraViewpoint view;     // the keyframe this leg arrives at
        std::vector<glm::vec3> via;
        bool detoured = false;    // via was planned here, around a blocked move
        double arriveSeconds = 0.0;
        double departSeconds = 0.0;
        // Eye spline from the previous keyframe (empty for the first):
        // centripetal Catmull-Rom pieces as cubic Hermite data, with an
        // arc-length table so the ease runs along the curve's length.
        std::vector<glm::vec3> points;       // start, via..., end (no repeats)
        std::vector<glm::vec3> outTangents;  // per piece: tangent leaving points[i]
        std::vector<glm::vec3> inTangents;   // per piece: tangent arriving at points[i + 1]
        std::vector<float> arcLength;        // cumulative, at kArcSamples steps per piece
        float length = 0.0f;
        // Look direction from the previous keyframe's to this one's.
        float yawFrom = 0.0f, yawDelta = 0.0f;  // radians, delta the short way round
        float pitchFrom = 0.0f, pitchDelta = 0.0f;
        float distanceFrom = 0.0f, distanceDelta = 0.0f;
    };

    static void buildSpline(Leg& leg, const glm::vec3& from);
    static glm::vec3 evaluate(const Leg& leg, float piecesParameter);
    static glm::vec3 eyeAtLength(const Leg& leg, float length);
    static bool splineClear(const Leg& leg, const CameraPathDesc& desc);
    // Returns false when the leg is blocked and no detour is clear.
    static bool planDetour(Leg& leg, const glm::vec3& from, const CameraPathDesc& desc);

    std::vector<Leg> legs_;
    int unresolvedLegs_ = 0;
};

}  // namespace twin
