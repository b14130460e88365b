#pragma once
// A kiosk's own screens (ImGui): the attract banner, the home screen with
// its large choices, the admin PIN pad and the admin panel, and the visit's
// "home" button. They draw a KioskView and the visit's UiView and return
// commands; they query nothing. Every touch target is at least 48 px high.
#include <vector>

#include "kiosk/kiosk_controller.h"
#include "session/ui_view.h"

struct ImFont;

namespace twin {

class KioskPanels {
public:
    // Rasterises the kiosk's large fonts (the ImGui context exists, its atlas
    // is not uploaded yet).
    void addFonts(float uiScale);
    // Style for this frame (high contrast, larger text), before any panel.
    void prepare(const kiosk::KioskView& kiosk);
    void build(const kiosk::KioskView& kiosk, const UiView& view, std::vector<UiCommand>& ui,
               std::vector<kiosk::KioskCommand>& out);
    // The height of a touch target, in pixels.
    float touchHeight() const;

private:
    void buildAttract(const UiView& view);
    void buildHome(const kiosk::KioskView& kiosk, const UiView& view, std::vector<kiosk::KioskCommand>& out);
    void buildPinPad(const kiosk::KioskView& kiosk, Language language, std::vector<kiosk::KioskCommand>& out);
    void buildAdmin(const kiosk::KioskView& kiosk, const UiView& view, std::vector<kiosk::KioskCommand>& out);
    void buildHomeButton(Language language, std::vector<kiosk::KioskCommand>& out);

    float scale_ = 1.0f;
    ImFont* huge_ = nullptr;   // the attract banner
    ImFont* large_ = nullptr;  // headings, home choices
    bool contrastApplied_ = false;
};

}  // namespace twin
