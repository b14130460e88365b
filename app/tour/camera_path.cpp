#include "tour/camera_path.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <queue>

namespace twin {
namespace {
constexpr double kPi = 3.14159265358979323846;
// Peak of ease'(u): the quintic runs 1.875x faster than uniform at mid-leg.
constexpr double kEasePeak = 1.875;
// Samples per spline piece for the arc-length table; the speed error of the
// piecewise-linear inverse is far below what the eye can see.
constexpr int kArcSamples = 32;
// Chords per spline piece handed to segmentBlocked when a detour is checked.
constexpr int kClearanceChords = 8;
// Waypoint routes tried at most per blocked leg, the shortest ones (keeps
// the number of segmentBlocked calls bounded with many doorways).
constexpr std::size_t kMaxWaypointRoutes = 256;
// Waypoints the route search uses at most (the first ones): bounds its work
// to (256 + 2)^2 segment tests on a leg nothing can reach.
constexpr std::size_t kMaxDetourWaypoints = 256;
// Points closer than this are one point (a repeated eye, a via on an end).
constexpr float kSamePoint = 1e-4f;

// The route with two more points around each corner, `radius` before and
// after it along the route (at most 45% of a side, so neighbours never
// cross): a centripetal spline through them turns within about `radius` of
// the corner instead of swinging wide.
std::vector<glm::vec3> hugCorners(const glm::vec3& from, const std::vector<glm::vec3>& via, const glm::vec3& to,
                                  float radius) {
    std::vector<glm::vec3> out;
    for (std::size_t i = 0; i < via.size(); ++i) {
        const glm::vec3& before = i == 0 ? from : via[i - 1];
        const glm::vec3& corner = via[i];
        const glm::vec3& after = i + 1 < via.size() ? via[i + 1] : to;
        float inLength = glm::length(corner - before), outLength = glm::length(after - corner);
        if (inLength > 0.0f) out.push_back(corner - (corner - before) / inLength * std::min(radius, 0.45f * inLength));
        out.push_back(corner);
        if (outLength > 0.0f) out.push_back(corner + (after - corner) / outLength * std::min(radius, 0.45f * outLength));
    }
    return out;
}

double finiteOrZero(double v) { return std::isfinite(v) ? v : 0.0; }

// segmentBlocked between the leg's fixed points (0: start, 1: end, 2...:
// waypoints), each ordered pair asked at most once: the route search and the
// route list test the same doorways again and again.
class SegmentCache {
public:
    SegmentCache(const CameraPathDesc& desc, const glm::vec3& from, const glm::vec3& to) : desc_(desc) {
        points_.push_back(from);
        points_.push_back(to);
        std::size_t count = std::min(desc.detourWaypoints.size(), kMaxDetourWaypoints);
        points_.insert(points_.end(), desc.detourWaypoints.begin(), desc.detourWaypoints.begin() + std::ptrdiff_t(count));
        known_.assign(points_.size() * points_.size(), kUnknown);
    }

    std::size_t size() const { return points_.size(); }
    const glm::vec3& point(std::size_t i) const { return points_[i]; }

    bool blocked(std::size_t a, std::size_t b) {
        std::int8_t& known = known_[a * points_.size() + b];
        if (known == kUnknown) known = desc_.segmentBlocked(points_[a], points_[b]) ? kBlocked : kClear;
        return known == kBlocked;
    }
    void markBlocked(std::size_t a, std::size_t b) { known_[a * points_.size() + b] = kBlocked; }

private:
    static constexpr std::int8_t kUnknown = -1, kClear = 0, kBlocked = 1;
    const CameraPathDesc& desc_;
    std::vector<glm::vec3> points_;
    std::vector<std::int8_t> known_;
};

// The shortest route from point 0 to point 1 over the clear straight moves
// between the cache's points (A*, the straight distance to the end as the
// heuristic). Edges are tested lazily, when an entry using them comes out of
// the queue: every entry carries its true length, so the first clear entry of
// a point is its shortest route. The waypoints in order, or nullopt.
std::optional<std::vector<std::size_t>> shortestRoute(SegmentCache& segments) {
    struct Entry {
        float estimate;  // length so far + straight distance to the end
        float length;
        std::size_t point, parent;
        bool operator>(const Entry& other) const { return estimate > other.estimate; }
    };
    const std::size_t n = segments.size();
    const glm::vec3 end = segments.point(1);
    std::vector<bool> settled(n, false);
    std::vector<std::size_t> parent(n, 0);
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
    queue.push({glm::length(end - segments.point(0)), 0.0f, 0, 0});
    while (!queue.empty()) {
        Entry entry = queue.top();
        queue.pop();
        if (settled[entry.point]) continue;
        if (entry.point != 0 && segments.blocked(entry.parent, entry.point)) continue;
        settled[entry.point] = true;
        parent[entry.point] = entry.parent;
        if (entry.point == 1) break;
        const glm::vec3& here = segments.point(entry.point);
        for (std::size_t next = 1; next < n; ++next) {
            if (settled[next]) continue;
            float length = entry.length + glm::length(segments.point(next) - here);
            queue.push({length + glm::length(end - segments.point(next)), length, next, entry.point});
        }
    }
    if (!settled[1]) return std::nullopt;
    std::vector<std::size_t> route;
    for (std::size_t at = parent[1]; at != 0; at = parent[at]) route.push_back(at);
    std::reverse(route.begin(), route.end());
    return route;
}

struct LookAngles {
    float yaw = 0.0f;  // around +Y, 0 looks towards -Z (as engine::OrbitCamera)
    float pitch = 0.0f;
    float distance = 0.0f;
    bool vertical = false;  // yaw is meaningless
};

LookAngles lookAngles(const CameraViewpoint& view) {
    glm::vec3 d = view.target - view.eye;
    LookAngles a;
    a.distance = glm::length(d);
    d /= a.distance;
    a.pitch = std::asin(std::clamp(d.y, -1.0f, 1.0f));
    a.vertical = std::hypot(d.x, d.z) < 1e-6f;
    a.yaw = a.vertical ? 0.0f : std::atan2(d.x, -d.z);
    return a;
}

glm::vec3 directionOf(float yaw, float pitch) {
    return {std::sin(yaw) * std::cos(pitch), std::sin(pitch), -std::cos(yaw) * std::cos(pitch)};
}

float wrapRadians(float a) {
    a = std::fmod(a + static_cast<float>(kPi), 2.0f * static_cast<float>(kPi));
    if (a < 0) a += 2.0f * static_cast<float>(kPi);
    return a - static_cast<float>(kPi);
}

// The turn between two look directions as yaw and pitch blend: the yaw part
// is weighted by the largest cos(pitch) met on the way, which bounds the
// look direction's angular speed (|dF| = sqrt(cos^2(pitch) dyaw^2 + dpitch^2)).
struct Turn {
    float yawFrom, yawDelta, pitchFrom, pitchDelta;
    float boundRadians;
};

Turn turnBetween(const CameraViewpoint& from, const CameraViewpoint& to) {
    LookAngles a = lookAngles(from), b = lookAngles(to);
    if (a.vertical) a.yaw = b.yaw;
    if (b.vertical) b.yaw = a.yaw;
    Turn t;
    t.yawFrom = a.yaw;
    t.yawDelta = wrapRadians(b.yaw - a.yaw);
    t.pitchFrom = a.pitch;
    t.pitchDelta = b.pitch - a.pitch;
    float flattest = (a.pitch > 0) != (b.pitch > 0) ? 0.0f : std::min(std::abs(a.pitch), std::abs(b.pitch));
    float yawWeight = std::cos(flattest);
    t.boundRadians = std::hypot(t.yawDelta * yawWeight, t.pitchDelta);
    return t;
}

CameraViewpoint sanitized(CameraViewpoint view) {
    if (glm::length(view.target - view.eye) < kSamePoint) view.target = view.eye + glm::vec3(0.0f, 0.0f, -1.0f);
    return view;
}

// Drops points that repeat their predecessor.
std::vector<glm::vec3> withoutRepeats(const std::vector<glm::vec3>& points) {
    std::vector<glm::vec3> out;
    for (const glm::vec3& p : points)
        if (out.empty() || glm::length(p - out.back()) > kSamePoint) out.push_back(p);
    return out;
}
}  // namespace

double CameraPath::ease(double u) {
    u = std::clamp(finiteOrZero(u), 0.0, 1.0);
    return u * u * u * (u * (u * 6.0 - 15.0) + 10.0);
}

double CameraPath::transitionSeconds(const CameraTiming& timing, float pathMetres, const CameraViewpoint& from,
                                     const CameraViewpoint& to, bool detour) {
    double turnRadians = turnBetween(sanitized(from), sanitized(to)).boundRadians;
    // Nothing to move: no pause either (a stop repeated with the same view).
    if (pathMetres < kSamePoint && turnRadians < 1e-5) return 0.0;
    double seconds = 0.0;
    if (timing.cruiseMetresPerSecond > 0) seconds = std::max(seconds, double(pathMetres) / timing.cruiseMetresPerSecond);
    if (timing.maxTurnDegreesPerSecond > 0) {
        double turnDegrees = turnRadians * 180.0 / kPi;
        seconds = std::max(seconds, turnDegrees * kEasePeak / timing.maxTurnDegreesPerSecond);
    }
    // The maximum wins over the minimum if they are crossed.
    seconds = std::max(seconds, double(timing.minSeconds));
    double maximum = timing.maxSeconds;
    if (detour) maximum = std::max(maximum, double(timing.maxDetourSeconds));
    return std::max(0.0, std::min(seconds, maximum));
}

CameraPath::CameraPath(std::vector<CameraKeyframe> keyframes, const CameraPathDesc& desc) {
    legs_.reserve(keyframes.size());
    double clock = 0.0;
    for (std::size_t i = 0; i < keyframes.size(); ++i) {
        CameraKeyframe& key = keyframes[i];
        Leg leg;
        leg.view = sanitized(key.view);
        if (i > 0) {
            const CameraViewpoint& from = legs_.back().view;
            leg.via = std::move(key.via);
            if (!planDetour(leg, from.eye, desc)) ++unresolvedLegs_;
            Turn turn = turnBetween(from, leg.view);
            leg.yawFrom = turn.yawFrom;
            leg.yawDelta = turn.yawDelta;
            leg.pitchFrom = turn.pitchFrom;
            leg.pitchDelta = turn.pitchDelta;
            leg.distanceFrom = glm::length(from.target - from.eye);
            leg.distanceDelta = glm::length(leg.view.target - leg.view.eye) - leg.distanceFrom;
            double transit = finiteOrZero(key.transitionSeconds);
            if (key.transitionSeconds < 0)
                transit = transitionSeconds(desc.timing, leg.length, from, leg.view, leg.detoured);
            clock += std::max(0.0, transit);
        }
        leg.arriveSeconds = clock;
        clock += std::max(0.0, finiteOrZero(key.holdSeconds));
        leg.departSeconds = clock;
        legs_.push_back(std::move(leg));
    }
}

void CameraPath::buildSpline(Leg& leg, const glm::vec3& from) {
    std::vector<glm::vec3> route{from};
    route.insert(route.end(), leg.via.begin(), leg.via.end());
    route.push_back(leg.view.eye);
    leg.points = withoutRepeats(route);
    // Both ends must be the keyframes' eyes exactly: a via that repeats the end
    // was dropped in favour of the earlier copy, so put the end back.
    if (leg.points.size() > 1) leg.points.back() = leg.view.eye;
    leg.outTangents.clear();
    leg.inTangents.clear();
    leg.arcLength.assign(1, 0.0f);
    leg.length = 0.0f;
    const std::size_t n = leg.points.size();
    if (n < 2) return;

    // Reflected phantom ends: the leg starts heading straight at its first
    // point and a two-point leg is a straight line at uniform speed.
    std::vector<glm::vec3> p;
    p.reserve(n + 2);
    p.push_back(2.0f * leg.points[0] - leg.points[1]);
    p.insert(p.end(), leg.points.begin(), leg.points.end());
    p.push_back(2.0f * leg.points[n - 1] - leg.points[n - 2]);
    // Centripetal knots: intervals grow with the square root of the chord.
    auto knot = [&](std::size_t i) { return std::sqrt(glm::length(p[i + 1] - p[i])); };
    for (std::size_t piece = 0; piece + 1 < n; ++piece) {
        const glm::vec3 &a = p[piece], &b = p[piece + 1], &c = p[piece + 2], &d = p[piece + 3];
        float t0 = knot(piece), t1 = knot(piece + 1), t2 = knot(piece + 2);
        glm::vec3 m1 = (b - a) / t0 - (c - a) / (t0 + t1) + (c - b) / t1;
        glm::vec3 m2 = (c - b) / t1 - (d - b) / (t1 + t2) + (d - c) / t2;
        leg.outTangents.push_back(m1 * t1);
        leg.inTangents.push_back(m2 * t1);
    }
    glm::vec3 previous = leg.points[0];
    for (std::size_t piece = 0; piece + 1 < n; ++piece) {
        for (int k = 1; k <= kArcSamples; ++k) {
            glm::vec3 here = evaluate(leg, float(piece) + float(k) / kArcSamples);
            leg.arcLength.push_back(leg.arcLength.back() + glm::length(here - previous));
            previous = here;
        }
    }
    leg.length = leg.arcLength.back();
}

glm::vec3 CameraPath::evaluate(const Leg& leg, float parameter) {
    const std::size_t pieces = leg.points.size() - 1;
    std::size_t piece = std::min(static_cast<std::size_t>(std::max(parameter, 0.0f)), pieces - 1);
    float s = std::clamp(parameter - float(piece), 0.0f, 1.0f);
    float s2 = s * s, s3 = s2 * s;
    return (2 * s3 - 3 * s2 + 1) * leg.points[piece] + (s3 - 2 * s2 + s) * leg.outTangents[piece] +
           (-2 * s3 + 3 * s2) * leg.points[piece + 1] + (s3 - s2) * leg.inTangents[piece];
}

glm::vec3 CameraPath::eyeAtLength(const Leg& leg, float length) {
    if (leg.points.size() < 2 || leg.length <= 0.0f) return leg.view.eye;
    auto upper = std::upper_bound(leg.arcLength.begin(), leg.arcLength.end(), length);
    std::size_t j = std::clamp<std::size_t>(std::size_t(upper - leg.arcLength.begin()), 1, leg.arcLength.size() - 1) - 1;
    float span = leg.arcLength[j + 1] - leg.arcLength[j];
    float f = span > 0 ? std::clamp((length - leg.arcLength[j]) / span, 0.0f, 1.0f) : 0.0f;
    return evaluate(leg, (float(j) + f) / kArcSamples);
}

bool CameraPath::splineClear(const Leg& leg, const CameraPathDesc& desc) {
    if (leg.points.size() < 2) return true;
    glm::vec3 previous = leg.points[0];
    for (std::size_t piece = 0; piece + 1 < leg.points.size(); ++piece) {
        for (int k = 1; k <= kClearanceChords; ++k) {
            glm::vec3 here = evaluate(leg, float(piece) + float(k) / kClearanceChords);
            if (desc.segmentBlocked(previous, here)) return false;
            previous = here;
        }
    }
    return true;
}

bool CameraPath::planDetour(Leg& leg, const glm::vec3& from, const CameraPathDesc& desc) {
    const glm::vec3 to = leg.view.eye;
    // Via points from the caller are a route already chosen: kept as they are.
    if (!desc.segmentBlocked || !leg.via.empty() || !desc.segmentBlocked(from, to)) {
        buildSpline(leg, from);
        return true;
    }
    SegmentCache segments(desc, from, to);
    segments.markBlocked(0, 1);
    // A route is kept when its straight pieces are clear (cheap, first) and
    // so is the spline that rounds them: the plain spline through the route,
    // else one held ever closer to the route's corners (a spline through a
    // doorway point swings wide of the door; this one goes through straight).
    auto clearSplineThrough = [&](const std::vector<glm::vec3>& route) {
        for (float radius : {0.0f, 1.0f, 0.5f, 0.25f, 0.1f}) {
            leg.via = radius > 0.0f ? hugCorners(from, route, to, radius) : route;
            buildSpline(leg, from);
            if (splineClear(leg, desc)) {
                leg.detoured = true;
                return true;
            }
        }
        return false;
    };
    auto tryRoute = [&](const std::vector<std::size_t>& route) {
        std::size_t previous = 0;
        for (std::size_t i = 0; i <= route.size(); ++i) {
            std::size_t next = i < route.size() ? route[i] : 1;
            if (segments.blocked(previous, next)) return false;
            previous = next;
        }
        std::vector<glm::vec3> via;
        for (std::size_t point : route) via.push_back(segments.point(point));
        return clearSplineThrough(via);
    };

    // 1. The shortest route through any number of waypoints.
    std::optional<std::vector<std::size_t>> shortest = shortestRoute(segments);
    if (shortest && tryRoute(*shortest)) return true;

    // 2. One waypoint, or two in a row (out of a room's door, in at the next
    // one's), shortest first: another route when the shortest one's spline
    // could not be made clear.
    struct Route {
        float length;
        std::vector<std::size_t> points;
    };
    std::vector<Route> routes;
    auto distance = [&](std::size_t a, std::size_t b) { return glm::length(segments.point(b) - segments.point(a)); };
    for (std::size_t i = 2; i < segments.size(); ++i) {
        routes.push_back({distance(0, i) + distance(i, 1), {i}});
        for (std::size_t j = 2; j < segments.size(); ++j)
            if (j != i) routes.push_back({distance(0, i) + distance(i, j) + distance(j, 1), {i, j}});
    }
    std::stable_sort(routes.begin(), routes.end(), [](const Route& a, const Route& b) { return a.length < b.length; });
    if (routes.size() > kMaxWaypointRoutes) routes.resize(kMaxWaypointRoutes);
    for (const Route& route : routes)
        if ((!shortest || route.points != *shortest) && tryRoute(route.points)) return true;

    // 3. Over the top (outdoors).
    for (int k = 1; k <= desc.detourMaxRises && desc.detourRiseStep > 0; ++k) {
        float height = std::max(from.y, to.y) + float(k) * desc.detourRiseStep;
        std::vector<glm::vec3> via{{from.x, height, from.z}, {to.x, height, to.z}};
        if (desc.segmentBlocked(from, via[0]) || desc.segmentBlocked(via[0], via[1]) || desc.segmentBlocked(via[1], to))
            continue;
        if (clearSplineThrough(via)) return true;
    }
    leg.via.clear();
    buildSpline(leg, from);
    return false;
}

CameraViewpoint CameraPath::sample(double seconds) const {
    if (legs_.empty()) return {};
    seconds = finiteOrZero(seconds);
    // The first leg whose rest ends at or after `seconds`.
    auto it = std::lower_bound(legs_.begin(), legs_.end(), seconds,
                               [](const Leg& leg, double t) { return leg.departSeconds < t; });
    if (it == legs_.end()) return legs_.back().view;
    const Leg& leg = *it;
    if (it == legs_.begin() || seconds >= leg.arriveSeconds) return leg.view;
    const Leg& previous = *(it - 1);
    double transit = leg.arriveSeconds - previous.departSeconds;
    double eased = ease((seconds - previous.departSeconds) / transit);
    if (eased <= 0.0) return previous.view;
    if (eased >= 1.0) return leg.view;
    float e = static_cast<float>(eased);
    CameraViewpoint view;
    view.eye = eyeAtLength(leg, e * leg.length);
    glm::vec3 direction = directionOf(leg.yawFrom + e * leg.yawDelta, leg.pitchFrom + e * leg.pitchDelta);
    view.target = view.eye + direction * (leg.distanceFrom + e * leg.distanceDelta);
    return view;
}

}  // namespace twin
