#pragma once
// The one way to draw a frame of a visit: the session's scene view through
// the engine's renderer, then the panels over it (when there are panels).
// Every mode draws with this: window, screenshot, bench, kiosk, browser.
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "modes/app_setup.h"
#include "platform/gui_input.h"
#include "render/adaptive_resolution.h"
#include "render/renderer.h"
#include "session/visit_session.h"
#include "ui/overlay.h"

namespace engine::gfx {
class GuiRenderer;
}

namespace twin {

// Panels a shell adds over the visit's (a kiosk's screens). Built in the
// same ImGui frame, after the visit's panels (when these are shown).
class ExtraPanels {
public:
    virtual ~ExtraPanels() = default;
    // Called once the ImGui context exists, before its font atlas is uploaded.
    virtual void addFonts(float uiScale) = 0;
    // Whether the visit's own panels are drawn this frame.
    virtual bool visitPanelsShown() const = 0;
    // Before any panel of the frame (style for this frame).
    virtual void prepare() {}
    // What the visit's panels show this frame, as the shell wants it.
    virtual void adjust(UiView&) {}
    virtual void build(const UiView& view, std::vector<UiCommand>& commands) = 0;
};

struct FramePainterDesc {
    bool panels = true;             // draw the UI
    float uiScale = 1.0f;
    bool adaptiveResolution = true;  // lower resolution while the view moves
    // Every frame counts as in motion: a bench path samples a moving view,
    // where the window would not redraw a still one again and again.
    bool alwaysInMotion = false;
    bool stableFigures = false;     // statistics without the figures that vary from run to run (golden images)
    std::string rendererName;       // the GL renderer, for the statistics
    ExtraPanels* extraPanels = nullptr;  // a shell's own panels (outlives the painter)
};

class FramePainter {
public:
    FramePainter(engine::Renderer& renderer, const FramePainterDesc& desc);
    ~FramePainter();

    // What was uploaded: the building's model and each machine's scene item.
    void setShownContent(ShownContent shown) { shown_ = std::move(shown); }
    const ShownContent& shownContent() const { return shown_; }

    // Draws `frame` into the renderer's output: `events` since the last frame
    // feed the panels; `windowSize` is in window pixels. Returns what the
    // visitor asked for through the panels.
    std::vector<UiCommand> paint(VisitFrame& frame, std::span<const engine::InputEvent> events, glm::vec2 windowSize,
                                 float deltaSeconds);
    // Where the panels hold the pointer or keyboard for `event`, before the
    // frame that hands it to them (none without panels).
    UiCapture capture(const engine::InputEvent& event) const;
    // Whether panels are drawn over the scene (their first frame only lays
    // out auto-sized windows).
    bool hasPanels() const { return desc_.panels; }
    // Events the panels have not taken yet (a press and release in one frame).
    bool eventsPending() const { return guiInput_ && guiInput_->pending(); }
    // The renderer's figures of the last frame.
    const FrameFigures& figures() const { return figures_; }
    float lastResolutionScale() const { return lastScale_; }
    double lastFrameMs() const { return lastFrameMs_; }
    // With the renderer's RenderOptions::timePasses: each pass's time in the
    // last frame, and the panels' (labels and UI, built and drawn).
    // Wall-clock, and CPU time of all threads.
    const engine::PassTimes& lastPassTimes() const { return lastPasses_; }
    const engine::PassTimes& lastPassCpuTimes() const { return lastPassesCpu_; }
    double lastPanelsMs() const { return lastPanelsMs_; }
    double lastPanelsCpuMs() const { return lastPanelsCpuMs_; }

private:
    void syncScene(const SceneView& view);
    void syncFocus(const SceneView& view);

    engine::Renderer& renderer_;
    FramePainterDesc desc_;
    ShownContent shown_;
    std::unique_ptr<Overlay> overlay_;
    std::unique_ptr<engine::GuiInput> guiInput_;
    std::unique_ptr<engine::gfx::GuiRenderer> guiRenderer_;
    engine::AdaptiveResolution adaptive_;
    glm::mat4 lastView_{0.0f}, lastProjection_{0.0f};
    std::vector<int32_t> hidden_;
    RenderToggles toggles_;
    bool togglesApplied_ = false;
    bool focusShown_ = false;  // the machine explorer's looks are set
    bool motionShown_ = false;  // some machine was moved by its cycle last frame
    FrameFigures figures_;
    float lastScale_ = 1.0f;
    double lastFrameMs_ = 0.0;
    engine::PassTimes lastPasses_, lastPassesCpu_;
    double lastPanelsMs_ = 0.0, lastPanelsCpuMs_ = 0.0;
};

}  // namespace twin
