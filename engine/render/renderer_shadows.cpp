// Renderer: the sun's shadow map.
//
// Redrawing the whole map costs as much as the rest of the frame on
// llvmpipe (the Twin tour, 172,801 triangles into 2048x2048: 58 ms of CPU a
// frame at 1280x720, measured with running machines). What stays still is
// therefore drawn once into a cache; while only moving items move (running
// machines' cycles, a machine taken apart), each frame copies the cache and
// draws the moving items over it. With RendererDesc::shadowCacheDirectory,
// the map of what stays still is also kept on disk, so that the next start
// of the same scene reads it (a few ms) instead of drawing it (77 ms).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <tuple>

#include "core/hasher.h"
#include "core/log.h"
#include "gfx/device.h"
#include "render/renderer_instance.h"
#include "render/shadow_map_file.h"

namespace engine {

void Renderer::drawShadowMap(FrameStats& stats) {
    const glm::mat4 light = lightViewProjection();
    if (light != lightViewProjection_) staticShadowsDirty_ = true;  // the scene's extent changed
    lightViewProjection_ = light;
    const bool anyMoving = std::any_of(instances_.begin(), instances_.end(), [](const Instance& i) { return i.moving; });
    if (!anyMoving) {
        drawStillShadows(shadowTarget_, shadowMap_, stats);  // everything, straight into the map
        staticShadowsDirty_ = false;
        staticShadows_ = {};  // not needed while nothing moves
        staticShadowsTarget_ = {};
        return;
    }
    if (!staticShadows_) {
        staticShadows_ = gfx::Texture2D(shadowDesc_);
        staticShadowsTarget_ = gfx::Framebuffer(nullptr, &staticShadows_);
        staticShadowsDirty_ = true;
    }
    if (staticShadowsDirty_) {
        drawStillShadows(staticShadowsTarget_, staticShadows_, stats);
        staticShadowsDirty_ = false;
    }
    gfx::copyDepth(&staticShadowsTarget_, &shadowTarget_, shadowMap_.width(), shadowMap_.height());
    drawShadowCasters(shadowTarget_, true, stats);
}

// Bumped when what the shadow pass draws changes outside the shader files
// (its state, say): older kept maps are then ignored.
constexpr uint64_t kShadowCacheVersion = 1;

// Draws the still casters into `target` (whose depth is `map`), or reads
// them from the cache folder when a previous run drew the same.
void Renderer::drawStillShadows(const gfx::Framebuffer& target, gfx::Texture2D& map, FrameStats& stats) {
    if (!stillShadowsKept_) {
        drawShadowCasters(target, false, stats);
        return;
    }
    stillShadowsKept_ = false;
    auto warnOnce = [this](const std::string& message) {
        if (!shadowCacheWarned_) log::warning(message);
        shadowCacheWarned_ = true;
    };
    const auto start = std::chrono::steady_clock::now();
    const uint64_t key = stillShadowsKey();
    const std::filesystem::path file = shadowMapFileName(desc_.shadowCacheDirectory, key);
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) {
        Result<ShadowMapImage> kept = readShadowMapFile(file, key, map.width(), map.height());
        if (kept && map.writeDepth16(kept->depths)) {
            stats.shadowMapRead = true;
            char text[160];
            std::snprintf(text, sizeof text, "shadow map read from the cache in %.1f ms",
                          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            log::debug(text);
            return;
        }
        if (!kept) warnOnce(kept.error() + "; drawing the shadows again");
    }
    drawShadowCasters(target, false, stats);
    ShadowMapImage image{key, map.width(), map.height(), map.readDepth16()};
    if (image.depths.empty()) return;  // cannot be read back here (WebGL)
    if (Status written = writeShadowMapFile(file, image); !written)
        warnOnce(written.error() + "; the shadows will be drawn at each start");
}

// Everything the still casters' map depends on, so that a kept map is
// never read for another scene, sun, placement, cut, shader or driver.
uint64_t Renderer::stillShadowsKey() const {
    Hasher h;
    h.add(&kShadowCacheVersion, sizeof kShadowCacheVersion);
    h.add(deviceName_);
    h.add(&shadersHash_, sizeof shadersHash_);
    const int size[] = {shadowMap_.width(), shadowMap_.height()};
    h.add(size, sizeof size);
    h.add(&lightViewProjection_, sizeof lightViewProjection_);
    // In the instances' order, which follows the scene: the drawing order
    // sorts by address, which changes from run to run.
    for (const Instance& instance : instances_) {
        if (!instance.castsShadow() || instance.moving) continue;
        h.add(&instance.model->meshes()[instance.mesh].shadowKey, sizeof(uint64_t));
        h.add(&instance.world, sizeof instance.world);
        const glm::vec4 clip = instance.clip.value_or(glm::vec4(0.0f));
        h.add(&clip, sizeof clip);
    }
    return h.digest();
}

// Draws the casters that are moving (`moving`) or still into `target`,
// cleared first unless it receives the moving ones over the cached rest.
void Renderer::drawShadowCasters(const gfx::Framebuffer& target, bool moving, FrameStats& stats) {
    gfx::bindFramebuffer(&target, shadowMap_.width(), shadowMap_.height());
    if (!moving) gfx::clear({0, 0, 0, 0}, false, true);
    gfx::RenderState state;
    state.cull = gfx::CullMode::None;  // thin or open geometry must still cast
    state.colorWrite = false;
    state.polygonOffsetFactor = 1.5f;
    state.polygonOffsetUnits = 2.0f;
    gfx::applyState(state);
    for (const gfx::ShaderProgram* program : {&shadow_, &shadowPlain_}) {
        program->use();
        program->set("uLightViewProjection", lightViewProjection_);
    }
    const gfx::ShaderProgram* current = &shadowPlain_;

    // Group by mesh so repeated meshes are one instanced draw.
    std::vector<size_t> order;
    for (size_t i = 0; i < instances_.size(); ++i)
        if (instances_[i].castsShadow() && instances_[i].moving == moving) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const Instance &x = instances_[a], &y = instances_[b];
        return std::make_tuple(x.model, x.mesh, x.clipKey()) < std::make_tuple(y.model, y.mesh, y.clipKey());
    });
    stats.shadowMapRedrawn = true;
    instanceScratch_.clear();
    for (size_t i : order) instanceScratch_.push_back(instances_[i].world);
    if (instanceScratch_.empty()) return;
    instanceBuffer_.upload(instanceScratch_.data(), instanceScratch_.size() * sizeof(glm::mat4));
    for (size_t begin = 0; begin < order.size();) {
        const Instance& first = instances_[order[begin]];
        size_t end = begin + 1;
        while (end < order.size() && instances_[order[end]].model == first.model &&
               instances_[order[end]].mesh == first.mesh && instances_[order[end]].clipKey() == first.clipKey())
            ++end;
        const GpuMesh& mesh = first.model->meshes()[first.mesh];
        const GpuMaterial& material = first.model->materials()[mesh.materialIndex];
        const bool masked = material.data.alphaMode == AlphaMode::Mask;
        const gfx::ShaderProgram* program = masked || first.clip ? &shadow_ : &shadowPlain_;
        if (program != current) program->use();
        current = program;
        if (program == &shadow_) {
            setClipUniforms(shadow_, first, false);
            shadow_.set("uAlphaMask", int(masked));
            shadow_.set("uAlphaCutoff", material.data.alphaCutoff);
            shadow_.set("uBaseColorFactor", material.data.baseColorFactor);
            (material.baseColor && *material.baseColor ? *material.baseColor : white_).bind(0);
        }
        mesh.vao.setInstanceSource(instanceBuffer_, kInstanceLayout, 4, begin * sizeof(glm::mat4));
        gfx::drawIndexed(mesh.vao, mesh.indexCount, int(end - begin));
        ++stats.drawCalls;
        begin = end;
    }
}

}  // namespace engine
