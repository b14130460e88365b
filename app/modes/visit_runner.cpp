#include "modes/visit_runner.h"

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <future>
#include <numeric>

#include "modes/app_setup.h"
#include "modes/espeak_narrator.h"
#include "core/log.h"
#include "core/process_stats.h"
#include "core/stop_signal.h"
#include "gfx/device.h"
#include "live_data_run.h"
#include "modes/frame_painter.h"
#include "platform/headless_context.h"
#include "platform/input_recording.h"
#include "platform/service_notifier.h"
#include "platform/window.h"

namespace twin {
namespace {

constexpr double kPlaybackStep = 1.0 / 60.0;  // the played-back clock: 60 steps a second
constexpr double kSettleSeconds = 10.0;       // after the last event, at most this long for the view to settle
constexpr double kStopSignalCheckSeconds = 0.5;  // a stop signal is seen within this
constexpr double kBenchFrameSeconds = 1.0 / 30.0;  // the bench's clock: a frame at 30 Hz

// A visit opened in a shell: its platform, renderer, session and painter.
struct Visit {
    std::unique_ptr<engine::Window> window;           // a window...
    std::unique_ptr<engine::HeadlessContext> context;  // ...or an offscreen image
    glm::ivec2 offscreenSize{0};
    std::string rendererName;
    std::unique_ptr<engine::Renderer> renderer;
    std::unique_ptr<Narrator> narrator;  // in a window: the tour read aloud (outlives the session)
    std::unique_ptr<VisitSession> session;
    std::unique_ptr<FramePainter> painter;
    std::future<LoadedContent> loading;
    std::optional<feeds::LiveFeedDesc> feed;  // the live data to open with the scene
    // A played-back recording's clock, seconds from the visit's start: the
    // replay of live data follows it too, so each step shows the same data
    // however long its frame took to draw.
    std::shared_ptr<double> playClock = std::make_shared<double>(0.0);

    glm::vec2 windowSize() const { return window ? glm::vec2(window->windowSize()) : glm::vec2(offscreenSize); }
    void bindOutput() {
        if (window)
            renderer->setOutputWindow(window->framebufferSize());
        else if (renderer->outputSize() != offscreenSize)
            renderer->setOutputOffscreen(offscreenSize);
    }
    ~Visit() {
        // GL objects die before the context.
        painter.reset();
        renderer.reset();
        if (loading.valid()) loading.wait();
    }
};

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

// Opens the platform and starts loading the content beside it (reading or
// importing needs no GL: it runs on the other core while the context starts
// and the shaders compile).
engine::Status openVisit(const AppOptions& options, bool headless, Visit& visit, VisitShell* shell = nullptr) {
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

// Hands loaded content to the renderer and the session. An error (an
// unknown floor, tour...) is returned; what is valid is shown all the same.
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

// Where the input comes from and where it goes, and when the run ends.
struct LoopDesc {
    std::vector<engine::InputEvent> playback;  // a recording to play (times from the visit's start)
    bool playing = false;
    std::ofstream* record = nullptr;           // --record-input
    std::optional<std::string> screenshot;     // written at the end of a playback or a still
    std::vector<engine::InputEvent> pickTaps;  // --pick: taps the session sees (not the panels)
    double runForSeconds = 0;
    VisitShell* shell = nullptr;               // a kiosk's rules, or none
    int soakReportFrames = 0;                  // > 0: draw every playback step, report every N frames
};

// bench/soak.sh reads these lines: a frame count, the resident memory, and
// the OpenGL errors raised since the last line (GL keeps an error until it is
// read, so none between two lines is missed).
void reportSoak(size_t frames, double clock) {
    const std::string glErrors = engine::gfx::takeErrors();
    std::printf("soak: frame %zu clock %.1f s resident %zu KiB gl-errors %s\n", frames, clock,
                engine::residentBytes() / 1024, glErrors.empty() ? "none" : glErrors.c_str());
    std::fflush(stdout);
}

int loop(Visit& visit, LoopDesc& run) {
    VisitSession& session = *visit.session;
    const auto started = Clock::now();
    Clock::time_point readyAt{};
    auto last = Clock::now();
    double& playClock = *visit.playClock;
    size_t nextEvent = 0;
    double settleLeft = kSettleSeconds;
    int finalFrames = -1;  // counting down the frames before the end state is written
    int framesForEvents = 0;  // playback: frames still to draw for the last events
    size_t framesDrawn = 0;
    std::vector<engine::InputEvent> guiEvents;  // since the last frame drawn
    const bool still = !visit.window && !run.playing;
    // Under systemd (Type=notify): ready once the visit is loaded, and a
    // watchdog ping from every turn of this loop, so a hung loop is restarted.
    engine::ServiceNotifier service;
    service.status("loading the visit");
    // A window's run ends on SIGTERM (systemd's stop) as on a close, so a
    // kiosk's goodbye on the broker and the history's last write still happen.
    if (visit.window) engine::catchStopSignals();
    for (;;) {
        service.alive();
        if (!session.loaded() && visit.loading.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
            engine::Status status = takeContent(visit);
            if (!status) {
                if (!visit.window) return fail(status.error());
                engine::log::error(status.error());
            }
            service.ready(status ? "showing the visit" : "showing the visit, with problems: " + firstLine(status.error()));
            for (const engine::InputEvent& tap : run.pickTaps) session.handle(tap, {});
            readyAt = last = Clock::now();
            if (run.shell) run.shell->loaded(session, visit.windowSize(), 0.0);
            framesForEvents = 3;  // the panels' first frames, before any event
        }
        if (!session.loaded() && !visit.window) {
            visit.loading.wait();
            continue;
        }

        double wait = session.needsFrame() || visit.painter->eventsPending() || run.playing ? 0.0
                                                                                           : session.secondsUntilNews();
        if (run.shell && session.loaded())
            wait = std::min(wait, run.shell->secondsUntilDue(std::chrono::duration<double>(Clock::now() - readyAt).count()));
        wait = std::min(wait, service.maxWaitSeconds());
        // A signal may land on another thread and leave this wait asleep.
        if (visit.window) wait = std::min(wait, kStopSignalCheckSeconds);
        if (run.runForSeconds > 0) {
            double left = run.runForSeconds - millisecondsSince(started) / 1000.0;
            if (left <= 0) break;
            wait = std::min(wait, left);
        }
        std::vector<engine::InputEvent> events;
        if (visit.window) events = visit.window->pollEvents(session.loaded() ? wait : std::min(wait, 0.05));
        // A playback is the only input: the pointer's place on the display
        // and the window's focus must not change what it plays.
        if (run.playing) events.clear();
        if (const int signal = engine::stopSignal()) {
            const std::string name = engine::stopSignalName(signal);
            engine::log::info("stopping: " + name + " received");
            service.stopping("stopping on " + name);
            if (run.screenshot) return fail("stopped by " + name + " before the screenshot was written");
            return 0;
        }
        const auto now = Clock::now();
        double dt = std::chrono::duration<double>(now - last).count();
        last = now;
        const double sinceReady = session.loaded() ? std::chrono::duration<double>(now - readyAt).count() : 0.0;
        for (engine::InputEvent& e : events) e.time = sinceReady;
        if (run.playing && session.loaded()) {
            dt = kPlaybackStep;
            playClock += kPlaybackStep;
            while (nextEvent < run.playback.size() && run.playback[nextEvent].time <= playClock)
                events.push_back(run.playback[nextEvent++]);
        }
        if (still && session.loaded()) dt = 0.0;
        bool closeAsked = false;
        // The shell's clock: the recording's when one plays, else the visit's.
        const double shellNow = run.playing ? playClock : sinceReady;
        for (const engine::InputEvent& e : events) {
            if (run.record) *run.record << engine::formatInputEvent(e) << '\n';
            if (e.kind == engine::InputEvent::Kind::Close) {
                if (run.shell && run.shell->lockedDown()) {
                    engine::log::info("close request ignored (locked down)");
                    continue;
                }
                closeAsked = !run.playing;  // a recording's close marks its end
                continue;
            }
            VisitShell::Route route = VisitShell::Route::SessionAndPanels;
            if (run.shell && session.loaded()) route = run.shell->route(e, visit.windowSize(), session, shellNow);
            if (route == VisitShell::Route::Nobody) continue;
            if (route == VisitShell::Route::SessionAndPanels) session.handle(e, visit.painter->capture(e));
            guiEvents.push_back(e);
        }
        if (run.record && !events.empty()) run.record->flush();
        if (closeAsked) break;
        session.advance(dt);
        for (std::string& problem : session.takeNewProblems()) (void)problem;
        if (run.shell && session.loaded()) {
            if (run.shell->advance(session, shellNow)) framesForEvents = std::max(framesForEvents, 3);
            if (auto code = run.shell->exitCode()) return *code;
        }
        if (session.quitRequested() && !run.playing && !(run.shell && run.shell->lockedDown())) break;

        // The end of a playback: once the last event is played and the view
        // has settled (or the settling time is up), two more frames (the
        // panels lay out auto-sized windows on the first), then the end state.
        if (session.loaded() && finalFrames < 0) {
            const bool eventsDone = nextEvent >= run.playback.size();
            if (still) {
                // Without panels, the first frame is the end state already.
                finalFrames = visit.painter->hasPanels() ? 2 : 1;
            } else if (run.playing && eventsDone) {
                settleLeft -= kPlaybackStep;
                if (!session.animating() || settleLeft <= 0) finalFrames = 2;
            }
        }
        if (finalFrames > 0) session.requestFrames(1);

        // A playback draws the frames its events need (the panels see input
        // only in frames: the one with the events and two after) and the
        // last ones; in between, time moves the session on undrawn, which
        // makes a recording of minutes play in seconds.
        // Events the shell gives to the panels only (a kiosk's home screen)
        // never reach the session, so they ask for their frames here, in a
        // window as in a playback.
        if (!events.empty()) framesForEvents = 3;
        if (run.playing) {
            const bool due = framesForEvents > 0 || visit.painter->eventsPending() || finalFrames > 0;
            if (!due && !run.soakReportFrames) continue;
            framesForEvents = std::max(0, framesForEvents - 1);
        } else if (framesForEvents > 0) {
            --framesForEvents;
        } else if (!session.needsFrame() && !visit.painter->eventsPending()) {
            continue;
        }
        const glm::vec2 windowSize = visit.windowSize();
        if (windowSize.x <= 0 || windowSize.y <= 0) continue;  // minimised
        session.setViewport(windowSize);
        visit.bindOutput();
        VisitFrame frame = session.frame();
        std::vector<UiCommand> commands = visit.painter->paint(frame, guiEvents, windowSize, float(dt));
        guiEvents.clear();
        for (const UiCommand& command : commands) {
            session.apply(command);
            if (run.shell) run.shell->applied(command, session);
        }
        if (run.shell) {
            if (run.shell->painted(session, shellNow, visit.painter->lastFrameMs())) {
                // Its new panels need their frames too, the end state included.
                framesForEvents = 3;
                if (finalFrames > 0) finalFrames = 3;
            }
            if (auto code = run.shell->exitCode()) return *code;
        }
        if (run.soakReportFrames && ++framesDrawn % size_t(run.soakReportFrames) == 0) reportSoak(framesDrawn, playClock);
        // A frame at a lower resolution is followed by a sharp one.
        if (visit.painter->lastResolutionScale() < 1.0f) session.requestFrames(1);
        if (finalFrames > 0 && --finalFrames == 0) {
            std::string glErrors = engine::gfx::takeErrors();
            if (!glErrors.empty()) engine::log::warning("OpenGL reported errors: " + glErrors);
            if (run.screenshot) {
                logPhase("frames drawn", readyAt);
                engine::Status written = visit.renderer->writeOutputPng(*run.screenshot);
                if (!written) return fail(written.error());
            }
            if (visit.window) visit.window->swapBuffers();
            return 0;
        }
        if (visit.window) visit.window->swapBuffers();
    }
    return 0;
}

}  // namespace

// Reads --play-input, or fails with a line saying what is wrong where.
static bool readPlayback(const AppOptions& options, LoopDesc& run, std::string& error) {
    if (options.playInput.empty()) return true;
    auto events = engine::readInputRecording(options.playInput);
    if (!events) {
        error = events.error();
        return false;
    }
    run.playback = std::move(events).value();
    run.playing = true;
    return true;
}

int runWindow(const AppOptions& options, VisitShell* shell) {
    LoopDesc run;
    std::string error;
    if (!readPlayback(options, run, error)) return fail(error);
    std::ofstream record;
    if (!options.recordInput.empty()) {
        record.open(options.recordInput, std::ios::trunc);
        if (!record) return fail("cannot write the input recording \"" + options.recordInput + "\"");
        record << "# twin-tour input recording: <seconds> <event> <arguments>, one event a line (docs/input-recording.md)\n";
        run.record = &record;
    }
    if (run.playing) run.screenshot = options.screenshot;
    if (run.playing) run.soakReportFrames = options.soakReportFrames;
    run.runForSeconds = options.runForSeconds;
    run.shell = shell;
    Visit visit;
    if (engine::Status opened = openVisit(options, false, visit, shell); !opened) return fail(opened.error());
    return loop(visit, run);
}

int runScreenshot(const AppOptions& options) {
    LoopDesc run;
    std::string error;
    if (!readPlayback(options, run, error)) return fail(error);
    run.screenshot = options.screenshot;
    if (options.pick) {
        engine::InputEvent tap;
        tap.kind = engine::InputEvent::Kind::MouseDown;
        tap.position = *options.pick;
        run.pickTaps.push_back(tap);
        tap.kind = engine::InputEvent::Kind::MouseUp;
        run.pickTaps.push_back(tap);
    }
    Visit visit;
    if (engine::Status opened = openVisit(options, true, visit); !opened) return fail(opened.error());
    int code = loop(visit, run);
    if (code != 0) return code;
    logPhase("PNG written", Clock::now());
    // Done: the PNG is written and closed. Tearing llvmpipe down (contexts,
    // threads, textures) costs 20-60 ms more (measured) and saves nothing,
    // so a screenshot run ends here, as one-shot tools do.
    std::fflush(nullptr);
    std::_Exit(0);
}

int runBench(const AppOptions& options, Clock::time_point processStart) {
    Visit visit;
    if (engine::Status opened = openVisit(options, true, visit); !opened) return fail(opened.error());
    const double loadStartMs = millisecondsSince(processStart);
    auto loadStart = Clock::now();
    if (engine::Status status = takeContent(visit); !status) return fail(status.error());
    const double loadMs = millisecondsSince(loadStart) + loadStartMs;
    VisitSession& session = *visit.session;
    visit.bindOutput();
    FramePainterDesc paint;
    paint.panels = options.benchPanels;
    paint.adaptiveResolution = !options.fullResolution;
    paint.alwaysInMotion = true;
    paint.rendererName = visit.rendererName;
    FramePainter painter(*visit.renderer, paint);
    // (the Visit's painter stays unused: the bench times the scene alone,
    // or with the panels under --bench-panels; it shows the same content,
    // running machines moved by their cycles)
    painter.setShownContent(visit.painter->shownContent());
    visit.renderer->options().timePasses = options.benchPasses;
    visit.renderer->options().flatShading = options.benchFlat;
    visit.renderer->options().depthPrepass = options.benchPrepass;

    auto firstStart = Clock::now();
    {
        VisitFrame frame = session.frame();
        painter.paint(frame, {}, visit.windowSize(), 0.0f);
    }
    visit.renderer->finish();
    double firstFrameMs = millisecondsSince(firstStart);
    const engine::PassTimes firstPasses = painter.lastPassTimes(), firstPassesCpu = painter.lastPassCpuTimes();
    double startToFirstFrameMs = millisecondsSince(processStart);

    // A fixed path: the tour sampled evenly from start to end with --tour,
    // else one full turn around the framed scene. Every frame of the path
    // moves the view: the bench shades them as the window would
    // (--full-resolution: all at full resolution).
    std::vector<double> frames;
    std::vector<float> scales;
    engine::FrameStats stats;
    const TourPlayer* tour = session.tour();
    std::optional<TourPlayer> path;
    if (tour) path = *tour;
    engine::CameraPose start = session.orbit().pose();
    std::vector<engine::PassTimes> passes, passesCpu;
    std::vector<double> panelTimes, panelCpuTimes;
    std::vector<double> frameCpu;
    std::vector<double> pathSeconds;  // where on the tour each frame is
    const double cpuStart = engine::cpuSeconds();
    for (int i = 0; i < options.benchFrames; ++i) {
        if (path) {
            path->seek(path->totalDuration() * double(i) / double(std::max(1, options.benchFrames - 1)));
            pathSeconds.push_back(path->totalDuration() * double(i) / double(std::max(1, options.benchFrames - 1)));
            CameraViewpoint view = path->viewpoint();
            session.placeCamera(view.eye, view.target);
        } else {
            engine::CameraPose pose = start;
            pose.yawDegrees += 360.0f * float(i) / float(options.benchFrames);
            session.placeCamera(engine::OrbitCamera::eyeOf(pose), pose.target);
        }
        // The session's clock moves a frame's time on, as in the window: the
        // running machines' cycles turn (and their shadows are redrawn).
        session.advance(kBenchFrameSeconds);
        auto t = Clock::now();
        const double cpuBefore = engine::cpuSeconds();
        VisitFrame frame = session.frame();
        painter.paint(frame, {}, visit.windowSize(), 0.0f);
        visit.renderer->finish();
        frames.push_back(millisecondsSince(t));
        frameCpu.push_back((engine::cpuSeconds() - cpuBefore) * 1000.0);
        scales.push_back(painter.lastResolutionScale());
        passes.push_back(painter.lastPassTimes());
        panelTimes.push_back(painter.lastPanelsMs());
        passesCpu.push_back(painter.lastPassCpuTimes());
        panelCpuTimes.push_back(painter.lastPanelsCpuMs());
    }
    const double cpuMsPerFrame = (engine::cpuSeconds() - cpuStart) * 1000.0 / double(options.benchFrames);
    std::vector<double> sortedCpu = frameCpu;
    std::sort(sortedCpu.begin(), sortedCpu.end());
    stats.triangles = painter.figures().triangles;
    stats.drawCalls = painter.figures().drawCalls;
    std::vector<float> sortedScales = scales;
    std::sort(sortedScales.begin(), sortedScales.end());
    std::vector<double> sorted = frames;
    std::sort(sorted.begin(), sorted.end());
    auto percentile = [&](double p) { return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5))]; };
    std::printf("scene: %s\n", session.scene() ? session.scene()->name.fr.c_str() : inputFor(options, findDataDirectory()).filename().c_str());
    std::printf("camera path: %s\n", path ? ("tour " + options.tour).c_str() : "one turn around the scene");
    std::printf("renderer: %s\n", visit.rendererName.c_str());
    std::printf("size: %dx%d, shadows %s, anti-aliasing %s, surfaces %s, panels %s, depth pre-pass %s\n",
                options.size.x, options.size.y, options.shadows ? "on" : "off",
                !options.antialiasing ? "off" : options.fullResolution ? "on" : "on at rest (none of these frames)",
                options.benchFlat ? "constant colour (--bench-flat)" : "PBR", options.benchPanels ? "on" : "off",
                options.benchPrepass ? "on" : "off");
    std::printf("load: %.1f ms\n", loadMs);
    std::printf("first frame: %.1f ms (process start to first frame: %.1f ms)\n", firstFrameMs, startToFirstFrameMs);
    std::printf("frames: %d, median %.2f ms, p95 %.2f ms, min %.2f ms, max %.2f ms\n", options.benchFrames,
                percentile(0.5), percentile(0.95), sorted.front(), sorted.back());
    // On an idle machine with as many cores as llvmpipe threads, CPU time
    // over the thread count approaches the wall-clock frame time.
    std::printf("CPU time (all threads): mean %.2f ms a frame, median %.2f, p95 %.2f\n", cpuMsPerFrame,
                sortedCpu[sortedCpu.size() / 2], sortedCpu[std::min(sortedCpu.size() - 1, size_t(0.95 * double(sortedCpu.size() - 1) + 0.5))]);
    std::printf("resolution in motion: median scale %.2f, min %.2f (%s)\n", sortedScales[sortedScales.size() / 2],
                sortedScales.front(), options.fullResolution ? "--full-resolution" : "adaptive");
    if (!pathSeconds.empty()) {
        // Where the p95 comes from: the slowest frames and their moment of the tour.
        std::vector<size_t> slowest(frames.size());
        std::iota(slowest.begin(), slowest.end(), size_t(0));
        std::sort(slowest.begin(), slowest.end(), [&](size_t a, size_t b) { return frames[a] > frames[b]; });
        std::printf("slowest frames (tour time: ms):");
        for (size_t k = 0; k < std::min<size_t>(6, slowest.size()); ++k)
            std::printf(" %.0f s: %.1f%s", pathSeconds[slowest[k]], frames[slowest[k]], k + 1 < 6 ? "," : "");
        std::printf("\n");
    }
    std::printf("triangles: %zu, draw calls: %d\n", stats.triangles, stats.drawCalls);
    std::printf("peak memory: %.1f MiB (resident after the frames: %.1f MiB)\n",
                double(engine::peakResidentBytes()) / (1024.0 * 1024.0), double(engine::residentBytes()) / (1024.0 * 1024.0));
    if (options.benchPasses) {
        // Medians per pass; the frames above were slowed by the waits.
        auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v.empty() ? 0.0 : v[v.size() / 2];
        };
        auto column = [&](const std::vector<engine::PassTimes>& source, double engine::PassTimes::*field) {
            std::vector<double> v;
            for (const engine::PassTimes& p : source) v.push_back(p.*field);
            return median(v);
        };
        const struct {
            const char* name;
            double engine::PassTimes::*field;
        } columns[] = {{"shadow", &engine::PassTimes::shadow},     {"opaque", &engine::PassTimes::opaque},
                       {"ground", &engine::PassTimes::ground},     {"sky", &engine::PassTimes::sky},
                       {"overlays", &engine::PassTimes::overlays}, {"transparent", &engine::PassTimes::transparent},
                       {"ghosts", &engine::PassTimes::ghosts},     {"outlines", &engine::PassTimes::outlines},
                       {"post (FXAA/upscale/blit)", &engine::PassTimes::post}};
        std::printf("passes (median ms, GPU waited for after each):  wall     CPU (all threads)   first frame: wall, CPU\n");
        for (const auto& c : columns)
            std::printf("  %-26s %7.2f %7.2f             %7.2f %7.2f\n", c.name, column(passes, c.field),
                        column(passesCpu, c.field), firstPasses.*c.field, firstPassesCpu.*c.field);
        std::printf("  %-26s %7.2f %7.2f\n", "panels and labels", median(panelTimes), median(panelCpuTimes));
    }
    return 0;
}

}  // namespace twin
