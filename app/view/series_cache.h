#pragma once
// A series read from the live data's timeline, kept until what it depends
// on changes (the timeline, the platform or machine, the clock's minute, the
// state's revision): a moving camera draws many frames for each change of
// data, and a history timeline costs SQLite queries. No GL, no ImGui.
#include <cstdint>
#include <string>

#include "feeds/live_types.h"
#include "feeds/timeline.h"

namespace twin {

template <typename T>
class SeriesCache {
public:
    template <typename Compute>
    const T& get(const feeds::Timeline* timeline, const std::string& id, feeds::TimePoint clock, uint64_t revision,
                 Compute compute) {
        const int64_t minute = clock.time_since_epoch().count() / 60;
        if (!filled_ || timeline != timeline_ || id != id_ || minute != minute_ || revision != revision_) {
            value_ = compute();
            filled_ = true;
            timeline_ = timeline;
            id_ = id;
            minute_ = minute;
            revision_ = revision;
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

}  // namespace twin
