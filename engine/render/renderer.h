#pragma once
// Renderer: draws a set of GpuModels with PBR shading, a cached sun shadow
// map, an analytic sky, sorted transparency, tone mapping and FXAA, into a
// window or an offscreen image. Meshes whose light was baked
// (scene/light_bake.h) are lit per vertex from it, not per pixel. Shaders
// tone-map as they shade into an 8-bit target (no half-float pass: llvmpipe
// cannot afford one), then FXAA or a blit writes the output. Floor overlays
// (flat tinted areas, e.g. a heatmap) are blended over the opaque scene; the
// user interface (ImGui) is drawn after `render` into the same output.
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "core/image.h"
#include "core/result.h"
#include "gfx/buffer.h"
#include "gfx/framebuffer.h"
#include "gfx/shader.h"
#include "gfx/texture.h"
#include "gfx/vertex_array.h"
#include "render/gpu_model.h"
#include "scene/camera.h"
#include "scene/light_bake.h"

namespace engine {

struct RendererDesc {
    std::filesystem::path shaderDirectory;
    int shadowMapSize = 2048;
    // Where the shadow map of what stays still is kept between runs, named
    // by a hash of all it was drawn from (casters, placements, sun, size,
    // shaders, GL driver); empty: drawn at every start.
    std::filesystem::path shadowCacheDirectory;
};

struct Lighting {
    glm::vec3 sunDirection = kDefaultSunDirection;  // towards the sun
    glm::vec3 sunColor = glm::vec3(1.0f, 0.95f, 0.88f) * 3.2f;
    glm::vec3 skyZenith{0.28f, 0.47f, 0.78f};
    glm::vec3 skyHorizon{0.72f, 0.78f, 0.86f};
    glm::vec3 groundColor{0.40f, 0.40f, 0.40f};  // seen below the horizon, about the lit ground
    glm::vec3 groundAlbedo{0.30f, 0.31f, 0.32f};
    float ambientIntensity = 0.8f;
    float exposure = 1.0f;
};

struct RenderOptions {
    bool shadows = true;
    bool fxaa = true;
    bool ground = true;   // a shadow-catching ground under the scene
    // Below 1, the scene is shaded at that fraction of the output's width and
    // height and upscaled, filtered, without FXAA: for frames in motion on
    // slow GPUs (see AdaptiveResolution). Clamped to 0.25-1.
    float resolutionScale = 1.0f;
    // Opaque surfaces first write depth alone, then are shaded where they
    // are the nearest: each pixel is shaded once, whatever the draw order.
    // Off by default: on the Twin tour (llvmpipe, 1280x720) it saved 10 % of
    // the frame's CPU time but raised peak memory by 14 MiB, over the budget
    // (docs/performance.md).
    bool depthPrepass = false;
    // Far meshes drawn by their coarser levels (scene/mesh_lod.h), where
    // they differ by under a pixel.
    bool levelsOfDetail = true;
    // The opaque pass flushes after this many draws (0: never), so that a
    // software rasteriser starts on them while the rest are sent. On
    // llvmpipe (1920x1080, the tour) 30 took the p95 from 52-55 to 45-48 ms,
    // but the 30,000-frame soak failed with it: resident memory swung
    // between 218 and 238 MiB (docs/reliability.md). Off until that is
    // understood; --bench-draws-per-flush measures it.
    int opaqueDrawsPerFlush = 0;
    // Profiling only. timePasses waits for the GPU after each pass to time
    // it (FrameStats::passMs), which slows the frame down; flatShading paints
    // every surface one constant colour, to measure the raster floor.
    bool timePasses = false;
    bool flatShading = false;
};

// How one scene item is drawn beyond its model and placement (the machine
// explorer: the building ghosted around a machine taken apart and cut).
struct SceneItemLook {
    // Above 0, the item is a ghost: drawn faded by this much (1: invisible)
    // after the opaque pass, writing no depth and casting no shadow.
    float ghostFade = 0.0f;
    // A model-space transform applied after each placement of the model (in
    // GpuModel::placements() order), e.g. parts moved out in an exploded
    // view; empty: as laid out. A shorter list leaves the rest as laid out.
    std::vector<glm::mat4> placementTransforms;
    // A section plane (world, normal xyz and offset w): the side where
    // dot(n, p) + w < 0 is cut away; the inside seen through the cut is
    // painted flat in capColour (display sRGB). Absent: no cut.
    std::optional<glm::vec4> clipPlane;
    glm::vec3 capColour{0.85f, 0.42f, 0.18f};
    // Drawn whole however far (no coarser level of detail): the machine a
    // learner studies, whose every edge should stay where it is.
    bool fullDetail = false;
    bool operator==(const SceneItemLook&) const = default;
};

struct SceneModel {
    std::shared_ptr<const GpuModel> model;
    glm::mat4 transform{1.0f};
    bool visible = true;
    // Top-level nodes of the model not drawn (e.g. the floors above the one
    // visited, for a cut-away view); see GpuModel::topNodeNamed.
    std::vector<int32_t> hiddenTopNodes;
    SceneItemLook look;
};

// How a floor overlay is filled, so that it reads without colour too: the
// pattern's ink is a darker (or, on dark colours, lighter) shade of the
// overlay's colour, drawn from world x/z so it does not swim as the camera
// moves, and fading to an even tint where it gets finer than a pixel.
enum class OverlayPattern { Solid, Stripes, Dots, Crosshatch };

// A flat translucent area lying on a floor: a generic primitive, e.g. for an
// occupancy heatmap of rooms. Drawn a few millimetres above the floor, hidden
// by what stands in front of it, not lit by the sun.
struct FloorOverlay {
    std::vector<glm::vec2> outline;  // (x, z) in metres, a simple polygon, either winding
    float height = 0.0f;             // y of the floor it lies on
    // Linear RGB (0-1) and opacity. Only sRGB-encoded, not tone-mapped: an
    // opaque overlay shows exactly this colour, as a UI swatch of it does.
    glm::vec4 colour{1.0f};
    OverlayPattern pattern = OverlayPattern::Solid;
    float patternScale = 0.6f;       // metres between stripes/dots (clamped to 0.05-1000)
    bool border = true;              // a thin edge in `colour`, opaque, along the inside of the outline

    bool operator==(const FloorOverlay&) const = default;
};

// A scene item drawn with an outline (selection, hover).
struct Outline {
    size_t sceneItem = 0;              // index into the list given to setScene
    glm::vec4 colour{0.0f, 0.64f, 0.63f, 1.0f};  // display (sRGB) colour
    float widthPixels = 3.0f;
    // Only these placements of the item's model (a part of a machine); empty: all.
    std::vector<size_t> placements;
};

// Milliseconds each pass took, GPU included (RenderOptions::timePasses).
struct PassTimes {
    double shadow = 0, opaque = 0, ground = 0, sky = 0, overlays = 0, transparent = 0, ghosts = 0, outlines = 0,
           post = 0;
};

struct FrameStats {
    int drawCalls = 0;
    int visibleInstances = 0;
    int culledInstances = 0;
    size_t triangles = 0;         // of the scene's meshes
    int coarserInstances = 0;     // drawn by a coarser level of detail
    // Opaque runs that changed the surface program or, for surfaces lit per
    // pixel, the material: on llvmpipe each is a copy of the fragment state.
    int surfaceChanges = 0;
    size_t overlayTriangles = 0;  // of the floor overlays, fills and borders
    bool shadowMapRedrawn = false;
    bool shadowMapRead = false;  // the still casters' map came from RendererDesc::shadowCacheDirectory
    // Zero unless RenderOptions::timePasses: wall-clock, and CPU time of all
    // the process's threads (llvmpipe's rasterisers included).
    PassTimes passMs, passCpuMs;
};

class Renderer {
public:
    // Compiles the shaders; errors name the shader file and line.
    static Result<std::unique_ptr<Renderer>> create(const RendererDesc& desc);
    ~Renderer();

    // Replaces what is drawn; the shadow map is redrawn at the next frame.
    void setScene(std::vector<SceneModel> scene);
    // Hides or shows top-level nodes of every instance of `model` (cut-away
    // views); the shadow map is redrawn since hidden parts cast no shadow.
    void setHiddenTopNodes(const GpuModel* model, std::vector<int32_t> hidden);
    // How scene item `item` is drawn (ghost, exploded, cut); cheap when
    // unchanged, so it may be called every frame.
    void setSceneItemLook(size_t item, const SceneItemLook& look);
    // Scene items drawn with an outline; empty: none.
    void setOutlines(std::vector<Outline> outlines) { outlines_ = std::move(outlines); }
    // Replaces the floor overlays; empty: none, and the pass costs nothing.
    // Cheap when the set equals the current one (one comparison, no upload),
    // so it may be called every frame. An overlay whose outline cannot be
    // triangulated (fewer than 3 distinct points, no area, not finite) or
    // whose height is not finite is skipped; colours are clamped to 0-1.
    void setFloorOverlays(std::vector<FloorOverlay> overlays);
    const Aabb& sceneBounds() const { return sceneBounds_; }
    // Call when something that casts shadows moved or the sun changed.
    void invalidateShadows() { shadowsDirty_ = staticShadowsDirty_ = true; }

    Lighting& lighting() { return lighting_; }
    RenderOptions& options() { return options_; }

    // Where the final image goes: the window's framebuffer or an offscreen image.
    void setOutputWindow(glm::ivec2 size);
    void setOutputOffscreen(glm::ivec2 size);
    glm::ivec2 outputSize() const { return outputSize_; }

    FrameStats render(const Camera& camera);
    // Binds the output again (e.g. for ImGui after `render`).
    void bindOutput();
    // The offscreen output as an image (after render and overlays).
    Image readOutput();
    // Writes the offscreen output to a PNG, streaming it row strip by strip.
    Status writeOutputPng(const std::filesystem::path& file);
    // Waits for the GPU (timing).
    void finish();

    // Reloads shaders whose files changed since the last call (dev builds);
    // a shader with errors keeps the previous program and logs the error.
    void reloadShadersIfChanged();

    size_t gpuBytes() const;

private:
    struct Instance;
    Renderer() = default;
    Status loadShaders();
    void rebuildTargets();
    void rebuildInstances();
    void drawShadowMap(FrameStats& stats);
    void drawStillShadows(const gfx::Framebuffer& target, gfx::Texture2D& map, FrameStats& stats);
    void drawShadowCasters(const gfx::Framebuffer& target, bool moving, FrameStats& stats);
    uint64_t stillShadowsKey() const;
    void drawOpaque(const Camera& camera, const glm::mat4& viewProjection, FrameStats& stats);
    void chooseLevelsOfDetail(const Camera& camera, const std::vector<size_t>& instances);
    void drawTransparent(const Camera& camera, const glm::mat4& viewProjection, FrameStats& stats);
    void drawGhosts(const Camera& camera, const glm::mat4& viewProjection, FrameStats& stats);
    void drawOutlines(const glm::mat4& viewProjection, FrameStats& stats);
    void drawGround(const Camera& camera, const glm::mat4& viewProjection, FrameStats& stats);
    void setClipUniforms(const gfx::ShaderProgram& program, const Instance& instance, bool cap) const;
    void rebuildFloorOverlays();
    void drawFloorOverlays(const glm::mat4& viewProjection, FrameStats& stats);
    void bindMaterial(const GpuMaterial& material, const gfx::ShaderProgram& program) const;
    void setLightingUniforms(const gfx::ShaderProgram& program) const;
    bool buildOnFirstUse(gfx::ShaderProgram& program, const char* fragment);
    // The surface programs of a pass; use() binds the one a material needs
    // (glUseProgram only when it changes).
    // How an instance's surface is lit: per pixel, or per vertex (from its
    // baked light, or from the shadow map looked up at each vertex).
    enum class SurfaceLight { PerPixel, Baked, PerVertex };
    struct Surfaces {
        const gfx::ShaderProgram *textured = nullptr, *plain = nullptr, *baked = nullptr, *perVertex = nullptr,
                                 *current = nullptr;
        const gfx::ShaderProgram& use(const GpuMaterial& material, SurfaceLight light = SurfaceLight::PerPixel);
    };
    Surfaces usePbr(const Camera& camera, const glm::mat4& viewProjection,
                    const std::function<void(const gfx::ShaderProgram&)>& uniforms = {});
    glm::mat4 lightViewProjection() const;
    // Baked when its baked light holds (the sun it was baked for, shadows on).
    SurfaceLight surfaceLight(const Instance& instance) const;
    void keepPerPixelLightNearOtherItems();

    RendererDesc desc_;
    Lighting lighting_;
    RenderOptions options_;

    gfx::ShaderProgram pbr_, pbrPlain_, pbrBaked_, pbrPerVertex_, flat_, depth_, shadow_, shadowPlain_, sky_, groundLit_, groundPerVertex_, fxaa_, upscale_, outline_, floorOverlay_;
    std::vector<Outline> outlines_;
    std::vector<FloorOverlay> floorOverlays_;
    // All overlays in one buffer, rebuilt when the set changes: the fills,
    // then the borders (drawn over the fills in one call).
    gfx::Buffer overlayVertices_, overlayIndices_;
    gfx::VertexArray overlayVao_;
    size_t overlayIndexCount_ = 0;
    std::filesystem::file_time_type shadersTime_{};
    uint64_t shadersHash_ = 0;      // of every shader file's text (the shadow cache's key)
    std::string deviceName_;        // GL renderer and version (the shadow cache's key)
    bool shadowCacheWarned_ = false;  // a cache file that could not be read or written: said once
    // Only the first still map after setScene is kept on disk: it is what a
    // start waits for; later ones (a machine isolated, cut) would each write
    // 8 MiB for a state that seldom comes back.
    bool stillShadowsKept_ = false;

    std::vector<SceneModel> scene_;
    std::vector<Instance> instances_;
    Aabb sceneBounds_;

    gfx::TextureDesc shadowDesc_;
    gfx::Texture2D shadowMap_;
    gfx::Framebuffer shadowTarget_;
    bool shadowsDirty_ = true;
    // The shadows of what stays still, while something moves (see
    // renderer_shadows.cpp); scene items that have moved since setScene.
    gfx::Texture2D staticShadows_;
    gfx::Framebuffer staticShadowsTarget_;
    bool staticShadowsDirty_ = true;
    std::set<size_t> movingItems_;
    glm::mat4 lightViewProjection_{1.0f};

    glm::ivec2 outputSize_{0};
    glm::ivec2 sceneSize_{0};  // what the scene pass shades this frame
    bool offscreen_ = false;
    gfx::Texture2D sceneColor_, sceneDepth_, outputColor_;
    gfx::Framebuffer sceneTarget_, outputTarget_;

    gfx::Texture2D white_, flatNormal_;
    gfx::VertexArray emptyVao_;
    // The ground's grid (renderer_ground.cpp), made again when the scene's
    // bounds or the sun change: the part shadows reach, and the rest.
    struct Ground {
        Aabb bounds;
        glm::vec3 sun{0.0f};
        glm::vec3 center{0.0f};
        float radius = 0.0f;
        gfx::Buffer vertices, shadowedIndices, unshadowedIndices;
        gfx::VertexArray shadowed, unshadowed;
        size_t shadowedCount = 0, unshadowedCount = 0;
    } ground_;
    gfx::Buffer instanceBuffer_;
    std::vector<glm::mat4> instanceScratch_;
};

}  // namespace engine
