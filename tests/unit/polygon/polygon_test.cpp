// Simple polygons (engine/scene/polygon.h): area, centroid, point inside and
// distance to the edges on shapes worked out by hand; ear-clipping
// triangulation with exact areas on hand-made shapes, properties on seeded
// random polygons, and no crash or hang on garbage.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

#include "core/split_mix.h"
#include "scene/polygon.h"

namespace engine {
namespace {

using Outline = std::vector<glm::vec2>;

double triangleArea(glm::dvec2 a, glm::dvec2 b, glm::dvec2 c) {
    return 0.5 * ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
}

struct Checked {
    size_t triangles = 0;
    double area = 0.0;  // sum of the triangles' areas
};

// Checks what holds for any input: indices in range, every triangle
// counter-clockwise and not degenerate. Returns the count and the area.
Checked checkTriangles(const Outline& outline, const std::vector<uint32_t>& indices) {
    Checked result;
    EXPECT_EQ(indices.size() % 3, 0u);
    for (size_t t = 0; t + 2 < indices.size(); t += 3) {
        for (int k = 0; k < 3; ++k) EXPECT_LT(indices[t + k], outline.size());
        if (indices[t] >= outline.size() || indices[t + 1] >= outline.size() || indices[t + 2] >= outline.size())
            continue;
        double area = triangleArea(outline[indices[t]], outline[indices[t + 1]], outline[indices[t + 2]]);
        EXPECT_GT(area, 0.0) << "triangle " << t / 3 << " is clockwise or flat";
        result.area += area;
        ++result.triangles;
    }
    return result;
}

// For a simple polygon: the triangles tile it, so their areas add up to its
// area and each triangle's centroid lies inside it (a triangle across a notch
// would have its centroid outside, or inflate the sum).
Checked checkTiles(const Outline& outline, double relativeTolerance = 1e-6) {
    std::vector<uint32_t> indices = triangulatePolygon(outline);
    Checked checked = checkTriangles(outline, indices);
    double expected = std::abs(signedPolygonArea(outline));
    EXPECT_NEAR(checked.area, expected, expected * relativeTolerance);
    for (size_t t = 0; t + 2 < indices.size(); t += 3) {
        glm::dvec2 centroid = (glm::dvec2(outline[indices[t]]) + glm::dvec2(outline[indices[t + 1]]) +
                               glm::dvec2(outline[indices[t + 2]])) / 3.0;
        EXPECT_TRUE(pointInPolygon(outline, glm::vec2(centroid))) << "triangle " << t / 3 << " leaves the polygon";
    }
    return checked;
}

Outline reversed(Outline outline) {
    std::reverse(outline.begin(), outline.end());
    return outline;
}

// An L: a 2x2 square without its top-right unit square, counter-clockwise.
const Outline kLShape = {{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}};

TEST(PolygonArea, SignFollowsWinding) {
    Outline square = {{0, 0}, {2, 0}, {2, 2}, {0, 2}};
    EXPECT_DOUBLE_EQ(signedPolygonArea(square), 4.0);
    EXPECT_DOUBLE_EQ(signedPolygonArea(reversed(square)), -4.0);
    EXPECT_DOUBLE_EQ(signedPolygonArea(kLShape), 3.0);
    EXPECT_EQ(signedPolygonArea(Outline{{0, 0}, {1, 1}}), 0.0);
}

TEST(PolygonArea, DegenerateAndNonFinite) {
    EXPECT_EQ(signedPolygonArea(Outline{}), 0.0);
    EXPECT_EQ(signedPolygonArea(Outline{{3, 4}}), 0.0);
    EXPECT_EQ(signedPolygonArea(Outline{{0, 0}, {1, 1}, {2, 2}}), 0.0);  // on a line
    EXPECT_TRUE(std::isnan(signedPolygonArea(Outline{{0, 0}, {1, 0}, {std::numeric_limits<float>::infinity(), 1}})));
    // A footprint in metres far from the origin keeps its area.
    Outline far = {{10000, 20000}, {10003, 20000}, {10003, 20002}, {10000, 20002}};
    EXPECT_DOUBLE_EQ(signedPolygonArea(far), 6.0);
}

TEST(PolygonCentroid, ConvexAndConcaveBothWindings) {
    Outline square = {{0, 0}, {2, 0}, {2, 2}, {0, 2}};
    for (const Outline& o : {square, reversed(square)}) {
        EXPECT_DOUBLE_EQ(polygonCentroid(o).x, 1.0);
        EXPECT_DOUBLE_EQ(polygonCentroid(o).y, 1.0);
    }
    // The L: the 2x2 square's moment less the missing unit square's, over 3.
    for (const Outline& o : {kLShape, reversed(kLShape)}) {
        EXPECT_NEAR(polygonCentroid(o).x, 5.0 / 6.0, 1e-12);
        EXPECT_NEAR(polygonCentroid(o).y, 5.0 / 6.0, 1e-12);
    }
    // Area-weighted, not the vertices' mean: a triangle with extra vertices
    // along one side keeps its centroid.
    Outline triangle = {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {0, 3}};
    EXPECT_NEAR(polygonCentroid(triangle).x, 1.0, 1e-12);
    EXPECT_NEAR(polygonCentroid(triangle).y, 1.0, 1e-12);
    // A C whose centroid falls in its notch, outside it.
    Outline c = {{0, 0}, {3, 0}, {3, 1}, {1, 1}, {1, 2}, {3, 2}, {3, 3}, {0, 3}};
    glm::dvec2 centre = polygonCentroid(c);
    EXPECT_NEAR(centre.y, 1.5, 1e-12);
    EXPECT_FALSE(pointInPolygon(c, glm::vec2(centre) + glm::vec2(0.5f, 0.0f)));
}

TEST(PolygonCentroid, NoAreaGivesTheMean) {
    EXPECT_EQ(polygonCentroid(Outline{}), glm::dvec2(0.0));
    EXPECT_EQ(polygonCentroid(Outline{{3, 4}}), glm::dvec2(3.0, 4.0));
    EXPECT_EQ(polygonCentroid(Outline{{0, 0}, {2, 2}}), glm::dvec2(1.0, 1.0));
    EXPECT_EQ(polygonCentroid(Outline{{0, 0}, {1, 1}, {2, 2}}), glm::dvec2(1.0, 1.0));
}

TEST(PointInPolygon, InsideOutsideBothWindings) {
    Outline square = {{0, 0}, {2, 0}, {2, 2}, {0, 2}};
    for (const Outline& o : {square, reversed(square)}) {
        EXPECT_TRUE(pointInPolygon(o, {1, 1}));
        EXPECT_TRUE(pointInPolygon(o, {0.01f, 1.99f}));
        EXPECT_FALSE(pointInPolygon(o, {3, 1}));
        EXPECT_FALSE(pointInPolygon(o, {-0.01f, 1}));
        EXPECT_FALSE(pointInPolygon(o, {1, 2.5f}));
        EXPECT_FALSE(pointInPolygon(o, {-1, -1}));
        // Level with a vertex, outside: the ray through it must not count twice.
        EXPECT_FALSE(pointInPolygon(o, {-1, 2}));
        EXPECT_FALSE(pointInPolygon(o, {3, 0}));
    }
}

TEST(PointInPolygon, OnAnEdgeOrAVertexCountsAsInside) {
    Outline square = {{0, 0}, {2, 0}, {2, 2}, {0, 2}};
    for (const Outline& o : {square, reversed(square)}) {
        for (glm::vec2 p : {glm::vec2(2, 1), glm::vec2(0, 1), glm::vec2(1, 0), glm::vec2(1, 2), glm::vec2(0, 0),
                            glm::vec2(2, 2), glm::vec2(2 + 5e-6f, 1)})
            EXPECT_TRUE(pointInPolygon(o, p)) << p.x << ", " << p.y;
        EXPECT_FALSE(pointInPolygon(o, {2 + 1e-4f, 1}));  // beyond the tolerance
        // With no tolerance the even-odd rule alone decides: out on the right.
        EXPECT_FALSE(pointInPolygon(o, {2 + 5e-6f, 1}, 0.0f));
        // A wider tolerance, for coarser outlines.
        EXPECT_TRUE(pointInPolygon(o, {2.05f, 1}, 0.1f));
    }
}

TEST(PointInPolygon, ConcaveBothWindings) {
    for (const Outline& o : {kLShape, reversed(kLShape)}) {
        EXPECT_TRUE(pointInPolygon(o, {0.5f, 0.5f}));
        EXPECT_TRUE(pointInPolygon(o, {1.5f, 0.5f}));
        EXPECT_TRUE(pointInPolygon(o, {0.5f, 1.5f}));
        EXPECT_FALSE(pointInPolygon(o, {1.5f, 1.5f}));  // the missing corner
        EXPECT_TRUE(pointInPolygon(o, {1.5f, 1.0f}));   // on the notch's edge
        EXPECT_TRUE(pointInPolygon(o, {1.0f, 1.0f}));   // its reflex vertex
        EXPECT_FALSE(pointInPolygon(o, {1.5f, 1.0f + 1e-3f}));
    }
    // A comb: a horizontal ray crosses many edges.
    Outline comb = {{0, 0}, {7, 0}, {7, 3}, {6, 3}, {6, 1}, {5, 1}, {5, 3}, {4, 3}, {4, 1},
                    {3, 1}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}};
    for (const Outline& o : {comb, reversed(comb)}) {
        for (int tooth = 0; tooth < 4; ++tooth) EXPECT_TRUE(pointInPolygon(o, {0.5f + 2 * tooth, 2}));
        for (int gap = 0; gap < 3; ++gap) EXPECT_FALSE(pointInPolygon(o, {1.5f + 2 * gap, 2}));
        EXPECT_TRUE(pointInPolygon(o, {3.5f, 0.5f}));
    }
}

TEST(PointInPolygon, Degenerate) {
    EXPECT_FALSE(pointInPolygon(Outline{}, {0, 0}));
    // One vertex: only the point itself (within the tolerance).
    EXPECT_TRUE(pointInPolygon(Outline{{1, 1}}, {1, 1}));
    EXPECT_FALSE(pointInPolygon(Outline{{1, 1}}, {1.1f, 1}));
    // A segment, or a polygon flattened onto a line: only points on it.
    Outline flat = {{0, 0}, {1, 1}, {2, 2}};
    EXPECT_TRUE(pointInPolygon(flat, {1.5f, 1.5f}));
    EXPECT_FALSE(pointInPolygon(flat, {1.5f, 1.0f}));
    EXPECT_FALSE(pointInPolygon(Outline{{0, 0}, {2, 0}}, {1, 0.5f}));
    // Repeated vertices and horizontal edges change nothing.
    Outline repeated = {{0, 0}, {0, 0}, {2, 0}, {2, 0}, {2, 2}, {1, 2}, {0, 2}, {0, 2}};
    EXPECT_TRUE(pointInPolygon(repeated, {1, 1}));
    EXPECT_FALSE(pointInPolygon(repeated, {3, 1}));
    EXPECT_FALSE(pointInPolygon(repeated, {-1, 2}));
    // Not a number: never inside.
    float nan = std::numeric_limits<float>::quiet_NaN();
    EXPECT_FALSE(pointInPolygon(kLShape, {nan, 0.5f}));
    EXPECT_FALSE(pointInPolygon(kLShape, {0.5f, nan}));
}

TEST(PolygonEdgeDistance, InsideOutsideAndDegenerate) {
    Outline square = {{0, 0}, {2, 0}, {2, 2}, {0, 2}};
    for (const Outline& o : {square, reversed(square)}) {
        EXPECT_FLOAT_EQ(distanceToPolygonEdges(o, {1, 0.5f}), 0.5f);
        EXPECT_FLOAT_EQ(distanceToPolygonEdges(o, {1, 1}), 1.0f);
        EXPECT_FLOAT_EQ(distanceToPolygonEdges(o, {3, 1}), 1.0f);
        EXPECT_FLOAT_EQ(distanceToPolygonEdges(o, {5, 6}), 5.0f);  // to the corner (2, 2)
        EXPECT_EQ(distanceToPolygonEdges(o, {2, 1}), 0.0f);
    }
    // The closing edge (last vertex to first) counts.
    EXPECT_FLOAT_EQ(distanceToPolygonEdges(kLShape, {-1, 1}), 1.0f);
    // The notch of the L is near, though its vertices are not.
    EXPECT_FLOAT_EQ(distanceToPolygonEdges(kLShape, {1.5f, 1.25f}), 0.25f);
    EXPECT_EQ(distanceToPolygonEdges(Outline{}, {0, 0}), std::numeric_limits<float>::max());
    EXPECT_FLOAT_EQ(distanceToPolygonEdges(Outline{{1, 1}}, {4, 5}), 5.0f);
}

TEST(Triangulate, SquareBothWindings) {
    Outline square = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    Checked ccw = checkTiles(square);
    EXPECT_EQ(ccw.triangles, 2u);
    EXPECT_NEAR(ccw.area, 1.0, 1e-9);
    Checked cw = checkTiles(reversed(square));
    EXPECT_EQ(cw.triangles, 2u);
    EXPECT_NEAR(cw.area, 1.0, 1e-9);
}

TEST(Triangulate, ConcaveLShapeBothWindings) {
    for (const Outline& outline : {kLShape, reversed(kLShape)}) {
        std::vector<uint32_t> indices = triangulatePolygon(outline);
        Checked checked = checkTiles(outline);
        EXPECT_EQ(checked.triangles, 4u);
        EXPECT_NEAR(checked.area, 3.0, 1e-9);
        // Nothing covers the missing corner.
        for (size_t t = 0; t + 2 < indices.size(); t += 3) {
            glm::dvec2 a(outline[indices[t]]), b(outline[indices[t + 1]]), c(outline[indices[t + 2]]);
            glm::dvec2 notch(1.5, 1.5);
            bool covers = triangleArea(a, b, notch) > 0 && triangleArea(b, c, notch) > 0 && triangleArea(c, a, notch) > 0;
            EXPECT_FALSE(covers);
        }
    }
}

TEST(Triangulate, SkipsCollinearVertices) {
    // A unit square with a vertex in the middle of each side and two on the bottom.
    Outline square = {{0, 0}, {0.25f, 0}, {0.5f, 0}, {1, 0}, {1, 0.5f}, {1, 1}, {0.5f, 1}, {0, 1}, {0, 0.5f}};
    for (const Outline& outline : {square, reversed(square)}) {
        Checked checked = checkTiles(outline);
        EXPECT_EQ(checked.triangles, 2u);  // the collinear vertices add nothing
        EXPECT_NEAR(checked.area, 1.0, 1e-9);
    }
}

TEST(Triangulate, SkipsRepeatedVertices) {
    // Repeated corners, and the first vertex repeated at the end (a closed ring).
    Outline outline = {{0, 0}, {0, 0}, {2, 0}, {2, 1}, {2, 1}, {2, 1}, {1, 1}, {1, 2}, {0, 2}, {0, 0}};
    for (const Outline& o : {outline, reversed(outline)}) {
        Checked checked = checkTiles(o);
        EXPECT_EQ(checked.triangles, 4u);
        EXPECT_NEAR(checked.area, 3.0, 1e-9);
    }
}

TEST(Triangulate, DegenerateInputGivesNothing) {
    EXPECT_TRUE(triangulatePolygon(Outline{}).empty());
    EXPECT_TRUE(triangulatePolygon(Outline{{1, 2}}).empty());
    EXPECT_TRUE(triangulatePolygon(Outline{{0, 0}, {1, 0}}).empty());
    EXPECT_TRUE(triangulatePolygon(Outline{{3, 3}, {3, 3}, {3, 3}, {3, 3}}).empty());
    EXPECT_TRUE(triangulatePolygon(Outline{{0, 0}, {1, 1}, {2, 2}, {3, 3}}).empty());    // on one line
    EXPECT_TRUE(triangulatePolygon(Outline{{0, 0}, {2, 0}, {1, 0}, {0, 0}}).empty());    // there and back
    EXPECT_TRUE(triangulatePolygon(Outline{{0, 0}, {1, 0}, {1, 1}, {0, 0}}).size() == 3u);  // closed triangle
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    EXPECT_TRUE(triangulatePolygon(Outline{{0, 0}, {1, 0}, {nan, 1}, {0, 1}}).empty());
    EXPECT_TRUE(triangulatePolygon(Outline{{0, 0}, {inf, 0}, {1, 1}}).empty());
    EXPECT_TRUE(triangulatePolygon(Outline{{-inf, 0}, {inf, 0}, {0, inf}}).empty());
    EXPECT_TRUE(triangulatePolygon(Outline{{0, 0}, {1e-30f, 0}, {0, 1e-30f}}).size() == 3u);  // tiny but real
}

TEST(Triangulate, TooManyVerticesGivesNothing) {
    Outline circle(kMaxPolygonVertices + 1);
    for (size_t i = 0; i < circle.size(); ++i) {
        double angle = 2.0 * std::numbers::pi * double(i) / double(circle.size());
        circle[i] = glm::vec2(std::cos(angle), std::sin(angle)) * 10.0f;
    }
    EXPECT_TRUE(triangulatePolygon(circle).empty());
}

TEST(Triangulate, OutlineTouchingItselfAtAVertex) {
    // Two unit squares meeting at the corner (1, 1), which the ring visits twice.
    Outline outline = {{0, 0}, {1, 0}, {1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}, {0, 1}};
    for (const Outline& o : {outline, reversed(outline)}) {
        Checked checked = checkTiles(o);
        EXPECT_NEAR(checked.area, 2.0, 1e-9);
    }
    // A square with a slit cut from an edge to its centre and back (the
    // shape of an outline joined around a hole).
    Outline slit = {{0, 0}, {2, 0}, {2, 2}, {1, 2}, {1, 1}, {1, 2}, {0, 2}};
    Checked checked = checkTriangles(slit, triangulatePolygon(slit));
    EXPECT_NEAR(checked.area, 4.0, 1e-9);
}

TEST(Triangulate, GarbageNeverCrashesOrHangs) {
    std::vector<Outline> garbage = {
        {{0, 0}, {1, 1}, {1, 0}, {0, 1}},                          // bow tie
        {{0, 0}, {2, 0}, {0, 2}, {2, 2}, {1, -1}},                 // crossing twice
        {{0, 0}, {5, 0}, {5, 5}, {0, 5}, {0, 0}, {5, 0}, {5, 5}},  // wound twice
        {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0.5f, 0.5f}, {0.5f, 3}, {0.5f, 0.5f}},  // spike out and back
        {{0, 0}, {1e30f, 0}, {1e30f, 1e-30f}, {-1e30f, 1}},          // huge and flat
    };
    SplitMix64 random(7);
    for (int i = 0; i < 300; ++i) {
        Outline soup(size_t(3 + random.below(40)));
        for (glm::vec2& p : soup) p = glm::vec2(random.uniform(-10, 10), random.uniform(-10, 10));
        // Snap some to a coarse grid, so vertices coincide and lines overlap.
        if (i % 2 == 0)
            for (glm::vec2& p : soup) p = glm::round(p * 0.3f);
        garbage.push_back(soup);
    }
    auto start = std::chrono::steady_clock::now();
    for (const Outline& outline : garbage) {
        std::vector<uint32_t> indices = triangulatePolygon(outline);
        checkTriangles(outline, indices);
        EXPECT_LE(indices.size(), 3 * (outline.size() - 2));
    }
    // Large self-crossing soup: bounded time is the point, not the result.
    Outline big(5000);
    for (glm::vec2& p : big) p = glm::vec2(random.uniform(-10, 10), random.uniform(-10, 10));
    checkTriangles(big, triangulatePolygon(big));
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 20.0) << "garbage should be refused quickly";
}

// A star-shaped polygon: random radii at increasing angles. Simple, and
// concave wherever a radius dips.
Outline randomStar(SplitMix64& random, int vertices, float minRadius, float maxRadius) {
    Outline outline;
    for (int i = 0; i < vertices; ++i) {
        double angle = 2.0 * std::numbers::pi * (double(i) + random.uniform(0.0f, 0.8f)) / double(vertices);
        float radius = random.uniform(minRadius, maxRadius);
        outline.push_back(glm::vec2(float(std::cos(angle)), float(std::sin(angle))) * radius + glm::vec2(40.0f, -12.0f));
    }
    return outline;
}

TEST(Triangulate, RandomStarsAreTiled) {
    SplitMix64 random(2026);
    for (int i = 0; i < 300; ++i) {
        Outline star = randomStar(random, 3 + random.below(60), 0.5f, 12.0f);
        if (i % 2) star = reversed(star);
        Checked checked = checkTiles(star);
        EXPECT_EQ(checked.triangles, star.size() - 2) << "star " << i;
    }
}

TEST(Triangulate, CombAndSpiral) {
    // A comb of 200 teeth: every other vertex reflex.
    Outline comb = {{0, 0}};
    for (int t = 0; t < 200; ++t) {
        float x = float(t);
        comb.insert(comb.end(), {{x + 0.1f, 0}, {x + 0.1f, 5}, {x + 0.9f, 5}, {x + 0.9f, 0}});
    }
    comb.push_back({200, 0});
    comb.push_back({200, -1});
    comb.push_back({0, -1});
    comb = reversed(comb);  // the construction above is clockwise
    Checked combChecked = checkTiles(comb);
    EXPECT_NEAR(combChecked.area, 200.0 + 200 * 0.8 * 5, 0.01);  // 0.1f and 0.9f are not exact
    for (const Outline& o : {comb, reversed(comb)}) checkTiles(o);

    // A square spiral corridor 1 m wide along a centreline whose legs grow by
    // 1 m a turn (walls 1 m apart): thin and very concave. With mitred right
    // angles its area is exactly its width times the centreline's length.
    Outline left, right;
    glm::vec2 point(0, 0), direction(1, 0);
    float centrelineLength = 0.0f;
    const int legs = 12;
    for (int leg = 0; leg <= legs; ++leg) {
        glm::vec2 side(-direction.y, direction.x);  // left of this leg; `direction` is left of the one before
        glm::vec2 offset = leg == 0 ? side * 0.5f : leg == legs ? direction * 0.5f : (direction + side) * 0.5f;
        left.push_back(point + offset);
        right.push_back(point - offset);
        if (leg == legs) break;
        float length = 2.0f + float(leg);
        point += direction * length;
        centrelineLength += length;
        direction = side;
    }
    Outline spiral = left;
    spiral.insert(spiral.end(), right.rbegin(), right.rend());
    for (const Outline& o : {spiral, reversed(spiral)}) {
        Checked checked = checkTiles(o);
        EXPECT_NEAR(checked.area, centrelineLength, 1e-4);
        EXPECT_EQ(checked.triangles, o.size() - 2);
    }
}

TEST(Triangulate, ManyVerticesStayFast) {
    SplitMix64 random(99);
    Outline star = randomStar(random, 10000, 20.0f, 30.0f);
    auto start = std::chrono::steady_clock::now();
    std::vector<uint32_t> indices = triangulatePolygon(star);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(indices.size(), 3u * (star.size() - 2));
    Checked checked = checkTriangles(star, indices);
    EXPECT_NEAR(checked.area, std::abs(signedPolygonArea(star)), 1e-6 * std::abs(signedPolygonArea(star)));
    std::printf("10000-vertex star: %.1f ms\n", seconds * 1e3);
}

}  // namespace
}  // namespace engine
