#pragma once
// Visitor-facing texts in French (the default) and English.
#include <string_view>

namespace twin {

enum class Language { French, English };

enum class Text {
    AppTitle,
    Loading,
    LoadFailed,
    Statistics,
    FrameTime,
    Triangles,
    DrawCalls,
    Memory,
    GpuMemory,
    Renderer,
    Shadows,
    Antialiasing,
    Ground,
    ResetView,
    Language,
    Help,
    HelpText,
    Warnings,
    Close,
    IllustrativeModel,
    About,
    AboutText,
    Floors,
    WholeBuilding,
    GuidedTours,
    Play,
    Pause,
    Next,
    Previous,
    EndTour,
    Stop,
    Minutes,
    Specifications,
    Safety,
    ProtectiveEquipment,
    Training,
    Parts,
    Platform,
    Walk,
    Overview,
    WalkHelp,
    FloorPlan,
    YouAreHere,
    PlanHelp,
    GoTo,
    Machines,
    ReducedMotion,
};

// The text in the given language; never empty.
std::string_view tr(Text text, Language language);

Language languageFromCode(std::string_view code);  // "en" -> English, anything else French

}  // namespace twin
