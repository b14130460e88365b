#pragma once
// The live-data panels (ImGui): the data clock with its connection state and
// time slider, the list of platforms right now, a platform's card, a
// machine's live section, the legend, and the state badges above machines.
// They read a LiveView built each frame; what the visitor asks for comes
// back in its out members. No GL.
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "content/scene_file.h"
#include "feeds/live_state.h"
#include "feeds/series.h"
#include "feeds/timeline.h"
#include "i18n/strings.h"

namespace twin {

struct MachineBadge {
    size_t machine = 0;        // index in the scene
    glm::vec2 position{0.0f};  // pixels: the top of the machine
    float opacity = 1.0f;
};

struct LiveView {
    const SceneDescription* scene = nullptr;
    const feeds::LiveState* state = nullptr;
    const feeds::Timeline* timeline = nullptr;  // charts; may be null
    feeds::TimePoint clock{};
    feeds::Connection connection = feeds::Connection::Replay;
    feeds::Seconds staleAfter{300};
    bool viewingPast = false;
    std::pair<feeds::TimePoint, feeds::TimePoint> range{};  // what the slider spans
    double replaySpeed = 1.0;
    uint64_t rejected = 0;
    uint64_t revision = 0;             // the state's revision: the charts change with it
    int selectedFloor = -1;            // the list shows this floor's platforms (-1: all)
    const Platform* platform = nullptr;  // its card is open
    std::vector<MachineBadge> badges;
    bool showLegend = false;
    bool showPlatformColumn = true;    // false while a machine's card holds the right column
    // Out: what the visitor asked for this frame.
    std::optional<feeds::TimePoint> seekTo;
    bool backToNow = false;
    std::optional<double> speed;
    int openPlatform = -1;  // index in the scene
    bool platformClosed = false;
    int openMachine = -1;   // index in the scene
};

// Where the other panels are, so these fit around them (pixels).
struct LiveLayout {
    float rightTop = 0.0f;     // the right column starts here
    float bottom = 0.0f;       // the help line's top
};

// A series read from the timeline, kept until what it depends on changes
// (the timeline, the platform or machine, the clock's minute, the state):
// a moving camera redraws the panels many times for each change of data,
// and a history timeline costs SQLite queries.
template <typename T>
class SeriesCache {
public:
    template <typename Compute>
    const T& get(const LiveView& view, const std::string& id, Compute compute) {
        const int64_t minute = view.clock.time_since_epoch().count() / 60;
        if (!filled_ || view.timeline != timeline_ || id != id_ || minute != minute_ || view.revision != revision_) {
            value_ = compute();
            filled_ = true;
            timeline_ = view.timeline;
            id_ = id;
            minute_ = minute;
            revision_ = view.revision;
        }
        return value_;
    }

private:
    T value_{};
    bool filled_ = false;
    const feeds::Timeline* timeline_ = nullptr;
    std::string id_;
    int64_t minute_ = 0;
    uint64_t revision_ = 0;
};

class LivePanels {
public:
    void build(LiveView& view, const LiveLayout& layout, Language language, float scale);
    // The data's clock, its source and the time slider, as rows of the
    // current window (the title bar). Call before build() in the frame.
    void buildDataRow(LiveView& view, Language language, float scale);
    // The machine card's live part: state, job, progress, the day's states.
    void buildMachineSection(const LiveView& view, const Machine& machine, Language language, float scale, float width);

private:
    void placeRightColumn(const LiveLayout& layout, float opacity) const;
    void buildPlatformList(LiveView& view, const LiveLayout& layout);
    void buildPlatformCard(LiveView& view, const LiveLayout& layout);
    void buildLegend(LiveView& view, const LiveLayout& layout);
    void drawBadges(const LiveView& view);

    Language language_ = Language::French;
    float scale_ = 1.0f;
    SeriesCache<std::vector<feeds::OccupancySample>> occupancyToday_;
    SeriesCache<std::vector<feeds::Activity>> scheduleToday_;
    SeriesCache<std::vector<feeds::StateSpan>> statesToday_;
};

// Colours and icons shared by the panels, the badges and the heatmap.
glm::vec3 machineStateColour(feeds::MachineState state);  // sRGB 0-1, Okabe-Ito (colour-blind safe)
glm::vec3 occupancyColour(feeds::OccupancyLevel level);   // sRGB 0-1, light to dark
Text machineStateText(feeds::MachineState state);
Text activityKindText(feeds::ActivityKind kind);

// "mardi 24 nov. 10:30" / "Tuesday 24 Nov 10:30", in the kiosk's local time.
std::string formatDataClock(feeds::TimePoint time, Language language);
// "10:30", local time.
std::string formatTimeOfDay(feeds::TimePoint time);
// Midnight (local time) of the day holding `time`.
feeds::TimePoint startOfDay(feeds::TimePoint time);

}  // namespace twin
