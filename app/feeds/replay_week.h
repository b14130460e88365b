#pragma once
// The replay data set (assets/data/twin_week.json, made by
// assets/src/data/make_week.py): a typical week of Twin as the messages of
// DESIGN.md section 4, played in a loop so the app shows life offline.
// Any date maps onto the week by its weekday and time of day (UTC), and the
// values come out with timestamps moved into that date's week.
//
// File format:
//   {"format": "twin-replay/1", "weekStart": "2026-11-23T00:00:00Z" (a Monday),
//    "events": [{"at": SECONDS_FROM_WEEK_START, "topic": "platforms/additive/occupancy",
//                "payload": {... as on MQTT, "ts" left out: it is weekStart + at}}, ...]}
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "feeds/payload.h"
#include "feeds/timeline.h"

namespace twin::feeds {

inline constexpr Seconds kWeek{7 * 24 * 3600};

struct ReplayEvent {
    Seconds at{0};  // from the week's start
    Update update;  // timestamps in the data set's own week
};

class ReplayWeek final : public Timeline {
public:
    // Fails only when the file cannot be read or is not a replay data set;
    // a bad event (unknown id, bad payload) is left out and listed in problems().
    static engine::Result<ReplayWeek> load(const std::filesystem::path& file, const KnownIds& ids);
    static engine::Result<ReplayWeek> parse(std::string_view text, std::string_view name, const KnownIds& ids);

    TimePoint weekStart() const { return weekStart_; }
    const std::vector<ReplayEvent>& events() const { return events_; }  // sorted by `at`
    const std::vector<std::string>& problems() const { return problems_; }  // "name: /events/12: why"

    void stateAt(TimePoint time, LiveState& state) const override;
    void forEachBetween(TimePoint from, TimePoint to, const std::function<void(const Update&)>& visit) const override;

private:
    TimePoint weekStart_{};
    std::vector<ReplayEvent> events_;
    std::vector<std::string> problems_;
};

// Moves every timestamp of an update by `shift`.
Update shifted(const Update& update, Seconds shift);

}  // namespace twin::feeds
