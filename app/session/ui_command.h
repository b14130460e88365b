#pragma once
// What the visitor asks for through the panels: the UI returns these, the
// visit session applies them. No ImGui, no GL.
#include <variant>

#include <glm/glm.hpp>

#include "feeds/live_types.h"
#include "i18n/strings.h"

namespace twin {

// Rendering switches of the statistics panel.
struct RenderToggles {
    bool shadows = true;
    bool antialiasing = true;
    bool ground = true;
    bool operator==(const RenderToggles&) const = default;
};

namespace command {
struct SetLanguage { Language language; };
struct ResetView {};
struct Zoom { int steps = 0; };  // closer is positive
struct ToggleStatistics {};
struct ToggleAbout {};
struct ToggleLegend {};
struct DismissMessages {};
struct SetRenderToggles { RenderToggles toggles; };
struct ChooseFloor { int floor = -1; };  // -1: the whole building
struct TogglePlan {};
struct StartTour { size_t tour = 0; };
struct PlayPauseTour {};
struct NextStop {};
struct PreviousStop {};
struct EndTour {};
struct SetReadAloud { bool on = false; };  // the tour's narration spoken, stop by stop
struct SetReducedMotion { bool reduced = false; };
struct CloseMachineCard {};
struct ClosePlatformCard {};
struct ToggleWalk {};
struct HoldWalkPad { glm::vec2 direction{0.0f}; };  // x: turn, y: forward; sent each frame while walking
struct GoToPlatform { size_t platform = 0; };      // flies there, no card
struct GoToMachine { size_t machine = 0; };        // flies there and opens its card
struct OpenPlatformCard { size_t platform = 0; };  // opens its card and flies there
struct SeekData { feeds::TimePoint time; };
struct SetReplaySpeed { double speed = 1.0; };
struct BackToNow {};
// The machine explorer (app/learn/): one machine focused, the rest ghosted.
struct ExploreMachine { size_t machine = 0; };
struct LeaveExplorer {};
struct HoverPart { int part = -1; };   // index into the machine's parts; -1: none
struct SelectPart { int part = -1; };  // selects and frames it; -1: none
struct SetExplode { float amount = 0.0f; };  // 0 assembled, 1 fully exploded
struct SetSection { float depth = 0.0f; };   // 0 no cut, 1 the whole depth
struct FlipSection {};                       // keeps the other side of the cut
struct OpenProcedure { int procedure = -1; };  // index into the machine's procedures; -1 closes it
struct GoToStep { int step = 0; };             // of the open procedure: its parts lit and framed
struct TickStep { int step = 0; bool done = true; };
// The explorer's quiz (app/learn/quiz.h): one question at a time.
struct ShowQuiz { bool shown = true; };         // its tab is in front (a part question then takes the 3D taps)
struct AnswerQuiz { int option = -1; };         // the current choice question's answer
struct AnswerQuizPart { int part = -1; };       // the current part question's answer: index into the machine's parts
struct NextQuestion {};
struct RestartQuiz {};                          // from the first question, score 0
struct ResetQuizResults {};                     // forgets this machine's stored results
struct PlayCycle { bool play = true; };        // machines' working cycles: play or pause
struct ScrubCycle { float seconds = 0.0f; };   // to this time of the explored machine's cycle (pauses)
struct SetCycleSpeed { float speed = 1.0f; };  // clamped to 0.25-2
}  // namespace command

using UiCommand = std::variant<command::SetLanguage, command::ResetView, command::Zoom, command::ToggleStatistics,
                               command::ToggleAbout, command::ToggleLegend, command::DismissMessages,
                               command::SetRenderToggles, command::ChooseFloor, command::TogglePlan,
                               command::StartTour, command::PlayPauseTour, command::NextStop, command::PreviousStop,
                               command::EndTour, command::SetReadAloud, command::SetReducedMotion, command::CloseMachineCard,
                               command::ClosePlatformCard, command::ToggleWalk, command::HoldWalkPad,
                               command::GoToPlatform, command::GoToMachine, command::OpenPlatformCard,
                               command::SeekData, command::SetReplaySpeed, command::BackToNow,
                               command::ExploreMachine, command::LeaveExplorer, command::HoverPart,
                               command::SelectPart, command::SetExplode, command::SetSection, command::FlipSection,
                               command::OpenProcedure, command::GoToStep, command::TickStep, command::ShowQuiz,
                               command::AnswerQuiz, command::AnswerQuizPart, command::NextQuestion,
                               command::RestartQuiz, command::ResetQuizResults, command::PlayCycle,
                               command::ScrubCycle, command::SetCycleSpeed>;

}  // namespace twin
