#include "render/renderer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <limits>
#include <tuple>
#include <unordered_map>

#include <glm/gtc/matrix_transform.hpp>

#include "core/file_util.h"
#include "core/hasher.h"
#include "core/log.h"
#include "core/process_stats.h"
#include "gfx/device.h"
#include "render/frustum.h"
#include "render/renderer_instance.h"

namespace engine {

namespace {
const char* kShaderFiles[] = {"common.glsl", "pbr.vert", "pbr.frag", "shadow.vert", "shadow.frag",
                              "fullscreen.vert", "sky.frag", "ground.vert", "ground.frag", "ground_light.glsl", "fxaa.frag",
                              "outline.vert", "outline.frag", "floor_overlay.vert", "floor_overlay.frag",
                              "flat.frag", "depth.frag", "upscale.vert", "upscale.frag"};

// A 1x1 stand-in for an absent texture. Its sampling state matches the
// material textures' (trilinear, repeat) because llvmpipe compiles a shader
// variant per combination of bound sampler states: matching them keeps the
// variant count, and their memory, down.
gfx::Texture2D solidTexture(uint8_t r, uint8_t g, uint8_t b) {
    gfx::TextureDesc desc;
    desc.format = gfx::TextureFormat::Rgba8;
    desc.filter = gfx::TextureFilter::Trilinear;
    desc.wrap = gfx::TextureWrap::Repeat;
    const uint8_t pixel[4] = {r, g, b, 255};
    return gfx::Texture2D(desc, {pixel});
}

uint64_t hashShaderFiles(const std::filesystem::path& dir) {
    Hasher h;
    for (const char* name : kShaderFiles)
        if (Result<std::string> text = readTextFile(dir / name)) h.add(*text);
    return h.digest();
}

std::filesystem::file_time_type newestShaderTime(const std::filesystem::path& dir) {
    std::filesystem::file_time_type newest{};
    std::error_code ec;
    for (const char* name : kShaderFiles) {
        auto t = std::filesystem::last_write_time(dir / name, ec);
        if (!ec) newest = std::max(newest, t);
    }
    return newest;
}
}  // namespace

Result<std::unique_ptr<Renderer>> Renderer::create(const RendererDesc& desc) {
    std::unique_ptr<Renderer> r(new Renderer());
    r->desc_ = desc;
    Status shaders = r->loadShaders();
    if (!shaders) return makeError(shaders.error());

    r->deviceName_ = gfx::deviceName();
    r->white_ = solidTexture(255, 255, 255);
    r->flatNormal_ = solidTexture(128, 128, 255);
    r->emptyVao_ = gfx::VertexArray::createEmpty();

    gfx::TextureDesc shadowDesc;
    shadowDesc.width = shadowDesc.height = std::clamp(desc.shadowMapSize, 256, 8192);
    shadowDesc.format = gfx::TextureFormat::Depth16Compare;
    shadowDesc.filter = gfx::TextureFilter::Linear;
    r->shadowDesc_ = shadowDesc;
    r->shadowMap_ = gfx::Texture2D(shadowDesc);
    r->shadowTarget_ = gfx::Framebuffer(nullptr, &r->shadowMap_);
    if (!r->shadowTarget_.complete()) {
        log::warning("the shadow map framebuffer is not supported here: shadows are off");
        r->options_.shadows = false;
    }

    r->instanceBuffer_ = gfx::Buffer(gfx::BufferKind::Vertex, nullptr, 64 * sizeof(glm::mat4), gfx::BufferUsage::Stream);
    return r;
}

Renderer::~Renderer() = default;

Status Renderer::loadShaders() {
    const auto& dir = desc_.shaderDirectory;
    struct Entry {
        gfx::ShaderProgram* program;
        const char* vertex;
        const char* fragment;
        std::vector<std::string> defines = {};
    };
    const Entry entries[] = {{&pbr_, "pbr.vert", "pbr.frag"},
                             {&pbrPlain_, "pbr.vert", "pbr.frag", {"PLAIN_SURFACE"}},
                             {&pbrBaked_, "pbr.vert", "pbr.frag", {"PLAIN_SURFACE", "BAKED_LIGHT"}},
                             {&pbrPerVertex_, "pbr.vert", "pbr.frag", {"PLAIN_SURFACE", "VERTEX_LIGHT"}},
                             {&shadow_, "shadow.vert", "shadow.frag"},
                             {&shadowPlain_, "shadow.vert", "shadow.frag", {"PLAIN_CASTER"}},
                             {&sky_, "fullscreen.vert", "sky.frag"},  {&groundLit_, "ground.vert", "ground.frag"},
                             {&groundPerVertex_, "ground.vert", "ground.frag", {"LIT_PER_VERTEX"}},
                             {&fxaa_, "fullscreen.vert", "fxaa.frag"},
                             {&upscale_, "upscale.vert", "upscale.frag"},
                             {&outline_, "outline.vert", "outline.frag"},
                             {&floorOverlay_, "floor_overlay.vert", "floor_overlay.frag"}};
    // Compile all first, so a failure leaves every previous program in place.
    std::vector<gfx::ShaderProgram> built;
    for (const Entry& e : entries) {
        Result<gfx::ShaderProgram> program = gfx::ShaderProgram::fromFiles({dir / e.vertex, dir / e.fragment, e.defines});
        if (!program) return makeError(program.error());
        built.push_back(std::move(program).value());
    }
    for (size_t i = 0; i < std::size(entries); ++i) *entries[i].program = std::move(built[i]);
    flat_ = {};  // built again on first use
    depth_ = {};
    pbr_.use();
    pbr_.set("uBaseColorTexture", 0);
    pbr_.set("uMetallicRoughnessTexture", 1);
    pbr_.set("uNormalTexture", 2);
    pbr_.set("uOcclusionTexture", 3);
    pbr_.set("uEmissiveTexture", 4);
    pbr_.set("uShadowMap", 5);
    for (gfx::ShaderProgram* program : {&pbrPlain_, &pbrPerVertex_}) {
        program->use();
        program->set("uShadowMap", 5);
    }
    shadow_.use();
    shadow_.set("uBaseColorTexture", 0);
    groundLit_.use();
    groundLit_.set("uShadowMap", 5);
    fxaa_.use();
    fxaa_.set("uLdrColor", 0);
    upscale_.use();
    upscale_.set("uColor", 0);
    shadersTime_ = newestShaderTime(dir);
    if (!desc_.shadowCacheDirectory.empty()) shadersHash_ = hashShaderFiles(dir);
    return {};
}

void Renderer::reloadShadersIfChanged() {
    if (newestShaderTime(desc_.shaderDirectory) == shadersTime_) return;
    Status status = loadShaders();
    if (status)
        log::info("shaders reloaded");
    else {
        shadersTime_ = newestShaderTime(desc_.shaderDirectory);  // don't retry until the next edit
        log::error(status.error());
    }
}

void Renderer::setClipUniforms(const gfx::ShaderProgram& program, const Instance& instance, bool cap) const {
    program.set("uClipEnabled", int(instance.clip.has_value()));
    if (!instance.clip) return;
    program.set("uClipPlane", *instance.clip);
    if (cap) program.set("uCapColour", scene_[instance.sceneItem].look.capColour);
}

void Renderer::setOutputWindow(glm::ivec2 size) {
    offscreen_ = false;
    if (size != outputSize_) {
        outputSize_ = size;
        rebuildTargets();
    }
}

void Renderer::setOutputOffscreen(glm::ivec2 size) {
    if (!offscreen_ || size != outputSize_) {
        offscreen_ = true;
        outputSize_ = size;
        rebuildTargets();
    }
}

void Renderer::rebuildTargets() {
    glm::ivec2 s = glm::max(outputSize_, glm::ivec2(1));
    sceneColor_ = gfx::Texture2D(gfx::TextureDesc{s.x, s.y, gfx::TextureFormat::Bgra8, gfx::TextureFilter::Linear});
    sceneDepth_ = gfx::Texture2D(gfx::TextureDesc{s.x, s.y, gfx::TextureFormat::Depth24, gfx::TextureFilter::Nearest});
    sceneTarget_ = gfx::Framebuffer(&sceneColor_, &sceneDepth_);
    if (offscreen_) {
        outputColor_ = gfx::Texture2D(gfx::TextureDesc{s.x, s.y, gfx::TextureFormat::Bgra8, gfx::TextureFilter::Nearest});
        outputTarget_ = gfx::Framebuffer(&outputColor_, nullptr);
    } else {
        outputColor_ = {};
        outputTarget_ = {};
    }
}

glm::mat4 Renderer::lightViewProjection() const {
    glm::vec3 center = sceneBounds_.empty() ? glm::vec3(0.0f) : sceneBounds_.center();
    float radius = std::max(sceneBounds_.radius(), 0.01f);
    glm::vec3 l = glm::normalize(lighting_.sunDirection);
    glm::vec3 up = std::abs(l.y) > 0.99f ? glm::vec3(0, 0, 1) : glm::vec3(0, 1, 0);
    glm::mat4 view = glm::lookAt(center + l * radius * 2.0f, center, up);
    // Wider than the scene so long shadows on the ground stay inside the map.
    float extent = radius * 1.4f;
    glm::mat4 projection = glm::ortho(-extent, extent, -extent, extent, radius * 0.5f, radius * 4.0f);
    return projection * view;
}

// Programs of options that are off by default are built on first use only:
// every program compiled at start delays the first frame. False if it
// cannot be built (logged).
bool Renderer::buildOnFirstUse(gfx::ShaderProgram& program, const char* fragment) {
    if (program) return true;
    const auto& dir = desc_.shaderDirectory;
    Result<gfx::ShaderProgram> built = gfx::ShaderProgram::fromFiles({dir / "pbr.vert", dir / fragment, {}});
    if (!built) {
        log::error(built.error());
        return false;
    }
    program = std::move(built).value();
    return true;
}

// The surface programs (PBR with and without textures, or the constant
// colour when profiling) with this frame's camera, sun, shadow map and
// lighting, and `uniforms` set on each.
Renderer::Surfaces Renderer::usePbr(const Camera& camera, const glm::mat4& viewProjection,
                                    const std::function<void(const gfx::ShaderProgram&)>& uniforms) {
    Surfaces surfaces;
    if (options_.flatShading && buildOnFirstUse(flat_, "flat.frag"))
        surfaces.textured = surfaces.plain = surfaces.baked = surfaces.perVertex = &flat_;
    else
        surfaces.textured = &pbr_, surfaces.plain = &pbrPlain_, surfaces.baked = &pbrBaked_,
        surfaces.perVertex = &pbrPerVertex_;
    for (const gfx::ShaderProgram* program : {surfaces.plain, surfaces.baked, surfaces.perVertex, surfaces.textured}) {
        program->use();
        program->set("uViewProjection", viewProjection);
        program->set("uLightViewProjection", lightViewProjection_);
        program->set("uCameraPosition", camera.position);
        program->set("uShadowsEnabled", int(options_.shadows));
        program->set("uShadowTexel", glm::vec2(1.0f / float(shadowMap_.width())));
        setLightingUniforms(*program);
        if (uniforms) uniforms(*program);
    }
    surfaces.current = surfaces.textured;
    shadowMap_.bind(5);
    return surfaces;
}

const gfx::ShaderProgram& Renderer::Surfaces::use(const GpuMaterial& material, SurfaceLight light) {
    const gfx::ShaderProgram* wanted = light == SurfaceLight::Baked       ? baked
                                       : light == SurfaceLight::PerVertex ? perVertex
                                       : material.textured()              ? textured
                                                                          : plain;
    if (wanted != current) wanted->use();
    current = wanted;
    return *wanted;
}

void Renderer::setLightingUniforms(const gfx::ShaderProgram& p) const {
    p.set("uSunDirection", glm::normalize(lighting_.sunDirection));
    p.set("uSunColor", lighting_.sunColor);
    p.set("uSkyZenith", lighting_.skyZenith);
    p.set("uSkyHorizon", lighting_.skyHorizon);
    p.set("uGroundColor", lighting_.groundColor);
    p.set("uAmbientIntensity", lighting_.ambientIntensity);
    p.set("uExposure", lighting_.exposure);
}

void Renderer::bindMaterial(const GpuMaterial& m, const gfx::ShaderProgram& p) const {
    const MaterialData& d = m.data;
    p.set("uBaseColorFactor", d.baseColorFactor);
    p.set("uMetallicFactor", d.metallicFactor);
    p.set("uRoughnessFactor", d.roughnessFactor);
    p.set("uEmissiveFactor", d.emissiveFactor);
    p.set("uNormalScale", d.normalScale);
    p.set("uOcclusionStrength", d.occlusionStrength);
    p.set("uAlphaCutoff", d.alphaCutoff);
    p.set("uAlphaMode", int(d.alphaMode));
    p.set("uDoubleSided", int(d.doubleSided));
    if (!m.textured()) return;  // the plain program reads no texture
    auto has = [](const gfx::Texture2D* t) { return int(t && *t); };
    p.set("uHasNormalMap", has(m.normal));
    p.set("uHasBaseColorTexture", has(m.baseColor));
    p.set("uHasMetallicRoughnessTexture", has(m.metallicRoughness));
    p.set("uHasOcclusionTexture", has(m.occlusion));
    p.set("uHasEmissiveTexture", has(m.emissive));
    auto bindOr = [](const gfx::Texture2D* t, const gfx::Texture2D& fallback, int unit) {
        (t && *t ? *t : fallback).bind(unit);
    };
    bindOr(m.baseColor, white_, 0);
    bindOr(m.metallicRoughness, white_, 1);
    bindOr(m.normal, flatNormal_, 2);
    bindOr(m.occlusion, white_, 3);
    bindOr(m.emissive, white_, 4);
}

void Renderer::drawOpaque(const Camera& camera, const glm::mat4& viewProjection, FrameStats& stats) {
    Frustum frustum(viewProjection);
    std::vector<size_t> order;
    for (size_t i = 0; i < instances_.size(); ++i) {
        const Instance& instance = instances_[i];
        if (instance.blended || instance.ghostFade > 0.0f) continue;
        if (!frustum.intersects(instance.worldBounds)) {
            ++stats.culledInstances;
            continue;
        }
        order.push_back(i);
    }
    chooseLevelsOfDetail(camera, order);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const Instance &x = instances_[a], &y = instances_[b];
        return std::make_tuple(x.model, x.mesh, x.level, x.mirrored, x.clipKey(), a) <
               std::make_tuple(y.model, y.mesh, y.level, y.mirrored, y.clipKey(), b);
    });
    if (order.empty()) return;
    // Runs of the same mesh become one instanced draw.
    struct Run {
        size_t begin, end;
        float nearest;
        SurfaceLight light;
        const GpuMaterial* material = nullptr;  // only for runs lit per pixel
        float groupNearest = 0.0f;               // nearest of the runs sharing that material
    };
    std::vector<Run> runs;
    for (size_t begin = 0; begin < order.size();) {
        const Instance& first = instances_[order[begin]];
        size_t end = begin + 1;
        while (end < order.size()) {
            const Instance& next = instances_[order[end]];
            if (next.model != first.model || next.mesh != first.mesh || next.level != first.level ||
                next.mirrored != first.mirrored || next.clipKey() != first.clipKey())
                break;
            ++end;
        }
        float nearest = std::numeric_limits<float>::max();
        for (size_t k = begin; k < end; ++k) {
            const Aabb& b = instances_[order[k]].worldBounds;
            glm::vec3 closest = glm::clamp(camera.position, b.min, b.max);
            nearest = std::min(nearest, glm::length(closest - camera.position));
        }
        const GpuMaterial& material = first.model->materials()[first.model->meshes()[first.mesh].materialIndex];
        const SurfaceLight light = surfaceLight(first);
        runs.push_back({begin, end, nearest, light, light == SurfaceLight::PerPixel ? &material : nullptr, nearest});
        begin = end;
    }
    // The order that costs llvmpipe least. The runs lit per vertex first
    // (the baked, then the props), nearest first: their pixels are one
    // colour, and as occluders they let the depth test reject the pixels
    // lit per pixel behind them. Then the runs lit per pixel by material,
    // groups nearest first: llvmpipe copies its whole fragment state (about
    // 30 KB, every texture slot) into the frame's bins each time a fragment
    // uniform or texture changes, and one copy per run was 19 MiB of a
    // 1920x1080 frame (docs/performance.md). Materials alike in every value
    // (GpuMaterial::shadingKey), from any model, are one group.
    std::unordered_map<uint64_t, float> groupNearest;
    for (const Run& run : runs)
        if (run.material) {
            auto [it, added] = groupNearest.try_emplace(run.material->shadingKey, run.nearest);
            if (!added) it->second = std::min(it->second, run.nearest);
        }
    for (Run& run : runs)
        if (run.material) run.groupNearest = groupNearest[run.material->shadingKey];
    // Ties broken by the scene's order, not by where the models lie in
    // memory: surfaces that touch must come out the same in every run.
    auto shadingOrder = [&order](const Run& r) {
        // One program after the other: a program change is a copy too.
        int program = r.light == SurfaceLight::Baked       ? 0
                      : r.light == SurfaceLight::PerVertex ? 1
                      : r.material->textured()             ? 3
                                                           : 2;
        return std::make_tuple(program, r.groupNearest, r.material ? r.material->shadingKey : 0, r.nearest,
                               order[r.begin]);
    };
    std::sort(runs.begin(), runs.end(), [&](const Run& a, const Run& b) { return shadingOrder(a) < shadingOrder(b); });
    instanceScratch_.clear();
    for (size_t i : order) instanceScratch_.push_back(instances_[i].world);
    instanceBuffer_.upload(instanceScratch_.data(), instanceScratch_.size() * sizeof(glm::mat4));

    // Depth first, for the runs that cover what they draw (no alpha mask, no
    // cut): the shading pass then only shades the nearest surface.
    auto primable = [&](const Run& run) {
        const Instance& first = instances_[order[run.begin]];
        const GpuMesh& mesh = first.model->meshes()[first.mesh];
        return !first.clip && first.model->materials()[mesh.materialIndex].data.alphaMode == AlphaMode::Opaque;
    };
    bool primed = false;
    if (options_.depthPrepass && buildOnFirstUse(depth_, "depth.frag")) {
        depth_.use();
        depth_.set("uViewProjection", viewProjection);
        for (const Run& run : runs) {
            if (!primable(run)) continue;
            const Instance& first = instances_[order[run.begin]];
            const GpuMesh& mesh = first.model->meshes()[first.mesh];
            gfx::RenderState state;
            state.colorWrite = false;
            state.cull = first.model->materials()[mesh.materialIndex].data.doubleSided ? gfx::CullMode::None
                                                                                        : gfx::CullMode::Back;
            state.frontFaceClockwise = first.mirrored;
            gfx::applyState(state);
            mesh.vao.setInstanceSource(instanceBuffer_, kInstanceLayout, 4, run.begin * sizeof(glm::mat4));
            const IndexRange level = mesh.level(first.level);
            gfx::drawIndexed(mesh.vao, level.count, int(run.end - run.begin), level.first);
            ++stats.drawCalls;
        }
        primed = true;
    }

    Surfaces surfaces = usePbr(camera, viewProjection, [](const gfx::ShaderProgram& p) { p.set("uGhostFade", 0.0f); });
    std::pair<const gfx::ShaderProgram*, uint64_t> lastSurface{};
    for (const Run& run : runs) {
        const Instance& first = instances_[order[run.begin]];
        const GpuMesh& mesh = first.model->meshes()[first.mesh];
        const GpuMaterial& material = first.model->materials()[mesh.materialIndex];
        const gfx::ShaderProgram& surface = surfaces.use(material, run.light);
        const uint64_t shading = run.material ? run.material->shadingKey : 0;
        if (std::make_pair(&surface, shading) != lastSurface) ++stats.surfaceChanges;
        lastSurface = {&surface, shading};
        setClipUniforms(surface, first, true);
        gfx::RenderState state;
        // A cut item shows its back faces: they are the cap.
        state.cull = material.data.doubleSided || first.clip ? gfx::CullMode::None : gfx::CullMode::Back;
        state.frontFaceClockwise = first.mirrored;
        // Equal passes: the pre-pass's own depth. Every run keeps the same
        // depth state (writing what is there costs nothing): llvmpipe builds
        // a shader variant, megabytes of code, per state the program is used with.
        if (primed) state.depthTest = gfx::DepthTest::LessEqual;
        gfx::applyState(state);
        bindMaterial(material, surface);
        mesh.vao.setInstanceSource(instanceBuffer_, kInstanceLayout, 4, run.begin * sizeof(glm::mat4));
        int count = int(run.end - run.begin);
        const IndexRange level = mesh.level(first.level);
        gfx::drawIndexed(mesh.vao, level.count, count, level.first);
        ++stats.drawCalls;
        stats.visibleInstances += count;
        stats.triangles += level.count / 3 * size_t(count);
        if (first.level > 0) stats.coarserInstances += count;
        // llvmpipe bins a frame's triangles on this thread and rasterises
        // them on its own only once flushed: flushing along the way lets its
        // threads start on the first draws while this one bins the rest.
        const int perFlush = options_.opaqueDrawsPerFlush;
        if (perFlush > 0 && (&run - runs.data() + 1) % perFlush == 0) gfx::flush();
    }
}

void Renderer::drawTransparent(const Camera& camera, const glm::mat4& viewProjection, FrameStats& stats) {
    Frustum frustum(viewProjection);
    std::vector<std::pair<float, size_t>> order;
    for (size_t i = 0; i < instances_.size(); ++i) {
        const Instance& instance = instances_[i];
        if (!instance.blended || instance.ghostFade > 0.0f) continue;
        if (!frustum.intersects(instance.worldBounds)) {
            ++stats.culledInstances;
            continue;
        }
        glm::vec3 d = instance.worldBounds.center() - camera.position;
        order.push_back({glm::dot(d, d), i});
    }
    if (order.empty()) return;
    // Back to front: the farthest glass first.
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    instanceScratch_.clear();
    for (const auto& entry : order) instanceScratch_.push_back(instances_[entry.second].world);
    instanceBuffer_.upload(instanceScratch_.data(), instanceScratch_.size() * sizeof(glm::mat4));

    Surfaces surfaces = usePbr(camera, viewProjection, [](const gfx::ShaderProgram& p) { p.set("uGhostFade", 0.0f); });
    for (size_t k = 0; k < order.size(); ++k) {
        const Instance& instance = instances_[order[k].second];
        const GpuMesh& mesh = instance.model->meshes()[instance.mesh];
        const GpuMaterial& material = instance.model->materials()[mesh.materialIndex];
        const gfx::ShaderProgram& surface = surfaces.use(material, surfaceLight(instance));
        setClipUniforms(surface, instance, true);
        gfx::RenderState state;
        state.depthWrite = false;
        state.blend = gfx::BlendMode::Alpha;
        state.cull = material.data.doubleSided ? gfx::CullMode::None : gfx::CullMode::Back;
        state.frontFaceClockwise = instance.mirrored;
        gfx::applyState(state);
        bindMaterial(material, surface);
        mesh.vao.setInstanceSource(instanceBuffer_, kInstanceLayout, 4, k * sizeof(glm::mat4));
        gfx::drawIndexed(mesh.vao, mesh.indexCount, 1);
        ++stats.drawCalls;
        ++stats.visibleInstances;
        stats.triangles += mesh.indexCount / 3;
    }
}

// Ghosts: faded, after everything opaque and glass, without writing depth,
// so the focused item shows through them and they through each other.
void Renderer::drawGhosts(const Camera& camera, const glm::mat4& viewProjection, FrameStats& stats) {
    Frustum frustum(viewProjection);
    std::vector<size_t> order;
    for (size_t i = 0; i < instances_.size(); ++i) {
        const Instance& instance = instances_[i];
        if (instance.ghostFade <= 0.0f || instance.ghostFade >= 1.0f) continue;
        if (!frustum.intersects(instance.worldBounds)) {
            ++stats.culledInstances;
            continue;
        }
        order.push_back(i);
    }
    if (order.empty()) return;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const Instance &x = instances_[a], &y = instances_[b];
        return std::make_tuple(x.model, x.mesh, x.mirrored, x.ghostFade) <
               std::make_tuple(y.model, y.mesh, y.mirrored, y.ghostFade);
    });
    instanceScratch_.clear();
    for (size_t i : order) instanceScratch_.push_back(instances_[i].world);
    instanceBuffer_.upload(instanceScratch_.data(), instanceScratch_.size() * sizeof(glm::mat4));
    Surfaces surfaces = usePbr(camera, viewProjection, [](const gfx::ShaderProgram& p) { p.set("uClipEnabled", 0); });
    for (size_t begin = 0; begin < order.size();) {
        const Instance& first = instances_[order[begin]];
        size_t end = begin + 1;
        while (end < order.size() && instances_[order[end]].model == first.model &&
               instances_[order[end]].mesh == first.mesh && instances_[order[end]].mirrored == first.mirrored &&
               instances_[order[end]].ghostFade == first.ghostFade)
            ++end;
        const GpuMesh& mesh = first.model->meshes()[first.mesh];
        const GpuMaterial& material = first.model->materials()[mesh.materialIndex];
        const gfx::ShaderProgram& surface = surfaces.use(material);
        gfx::RenderState state;
        state.depthWrite = false;
        state.blend = gfx::BlendMode::Alpha;
        state.cull = material.data.doubleSided ? gfx::CullMode::None : gfx::CullMode::Back;
        state.frontFaceClockwise = first.mirrored;
        gfx::applyState(state);
        bindMaterial(material, surface);
        surface.set("uGhostFade", first.ghostFade);
        mesh.vao.setInstanceSource(instanceBuffer_, kInstanceLayout, 4, begin * sizeof(glm::mat4));
        int count = int(end - begin);
        gfx::drawIndexed(mesh.vao, mesh.indexCount, count);
        ++stats.drawCalls;
        stats.visibleInstances += count;
        stats.triangles += mesh.indexCount / 3 * size_t(count);
        begin = end;
    }
    for (const gfx::ShaderProgram* program : {surfaces.plain, surfaces.textured}) {
        program->use();
        program->set("uGhostFade", 0.0f);
    }
}

void Renderer::drawOutlines(const glm::mat4& viewProjection, FrameStats& stats) {
    if (outlines_.empty()) return;
    gfx::RenderState state;
    state.cull = gfx::CullMode::Back;
    state.frontFaceClockwise = true;  // keep the back faces: the hull around the object
    state.blend = gfx::BlendMode::Alpha;
    gfx::applyState(state);
    outline_.use();
    outline_.set("uViewProjection", viewProjection);
    outline_.set("uViewport", glm::vec2(sceneSize_));
    for (const Outline& outline : outlines_) {
        outline_.set("uColour", outline.colour);
        outline_.set("uWidthPixels", outline.widthPixels);
        for (const Instance& instance : instances_) {
            if (instance.sceneItem != outline.sceneItem || instance.ghostFade > 0.0f) continue;
            if (!outline.placements.empty() &&
                std::find(outline.placements.begin(), outline.placements.end(), instance.placement) ==
                    outline.placements.end())
                continue;
            const GpuMesh& mesh = instance.model->meshes()[instance.mesh];
            instanceBuffer_.upload(&instance.world, sizeof(glm::mat4));
            mesh.vao.setInstanceSource(instanceBuffer_, kInstanceLayout, 4, 0);
            gfx::drawIndexed(mesh.vao, mesh.indexCount, 1);
            ++stats.drawCalls;
        }
    }
}

FrameStats Renderer::render(const Camera& camera) {
    FrameStats stats;
    if (outputSize_.x <= 0 || outputSize_.y <= 0) return stats;
    // Profiling: wait for the GPU at the end of each pass and charge the time
    // since the previous mark to that pass.
    // Both wall-clock and process CPU time (all threads, llvmpipe's included:
    // steadier on a shared machine).
    auto lastMark = std::chrono::steady_clock::now();
    double lastCpu = 0.0;
    auto mark = [&](double PassTimes::*slot) {
        if (!options_.timePasses) return;
        gfx::finish();
        auto now = std::chrono::steady_clock::now();
        double cpu = cpuSeconds();
        stats.passMs.*slot += std::chrono::duration<double, std::milli>(now - lastMark).count();
        stats.passCpuMs.*slot += (cpu - lastCpu) * 1000.0;
        lastMark = now;
        lastCpu = cpu;
    };
    if (options_.timePasses) {
        gfx::finish();  // what came before is not this frame's
        lastCpu = cpuSeconds();
    }
    lastMark = std::chrono::steady_clock::now();
    if (shadowsDirty_ && options_.shadows && shadowTarget_.complete()) {
        drawShadowMap(stats);
        shadowsDirty_ = false;
    }
    mark(&PassTimes::shadow);
    glm::mat4 viewProjection = camera.projection * camera.view;

    // The scene target keeps the output's size; a lower resolution shades
    // only its lower-left part, so changing the scale reallocates nothing.
    const float scale = std::clamp(options_.resolutionScale, 0.25f, 1.0f);
    const glm::ivec2 sceneSize =
        scale < 1.0f ? glm::max(glm::ivec2(glm::round(glm::vec2(outputSize_) * scale)), glm::ivec2(1)) : outputSize_;
    sceneSize_ = sceneSize;
    gfx::bindFramebuffer(&sceneTarget_, sceneSize.x, sceneSize.y);
    gfx::clear({0, 0, 0, 1}, false, true);

    drawOpaque(camera, viewProjection, stats);
    mark(&PassTimes::opaque);

    if (options_.ground && !sceneBounds_.empty()) drawGround(camera, viewProjection, stats);
    mark(&PassTimes::ground);

    // The sky last among opaque things: its triangle lies on the far plane,
    // so the depth test leaves only the uncovered pixels to shade.
    gfx::RenderState background;
    background.depthTest = gfx::DepthTest::LessEqual;
    background.depthWrite = false;
    background.cull = gfx::CullMode::None;
    gfx::applyState(background);
    sky_.use();
    setLightingUniforms(sky_);
    sky_.set("uInverseViewProjection", glm::inverse(viewProjection));
    gfx::drawTriangles(emptyVao_, 3);
    ++stats.drawCalls;
    mark(&PassTimes::sky);

    // After the sky, which would paint over them (they write no depth), and
    // before glass, which shows them through.
    drawFloorOverlays(viewProjection, stats);
    mark(&PassTimes::overlays);
    drawTransparent(camera, viewProjection, stats);
    mark(&PassTimes::transparent);
    drawGhosts(camera, viewProjection, stats);
    mark(&PassTimes::ghosts);
    drawOutlines(viewProjection, stats);
    mark(&PassTimes::outlines);

    const gfx::Framebuffer* output = offscreen_ ? &outputTarget_ : nullptr;
    if (sceneSize == outputSize_ && !options_.fxaa) {
        gfx::blitColor(&sceneTarget_, output, outputSize_.x, outputSize_.y);
    } else {
        // The scene's colour onto the output through a program: FXAA, or the
        // upscale of a frame shaded at a lower resolution. The upscale is our
        // own quad rather than a scaled glBlitFramebuffer: as fast a frame,
        // and its shader comes from Mesa's disk cache, where the blit's is
        // built again at every start (40-50 ms of the first frame at
        // 1920x1080 on llvmpipe).
        const bool upscale = sceneSize != outputSize_;
        gfx::RenderState post;
        post.depthTest = gfx::DepthTest::Off;
        post.depthWrite = false;
        post.cull = gfx::CullMode::None;
        gfx::applyState(post);
        gfx::bindFramebuffer(output, outputSize_.x, outputSize_.y);
        const gfx::ShaderProgram& program = upscale ? upscale_ : fxaa_;
        program.use();
        if (upscale)
            program.set("uUvScale", glm::vec2(sceneSize) / glm::vec2(outputSize_));
        else
            program.set("uTexel", glm::vec2(1.0f / float(outputSize_.x), 1.0f / float(outputSize_.y)));
        sceneColor_.bind(0);
        gfx::drawTriangles(emptyVao_, upscale ? 6 : 3);  // a quad, or one screen-covering triangle
        ++stats.drawCalls;
    }
    mark(&PassTimes::post);
    return stats;
}

void Renderer::bindOutput() {
    gfx::bindFramebuffer(offscreen_ ? &outputTarget_ : nullptr, outputSize_.x, outputSize_.y);
}

Image Renderer::readOutput() {
    return gfx::readPixels(offscreen_ ? &outputTarget_ : nullptr, outputSize_.x, outputSize_.y);
}

Status Renderer::writeOutputPng(const std::filesystem::path& file) {
    struct Source {
        const gfx::Framebuffer* framebuffer;
        glm::ivec2 size;
    } source{offscreen_ ? &outputTarget_ : nullptr, outputSize_};
    auto rows = [](void* context, int first, int count, uint8_t* out) {
        auto* s = static_cast<Source*>(context);
        gfx::readPixelRows(s->framebuffer, s->size.x, s->size.y, first, count, out);
    };
    return writePngRows(outputSize_.x, outputSize_.y, rows, &source, file);
}

void Renderer::finish() { gfx::finish(); }

size_t Renderer::gpuBytes() const {
    size_t bytes = shadowMap_.byteSize() + staticShadows_.byteSize() + sceneColor_.byteSize() + sceneDepth_.byteSize() + outputColor_.byteSize() +
                   overlayVertices_.size() + overlayIndices_.size();
    std::vector<const GpuModel*> seen;
    for (const SceneModel& item : scene_) {
        if (!item.model || std::find(seen.begin(), seen.end(), item.model.get()) != seen.end()) continue;
        seen.push_back(item.model.get());
        bytes += item.model->gpuBytes();
    }
    return bytes;
}

}  // namespace engine
