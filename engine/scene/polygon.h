#pragma once
// Simple polygons in a plane: signed area, centroid, point inside, distance
// to the outline and ear-clipping triangulation, for floor footprints and
// other outlines drawn flat. The one place for this geometry. No GL.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <glm/glm.hpp>

namespace engine {

// Outlines with more vertices than this are refused (empty triangulation):
// ear clipping is quadratic, and a footprint never needs as many.
constexpr size_t kMaxPolygonVertices = 16384;

// Signed area of the closed outline (shoelace formula, in double): positive
// when the vertices turn counter-clockwise (x right, y up), negative when
// clockwise, 0 for fewer than 3 vertices. A non-finite coordinate gives NaN.
double signedPolygonArea(std::span<const glm::vec2> outline);

// Area centroid of the closed outline (in double), either winding: the
// balance point of the surface, which for a concave outline may lie outside
// it. An outline with no area (fewer than 3 vertices, all on a line) gives
// the mean of its vertices, (0, 0) for none.
glm::dvec2 polygonCentroid(std::span<const glm::vec2> outline);

// Points closer than this to an edge count as on it (for pointInPolygon):
// a hundredth of a millimetre for outlines in metres.
constexpr float kPolygonEdgeTolerance = 1e-5f;

// True if `point` is inside the closed outline by the even-odd rule (either
// winding; concave and self-crossing outlines allowed), or within
// `edgeTolerance` of one of its edges, which counts as inside. Computed in
// float. An empty outline contains nothing; a one-vertex one only the points
// within the tolerance of that vertex.
bool pointInPolygon(std::span<const glm::vec2> outline, glm::vec2 point,
                    float edgeTolerance = kPolygonEdgeTolerance);

// Distance from `point` to the nearest edge of the closed outline (the last
// vertex joins the first), 0 on an edge, whether inside or outside. Computed
// in float. An empty outline gives the largest float.
float distanceToPolygonEdges(std::span<const glm::vec2> outline, glm::vec2 point);

// Triangulates a simple polygon (concave allowed, either winding; the last
// vertex joins the first, which need not be repeated). Returns indices into
// `outline`, three per triangle, every triangle counter-clockwise; their
// areas add up to the polygon's. Repeated vertices and vertices on a
// straight line between their neighbours are skipped. Empty result for
// degenerate input: fewer than 3 distinct vertices, zero area, a non-finite
// coordinate, more than kMaxPolygonVertices vertices. An outline that
// crosses itself is not simple: its triangles then cover it only roughly
// (some may overlap), or not at all when the clipping would take far longer
// than any real outline needs (about a second): the call always returns.
std::vector<uint32_t> triangulatePolygon(std::span<const glm::vec2> outline);

}  // namespace engine
