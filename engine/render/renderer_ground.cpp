// Renderer: the ground under the scene (see ground_grid.h). Where a shadow
// can fall it is lit per pixel with the shadow map; out to the horizon,
// where none can, per vertex.
#include "gfx/device.h"
#include "render/ground_grid.h"
#include "render/renderer.h"

namespace engine {

void Renderer::drawGround(const Camera& camera, const glm::mat4& viewProjection, FrameStats& stats) {
    const glm::vec3 sun = lighting_.sunDirection;
    if (!ground_.vertices || ground_.bounds.min != sceneBounds_.min || ground_.bounds.max != sceneBounds_.max ||
        ground_.sun != sun) {
        const GroundGrid grid = makeGroundGrid(sceneBounds_, sun);
        ground_ = {};
        ground_.bounds = sceneBounds_;
        ground_.sun = sun;
        ground_.center = grid.center;
        ground_.radius = grid.radius;
        ground_.vertices =
            gfx::Buffer(gfx::BufferKind::Vertex, grid.vertices.data(), grid.vertices.size() * sizeof(glm::vec3));
        const gfx::VertexAttribute position{0, 3, gfx::AttributeType::Float, 0, sizeof(glm::vec3), false};
        auto part = [&](const std::vector<uint32_t>& indices, gfx::Buffer& buffer, gfx::VertexArray& vao) {
            if (indices.empty()) return;
            buffer = gfx::Buffer(gfx::BufferKind::Index, indices.data(), indices.size() * sizeof(uint32_t));
            vao.addAttributes(ground_.vertices, &position, 1);
            vao.setIndexBuffer(buffer);
        };
        part(grid.shadowed, ground_.shadowedIndices, ground_.shadowed);
        part(grid.unshadowed, ground_.unshadowedIndices, ground_.unshadowed);
        ground_.shadowedCount = grid.shadowed.size();
        ground_.unshadowedCount = grid.unshadowed.size();
    }

    gfx::RenderState state;
    state.cull = gfx::CullMode::None;
    gfx::applyState(state);
    auto use = [&](gfx::ShaderProgram& program) {
        program.use();
        setLightingUniforms(program);
        program.set("uViewProjection", viewProjection);
        program.set("uGroundCenter", ground_.center);
        program.set("uGroundRadius", ground_.radius);
        program.set("uCameraPosition", camera.position);
        program.set("uGroundAlbedo", lighting_.groundAlbedo);
    };
    auto draw = [&stats](const gfx::VertexArray& part, size_t count) {
        if (count == 0) return;
        gfx::drawIndexed(part, count, 1);
        ++stats.drawCalls;
    };
    if (options_.shadows) {
        use(groundLit_);
        groundLit_.set("uLightViewProjection", lightViewProjection_);
        groundLit_.set("uShadowsEnabled", 1);
        groundLit_.set("uShadowTexel", glm::vec2(1.0f / float(shadowMap_.width())));
        shadowMap_.bind(5);
        draw(ground_.shadowed, ground_.shadowedCount);
        use(groundPerVertex_);
        draw(ground_.unshadowed, ground_.unshadowedCount);
    } else {  // no shadow anywhere: all of it per vertex
        use(groundPerVertex_);
        draw(ground_.shadowed, ground_.shadowedCount);
        draw(ground_.unshadowed, ground_.unshadowedCount);
    }
}

}  // namespace engine
