#pragma once
// ISO 8601 timestamps as used by the live data contract, always UTC.
#include <optional>
#include <string>
#include <string_view>

#include "feeds/live_types.h"

namespace twin::feeds {

// Accepts "2026-11-25T10:00:00Z", fractional seconds ("...:00.250Z", cut to
// the second) and offsets ("...+01:00", "...-0530"). Rejects anything else,
// impossible dates included (2026-02-30).
std::optional<TimePoint> parseTimestamp(std::string_view text);

// "2026-11-25T10:00:00Z".
std::string formatTimestamp(TimePoint time);

// A short age for people: "12 s", "5 min", "3 h", "2 d".
std::string formatAge(Seconds age);

// Midnight (local time) of the day holding `time`.
TimePoint startOfLocalDay(TimePoint time);

}  // namespace twin::feeds
