#pragma once
// What the panels show this frame: the visit session describes it, the UI
// draws it and returns commands (ui_command.h). Plain data: the UI makes no
// query of its own (no SQLite, no replay). No ImGui, no GL.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "content/scene_file.h"
#include "feeds/live_state.h"
#include "feeds/series.h"
#include "i18n/localized_text.h"
#include "learn/quiz_progress.h"
#include "session/ui_command.h"
#include "view/labels.h"
#include "view/live_overlays.h"

namespace twin {

struct FrameFigures {
    double frameMs = 0;
    size_t triangles = 0;
    int drawCalls = 0;
    int visibleInstances = 0;
    int culledInstances = 0;
    int coarserInstances = 0;  // drawn by a coarser level of detail
    int surfaceChanges = 0;    // engine::FrameStats::surfaceChanges
    size_t residentBytes = 0;
    size_t gpuBytes = 0;
    std::string renderer;
    std::optional<uint64_t> rejectedMessages;   // live data: bad messages so far
    std::vector<std::string> recentRejections;  // topic: reason, newest last
};

struct TourChoice {
    LocalizedText title;
    float seconds = 0.0f;
};

// The tour being played, as the panels show it.
struct TourView {
    bool active = false;
    bool paused = false;
    LocalizedText title;
    int stop = 0;  // 0-based
    int stopCount = 0;
    float progress = 0;  // 0..1 over the whole tour
    LocalizedText narration;
    bool readAloud = false;  // the narration is spoken (the toggle is on)
    int machine = -1;    // the machine the current stop shows (its index), -1: none
};

// The day's series of the open cards, read by the session from the feed's
// timeline (replay or history) when what they depend on changes.
struct DaySeries {
    bool available = false;  // the feed keeps a timeline
    std::vector<feeds::OccupancySample> occupancy;  // the open platform's, 6:00 to now
    std::vector<feeds::Activity> schedule;          // the open platform's, the whole day
    std::vector<feeds::StateSpan> machineStates;    // the selected machine's, 6:00 to now
};

// The live data as the panels show it.
struct LiveView {
    const SceneDescription* scene = nullptr;
    const feeds::LiveState* state = nullptr;
    feeds::TimePoint clock{};
    feeds::Connection connection = feeds::Connection::Replay;
    bool replayStandsIn = false;                  // a broker is configured, never reached: the week plays
    std::optional<feeds::TimePoint> offlineSince;  // the broker was lost then (values kept, stale)
    feeds::Seconds staleAfter{300};
    bool viewingPast = false;
    std::pair<feeds::TimePoint, feeds::TimePoint> range{};  // what the slider spans
    double replaySpeed = 1.0;
    uint64_t rejected = 0;
    int selectedFloor = -1;              // the list shows this floor's platforms (-1: all)
    const Platform* platform = nullptr;  // its card is open
    std::vector<MachineBadge> badges;
    bool showLegend = false;
    bool showPlatformColumn = true;  // false while a machine's card holds the right column
    DaySeries series;
};

// The explorer's tabs, for a tab asked for from the start (--explorer-tab).
enum class ExplorerTab { Parts, Procedures, Safety, Training };

// The explorer's quiz as the panels show it.
struct QuizView {
    bool shown = false;        // its tab is in front
    size_t question = 0;       // the current one (== count once finished)
    size_t count = 0;
    bool answered = false;     // the current one
    bool correct = false;
    int chosenOption = -1;     // choice questions
    int chosenPart = -1;       // part questions: index into Machine::parts (-1: none)
    int answerPart = -1;       // part questions: the right part's index
    bool finished = false;
    int score = 0;
    learn::QuizRecord record;  // this machine's stored results
};

// The machine explorer as the panels show it (app/ui/machine_explorer.*).
struct ExplorerView {
    bool active = false;
    const Machine* machine = nullptr;
    std::vector<bool> partFound;  // per Machine::parts: its node is in the model
    int hoveredPart = -1;         // -1: none
    int selectedPart = -1;
    float explode = 0.0f;         // the slider's value
    float section = 0.0f;
    bool sectionFlipped = false;  // the cut keeps the side nearer the learner
    std::optional<ExplorerTab> tab;  // brought forward once
    std::vector<const TrainingModule*> training;  // the modules that use the machine
    int procedure = -1;          // the open procedure (-1: none)
    int step = 0;                // its current step
    std::vector<bool> ticked;    // its steps the learner has ticked
    QuizView quiz;
    // The machine's working cycle: absent when its model has none.
    bool hasCycle = false;
    bool cyclePlaying = false;
    float cycleTime = 0.0f;      // seconds into the cycle
    float cycleDuration = 0.0f;  // seconds
    float cycleSpeed = 1.0f;
};

struct UiView {
    Language language = Language::French;
    bool presenting = false;  // shown, not operated (a kiosk's attract loop): no controls
    std::string title;
    bool loading = false;
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
    bool messagesDismissed = false;
    FrameFigures figures;
    bool statsVisible = false;
    bool aboutVisible = false;
    LocalizedText about;  // the scene's presentation (empty: a model opened alone)
    RenderToggles toggles;
    std::vector<LocalizedText> floors;  // the scene's floors, lowest first
    int selectedFloor = -1;             // -1: the whole building
    bool plan = false;                  // the floor plan is shown
    std::vector<TourChoice> tours;
    bool reducedMotion = false;
    std::vector<LocalizedText> platformNames;  // for the "go to" list
    std::vector<LocalizedText> machineNames;
    TourView tour;
    bool walkAvailable = false;  // a scene with geometry to walk on
    bool walking = false;
    std::vector<ScreenLabel> labels;       // nearest first
    std::optional<glm::vec2> youAreHere;   // the visitor on the plan (pixels)
    glm::vec2 youAreFacing{0.0f, -1.0f};   // their view direction on the plan (pixels, unit)
    const Machine* machine = nullptr;      // the selected machine, shown in its card
    int machineIndex = -1;                 // its index in the scene's machines
    const Platform* machinePlatform = nullptr;
    std::vector<const TrainingModule*> machineTraining;  // the training modules that use it
    bool liveData = false;  // the scene has live data (panels drawn by LivePanels)
    bool legendVisible = false;
    LiveView live;
    ExplorerView explorer;
};

}  // namespace twin
