#include "modes/visit.h"

#include <malloc.h>

#include "core/log.h"
#include "gfx/device.h"
#include "live_data_run.h"
#include "modes/app_setup.h"
#include "modes/espeak_narrator.h"

namespace twin {
namespace {

VisitSessionDesc sessionDescFor(const AppOptions& options, bool headless, bool liveData, float uiScale) {
    VisitSessionDesc desc;
    desc.language = languageFromCode(options.language);
    desc.reducedMotion = options.reducedMotion;
    desc.toggles = {options.shadows, options.antialiasing, options.ground};
    desc.uiScale = uiScale;
    if (headless && options.playInput.empty()) {
        // A still: a tour moment shows its subtitle, a machine its card, a
        // plan the floor, live data its panels and legend; else the figures.
        desc.statsVisible = options.tour.empty() && options.machine.empty() && !options.pick && !options.plan && !liveData;
        desc.legendVisible = liveData && options.machine.empty() && options.platform.empty();
    }
    VisitStart& start = desc.start;
    if (options.camera) {
        start.eye = options.camera->eye;
        start.target = options.camera->target;
    }
    start.yawDegrees = options.orbit.yawDegrees;
    start.pitchDegrees = options.orbit.pitchDegrees;
    start.zoom = options.orbit.zoom;
    start.floor = options.floor;
    start.plan = options.plan;
    start.machine = options.machine;
    start.focus = options.focus;
    start.explode = options.explode;
    start.section = options.section;
    start.part = options.part;
    start.procedure = options.procedure;
    start.step = options.step;
    start.flipSection = options.flipSection;
    if (options.explorerTab == "parts") start.explorerTab = ExplorerTab::Parts;
    if (options.explorerTab == "procedures") start.explorerTab = ExplorerTab::Procedures;
    if (options.explorerTab == "safety") start.explorerTab = ExplorerTab::Safety;
    if (options.explorerTab == "training") start.explorerTab = ExplorerTab::Training;
    start.quizQuestion = options.quizQuestion;
    // Quiz results are the learner's to keep, in a window; a still keeps none
    // unless a file is named, and a kiosk keeps each visitor's in memory
    // until the idle reset (the next visitor is someone else).
    if (!options.quizResults.empty())
        desc.quizProgress = std::make_shared<learn::QuizProgress>(options.quizResults);
    else if ((!headless || !options.playInput.empty()) && !options.kiosk)
        desc.quizProgress = std::make_shared<learn::QuizProgress>(learn::defaultQuizProgressFile());
    start.platform = options.platform;
    start.walk = options.walk;
    start.tour = options.tour;
    start.tourTime = options.tourTime;
    start.animTime = options.animTime;
    start.tourPaused = headless && options.playInput.empty();
    return desc;
}

}  // namespace

engine::Status openVisit(const AppOptions& options, bool headless, Visit& visit, VisitShell* shell) {
    auto phaseStart = Clock::now();
    const std::filesystem::path data = findDataDirectory();
    const std::filesystem::path input = inputFor(options, data);
    const bool scene = input.extension() == ".json";
    // The BVH serves picking, walking, tours and hiding labels behind walls;
    // a still that needs none of them is faster without it.
    const bool needBvh = !headless || !options.playInput.empty() || options.pick || options.walk ||
                         !options.tour.empty() || (options.overlay && scene);
    visit.loading = std::async(std::launch::async, [&options, input, needBvh] {
        engine::IsolatedImporter importer(importDescFor(options));
        return loadContent(input, importer, needBvh);
    });
    float uiScale = 1.0f;
    if (headless) {
        auto context = engine::HeadlessContext::create();
        // Say what the driver does offer: loadGl below names its version.
        if (!context) context = engine::HeadlessContext::create(true);
        if (!context) return engine::makeError(context.error());
        visit.context = std::move(context).value();
        visit.offscreenSize = options.size;
    } else {
        engine::WindowDesc desc;
        desc.title = "Twin Tour";
        desc.width = options.size.x;
        desc.height = options.size.y;
        desc.fullscreen = options.fullscreen;
        desc.monitor = options.monitor;
        if (shell) shell->configureWindow(desc);
        auto window = engine::Window::open(desc);
        if (!window) {
            desc.anyVersion = true;
            auto fallback = engine::Window::open(desc);
            // GLX right after a refused context sometimes refuses the next
            // one too (seen with Xvfb and Mesa): one more try.
            if (!fallback) fallback = engine::Window::open(desc);
            if (!fallback) return engine::makeError(window.error());
            window = std::move(fallback);
        }
        visit.window = std::move(window).value();
        uiScale = visit.window->contentScale();
        if (shell) {
            uiScale = shell->uiScale(visit.windowSize(), uiScale);
            shell->windowOpened(*visit.window);
        }
    }
    auto device = engine::gfx::loadGl(headless ? engine::HeadlessContext::getProcAddress : engine::Window::getProcAddress);
    if (!device) return engine::makeError(device.error());
    visit.rendererName = device->renderer;
    logPhase("GL context", phaseStart);
    auto renderer = engine::Renderer::create(rendererDescFor(input, data, importDescFor(options).cacheDirectory));
    if (!renderer) return engine::makeError(firstLine(renderer.error()) + "\n" + renderer.error());
    visit.renderer = std::move(renderer).value();
    applyRenderOptions(*visit.renderer, options);
    logPhase("shaders", phaseStart);

    // Live data: always in a window; a still only with a data time or a
    // broker, so that it is reproducible by default.
    const bool liveData = scene && (!headless || options.dataTime || !options.mqttUrl.empty());
    if (liveData) {
        visit.feed = liveFeedDescFor(options);
        if (!options.playInput.empty()) {
            const auto origin = std::chrono::steady_clock::now();
            visit.feed->wallClock = [clock = visit.playClock, origin] {
                return origin + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                    std::chrono::duration<double>(*clock));
            };
        }
    }
    visit.session = std::make_unique<VisitSession>(sessionDescFor(options, headless, liveData, uiScale));
    visit.session->setViewport(visit.windowSize());
    // Speech where a visitor listens; a still has no one to hear it.
    if (!headless) {
        visit.narrator = std::make_unique<EspeakNarrator>();
        visit.session->setNarrator(visit.narrator.get());
    }
    visit.session->startLoading();
    FramePainterDesc paint;
    paint.panels = !headless || options.overlay || !options.playInput.empty();
    paint.uiScale = uiScale;
    paint.adaptiveResolution = !headless && !options.fullResolution && options.playInput.empty();
    paint.stableFigures = headless || !options.playInput.empty();
    paint.rendererName = visit.rendererName;
    if (shell) paint.extraPanels = shell->extraPanels();
    visit.painter = std::make_unique<FramePainter>(*visit.renderer, paint);
    return {};
}

engine::Status takeContent(Visit& visit) {
    auto phaseStart = Clock::now();
    LoadedContent content = visit.loading.get();
    logPhase("content loaded", phaseStart);
    if (!content.ok() && !visit.window) {
        // Nothing to show: the run fails with one line saying why.
        return engine::makeError(content.errors.empty() ? "cannot open \"" + content.title + "\": nothing to show"
                                                        : firstLine(content.errors.front()));
    }
    visit.painter->setShownContent(showContent(*visit.renderer, content));
    // The shader compiler and the layouts leave freed heap behind: hand it
    // back before the frame allocates its targets.
    malloc_trim(0);
    logPhase("uploaded", phaseStart);
    return visit.session->load(visitContentOf(content), visit.feed ? &*visit.feed : nullptr);
}

}  // namespace twin
