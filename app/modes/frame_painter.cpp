#include "modes/frame_painter.h"

#include <imgui.h>

#include "core/process_stats.h"
#include "gfx/gui_renderer.h"

namespace twin {

FramePainter::FramePainter(engine::Renderer& renderer, const FramePainterDesc& desc) : renderer_(renderer), desc_(desc) {
    if (!desc.panels) return;
    overlay_ = std::make_unique<Overlay>(desc.uiScale);
    if (desc.extraPanels) desc.extraPanels->addFonts(overlay_->scale());
    guiInput_ = std::make_unique<engine::GuiInput>();
    guiRenderer_ = std::make_unique<engine::gfx::GuiRenderer>();
}

FramePainter::~FramePainter() {
    // GL objects first, then the ImGui context the overlay owns.
    guiRenderer_.reset();
    guiInput_.reset();
    overlay_.reset();
}

UiCapture FramePainter::capture(const engine::InputEvent& event) const {
    return overlay_ ? overlay_->capture(event, *guiInput_) : UiCapture{};
}

void FramePainter::syncScene(const SceneView& view) {
    if (shown_.building && view.hiddenBuildingNodes != hidden_) {
        hidden_ = view.hiddenBuildingNodes;
        renderer_.setHiddenTopNodes(shown_.building.get(), hidden_);
    }
    std::vector<engine::Outline> outlines;
    for (const MachineOutline& o : view.outlines) {
        size_t machine = o.machine.value;
        if (machine < shown_.machineSceneItems.size() && shown_.machineSceneItems[machine] != SIZE_MAX)
            outlines.push_back({shown_.machineSceneItems[machine], o.colour, o.widthPixels, o.placements});
    }
    renderer_.setOutlines(std::move(outlines));
    syncFocus(view);
    renderer_.setFloorOverlays(view.floorOverlays ? *view.floorOverlays : std::vector<engine::FloorOverlay>{});
    if (!togglesApplied_ || view.toggles != toggles_) {
        if (togglesApplied_) renderer_.invalidateShadows();
        toggles_ = view.toggles;
        togglesApplied_ = true;
        renderer_.options().shadows = toggles_.shadows;
        renderer_.options().ground = toggles_.ground;
    }
}

// The machine explorer: the focused machine exploded and cut, everything
// else ghosted; running machines moved by their working cycle; every item
// back as it was once the focus and the motion end.
void FramePainter::syncFocus(const SceneView& view) {
    if (!view.focus && !focusShown_ && view.machineMotions.empty() && !motionShown_) return;
    size_t focused = SIZE_MAX;
    if (view.focus && view.focus->machine.value < shown_.machineSceneItems.size())
        focused = shown_.machineSceneItems[view.focus->machine.value];
    std::vector<const std::vector<glm::mat4>*> motion(shown_.sceneItems, nullptr);
    for (const MachineMotion& m : view.machineMotions)
        if (m.machine.value < shown_.machineSceneItems.size() && shown_.machineSceneItems[m.machine.value] < motion.size())
            motion[shown_.machineSceneItems[m.machine.value]] = &m.placementTransforms;
    for (size_t item = 0; item < shown_.sceneItems; ++item) {
        engine::SceneItemLook look;
        if (view.focus && item == focused) {
            look.placementTransforms = view.focus->placementTransforms;
            look.clipPlane = view.focus->clipPlane;
            look.fullDetail = true;
        } else if (view.focus) {
            look.ghostFade = view.focus->ghostFade;
        } else if (motion[item]) {
            look.placementTransforms = *motion[item];
        }
        renderer_.setSceneItemLook(item, look);
    }
    focusShown_ = view.focus.has_value();
    motionShown_ = !view.machineMotions.empty();
}

std::vector<UiCommand> FramePainter::paint(VisitFrame& frame, std::span<const engine::InputEvent> events,
                                           glm::vec2 windowSize, float deltaSeconds) {
    auto start = Clock::now();
    syncScene(frame.scene);
    // In motion, a lower resolution keeps the frame rate on a slow GPU; the
    // first frame at rest is full resolution again.
    const engine::Camera& camera = frame.scene.camera;
    const bool viewMoving =
        desc_.alwaysInMotion || camera.view != lastView_ || camera.projection != lastProjection_;
    lastView_ = camera.view;
    lastProjection_ = camera.projection;
    const glm::ivec2 output = renderer_.outputSize();
    lastScale_ = desc_.adaptiveResolution ? adaptive_.scaleFor(viewMoving, int64_t(output.x) * output.y) : 1.0f;
    renderer_.options().resolutionScale = lastScale_;
    // Anti-aliasing on the frame at rest only, under the same motion policy
    // (without it, stills and playback keep FXAA on every frame): FXAA costs
    // 13 % of a moving frame at 1280x720 on llvmpipe, and a scaled frame is
    // filtered by its upscale anyway.
    renderer_.options().fxaa = toggles_.antialiasing && (!viewMoving || !desc_.adaptiveResolution);
    engine::FrameStats stats = renderer_.render(camera);
    lastPasses_ = stats.passMs;
    lastPassesCpu_ = stats.passCpuMs;
    auto panelsStart = Clock::now();
    const double panelsCpuStart = renderer_.options().timePasses ? engine::cpuSeconds() : 0.0;
    fillFigures(figures_, stats, renderer_);
    figures_.renderer = desc_.rendererName;
    figures_.frameMs = lastFrameMs_;
    if (desc_.stableFigures) {
        figures_.residentBytes = 0;  // varies from run to run: keep images comparable
        figures_.frameMs = 0;
        // Only the first word: the full string carries versions that change.
        figures_.renderer = desc_.rendererName.substr(0, desc_.rendererName.find(' '));
    }
    std::vector<UiCommand> commands;
    if (overlay_) {
        frame.ui.figures.frameMs = figures_.frameMs;
        frame.ui.figures.triangles = figures_.triangles;
        frame.ui.figures.drawCalls = figures_.drawCalls;
        frame.ui.figures.visibleInstances = figures_.visibleInstances;
        frame.ui.figures.culledInstances = figures_.culledInstances;
        frame.ui.figures.residentBytes = figures_.residentBytes;
        frame.ui.figures.gpuBytes = figures_.gpuBytes;
        frame.ui.figures.renderer = figures_.renderer;
        renderer_.bindOutput();
        guiRenderer_->newFrame();
        guiInput_->newFrame(events, windowSize, glm::vec2(renderer_.outputSize()) / glm::max(windowSize, glm::vec2(1.0f)),
                            deltaSeconds);
        if (desc_.extraPanels) {
            desc_.extraPanels->prepare();
            desc_.extraPanels->adjust(frame.ui);
        }
        ImGui::NewFrame();
        if (!desc_.extraPanels || desc_.extraPanels->visitPanelsShown()) overlay_->build(frame.ui, commands);
        if (desc_.extraPanels) desc_.extraPanels->build(frame.ui, commands);
        ImGui::Render();
        guiRenderer_->render(ImGui::GetDrawData());
        if (renderer_.options().timePasses) {
            renderer_.finish();
            lastPanelsMs_ = millisecondsSince(panelsStart);
            lastPanelsCpuMs_ = (engine::cpuSeconds() - panelsCpuStart) * 1000.0;
        }
    }
#ifdef __EMSCRIPTEN__
    // WebGL draws in the browser's GPU process, after this returns: a frame
    // in motion waits for it, so the time the adaptive resolution reads is
    // the frame's (natively the driver blocks within the frame already).
    if (viewMoving && desc_.adaptiveResolution) renderer_.finish();
#endif
    lastFrameMs_ = millisecondsSince(start);
    if (viewMoving && desc_.adaptiveResolution) adaptive_.recordMotionFrame(lastScale_, lastFrameMs_);
    if (overlay_ && !desc_.stableFigures) overlay_->recordFrameTime(float(lastFrameMs_));
    return commands;
}

}  // namespace twin
