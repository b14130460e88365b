#pragma once
// The panels of a visit (ImGui): title bar, floors, tours, the tour player,
// a machine's card, statistics, messages, help, the 3D labels, and the live
// data's panels. It draws a UiView and returns what the visitor asked for as
// commands; it queries nothing. Owns the ImGui context and the UI fonts.
// No GL (gfx draws ImGui's lists).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

struct ImFont;

#include "platform/gui_input.h"
#include "session/ui_command.h"
#include "session/ui_view.h"
#include "session/visit_session.h"
#include "ui/live_panels.h"

namespace twin {

class Overlay {
public:
    // `uiScale`: the screen's content scale (HiDPI); fonts are rasterised for it.
    explicit Overlay(float uiScale);
    ~Overlay();
    Overlay(const Overlay&) = delete;
    Overlay& operator=(const Overlay&) = delete;

    // Builds this frame's widgets (between ImGui::NewFrame and ImGui::Render)
    // and appends what the visitor asked for to `commands`.
    void build(const UiView& view, std::vector<UiCommand>& commands);

    bool fontHasFrenchGlyphs() const { return frenchGlyphs_; }
    // Where the title bar ends and the right column starts, for other panels.
    float titleRight() const { return titleRight_; }
    float rightColumnTop(const UiView& view) const;
    float helpTop() const { return helpTop_; }
    float scale() const { return scale_; }
    // Where the panels hold the pointer or the keyboard, for `event` before
    // `input` hands it to ImGui: a press goes to the panels where one of
    // this frame's lies under it (engine::GuiInput::takesPointer), the rest
    // by this frame's answer.
    UiCapture capture(const engine::InputEvent& event, const engine::GuiInput& input) const;
    // Frame-time history for the stats plot.
    void recordFrameTime(float ms);

private:
    void buildStats(const UiView& view, std::vector<UiCommand>& commands);
    void buildMessages(const UiView& view, std::vector<UiCommand>& commands);
    void buildAbout(const LocalizedText& about, std::vector<UiCommand>& commands);
    void buildFloors(const UiView& view, std::vector<UiCommand>& commands);
    void buildTourList(const UiView& view, std::vector<UiCommand>& commands);
    void buildTourPlayer(const UiView& view, std::vector<UiCommand>& commands);
    void buildMachineCard(const UiView& view, std::vector<UiCommand>& commands);
    void buildWalkPad(const UiView& view, std::vector<UiCommand>& commands);
    void drawLabels(const UiView& view);
    // Portrait phones (the browser version): panels become bottom sheets,
    // one at a time, chosen from a bar at the foot of the screen.
    enum class Sheet { None, Floors, Tours, Platforms };
    void buildSheetBar(const UiView& view);
    // Between title bar buttons: on the same line, or the next one when the
    // compact layout's bar is full.
    void nextButton(const char* label);
    bool compact_ = false;
    Sheet sheet_ = Sheet::None;
    float sheetTop_ = 0.0f;     // where a bottom sheet starts...
    float sheetBottom_ = 0.0f;  // ...and ends (the sheet bar's top)
    float floorsBottom_ = 0.0f;
    ImFont* subtitleFont_ = nullptr;

    float scale_ = 1.0f;
    Language language_ = Language::French;  // this frame's
    bool frenchGlyphs_ = false;
    bool titleFocused_ = false;
    LivePanels livePanels_;
    float titleRight_ = 0.0f;   // where the title bar ends, for laying out the rest
    float titleBottom_ = 0.0f;
    float helpTop_ = 0.0f;
    std::vector<float> frameTimes_;
};

}  // namespace twin
