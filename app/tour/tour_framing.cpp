#include "tour/tour_framing.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "scene/polygon.h"

namespace twin {
namespace {
constexpr float kCeilingClearance = 0.3f;
constexpr float kNearPlane = 0.05f;
// A corner counts as good when it sees the centre from at least this fraction
// of the best corner's distance (for the approachFrom choice).
constexpr float kGoodCornerFraction = 0.75f;

// The inside point farthest from the walls, on a grid: a concave room's centre.
glm::vec2 mostInlandPoint(const std::vector<glm::vec2>& polygon) {
    glm::vec2 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (const glm::vec2& p : polygon) lo = glm::min(lo, p), hi = glm::max(hi, p);
    constexpr int kGrid = 48;
    glm::vec2 best = polygon[0];
    float bestDistance = -1.0f;
    for (int i = 0; i <= kGrid; ++i) {
        for (int j = 0; j <= kGrid; ++j) {
            glm::vec2 p = lo + (hi - lo) * glm::vec2(float(i) / kGrid, float(j) / kGrid);
            if (!engine::pointInPolygon(polygon, p)) continue;
            float d = engine::distanceToPolygonEdges(polygon, p);
            if (d > bestDistance) bestDistance = d, best = p;
        }
    }
    return best;
}

bool roomy(const std::vector<glm::vec2>& polygon, glm::vec2 p, float margin) {
    return engine::pointInPolygon(polygon, p) && engine::distanceToPolygonEdges(polygon, p) >= margin;
}

// Where the eye stands for the corner or edge middle `start`: first `direct`
// (just the margin in from the walls there), else the first point from
// `start` towards `centre` that keeps `margin` from the walls, else nothing.
std::optional<glm::vec2> insetTowards(const std::vector<glm::vec2>& polygon, glm::vec2 start, glm::vec2 direct,
                                      glm::vec2 centre, float margin) {
    if (roomy(polygon, direct, margin)) return direct;
    constexpr int kSteps = 64;
    float previous = 0.0f;
    for (int k = 0; k <= kSteps; ++k) {
        float f = float(k) / kSteps;
        if (!roomy(polygon, glm::mix(start, centre, f), margin)) {
            previous = f;
            continue;
        }
        // Narrow the step down: the eye goes no deeper than it must.
        float lo = previous, hi = f;
        for (int i = 0; i < 24 && k > 0; ++i) {
            float mid = 0.5f * (lo + hi);
            (roomy(polygon, glm::mix(start, centre, mid), margin) ? hi : lo) = mid;
        }
        return glm::mix(start, centre, hi);
    }
    return std::nullopt;
}
}  // namespace

CameraViewpoint frameRoom(const RoomFramingDesc& desc) {
    const std::vector<glm::vec2>& polygon = desc.footprint;
    float floorY = desc.floorElevation;
    float eyeY = floorY + std::clamp(desc.eyeHeight, 0.0f, std::max(desc.ceilingHeight - kCeilingClearance, 0.0f));
    float lookY = floorY + desc.lookHeight;
    const double area = engine::signedPolygonArea(polygon);  // 0 for fewer than 3 points
    if (std::abs(area) < 1e-6) {
        glm::vec2 mean(0.0f);
        for (const glm::vec2& p : polygon) mean += p;
        if (!polygon.empty()) mean /= float(polygon.size());
        return {{mean.x, eyeY, mean.y + 5.0f}, {mean.x, lookY, mean.y}};
    }
    glm::vec2 centre(engine::polygonCentroid(polygon));
    if (!roomy(polygon, centre, 0.0f)) centre = mostInlandPoint(polygon);

    // Corners first, then edge middles: a corner sees the most of the room.
    // A convex corner's eye is on its bisector, the margin from both walls;
    // an edge middle's straight in from the wall. (A hair more than the margin
    // so rounding does not put it a hair less.)
    const float inset = desc.wallMargin + 1e-3f;
    const float inward = area > 0 ? 1.0f : -1.0f;  // left of the edges when counter-clockwise
    std::vector<glm::vec2> eyes;
    auto addEye = [&](glm::vec2 start, glm::vec2 direct) {
        if (auto eye = insetTowards(polygon, start, direct, centre, desc.wallMargin)) eyes.push_back(*eye);
    };
    const std::size_t n = polygon.size();
    for (std::size_t i = 0; i < n; ++i) {
        glm::vec2 corner = polygon[i];
        glm::vec2 toPrevious = polygon[(i + n - 1) % n] - corner, toNext = polygon[(i + 1) % n] - corner;
        glm::vec2 direct = corner;
        if (glm::length(toPrevious) > 0 && glm::length(toNext) > 0) {
            toPrevious = glm::normalize(toPrevious), toNext = glm::normalize(toNext);
            glm::vec2 bisector = toPrevious + toNext;
            float halfAngle = 0.5f * std::acos(std::clamp(glm::dot(toPrevious, toNext), -1.0f, 1.0f));
            if (glm::length(bisector) > 1e-4f && std::sin(halfAngle) > 1e-3f)
                direct = corner + glm::normalize(bisector) * (inset / std::sin(halfAngle));
        }
        addEye(corner, direct);
    }
    for (std::size_t i = 0; i < n; ++i) {
        glm::vec2 a = polygon[i], b = polygon[(i + 1) % n], middle = 0.5f * (a + b);
        glm::vec2 along = b - a;
        glm::vec2 normal = glm::length(along) > 0 ? glm::normalize(glm::vec2(-along.y, along.x)) * inward : glm::vec2(0.0f);
        addEye(middle, middle + normal * inset);
    }

    if (eyes.empty()) {
        // Too small for the margin: stand in the middle, look along the longest wall.
        glm::vec2 along(0.0f, -1.0f);
        float longest = 0.0f;
        for (std::size_t i = 0, n = polygon.size(); i < n; ++i) {
            glm::vec2 edge = polygon[(i + 1) % n] - polygon[i];
            if (glm::length(edge) > longest) longest = glm::length(edge), along = edge / longest;
        }
        return {{centre.x, eyeY, centre.y}, {centre.x + along.x, lookY, centre.y + along.y}};
    }

    float farthest = 0.0f;
    for (const glm::vec2& eye : eyes) farthest = std::max(farthest, glm::length(eye - centre));
    std::size_t chosen = 0;
    float bestScore = std::numeric_limits<float>::max();
    for (std::size_t i = 0; i < eyes.size(); ++i) {
        float fromCentre = glm::length(eyes[i] - centre);
        float score;
        if (desc.approachFrom) {
            if (fromCentre < kGoodCornerFraction * farthest) continue;
            score = glm::length(eyes[i] - *desc.approachFrom);
        } else {
            score = -fromCentre;
        }
        // A centimetre's difference is a tie: the first one keeps it, so the
        // choice does not flicker with rounding.
        if (score < bestScore - 0.01f) bestScore = score, chosen = i;
    }
    glm::vec2 eye = eyes[chosen];
    return {{eye.x, eyeY, eye.y}, {centre.x, lookY, centre.y}};
}

CameraViewpoint frameMachine(const MachineFramingDesc& desc) {
    glm::vec3 lo = desc.boundsMin, hi = desc.boundsMax;
    if (!(lo.x <= hi.x && lo.y <= hi.y && lo.z <= hi.z)) {
        glm::vec3 centre = 0.5f * (lo + hi);
        if (!std::isfinite(centre.x + centre.y + centre.z)) centre = glm::vec3(0.0f);
        lo = centre - glm::vec3(0.5f);
        hi = centre + glm::vec3(0.5f);
    }
    const glm::vec3 centre = 0.5f * (lo + hi);
    const float floorY = desc.floorElevation.value_or(lo.y);
    const float minEyeY = floorY + desc.minEyeHeight;
    const float maxEyeY = std::max(minEyeY, floorY + desc.maxEyeHeight);
    // Local +Z turned by the machine's yaw, then by the 3/4 side angle.
    const float heading = glm::radians(desc.yawDegrees + desc.sideDegrees);
    const glm::vec3 outward(std::sin(heading), 0.0f, std::cos(heading));
    const float slope = std::tan(glm::radians(std::clamp(desc.downDegrees, 0.0f, 80.0f)));
    const float tanY = std::tan(glm::radians(std::clamp(desc.fovYDegrees, 1.0f, 170.0f)) * 0.5f) * desc.fill;
    const float tanX = tanY * std::max(desc.aspect, 0.05f);

    auto eyeAt = [&](float distance) {
        glm::vec3 eye = centre + outward * distance;
        eye.y = std::clamp(centre.y + distance * slope, minEyeY, maxEyeY);
        return eye;
    };
    auto fits = [&](float distance) {
        glm::vec3 eye = eyeAt(distance);
        glm::vec3 forward = glm::normalize(centre - eye);
        glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0.0f, 1.0f, 0.0f)));
        glm::vec3 up = glm::cross(right, forward);
        for (int i = 0; i < 8; ++i) {
            glm::vec3 corner((i & 1) ? hi.x : lo.x, (i & 2) ? hi.y : lo.y, (i & 4) ? hi.z : lo.z);
            glm::vec3 v = corner - eye;
            float depth = glm::dot(v, forward);
            if (depth <= kNearPlane) return false;
            if (std::abs(glm::dot(v, right)) > tanX * depth || std::abs(glm::dot(v, up)) > tanY * depth) return false;
        }
        return true;
    };

    // Never closer than just outside the box's footprint.
    float nearest = 0.5f * glm::length(glm::vec2(hi.x - lo.x, hi.z - lo.z)) + 0.2f;
    float far = nearest;
    while (!fits(far) && far < 1e4f) far *= 1.25f;
    float near = far > nearest ? far / 1.25f : far;
    // Smallest fitting distance between the last miss and the first fit.
    for (int i = 0; i < 32 && far - near > 1e-3f; ++i) {
        float mid = 0.5f * (near + far);
        (fits(mid) ? far : near) = mid;
    }
    return {eyeAt(far), centre};
}

}  // namespace twin
