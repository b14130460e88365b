#pragma once
// The ImGui overlay of the viewer: title, statistics, loading, errors, help.
// Owns the ImGui context and the UI fonts. No GL (gfx draws ImGui's lists).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

struct ImFont;

#include "content/scene_file.h"
#include "i18n/strings.h"
#include "labels.h"

namespace twin {

struct FrameFigures {
    double frameMs = 0;
    size_t triangles = 0;
    int drawCalls = 0;
    int visibleInstances = 0;
    int culledInstances = 0;
    size_t residentBytes = 0;
    size_t gpuBytes = 0;
    std::string renderer;
    std::optional<uint64_t> rejectedMessages;  // live data: bad messages so far
    std::vector<std::string> recentRejections;  // topic: reason, newest last
};

struct RenderToggles {
    bool shadows = true;
    bool antialiasing = true;
    bool ground = true;
};

struct TourChoice {
    LocalizedText title;
    float seconds = 0.0f;
};

// The tour being played, as the overlay shows it.
struct TourView {
    bool active = false;
    bool paused = false;
    LocalizedText title;
    int stop = 0;        // 0-based
    int stopCount = 0;
    float progress = 0;  // 0..1 over the whole tour
    LocalizedText narration;
};

// What the overlay shows this frame, and what the visitor asked for.
struct OverlayModel {
    std::string title;
    bool loading = false;
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
    FrameFigures figures;
    RenderToggles toggles;
    std::vector<LocalizedText> floors;  // the scene's floors, lowest first
    int selectedFloor = -1;             // -1: the whole building
    std::vector<TourChoice> tours;
    bool reducedMotion = false;          // in/out: short camera moves
    std::vector<LocalizedText> platformNames;  // for the "go to" list
    std::vector<LocalizedText> machineNames;
    TourView tour;
    bool walkAvailable = false;          // a scene with geometry to walk on
    bool walking = false;
    glm::vec2 walkPad{0.0f};             // out: on-screen arrows held (x: turn, y: forward)
    std::vector<ScreenLabel> labels;     // nearest first; those that would overlap are left out
    bool plan = false;                   // the floor plan is shown
    std::optional<glm::vec2> youAreHere; // the visitor on the plan (pixels)
    glm::vec2 youAreFacing{0.0f, -1.0f}; // their view direction on the plan (pixels, unit)
    const Machine* machine = nullptr;    // the selected machine, shown in its card
    const Platform* machinePlatform = nullptr;
    std::function<void(float width)> machineLiveSection;  // drawn in the card, under the platform
    std::function<void()> titleExtra;   // more rows in the title bar (the live data's clock)
    bool liveData = false;               // the scene has live data (panels drawn by LivePanels)
    bool legendVisible = false;          // in/out: the live data's legend
    // Out: set by the overlay when the visitor clicks.
    bool resetViewClicked = false;
    int zoomSteps = 0;  // out: + and - pressed (closer is positive)
    bool togglesChanged = false;
    bool floorChanged = false;
    int startTour = -1;  // index into tours
    bool tourPauseToggled = false;
    bool tourNext = false;
    bool tourPrevious = false;
    bool tourEnd = false;
    bool machineClosed = false;
    bool walkToggled = false;
    bool planToggled = false;
    int goToPlatform = -1;  // out: chosen in the "go to" list
    int goToMachine = -1;
};

class Overlay {
public:
    // `uiScale`: the screen's content scale (HiDPI); fonts are rasterised for it.
    Overlay(float uiScale, Language language);
    ~Overlay();
    Overlay(const Overlay&) = delete;
    Overlay& operator=(const Overlay&) = delete;

    // Builds this frame's widgets (between ImGui::NewFrame and ImGui::Render).
    void build(OverlayModel& model);

    bool statsVisible() const { return showStats_; }
    void toggleStats() { showStats_ = !showStats_; }
    void setStatsVisible(bool visible) { showStats_ = visible; }
    Language language() const { return language_; }
    bool fontHasFrenchGlyphs() const { return frenchGlyphs_; }
    // Where the title bar ends and the right column starts, for other panels.
    float titleRight() const { return titleRight_; }
    float rightColumnTop() const;
    float helpTop() const { return helpTop_; }
    float scale() const { return scale_; }
    // Frame-time history for the stats plot.
    void recordFrameTime(float ms);

private:
    void buildStats(OverlayModel& model);
    void buildMessages(OverlayModel& model);
    void buildAbout();
    void buildFloors(OverlayModel& model);
    void buildTourList(OverlayModel& model);
    void buildTourPlayer(OverlayModel& model);
    void buildMachineCard(OverlayModel& model);
    void buildWalkPad(OverlayModel& model);
    void drawLabels(const OverlayModel& model);
    float floorsBottom_ = 0.0f;
    ImFont* subtitleFont_ = nullptr;

    float scale_ = 1.0f;
    Language language_;
    bool showStats_ = false;
    bool frenchGlyphs_ = false;
    bool errorsDismissed_ = false;
    bool showAbout_ = false;
    bool titleFocused_ = false;
    float titleRight_ = 0.0f;   // where the title bar ends, for laying out the rest
    float titleBottom_ = 0.0f;
    float helpTop_ = 0.0f;
    std::vector<float> frameTimes_;
};

}  // namespace twin
