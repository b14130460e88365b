#pragma once
// Simple polygons in a plane: signed area and ear-clipping triangulation,
// for filling floor footprints and other outlines drawn flat. No GL.
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
