#pragma once
// One visit of a scene: what is selected, the floor and its plan, walking,
// the guided tour, hover, the language, the live data, the camera; and the
// rules that change them. It takes input events and UI commands, advances
// with a clock, and describes each frame for the renderer and the panels.
// Every mode (window, screenshot, bench, kiosk, browser) drives one of these,
// so they all show the same frame. No GL, no GLFW, no ImGui.
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <glm/glm.hpp>

#include "content/content_loader.h"
#include "core/result.h"
#include "feeds/live_feed.h"
#include "learn/machine_parts.h"
#include "learn/quiz.h"
#include "learn/quiz_progress.h"
#include "nav/orbit_camera.h"
#include "nav/walk_controller.h"
#include "platform/input.h"
#include "scene/camera.h"
#include "session/narrator.h"
#include "session/touch_gestures.h"
#include "session/ui_command.h"
#include "session/ui_view.h"
#include "tour/tour_player.h"
#include "view/series_cache.h"
#include "view/tour_setup.h"

namespace engine {
struct FloorOverlay;
}

namespace twin {

// Typed indices into the scene's platforms and machines, so the two never mix.
struct PlatformIndex {
    size_t value = 0;
    bool operator==(const PlatformIndex&) const = default;
};
struct MachineIndex {
    size_t value = 0;
    bool operator==(const MachineIndex&) const = default;
};
// What the visitor has selected: nothing, a platform or a machine (its card is open).
using Selection = std::variant<std::monostate, PlatformIndex, MachineIndex>;

// What was loaded, as the visit needs it: no GPU model, only where things are.
struct VisitContent {
    std::string title;
    std::optional<SceneDescription> scene;
    std::shared_ptr<const engine::TriangleBvh> bvh;  // picking, walking, tours, labels behind walls
    ModelExtents models;                             // by file
    std::filesystem::path buildingFile;              // the scene's first building model (empty: none)
    engine::Aabb sceneBounds;                        // everything placed, as the renderer draws it
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
};
// Takes what the session needs from loaded content (the layouts stay for upload).
VisitContent visitContentOf(LoadedContent& content);

// Where a visit starts (the command line's choices). Every move is immediate.
struct VisitStart {
    std::optional<glm::vec3> eye;        // --camera: eye, and target (absent: the scene's centre)
    std::optional<glm::vec3> target;
    float yawDegrees = 35.0f;            // else the orbit framing of the scene
    float pitchDegrees = -25.0f;
    float zoom = 1.0f;                   // > 1 comes closer than the automatic framing
    std::string floor;                   // a floor id: cut away what is above it
    bool plan = false;                   // with floor: its plan
    std::string machine;                 // frame it and open its card
    std::string platform;                // frame it and open its card
    std::optional<glm::vec4> walk;       // stand at x, y, z facing yaw (degrees)
    bool focus = false;                  // with machine: the machine explorer
    float explode = 0.0f;                // with focus: the exploded view (0-1)
    float section = 0.0f;                // with focus: the section plane's depth (0-1)
    std::string part;                    // with focus: select that part (node name)
    int procedure = -1;                  // with focus: open that procedure (0-based), at `step`
    std::optional<ExplorerTab> explorerTab;  // with focus: bring that tab forward
    bool flipSection = false;            // with section: keep the side nearer the eye
    int step = 0;
    int quizQuestion = -1;               // with focus: the quiz's tab at that question (0-based)
    std::string tour;                    // play it from its start, or from tourTime
    std::optional<double> tourTime;
    bool tourPaused = false;             // show the tour's moment without playing on
    std::optional<double> animTime;      // machines' working cycles paused this far in (seconds)
};

struct VisitSessionDesc {
    Language language = Language::French;
    bool reducedMotion = false;
    RenderToggles toggles;
    bool statsVisible = false;
    bool legendVisible = false;
    float uiScale = 1.0f;  // badges sit above labels, which grow with it
    VisitStart start;
    // Where quiz results are kept (shared by the visits of a kiosk); null:
    // in memory, for this session only.
    std::shared_ptr<learn::QuizProgress> quizProgress;
};

// Where the panels have the pointer or the keyboard, so the 3D view leaves
// those events alone.
struct UiCapture {
    // The panels take this pointer event. For a press (mouse button, finger
    // down), decided from the panels drawn at its position, on its own frame.
    bool mouse = false;
    bool textInput = false;
    bool navigating = false;  // moving through the panels with the keyboard
};

// Outline of a machine (selection, hover).
struct MachineOutline {
    MachineIndex machine;
    glm::vec4 colour{0.0f};  // display (sRGB)
    float widthPixels = 3.0f;
    std::vector<size_t> placements;  // only these placements of its model (a part); empty: all
};

// The machine explorer's view: one machine focused, the rest ghosted.
struct FocusView {
    MachineIndex machine;
    std::vector<glm::mat4> placementTransforms;  // per placement of its model (exploded parts)
    std::optional<glm::vec4> clipPlane;          // world; see engine::SceneItemLook
    float ghostFade = 0.85f;                     // of everything else
};

// A machine moved by its working cycle this frame.
struct MachineMotion {
    MachineIndex machine;
    std::vector<glm::mat4> placementTransforms;  // per placement of its model
};

// What the renderer draws this frame.
struct SceneView {
    engine::Camera camera;
    std::vector<int32_t> hiddenBuildingNodes;  // top-level nodes of the building cut away
    std::vector<MachineOutline> outlines;
    const std::vector<engine::FloorOverlay>* floorOverlays = nullptr;
    RenderToggles toggles;
    std::optional<FocusView> focus;
    // Running machines playing their cycle (not the focused one: its motion
    // is in focus->placementTransforms, with the explode).
    std::vector<MachineMotion> machineMotions;
};

struct VisitFrame {
    SceneView scene;
    UiView ui;
};

class VisitSession {
public:
    explicit VisitSession(const VisitSessionDesc& desc);
    ~VisitSession();

    // The view's size in window pixels (the camera's aspect follows it).
    void setViewport(glm::vec2 windowPixels);
    glm::vec2 viewport() const { return viewport_; }

    // Loading has started (the panels say so) / finished. With `feed`, the
    // scene's live data is opened. Applies the start of the visit: an error
    // names an unknown floor, tour, machine or platform, or a walk with no
    // floor below it; what is valid is applied all the same.
    void startLoading() { loading_ = true; }
    engine::Status load(VisitContent content, const feeds::LiveFeedDesc* feed);
    bool loaded() const { return loaded_; }

    void handle(const engine::InputEvent& event, const UiCapture& ui);
    void apply(const UiCommand& command);
    // Moves time on: the tour, walking, the camera's easing, the live data.
    void advance(double seconds);

    // True while the view or the visit moves (camera, tour, walk, explode):
    // a playback waits for it to settle. Machines' cycles are not counted:
    // they may never end (see cyclesMoving).
    bool animating() const;
    // True while some machine's working cycle plays on screen.
    bool cyclesMoving() const;
    // A frame is due: something changed or moves (cycles included).
    bool needsFrame() const { return redrawFrames_ > 0 || animating() || cyclesMoving(); }
    // Asks for `frames` more frames (e.g. after a resolution drop).
    void requestFrames(int frames) { redrawFrames_ = std::max(redrawFrames_, frames); }
    // How long nothing needs drawing, at most (the live data's next news).
    double secondsUntilNews() const;
    // Describes the frame to draw, and counts it as drawn.
    VisitFrame frame();
    // The renderer's figures, shown in the statistics panel.
    void setFigures(const FrameFigures& figures) { figures_ = figures; }

    // Back to the start of the visit, as a new visitor finds it (a kiosk's idle
    // reset): language, selection and cards, floor and plan, walk, tour,
    // camera, panels, the live data's time, quiz results held in memory only;
    // the content, the live feed and a results file stay.
    // `language` replaces the start's language.
    void resetVisit(Language language);

    // Who reads the tour's narration aloud while the visitor has it on
    // (command::SetReadAloud); null: nobody (the toggle still shows and
    // works, silently). It must outlive the session or be set back to null.
    void setNarrator(Narrator* narrator) { narrator_ = narrator; }
    bool readingAloud() const { return readAloud_; }

    // Escape with nothing left to close: the visitor wants to leave.
    bool quitRequested() const { return quitRequested_; }

    // State, for shells and tests.
    const Selection& selection() const { return selection_; }
    std::optional<MachineIndex> hoveredMachine() const { return hovered_; }
    Language language() const { return language_; }
    int floor() const { return floor_; }
    bool planShown() const { return plan_; }
    bool walking() const { return walker_.has_value(); }
    const TourPlayer* tour() const { return tour_ ? &*tour_ : nullptr; }
    engine::Camera camera() const;
    const engine::OrbitCamera& orbit() const { return orbit_; }
    // Moves the orbit camera (bench paths).
    void placeCamera(const glm::vec3& eye, const glm::vec3& target) { orbit_.lookAt(eye, target, true); }
    const SceneDescription* scene() const { return content_.scene ? &*content_.scene : nullptr; }
    const feeds::LiveFeed* feed() const { return feed_.get(); }
    std::vector<std::string> takeNewProblems();
    // The machine explorer (visit_explorer.cpp).
    bool exploring() const { return explorer_.has_value(); }
    std::optional<size_t> exploredMachine() const;
    int hoveredPart() const { return explorer_ ? explorer_->hoveredPart : -1; }
    int selectedPart() const { return explorer_ ? explorer_->selectedPart : -1; }
    float explodeShown() const { return explorer_ ? explorer_->explodeShown : 0.0f; }
    // Working cycles (visit_cycles.cpp): one clock for every machine, in
    // seconds of cycle (the speed scales it); a machine plays its clip while
    // the live data says it runs, the explored one always.
    double cycleTime() const { return cycleTime_; }
    bool cyclePlaying() const { return cyclePlaying_; }
    float cycleSpeed() const { return cycleSpeed_; }
    // The clip machine `index` plays, or null (no clip, or its model could not be opened).
    const engine::AnimationClip* cycleOf(size_t index) const;
    // True when machine `index` moves now: it runs (fresh live data), has a
    // clip, the clock plays or stands away from 0, motion is not reduced.
    bool machineCycling(size_t index) const;
    int openProcedure() const { return explorer_ ? explorer_->procedure : -1; }
    int procedureStep() const { return explorer_ ? explorer_->step : 0; }
    // The explorer's quiz (visit_quiz.cpp): null when not exploring.
    const learn::QuizRun* quiz() const { return explorer_ ? &explorer_->quiz : nullptr; }
    bool quizShown() const { return explorer_ && explorer_->quizShown; }
    // The quiz is in front and its question wants a part pointed at: taps and
    // part choices answer it instead of selecting.
    bool quizAwaitsPart() const { return quizShown() && explorer_->quiz.awaitingPart(); }
    const learn::QuizProgress& quizProgress() const { return *quizProgress_; }

private:
    float aspect() const;
    void applyStart(std::string& error);
    void pick(glm::vec2 cursor);
    void tapView(glm::vec2 cursor);
    void handleTouch(const engine::InputEvent& event, const UiCapture& ui);
    void applyGestures(bool byHand);
    void hover(glm::vec2 cursor);
    void walkFromPlan(glm::vec2 cursor);
    void handleKeyDown(engine::Key key);
    bool handleTourKey(engine::Key key);
    bool handleWalkKey(engine::Key key, bool down);
    void showFloor(int floor, bool immediate = false);
    void resetView();
    void selectMachine(size_t index, bool immediate = false);
    void openPlatform(size_t index, bool immediate = false);
    void goToPlatform(size_t index, bool immediate = false);
    void closeCard();
    void toggleWalk();
    void takeTheLift(size_t floor);
    void updateWalk(float dt);
    void startTour(const std::string& id);
    void playPauseTour();
    void endTour();
    void updateTour(float dt);
    void takeFeedProblems();
    void followNarration();  // visit_narration.cpp
    std::optional<size_t> selectedMachine() const;
    std::optional<size_t> selectedPlatform() const;
    float floorElevationShown() const;
    UiView describeUi(const engine::Camera& camera);
    // The machine explorer (visit_explorer.cpp).
    void explore(size_t machine, bool immediate = false);
    void leaveExplorer();
    void selectPart(int part, bool immediate = false);
    void frameExplorer(bool immediate);
    void frameBesideExplorerPanel(const engine::Aabb& world, float yawDegrees, float pitchDegrees, bool immediate);
    float explorerPanelShare() const;
    void goToStep(int step, bool immediate = false);
    int partAt(glm::vec2 cursor) const;
    void updateExplorer(float dt);
    void describeExplorer(VisitFrame& frame);
    // The quiz (visit_quiz.cpp).
    void showQuiz(bool shown);
    void answerQuiz(int option);
    void answerQuizPart(int part);
    void nextQuestion();
    void settleQuiz();
    void takeQuizProblem();
    void describeQuiz(VisitFrame& frame);
    // Working cycles (visit_cycles.cpp).
    bool machineRunning(size_t index) const;
    std::vector<glm::mat4> cycleMotion(size_t index) const;
    void updateCycles(double seconds);
    void describeCycles(VisitFrame& frame) const;
    void applyCycleCommand(const UiCommand& command);

    VisitSessionDesc desc_;
    VisitContent content_;
    std::unique_ptr<feeds::LiveFeed> feed_;
    std::vector<LabelAnchor> labelAnchors_;
    std::vector<TourChoice> tourChoices_;
    StopFraming framing_;
    glm::vec2 viewport_{1280.0f, 720.0f};
    bool loading_ = false;
    bool loaded_ = false;

    Language language_;
    bool reducedMotion_;
    RenderToggles toggles_;
    bool statsVisible_;
    bool legendVisible_;
    bool aboutVisible_ = false;
    bool messagesDismissed_ = false;
    FrameFigures figures_;
    std::vector<std::string> newProblems_;

    Selection selection_;
    std::optional<MachineIndex> hovered_;
    int floor_ = -1;
    bool plan_ = false;
    std::vector<int32_t> hiddenTopNodes_;
    engine::Aabb planFocus_;

    engine::OrbitCamera orbit_;
    bool cameraMoving_ = false;

    std::optional<engine::WalkController> walker_;
    std::optional<glm::vec3> walkTarget_;  // a tapped floor point being walked to
    std::array<bool, 6> walkKeys_{};       // forward, back, strafe left, strafe right, turn left, turn right
    glm::vec2 walkPad_{0.0f};

    std::optional<TourPlayer> tour_;
    unsigned tourRun_ = 0;  // counts tours started: a restarted tour is spoken again
    // Reading aloud: on or off, and what the narrator was last asked to say.
    struct SpokenStop {
        unsigned tourRun = 0;
        size_t stop = 0;
        Language language = Language::French;
        bool operator==(const SpokenStop&) const = default;
    };
    Narrator* narrator_ = nullptr;
    bool readAloud_ = false;
    std::optional<SpokenStop> spoken_;
    bool tourLeftByVisitor_ = false;
    size_t tourPanelsStop_ = SIZE_MAX;  // the stop whose cards are open

    // Pointer gesture in progress.
    bool dragging_ = false;
    bool panning_ = false;
    glm::vec2 pressPosition_{0.0f};
    double pressTime_ = 0.0;
    glm::vec2 lastCursor_{0.0f};
    double clock_ = 0.0;  // seconds advanced so far

    // Touch gestures of the 3D view (touch_gestures.h); the panels' share of
    // a touch is ImGui's (a finger pressed on a panel is theirs to its end).
    TouchGestures touch_;
    bool touchOnPanels_ = false;
    std::vector<Gesture> gestures_;  // recognised, not yet applied

    struct Explorer {
        size_t machine = 0;
        learn::MachineShape shape;
        glm::mat4 placement{1.0f};
        int hoveredPart = -1;
        int selectedPart = -1;
        float explode = 0.0f;       // asked for
        float explodeShown = 0.0f;  // eases towards it
        float section = 0.0f;
        bool sectionFlipped = false;
        std::optional<ExplorerTab> tab;
        int procedure = -1;                      // open procedure, -1: none
        int step = 0;
        std::vector<std::vector<bool>> ticked;  // per procedure, per step
        learn::QuizRun quiz;                     // over the machine's questions
        bool quizShown = false;                  // its tab is in front
        learn::MachineShape restShape;          // as laid out; `shape` is where the cycle has it
        explicit Explorer(const std::vector<QuizQuestion>& questions) : quiz(questions) {}
    };
    std::optional<Explorer> explorer_;

    std::shared_ptr<learn::QuizProgress> quizProgress_;


    double cycleTime_ = 0.0;
    bool cyclePlaying_ = true;
    float cycleSpeed_ = 1.0f;

    int redrawFrames_ = 3;
    bool quitRequested_ = false;

    // Live view caches: the heatmap changes with the data, the floor and the minute.
    std::vector<engine::FloorOverlay> heatmap_;
    uint64_t heatmapRevision_ = UINT64_MAX;
    float heatmapElevation_ = -1.0f;
    int64_t heatmapMinute_ = -1;
    bool heatmapAllStale_ = false;
    SeriesCache<std::vector<feeds::OccupancySample>> occupancyToday_;
    SeriesCache<std::vector<feeds::Activity>> scheduleToday_;
    SeriesCache<std::vector<feeds::StateSpan>> statesToday_;
};

}  // namespace twin
