#include "scene/polygon.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace engine {
namespace {

using Point = glm::dvec2;

// Twice the signed area of triangle abc: positive when a, b, c turn left.
double orient(const Point& a, const Point& b, const Point& c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

// Distance from p to the segment ab (a point when a == b), in float.
float distanceToSegment(glm::vec2 a, glm::vec2 b, glm::vec2 p) {
    glm::vec2 ab = b - a;
    float len2 = glm::dot(ab, ab);
    float t = len2 > 0 ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
    return glm::length(a + ab * t - p);
}

// Ear clipping over a doubly linked ring of the outline's vertices, after
// earcut's scheme: walk the ring, clip a vertex when its triangle is convex
// and holds no other non-convex vertex, and when a whole turn finds no ear,
// first drop vertices that became collinear, then clip a convex vertex anyway
// (only a polygon that is not simple gets there).
class EarClipper {
public:
    EarClipper(std::vector<Point> points, std::vector<uint32_t> originalIndex, double extent)
        : points_(std::move(points)), originalIndex_(std::move(originalIndex)) {
        size_t n = points_.size();
        previous_.resize(n);
        next_.resize(n);
        removed_.assign(n, false);
        convex_.assign(n, false);
        for (size_t i = 0; i < n; ++i) {
            previous_[i] = uint32_t((i + n - 1) % n);
            next_[i] = uint32_t((i + 1) % n);
        }
        remaining_ = n;
        // Below these the input's float rounding decides, not its shape.
        sameDistance_ = extent * 1e-7;
        collinearSine_ = 1e-6;
    }

    std::vector<uint32_t> run() {
        uint32_t ear = filter(0);
        if (remaining_ < 3) return {};
        rebuildNonConvex();
        triangles_.reserve(3 * (remaining_ - 2));
        uint32_t stop = ear;
        bool filteredThisTurn = false;
        while (remaining_ > 3) {
            if (workLeft_ <= 0) return {};  // pathological input: give up rather than hang
            uint32_t a = previous_[ear], c = next_[ear];
            if (isEar(a, ear, c)) {
                clip(a, ear, c);
                ear = dropDegenerateAround(a, c);
                if (remaining_ > 3) ear = next_[ear];  // earcut's habit: moving on avoids thin fans
                stop = ear;
                filteredThisTurn = false;
                continue;
            }
            ear = c;
            if (ear != stop) continue;
            // A whole turn without an ear.
            if (!filteredThisTurn) {
                ear = stop = filter(ear);
                rebuildNonConvex();
                filteredThisTurn = true;
                continue;
            }
            uint32_t forced = findConvex(ear);
            if (forced == kNone) break;
            uint32_t before = previous_[forced], after = next_[forced];
            clip(before, forced, after);
            ear = stop = dropDegenerateAround(before, after);
            filteredThisTurn = false;
        }
        if (remaining_ == 3) {
            uint32_t a = previous_[ear], c = next_[ear];
            if (isConvex(a, ear, c)) emit(a, ear, c);
        }
        return std::move(triangles_);
    }

private:
    static constexpr uint32_t kNone = ~0u;

    bool samePoint(uint32_t i, uint32_t j) const {
        Point d = points_[i] - points_[j];
        return std::abs(d.x) <= sameDistance_ && std::abs(d.y) <= sameDistance_;
    }
    // Collinear within a tiny angle, spikes (a turn back on itself) included.
    bool collinear(uint32_t a, uint32_t b, uint32_t c) const {
        double lengths = glm::length(points_[b] - points_[a]) * glm::length(points_[c] - points_[b]);
        return std::abs(orient(points_[a], points_[b], points_[c])) <= collinearSine_ * lengths;
    }
    bool isConvex(uint32_t a, uint32_t b, uint32_t c) const {
        return orient(points_[a], points_[b], points_[c]) > 0.0 && !collinear(a, b, c);
    }

    void unlink(uint32_t i) {
        next_[previous_[i]] = next_[i];
        previous_[next_[i]] = previous_[i];
        removed_[i] = true;
        --remaining_;
    }

    // Drops repeated and collinear vertices from `start` on, stepping back
    // after each removal since the neighbour may now be collinear too: O(n).
    // Returns a vertex still in the ring.
    uint32_t filter(uint32_t start) {
        uint32_t p = start, end = start;
        while (remaining_ >= 3) {
            uint32_t a = previous_[p], c = next_[p];
            if (samePoint(p, c) || collinear(a, p, c)) {
                unlink(p);
                p = end = a;
                continue;
            }
            p = c;
            if (p == end) break;
        }
        return p;
    }

    // After a clip, the ring may turn back on itself or repeat a point where
    // the outline touched itself (a ring with no area left): drop such
    // vertices next to the clip, before an ear is sought among them. O(1)
    // per vertex dropped. Returns a vertex still in the ring.
    uint32_t dropDegenerateAround(uint32_t a, uint32_t c) {
        pending_.assign({a, c});
        uint32_t alive = c;
        while (!pending_.empty() && remaining_ >= 3) {
            uint32_t p = pending_.back();
            pending_.pop_back();
            if (removed_[p]) continue;
            uint32_t before = previous_[p], after = next_[p];
            if (samePoint(p, after) || collinear(before, p, after)) {
                unlink(p);
                alive = before;
                pending_.push_back(before);
                pending_.push_back(after);
                continue;
            }
            updateConvexity(p);
        }
        if (!removed_[c]) return c;
        if (!removed_[a]) return a;
        return alive;
    }

    void updateConvexity(uint32_t p) {
        bool wasConvex = convex_[p];
        convex_[p] = isConvex(previous_[p], p, next_[p]);
        if (wasConvex && !convex_[p]) nonConvex_.push_back(p);
    }

    void rebuildNonConvex() {
        nonConvex_.clear();
        uint32_t p = firstAlive();
        if (p == kNone) return;
        uint32_t start = p;
        do {
            convex_[p] = isConvex(previous_[p], p, next_[p]);
            if (!convex_[p]) nonConvex_.push_back(p);
            p = next_[p];
        } while (p != start);
    }

    uint32_t firstAlive() const {
        for (uint32_t i = 0; i < removed_.size(); ++i)
            if (!removed_[i]) return i;
        return kNone;
    }

    uint32_t findConvex(uint32_t start) const {
        uint32_t p = start;
        do {
            if (isConvex(previous_[p], p, next_[p])) return p;
            p = next_[p];
        } while (p != start);
        return kNone;
    }

    // Clipping an ear only makes its neighbours more convex, so the list of
    // non-convex vertices mostly shrinks: entries are dropped lazily here.
    bool isEar(uint32_t a, uint32_t b, uint32_t c) {
        if (!isConvex(a, b, c)) return false;
        const Point &pa = points_[a], &pb = points_[b], &pc = points_[c];
        workLeft_ -= int64_t(nonConvex_.size()) + 1;
        for (size_t k = 0; k < nonConvex_.size();) {
            uint32_t p = nonConvex_[k];
            if (removed_[p] || convex_[p]) {
                nonConvex_[k] = nonConvex_.back();
                nonConvex_.pop_back();
                continue;
            }
            ++k;
            if (p == a || p == b || p == c) continue;
            // A vertex where the outline touches itself may sit on a corner.
            if (samePoint(p, a) || samePoint(p, b) || samePoint(p, c)) continue;
            const Point& q = points_[p];
            if (orient(pa, pb, q) >= 0.0 && orient(pb, pc, q) >= 0.0 && orient(pc, pa, q) >= 0.0) return false;
        }
        return true;
    }

    void clip(uint32_t a, uint32_t b, uint32_t c) {
        emit(a, b, c);
        unlink(b);
        // Clipping an ear makes its neighbours more convex; only a forced clip
        // (not an ear) can make them reflex.
        updateConvexity(a);
        updateConvexity(c);
    }

    void emit(uint32_t a, uint32_t b, uint32_t c) {
        triangles_.push_back(originalIndex_[a]);
        triangles_.push_back(originalIndex_[b]);
        triangles_.push_back(originalIndex_[c]);
    }

    std::vector<Point> points_;
    std::vector<uint32_t> originalIndex_;
    std::vector<uint32_t> previous_, next_;
    std::vector<bool> removed_;
    std::vector<bool> convex_;  // up to date for the vertices in the ring
    std::vector<uint32_t> nonConvex_;
    std::vector<uint32_t> pending_;
    std::vector<uint32_t> triangles_;
    size_t remaining_ = 0;
    double sameDistance_ = 0.0;
    double collinearSine_ = 0.0;
    // Point-in-triangle tests allowed: far above what any footprint of
    // kMaxPolygonVertices needs, far below a hang (about a second).
    int64_t workLeft_ = 400'000'000;
};

}  // namespace

double signedPolygonArea(std::span<const glm::vec2> outline) {
    if (outline.size() < 3) return 0.0;
    double twice = 0.0;
    for (size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++)
        twice += double(outline[j].x) * double(outline[i].y) - double(outline[i].x) * double(outline[j].y);
    return twice * 0.5;
}

glm::dvec2 polygonCentroid(std::span<const glm::vec2> outline) {
    const size_t n = outline.size();
    glm::dvec2 twiceAreaMoment(0.0);
    double twiceArea = 0.0;
    for (size_t i = 0; i < n; ++i) {
        glm::dvec2 a(outline[i]), b(outline[(i + 1) % n]);
        double cross = a.x * b.y - b.x * a.y;
        twiceArea += cross;
        twiceAreaMoment += (a + b) * cross;
    }
    if (n >= 3 && twiceArea != 0.0) return twiceAreaMoment / (3.0 * twiceArea);
    glm::dvec2 mean(0.0);
    for (const glm::vec2& p : outline) mean += glm::dvec2(p);
    return n > 0 ? mean / double(n) : mean;
}

bool pointInPolygon(std::span<const glm::vec2> outline, glm::vec2 p, float edgeTolerance) {
    bool inside = false;
    for (size_t i = 0, n = outline.size(), j = n - 1; i < n; j = i++) {
        const glm::vec2 &a = outline[i], &b = outline[j];
        if (distanceToSegment(a, b, p) < edgeTolerance) return true;  // on an edge
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

float distanceToPolygonEdges(std::span<const glm::vec2> outline, glm::vec2 p) {
    float best = std::numeric_limits<float>::max();
    for (size_t i = 0, n = outline.size(); i < n; ++i)
        best = std::min(best, distanceToSegment(outline[i], outline[(i + 1) % n], p));
    return best;
}

std::vector<uint32_t> triangulatePolygon(std::span<const glm::vec2> outline) {
    const size_t n = outline.size();
    if (n < 3 || n > kMaxPolygonVertices) return {};
    glm::dvec2 low(outline[0]), high(outline[0]);
    for (const glm::vec2& p : outline) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) return {};
        low = glm::min(low, glm::dvec2(p));
        high = glm::max(high, glm::dvec2(p));
    }
    double extent = std::max(high.x - low.x, high.y - low.y);
    double area = signedPolygonArea(outline);
    if (!(extent > 0.0) || !(std::abs(area) > extent * extent * 1e-12)) return {};

    // Clip in counter-clockwise order, around the box's centre so that large
    // coordinates keep their precision in the orientation tests.
    glm::dvec2 centre = (low + high) * 0.5;
    std::vector<Point> points(n);
    std::vector<uint32_t> originalIndex(n);
    for (size_t k = 0; k < n; ++k) {
        size_t i = area > 0.0 ? k : n - 1 - k;
        points[k] = glm::dvec2(outline[i]) - centre;
        originalIndex[k] = uint32_t(i);
    }
    return EarClipper(std::move(points), std::move(originalIndex), extent).run();
}

}  // namespace engine
