#include "modes/visit_runner.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <future>

#include "core/log.h"
#include "core/process_stats.h"
#include "core/stop_signal.h"
#include "gfx/device.h"
#include "modes/app_setup.h"
#include "modes/frame_painter.h"
#include "modes/visit.h"
#include "platform/input_recording.h"
#include "platform/service_notifier.h"
#include "platform/window.h"

namespace twin {
namespace {

constexpr double kPlaybackStep = 1.0 / 60.0;  // the played-back clock: 60 steps a second
constexpr double kSettleSeconds = 10.0;       // after the last event, at most this long for the view to settle
constexpr double kStopSignalCheckSeconds = 0.5;  // a stop signal is seen within this
constexpr double kMemoryReleaseSeconds = 10.0;   // free pages back to the system this often

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
// read, so none between two lines is missed). Free pages are given back
// first, as the loop does every 10 s: otherwise a sample reads 20-25 MiB
// more or less depending on how long ago that was, and hides a leak's
// few MiB.
void reportSoak(size_t frames, double clock) {
    engine::releaseFreeMemory();
    const std::string glErrors = engine::gfx::takeErrors();
    std::printf("soak: frame %zu clock %.1f s resident %zu KiB heap %zu KiB gl-errors %s\n", frames, clock,
                engine::residentBytes() / 1024, engine::heapInUseBytes() / 1024,
                glErrors.empty() ? "none" : glErrors.c_str());
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
    double lastMemoryRelease = 0.0;  // on the shell's clock
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
        // Freed memory back to the system now and then: a kiosk runs for
        // days, and llvmpipe's frames leave free pages behind (about 2 ms).
        if (shellNow - lastMemoryRelease >= kMemoryReleaseSeconds) {
            engine::releaseFreeMemory();
            lastMemoryRelease = shellNow;
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

}  // namespace twin
