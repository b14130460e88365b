#include "headless_modes.h"

#include <imgui.h>
#include <malloc.h>

#include <cstdlib>

#include <algorithm>
#include <future>
#include <cstdio>
#include <optional>

#include "content/scene_file.h"
#include "floor_plan.h"
#include "floor_view.h"
#include "labels.h"
#include "live_data_run.h"
#include "live_overlays.h"
#include "nav/walk_controller.h"
#include "render/adaptive_resolution.h"
#include "picking.h"
#include "tour_setup.h"
#include "core/log.h"
#include "core/process_stats.h"
#include "gfx/device.h"
#include "gfx/gui_renderer.h"
#include "platform/headless_context.h"
#include "ui/live_panels.h"
#include "ui/overlay.h"

namespace twin {
namespace {

// Everything a headless run needs: context, GL, renderer, content.
struct HeadlessSession {
    std::unique_ptr<engine::HeadlessContext> context;
    engine::gfx::DeviceInfo device;
    std::unique_ptr<engine::Renderer> renderer;
    LoadedContent content;
    double loadMs = 0;
    StopFraming framing;  // kept alive for a tour player built on it
    std::vector<int32_t> hiddenTopNodes;
    ShownContent shown;
};

std::optional<HeadlessSession> openHeadless(const AppOptions& options, std::string& error) {
    HeadlessSession s;
    auto phaseStart = Clock::now();
    std::filesystem::path data = findDataDirectory();
    std::filesystem::path input = inputFor(options, data);
    // Reading (or importing) the content needs no GL: it runs on the other
    // core while the context starts and the shaders compile.
    auto loading = std::async(std::launch::async, [&options, input] {
        engine::IsolatedImporter importer(importDescFor(options));
        // The BVH serves picking, walking, tour paths and hiding labels behind walls.
        bool needBvh = options.pick || options.walk || !options.tour.empty() ||
                       (options.overlay && input.extension() == ".json");
        return loadContent(input, importer, needBvh);
    });
    // Every early return below still waits for `loading` (future destructor).
    auto context = engine::HeadlessContext::create();
    if (!context) {
        // Say what the driver does offer: loadGl below names its version.
        context = engine::HeadlessContext::create(true);
        if (!context) {
            error = context.error();
            return std::nullopt;
        }
    }
    s.context = std::move(context).value();
    auto device = engine::gfx::loadGl(engine::HeadlessContext::getProcAddress);
    if (!device) {
        error = device.error();
        return std::nullopt;
    }
    s.device = device.value();
    logPhase("GL context", phaseStart);
    auto renderer = engine::Renderer::create(rendererDescFor(input, data));
    if (!renderer) {
        error = renderer.error();
        return std::nullopt;
    }
    s.renderer = std::move(renderer).value();
    applyRenderOptions(*s.renderer, options);
    logPhase("shaders", phaseStart);

    s.content = loading.get();
    logPhase("content loaded", phaseStart);
    if (!s.content.ok()) {
        // Nothing to show: the run fails with one line saying why.
        error = s.content.errors.empty() ? "cannot open \"" + input.string() + "\": nothing to show"
                                         : firstLine(s.content.errors.front());
        return std::nullopt;
    }
    for (const std::string& e : s.content.errors) engine::log::error(e);
    for (const std::string& w : s.content.warnings) engine::log::warning(w);
    s.shown = showContent(*s.renderer, s.content);
    // The shader compiler and the model's CPU copy leave freed heap behind:
    // hand it back before the frame allocates its targets.
    malloc_trim(0);
    s.loadMs = millisecondsSince(phaseStart);
    logPhase("uploaded", phaseStart);
    return s;
}

void drawOverlayHeadless(Overlay& overlay, engine::gfx::GuiRenderer& gui, OverlayModel& model, glm::ivec2 size,
                         LivePanels* livePanels, LiveView* liveView) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(size.x), float(size.y));
    io.DeltaTime = 1.0f / 60.0f;
    gui.newFrame();
    ImGui::NewFrame();
    overlay.build(model);
    if (livePanels && liveView)
        livePanels->build(*liveView, {overlay.rightColumnTop(), overlay.helpTop()},
                          overlay.language(), overlay.scale());
    ImGui::Render();
    gui.render(ImGui::GetDrawData());
}

// --floor: cuts the building away above that floor. Returns the bounds to
// frame (the whole scene without --floor), or an error for an unknown id.
std::optional<engine::Aabb> applyFloor(HeadlessSession& s, const AppOptions& options, std::string& error) {
    if (options.floor.empty()) return s.renderer->sceneBounds();
    if (!s.content.scene || !s.shown.building) {
        error = "--floor needs a scene file with a building";
        return std::nullopt;
    }
    const auto& floors = s.content.scene->building.floors;
    std::string known;
    for (size_t i = 0; i < floors.size(); ++i) {
        if (floors[i].id == options.floor) {
            FloorView view = floorCutAway(*s.shown.building, *s.content.scene, int(i));
            s.renderer->setHiddenTopNodes(s.shown.building.get(), view.hiddenTopNodes);
            s.hiddenTopNodes = view.hiddenTopNodes;
            return view.focus;
        }
        known += (known.empty() ? "" : ", ") + floors[i].id;
    }
    error = "unknown floor \"" + options.floor + "\" (the scene has: " + known + ")";
    return std::nullopt;
}

// The camera for a headless run: --camera, else the orbit framing of
// `focus` (looking down more steeply at a cut-away floor).
void placeHeadlessCamera(engine::OrbitCamera& orbit, const AppOptions& options, const engine::Aabb& focus, float aspect) {
    AppOptions adjusted = options;
    if (!options.floor.empty()) adjusted.orbit.pitchDegrees = std::min(options.orbit.pitchDegrees, -55.0f);
    placeCamera(orbit, adjusted, focus, aspect);
}

// Places the camera for a headless run: --floor, then --tour (its moment,
// --tour-time or the first stop), else --camera or the orbit framing.
// Returns the tour player when there is one (empty when not); false and
// `error` on an unknown floor or tour.
bool placeView(HeadlessSession& s, const AppOptions& options, engine::OrbitCamera& orbit,
               std::optional<TourPlayer>& tour, std::string& error) {
    float aspect = float(options.size.x) / float(options.size.y);
    auto focus = applyFloor(s, options, error);
    if (!focus) return false;
    placeHeadlessCamera(orbit, options, *focus, aspect);
    if (!options.machine.empty()) {
        auto view = s.content.scene ? machineViewpoint(*s.content.scene, s.shown.models, options.machine, aspect)
                                    : std::nullopt;
        if (!view) {
            error = "unknown machine \"" + options.machine + "\"";
            return false;
        }
        orbit.lookAt(view->eye, view->target, true);
    }
    if (!options.platform.empty()) {
        const SceneDescription* scene = s.content.scene ? &*s.content.scene : nullptr;
        if (!scene || !scene->platform(options.platform)) {
            error = "unknown platform \"" + options.platform + "\"";
            return false;
        }
        TourStop stop;
        stop.kind = TourStop::TargetKind::Platform;
        stop.targetId = options.platform;
        CameraViewpoint view = makeStopFraming(*scene, s.shown.models, aspect)(stop);
        orbit.lookAt(view.eye, view.target, true);
    }
    if (options.walk) {
        if (!s.content.bvh) {
            error = "--walk found nothing to stand on";
            return false;
        }
        engine::WalkController walker(*s.content.bvh);
        if (!walker.teleport(glm::vec3(*options.walk))) {
            error = "--walk: no floor below that point";
            return false;
        }
        walker.setLook(options.walk->w, 0.0f);
        orbit.lookAt(walker.eye(), walker.eye() + walker.forward() * 0.2f, true);
    }
    if (options.tour.empty()) return true;
    if (!s.content.scene) {
        error = "--tour needs a scene file";
        return false;
    }
    s.framing = makeStopFraming(*s.content.scene, s.shown.models, aspect);
    tour = makeTourPlayer(*s.content.scene, options.tour, s.framing, options.reducedMotion, std::nullopt, s.content.bvh);
    if (!tour) {
        error = "unknown tour \"" + options.tour + "\"";
        return false;
    }
    tour->seek(options.tourTime.value_or(tour->arrivalSeconds(0)));
    CameraViewpoint view = tour->viewpoint();
    orbit.lookAt(view.eye, view.target, true);
    return true;
}

// A headless session with its camera placed and its offscreen output sized:
// what --screenshot and --bench both start from.
struct HeadlessView {
    std::optional<HeadlessSession> session;
    engine::OrbitCamera orbit;
    std::optional<TourPlayer> tour;
    float aspect = 1.0f;
    std::optional<engine::Camera> fixedCamera;  // the floor plan's, when asked for
};

bool openHeadlessView(const AppOptions& options, HeadlessView& view, std::string& error) {
    view.session = openHeadless(options, error);
    if (!view.session) return false;
    view.aspect = float(options.size.x) / float(options.size.y);
    if (!placeView(*view.session, options, view.orbit, view.tour, error)) return false;
    if (options.plan) {
        if (options.floor.empty()) {
            error = "--plan needs --floor ID";
            return false;
        }
        view.fixedCamera = floorPlanCamera(*applyFloor(*view.session, options, error), view.aspect);
    }
    view.session->renderer->setOutputOffscreen(options.size);
    return true;
}

}  // namespace

int runScreenshot(const AppOptions& options) {
    std::string error;
    HeadlessView view;
    if (!openHeadlessView(options, view, error)) return fail(error);
    // Plain references, not a structured binding: lambdas below capture
    // them, which clang before 16 refuses for bindings.
    auto& session = view.session;
    auto& orbit = view.orbit;
    auto& tour = view.tour;
    const float aspect = view.aspect;
    const auto& fixedCamera = view.fixedCamera;
    engine::Renderer& renderer = *session->renderer;
    auto camera = [&] { return fixedCamera ? *fixedCamera : cameraFor(orbit, aspect, renderer.sceneBounds()); };
    // The machine asked for (--machine) or clicked (--pick) is outlined.
    std::optional<size_t> selected;
    if (session->content.scene && !options.machine.empty())
        for (size_t i = 0; i < session->content.scene->machines.size(); ++i)
            if (session->content.scene->machines[i].id == options.machine) selected = i;
    if (session->content.scene && options.pick && session->content.bvh) {
        auto hit = pickAt(*session->content.bvh, camera(), *options.pick, glm::vec2(options.size), session->hiddenTopNodes);
        if (hit) selected = machineOfHit(*hit);
    }
    if (selected && *selected < session->shown.machineSceneItems.size() &&
        session->shown.machineSceneItems[*selected] != SIZE_MAX)
        renderer.setOutlines({{session->shown.machineSceneItems[*selected], {0.0f, 0.64f, 0.63f, 1.0f}, 3.0f}});
    // Live data only when a data time (or a broker) is given, so that a
    // screenshot is reproducible by default.
    std::unique_ptr<feeds::LiveFeed> feed;
    const SceneDescription* scene = session->content.scene ? &*session->content.scene : nullptr;
    if (scene && (options.dataTime || !options.mqttUrl.empty())) {
        feed = std::make_unique<feeds::LiveFeed>(*scene, liveFeedDescFor(options));
        for (const std::string& problem : feed->takeProblems()) engine::log::warning(problem);
        feed->update();
        float maxElevation = 1e9f;
        for (const Floor& floor : scene->building.floors)
            if (floor.id == options.floor) maxElevation = floor.elevation;
        renderer.setFloorOverlays(
            occupancyHeatmap(*scene, feed->state(), feed->clock(), feed->staleAfter(), maxElevation));
    }
    auto phaseStart = Clock::now();
    engine::FrameStats stats = renderer.render(camera());
    renderer.finish();
    logPhase("first frame", phaseStart);
    if (options.overlay) {
        Overlay overlay(1.0f, languageFromCode(options.language));
        // A tour moment shows its subtitle, a machine its card, a plan the floor: no figures.
        overlay.setStatsVisible(options.tour.empty() && options.machine.empty() && !options.pick && !options.plan && !feed);
        engine::gfx::GuiRenderer gui;
        OverlayModel model;
        model.title = session->content.title;
        model.errors = session->content.errors;
        model.warnings = session->content.warnings;
        if (tour) {
            model.tour.active = true;
            model.tour.paused = true;
            model.tour.title = tour->tour().title;
            model.tour.stop = int(tour->currentStop());
            model.tour.stopCount = int(tour->stopCount());
            model.tour.progress = float(tour->progress());
            model.tour.narration = {tour->narration(Language::French), tour->narration(Language::English)};
        }
        // A tour moment shows the cards its stop opens.
        std::optional<size_t> tourPlatform;
        if (tour && session->content.scene) {
            StopPanels open = stopPanels(*session->content.scene, tour->panels());
            tourPlatform = open.platform;
            if (open.machine) {
                model.machine = &session->content.scene->machines[*open.machine];
                model.machinePlatform = session->content.scene->platform(model.machine->platform);
            }
        }
        if (session->content.scene && !options.machine.empty()) {
            model.machine = session->content.scene->machine(options.machine);
            if (model.machine) model.machinePlatform = session->content.scene->platform(model.machine->platform);
        }
        if (session->content.scene && options.pick && session->content.bvh) {
            auto hit = pickAt(*session->content.bvh, camera(), *options.pick,
                              glm::vec2(options.size), session->hiddenTopNodes);
            auto index = hit ? machineOfHit(*hit) : std::nullopt;
            if (index && *index < session->content.scene->machines.size()) {
                model.machine = &session->content.scene->machines[*index];
                model.machinePlatform = session->content.scene->platform(model.machine->platform);
            }
        }
        if (session->content.scene) {
            engine::Camera labelCamera = camera();
            LabelView labelView;
            labelView.viewProjection = labelCamera.projection * labelCamera.view;
            labelView.eye = labelCamera.position;
            labelView.viewport = glm::vec2(options.size);
            for (const Floor& floor : session->content.scene->building.floors)
                if (floor.id == options.floor) labelView.hideAboveElevation = floor.elevation;
            // Seen from above, a plan shows every name: no fading behind walls.
            model.labels = placeLabels(labelAnchors(*session->content.scene, session->shown.models), labelView,
                                       options.plan ? nullptr : session->content.bvh.get(),
                                       hiddenFilter(session->hiddenTopNodes));
        }
        model.plan = options.plan;
        if (session->content.scene) {
            const auto& floors = session->content.scene->building.floors;
            for (size_t i = 0; i < floors.size(); ++i) {
                model.floors.push_back(floors[i].name);
                if (floors[i].id == options.floor) model.selectedFloor = int(i);
            }
        }
        fillFigures(model.figures, stats, renderer);
        model.figures.residentBytes = 0;  // varies from run to run: keep images comparable
        model.figures.frameMs = 0;
        // Only the first word: the full string carries versions that change.
        model.figures.renderer = session->device.renderer.substr(0, session->device.renderer.find(' '));
        LivePanels livePanels;
        LiveView liveView;
        if (feed) {
            liveView = liveViewOf(*feed, *scene);
            model.liveData = true;
            // The legend explains the overview's tints and badges; a card needs the room.
            model.legendVisible = liveView.showLegend = options.machine.empty() && options.platform.empty();
            for (const Floor& floor : scene->building.floors)
                if (floor.id == options.floor) liveView.selectedFloor = int(&floor - scene->building.floors.data());
            liveView.platform = tourPlatform ? &scene->platforms[*tourPlatform] : scene->platform(options.platform);
            liveView.showPlatformColumn = model.machine == nullptr && !model.tour.active;
            if (!options.plan) {
                engine::Camera badgeCamera = camera();
                LabelView badgeView;
                badgeView.viewProjection = badgeCamera.projection * badgeCamera.view;
                badgeView.eye = badgeCamera.position;
                badgeView.viewport = glm::vec2(options.size);
                for (const Floor& floor : scene->building.floors)
                    if (floor.id == options.floor) badgeView.hideAboveElevation = floor.elevation;
                liveView.badges = machineBadges(*scene, labelAnchors(*scene, session->shown.models), feed->state(),
                                                badgeView, session->content.bvh.get(),
                                                hiddenFilter(session->hiddenTopNodes), kBadgeAboveLabel);
            }
            model.titleExtra = [&] { livePanels.buildDataRow(liveView, overlay.language(), overlay.scale()); };
            model.machineLiveSection = [&](float width) {
                if (model.machine)
                    livePanels.buildMachineSection(liveView, *model.machine, overlay.language(), overlay.scale(), width);
            };
        }
        renderer.bindOutput();
        // Two frames: ImGui lays out auto-sized windows on the first.
        drawOverlayHeadless(overlay, gui, model, options.size, feed ? &livePanels : nullptr, &liveView);
        renderer.render(camera());
        renderer.bindOutput();
        drawOverlayHeadless(overlay, gui, model, options.size, feed ? &livePanels : nullptr, &liveView);
    }
    std::string glErrors = engine::gfx::takeErrors();
    if (!glErrors.empty()) engine::log::warning("OpenGL reported errors: " + glErrors);
    engine::Status written = renderer.writeOutputPng(*options.screenshot);
    if (!written) return fail(written.error());
    logPhase("PNG written", phaseStart);
    // Done: the PNG is written and closed. Tearing llvmpipe down (contexts,
    // threads, textures) costs 20-60 ms more (measured) and saves nothing,
    // so a screenshot run ends here, as one-shot tools do.
    std::fflush(nullptr);
    std::_Exit(0);
}

// --check: validates a scene file and the files it names, without GL.
int runCheck(const AppOptions& options) {
    std::filesystem::path input = inputFor(options, findDataDirectory());
    if (input.extension() != ".json") return fail("--check takes a scene file (.json), got \"" + input.string() + "\"");
    SceneDescription scene = loadSceneFile(input);
    for (const SceneIssue& issue : scene.issues) std::fprintf(stderr, "%s\n", issue.text().c_str());
    std::printf("%s: %zu platform(s), %zu machine(s), %zu tour(s), %zu problem(s)\n", input.string().c_str(),
                scene.platforms.size(), scene.machines.size(), scene.tours.size(), scene.issues.size());
    return scene.issues.empty() ? 0 : 1;
}

int runBench(const AppOptions& options, Clock::time_point processStart) {
    std::string error;
    HeadlessView view;
    if (!openHeadlessView(options, view, error)) return fail(error);
    auto& [session, orbit, tour, aspect, fixedCamera] = view;
    engine::Renderer& renderer = *session->renderer;

    auto firstStart = Clock::now();
    renderer.render(cameraFor(orbit, aspect, renderer.sceneBounds()));
    renderer.finish();
    double firstFrameMs = millisecondsSince(firstStart);
    double startToFirstFrameMs = millisecondsSince(processStart);

    // A fixed path: the tour sampled evenly from start to end with --tour,
    // else one full turn around the framed scene.
    // Every frame of the path moves the view: the bench shades them as the
    // window would (--full-resolution: all at full resolution).
    std::vector<double> frames;
    std::vector<float> scales;
    engine::AdaptiveResolution adaptive;
    engine::FrameStats stats;
    engine::CameraPose start = orbit.pose();
    for (int i = 0; i < options.benchFrames; ++i) {
        if (tour) {
            tour->seek(tour->totalDuration() * double(i) / double(std::max(1, options.benchFrames - 1)));
            CameraViewpoint view = tour->viewpoint();
            orbit.lookAt(view.eye, view.target, true);
        } else {
            engine::CameraPose pose = start;
            pose.yawDegrees += 360.0f * float(i) / float(options.benchFrames);
            orbit.lookAt(engine::OrbitCamera::eyeOf(pose), pose.target, true);
        }
        const float scale = options.fullResolution ? 1.0f : adaptive.scaleFor(true);
        renderer.options().resolutionScale = scale;
        auto t = Clock::now();
        stats = renderer.render(cameraFor(orbit, aspect, renderer.sceneBounds()));
        renderer.finish();
        frames.push_back(millisecondsSince(t));
        scales.push_back(scale);
        adaptive.recordMotionFrame(scale, frames.back());
    }
    std::vector<float> sortedScales = scales;
    std::sort(sortedScales.begin(), sortedScales.end());
    std::vector<double> sorted = frames;
    std::sort(sorted.begin(), sorted.end());
    auto percentile = [&](double p) { return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5))]; };
    double importMs = 0;
    bool allCached = true;
    for (const LoadedModel& m : session->content.models) {
        importMs += m.seconds * 1000.0;
        allCached = allCached && m.fromCache;
    }
    std::printf("scene: %s\n", session->content.title.c_str());
    std::printf("camera path: %s\n", tour ? ("tour " + options.tour).c_str() : "one turn around the scene");
    std::printf("renderer: %s\n", session->device.renderer.c_str());
    std::printf("size: %dx%d, shadows %s, anti-aliasing %s\n", options.size.x, options.size.y,
                options.shadows ? "on" : "off", options.antialiasing ? "on" : "off");
    std::printf("load: %.1f ms (import %.1f ms, %s)\n", session->loadMs, importMs,
                allCached ? "from cache" : "imported");
    std::printf("first frame: %.1f ms (process start to first frame: %.1f ms)\n", firstFrameMs, startToFirstFrameMs);
    std::printf("frames: %d, median %.2f ms, p95 %.2f ms, min %.2f ms, max %.2f ms\n", options.benchFrames,
                percentile(0.5), percentile(0.95), sorted.front(), sorted.back());
    std::printf("resolution in motion: median scale %.2f, min %.2f (%s)\n", sortedScales[sortedScales.size() / 2],
                sortedScales.front(), options.fullResolution ? "--full-resolution" : "adaptive");
    std::printf("triangles: %zu, draw calls: %d\n", stats.triangles, stats.drawCalls);
    std::printf("peak memory: %.1f MiB\n", double(engine::peakResidentBytes()) / (1024.0 * 1024.0));
    return 0;
}

}  // namespace twin
