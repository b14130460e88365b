// Renderer: floor overlays, areas painted on a floor (a platform's
// occupancy on the plan), each filled with a pattern and edged by a border,
// all in one buffer and one draw.
#include <algorithm>
#include <cmath>
#include <cstddef>

#include "gfx/device.h"
#include "render/renderer.h"
#include "scene/polygon.h"

namespace engine {
namespace {

// Floor overlays. They float above their floor by kOverlayLift (plus a
// polygon offset), enough for a 24-bit depth buffer at 100 m with a 0.1 m
// near plane, too little to see.
constexpr float kOverlayLift = 0.005f;
constexpr float kOverlayBorderWidth = 0.05f;  // metres, widened to 1.5 pixels far away
constexpr float kOverlayBorderKind = 4.0f;    // floor_overlay.vert: after the four patterns

struct OverlayVertex {
    glm::vec3 position;
    glm::vec4 colour;
    glm::vec3 pattern;  // kind, metres a period, metres in from the outline
};

const gfx::VertexAttribute kOverlayLayout[] = {
    {0, 3, gfx::AttributeType::Float, offsetof(OverlayVertex, position), sizeof(OverlayVertex), false},
    {1, 4, gfx::AttributeType::Float, offsetof(OverlayVertex, colour), sizeof(OverlayVertex), false},
    {2, 3, gfx::AttributeType::Float, offsetof(OverlayVertex, pattern), sizeof(OverlayVertex), false},
};

// Appends the border of `outline` (winding given by `windingSign`, +1 for
// counter-clockwise in x/z): one strip inside the outline, `stripWidth`
// wide, mitred at the corners, its inner vertices marked with their
// distance from the outline so the shader draws the line's width.
void appendOverlayBorder(const std::vector<glm::vec2>& outline, float windingSign, float y, const glm::vec4& colour,
                         float stripWidth, std::vector<OverlayVertex>& vertices, std::vector<uint32_t>& indices) {
    std::vector<glm::vec2> ring;
    for (const glm::vec2& p : outline)
        if (ring.empty() || glm::distance(p, ring.back()) > 1e-5f) ring.push_back(p);
    while (ring.size() > 1 && glm::distance(ring.front(), ring.back()) <= 1e-5f) ring.pop_back();
    const size_t n = ring.size();
    if (n < 3) return;
    auto inward = [&](size_t from, size_t to) {
        glm::vec2 d = glm::normalize(ring[to] - ring[from]);
        return glm::vec2(-d.y, d.x) * windingSign;
    };
    const uint32_t first = uint32_t(vertices.size());
    for (size_t i = 0; i < n; ++i) {
        glm::vec2 before = inward((i + n - 1) % n, i), after = inward(i, (i + 1) % n);
        // The mitre meets both edges' offset lines; a spike would send it far
        // away, so it is clamped.
        glm::vec2 mitre = before + after;
        float denominator = 1.0f + glm::dot(before, after);
        mitre = denominator > 0.2f ? mitre / denominator : after;
        if (glm::length(mitre) > 3.0f) mitre = glm::normalize(mitre) * 3.0f;
        glm::vec2 inner = ring[i] + mitre * stripWidth;
        vertices.push_back({glm::vec3(ring[i].x, y, ring[i].y), colour, glm::vec3(kOverlayBorderKind, 1.0f, 0.0f)});
        vertices.push_back({glm::vec3(inner.x, y, inner.y), colour, glm::vec3(kOverlayBorderKind, 1.0f, stripWidth)});
    }
    for (size_t i = 0; i < n; ++i) {
        uint32_t outerA = first + uint32_t(2 * i), innerA = outerA + 1;
        uint32_t outerB = first + uint32_t(2 * ((i + 1) % n)), innerB = outerB + 1;
        indices.insert(indices.end(), {outerA, outerB, innerB, outerA, innerB, innerA});
    }
}

}  // namespace

void Renderer::setFloorOverlays(std::vector<FloorOverlay> overlays) {
    if (overlays == floorOverlays_) return;
    floorOverlays_ = std::move(overlays);
    rebuildFloorOverlays();
}

void Renderer::rebuildFloorOverlays() {
    std::vector<OverlayVertex> vertices;
    std::vector<uint32_t> indices, borderIndices;
    std::vector<OverlayVertex> borderVertices;
    for (const FloorOverlay& overlay : floorOverlays_) {
        if (!std::isfinite(overlay.height)) continue;
        std::vector<uint32_t> triangles = triangulatePolygon(overlay.outline);
        if (triangles.empty()) continue;
        glm::vec4 colour = overlay.colour;
        for (int c = 0; c < 4; ++c) colour[c] = std::isfinite(colour[c]) ? std::clamp(colour[c], 0.0f, 1.0f) : 0.0f;
        float scale = std::isfinite(overlay.patternScale) ? std::clamp(overlay.patternScale, 0.05f, 1000.0f) : 0.6f;
        float kind = float(std::clamp(int(overlay.pattern), 0, int(OverlayPattern::Crosshatch)));
        float y = overlay.height + kOverlayLift;
        const uint32_t first = uint32_t(vertices.size());
        for (const glm::vec2& p : overlay.outline)
            vertices.push_back({glm::vec3(p.x, y, p.y), colour, glm::vec3(kind, scale, 0.0f)});
        for (uint32_t index : triangles) indices.push_back(first + index);
        if (overlay.border) {
            double area = signedPolygonArea(overlay.outline);
            // Narrower than the area is thick, so the strip stays inside small areas.
            float stripWidth = std::min(0.3f, 0.15f * float(std::sqrt(std::abs(area))));
            appendOverlayBorder(overlay.outline, area > 0.0 ? 1.0f : -1.0f, y, colour, stripWidth, borderVertices,
                                borderIndices);
        }
    }
    // Borders after fills, so one draw paints each border over its fill.
    const uint32_t borderBase = uint32_t(vertices.size());
    vertices.insert(vertices.end(), borderVertices.begin(), borderVertices.end());
    for (uint32_t index : borderIndices) indices.push_back(borderBase + index);
    overlayIndexCount_ = indices.size();
    if (indices.empty()) return;  // the buffers, if any, wait for the next set
    size_t vertexBytes = vertices.size() * sizeof(OverlayVertex), indexBytes = indices.size() * sizeof(uint32_t);
    if (!overlayVao_) {
        overlayVertices_ = gfx::Buffer(gfx::BufferKind::Vertex, vertices.data(), vertexBytes);
        overlayIndices_ = gfx::Buffer(gfx::BufferKind::Index, indices.data(), indexBytes);
        overlayVao_.addAttributes(overlayVertices_, kOverlayLayout, std::size(kOverlayLayout));
        overlayVao_.setIndexBuffer(overlayIndices_);
    } else {
        // Same buffer objects, new storage: the vertex array still points at them.
        overlayVertices_.upload(vertices.data(), vertexBytes);
        overlayIndices_.upload(indices.data(), indexBytes);
    }
}

void Renderer::drawFloorOverlays(const glm::mat4& viewProjection, FrameStats& stats) {
    if (overlayIndexCount_ == 0) return;
    gfx::RenderState state;
    state.depthTest = gfx::DepthTest::LessEqual;
    state.depthWrite = false;  // overlapping overlays all blend; glass behind them still draws
    state.cull = gfx::CullMode::None;
    state.blend = gfx::BlendMode::Alpha;
    state.polygonOffsetFactor = -1.0f;  // towards the camera, on top of the lift
    state.polygonOffsetUnits = -2.0f;
    gfx::applyState(state);
    floorOverlay_.use();
    floorOverlay_.set("uViewProjection", viewProjection);
    floorOverlay_.set("uBorderWidth", kOverlayBorderWidth);
    gfx::drawIndexed(overlayVao_, overlayIndexCount_, 1);
    ++stats.drawCalls;
    stats.overlayTriangles = overlayIndexCount_ / 3;
}

}  // namespace engine
