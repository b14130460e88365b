#pragma once
// Runs a visit in a shell: opens the platform (a window, or an offscreen
// image without a display), loads the content beside it, and loops: input
// (the window's, a played-back recording's), the session, one frame drawn by
// the FramePainter. The window, the screenshot and the playback tests all go
// through here, so a golden image checks what visitors run.
#include <chrono>
#include <optional>
#include <string>

#include "cli/app_options.h"
#include "platform/input.h"
#include "session/ui_command.h"

namespace engine {
class Window;
struct WindowDesc;
}  // namespace engine

namespace twin {

class ExtraPanels;
class VisitSession;

// A shell's rules around the one loop (a kiosk's): where each input event
// goes, what happens as time passes, whether closing is allowed. `now` is
// the visit's clock (seconds since it was ready; a recording's own clock
// when one is played), the clock input events are stamped with.
class VisitShell {
public:
    enum class Route { SessionAndPanels, PanelsOnly, Nobody };
    virtual ~VisitShell() = default;
    virtual void configureWindow(engine::WindowDesc&) {}
    // The UI scale for the window (default: its content scale).
    virtual float uiScale(glm::vec2 windowSize, float contentScale) { (void)windowSize; return contentScale; }
    virtual ExtraPanels* extraPanels() { return nullptr; }
    virtual void windowOpened(engine::Window&) {}
    virtual void loaded(VisitSession&, glm::vec2 viewport, double now) {}
    virtual Route route(const engine::InputEvent&, glm::vec2 viewport, VisitSession&, double now) {
        return Route::SessionAndPanels;
    }
    // Close events and the session's quit request are ignored.
    virtual bool lockedDown() const { return false; }
    // Time moves on; true when the shell changed what is shown.
    virtual bool advance(VisitSession&, double now) { return false; }
    // What the visit's panels asked for, after the session applied it.
    virtual void applied(const UiCommand&, VisitSession&) {}
    // After each frame drawn (the shell's panels have run); true when the
    // shell changed what is shown (a playback then draws the next frames).
    virtual bool painted(VisitSession&, double now, double frameMs) { return false; }
    // Seconds until advance() has something to do.
    virtual double secondsUntilDue(double now) const { (void)now; return 3600.0; }
    // The run ends with this exit code.
    virtual std::optional<int> exitCode() const { return std::nullopt; }
};

// The window (until it closes, --run-for ends it, or a played-back
// recording ends); with --screenshot and --play-input, its last frame is
// written. Returns the process exit code.
int runWindow(const AppOptions& options, VisitShell* shell = nullptr);

// The same visit without a display, at --size: the recording played back
// (--play-input) on a clock of 60 steps a second, or the start of the visit
// as the command line sets it; the end state is written to --screenshot.
int runScreenshot(const AppOptions& options);

// --bench: the frame path timed along the tour (or a turn around the scene).
int runBench(const AppOptions& options, std::chrono::steady_clock::time_point processStart);

}  // namespace twin
