#pragma once
// The live-data panels (ImGui): the data clock with its connection state and
// time slider, the list of platforms right now, a platform's card, a
// machine's live section, the legend, and the state badges above machines.
// They draw the LiveView the session describes; what the visitor asks for
// comes back as commands. No GL.
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "content/scene_file.h"
#include "feeds/live_state.h"
#include "feeds/series.h"
#include "feeds/timeline.h"
#include "i18n/strings.h"
#include "session/ui_command.h"
#include "session/ui_view.h"
#include "view/palette.h"

namespace twin {

// Where the other panels are, so these fit around them (pixels).
struct LiveLayout {
    float rightTop = 0.0f;     // the right column starts here
    float bottom = 0.0f;       // the help line's top
    bool fullWidth = false;    // a bottom sheet (portrait phones): the column spans the screen
};

class LivePanels {
public:
    void build(const LiveView& view, const LiveLayout& layout, Language language, float scale,
               std::vector<UiCommand>& commands);
    // The data's clock, its source and the time slider, as rows of the
    // current window (the title bar). Call before build() in the frame.
    // Without `controls` (a kiosk's attract loop) the slider and speeds are left out.
    // `maxWidth` > 0: the row fits in it (a phone's title bar), the slider shortened.
    void buildDataRow(const LiveView& view, Language language, float scale, std::vector<UiCommand>& commands,
                      bool controls = true, float maxWidth = 0.0f);
    // The machine card's live part: state, job, progress, the day's states.
    void buildMachineSection(const LiveView& view, const Machine& machine, Language language, float scale, float width);

private:
    void placeRightColumn(const LiveLayout& layout, float opacity) const;
    void buildPlatformList(const LiveView& view, const LiveLayout& layout, std::vector<UiCommand>& commands);
    void buildPlatformCard(const LiveView& view, const LiveLayout& layout, std::vector<UiCommand>& commands);
    void buildLegend(const LiveView& view, const LiveLayout& layout);
    void drawBadges(const LiveView& view);

    Language language_ = Language::French;
    float scale_ = 1.0f;
    float legendHeight_ = 220.0f;  // until the legend has been drawn once
};


// "mardi 24 nov. 10:30" / "Tuesday 24 Nov 10:30", in the kiosk's local time.
std::string formatDataClock(feeds::TimePoint time, Language language);
// "10:30", local time.
std::string formatTimeOfDay(feeds::TimePoint time);
// When a state began, seen at `now`: "09:42" the same day, else with its day
// ("vendredi 20 nov. 09:42"): a machine idle since Friday is not idle since
// this morning.
std::string formatSince(feeds::TimePoint since, feeds::TimePoint now, Language language);
// Midnight (local time) of the day holding `time`.
feeds::TimePoint startOfDay(feeds::TimePoint time);

}  // namespace twin
