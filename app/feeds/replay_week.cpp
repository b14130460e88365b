#include "feeds/replay_week.h"

#include <algorithm>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/json_nesting.h"
#include "core/file_util.h"
#include "feeds/timestamp.h"

namespace twin::feeds {
namespace {

using nlohmann::json;

constexpr std::string_view kFormat = "twin-replay/1";
// The committed week is under 1 MB; a file 64 times larger is not a replay.
constexpr uintmax_t kMaxFileBytes = 64ull * 1024 * 1024;
// Events nest four deep (events -> event -> payload -> next -> title); deeper
// is not a replay file, and stopping here keeps nlohmann's recursive dump bounded.
constexpr int kMaxNesting = 32;
// Every bad event is counted, but only so many are listed: a file of a
// million bad events must not become a million strings.
constexpr size_t kMaxProblemsListed = 100;
// parseMessage runs with the receiver's clock set after the week (and after
// what `next` announces, the following Monday), so no event is "in the future".
constexpr Seconds kCheckClockAfterStart{8 * 24 * 3600};
// Replay topics are parsed under this prefix; the file's topics have none.
constexpr std::string_view kPrefix = "replay";
// stateAt and forEachBetween clamp times to this many weeks around the
// week's start (about 1,900 years), so week arithmetic never overflows.
constexpr int64_t kFarthestWeeks = 100'000;


// A JSON value for "found ...": short, one line, valid UTF-8.
std::string describe(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::boolean: return value.get<bool>() ? "true" : "false";
        default: break;
    }
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    constexpr size_t kLongest = 60;
    if (text.size() > kLongest) {
        size_t cut = kLongest;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        text = text.substr(0, cut) + "...";
    }
    return text;
}

int64_t secondsOf(TimePoint time) { return time.time_since_epoch().count(); }

// Whole weeks from `start` to `time`, rounded down (-1 just before the start).
int64_t weekIndex(TimePoint start, TimePoint time) {
    const int64_t since = secondsOf(time) - secondsOf(start);
    const int64_t week = kWeek.count();
    return since >= 0 ? since / week : -((-since + week - 1) / week);
}

// `time` moved into [start - kFarthestWeeks, start + kFarthestWeeks]
// without overflowing on the way.
TimePoint clampNear(TimePoint start, TimePoint time) {
    const TimePoint lowest = start - kWeek * kFarthestWeeks;
    const TimePoint highest = start + kWeek * kFarthestWeeks;
    return std::clamp(time, lowest, highest);
}

bool isMondayMidnight(TimePoint time) {
    const auto day = std::chrono::floor<std::chrono::days>(time);
    return day == time && std::chrono::weekday{day} == std::chrono::Monday;
}

// One event of the file as an update, or why not (the caller adds where).
engine::Result<ReplayEvent> readEvent(const json& event, TimePoint weekStart, const KnownIds& ids) {
    if (!event.is_object())
        return engine::makeError("expected an object with \"at\", \"topic\" and \"payload\", found " + describe(event));
    const auto at = event.find("at");
    const auto topic = event.find("topic");
    const auto payload = event.find("payload");
    const std::string expectedAt = "expected whole seconds from weekStart, 0-" + std::to_string(kWeek.count() - 1);
    if (at == event.end()) return engine::makeError("\"at\" is missing: " + expectedAt);
    int64_t seconds = -1;
    if (at->is_number_unsigned() && at->get<uint64_t>() < uint64_t(kWeek.count()))
        seconds = int64_t(at->get<uint64_t>());
    else if (at->is_number_integer() && at->get<int64_t>() >= 0 && at->get<int64_t>() < kWeek.count())
        seconds = at->get<int64_t>();
    if (seconds < 0) return engine::makeError("\"at\": " + expectedAt + ", found " + describe(*at));
    if (topic == event.end() || !topic->is_string() || topic->get_ref<const std::string&>().empty())
        return engine::makeError("\"topic\": expected a topic without prefix such as \"platforms/additive/occupancy\", "
                                 "found " +
                                 (topic == event.end() ? std::string("nothing") : describe(*topic)));
    if (payload == event.end() || !payload->is_object())
        return engine::makeError("\"payload\": expected a JSON object, found " +
                                 (payload == event.end() ? std::string("nothing") : describe(*payload)));
    if (payload->contains("ts"))
        return engine::makeError("\"payload.ts\": expected none; an event's time is weekStart + at");

    json message = *payload;
    const TimePoint ts = weekStart + Seconds(seconds);
    message["ts"] = formatTimestamp(ts);
    const std::string& suffix = topic->get_ref<const std::string&>();
    const std::string fullTopic = std::string(kPrefix) + "/" + suffix;
    const std::string text = message.dump(-1, ' ', false, json::error_handler_t::replace);
    engine::Result<Update> update = parseMessage(kPrefix, fullTopic, text, ids, weekStart + kCheckClockAfterStart);
    if (!update) return engine::makeError(describe(json(suffix)) + ": " + update.error());
    return ReplayEvent{Seconds(seconds), std::move(update.value())};
}

}  // namespace

engine::Result<ReplayWeek> ReplayWeek::load(const std::filesystem::path& file, const KnownIds& ids) {
    // Checked before reading: /dev/zero or a FIFO would never end.
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(file, error);
    if (!error && std::filesystem::exists(status) && !std::filesystem::is_directory(status)) {
        if (!std::filesystem::is_regular_file(status))
            return engine::makeError(file.string() + ": not a regular file; expected a replay data set (JSON)");
        const uintmax_t bytes = std::filesystem::file_size(file, error);
        if (!error && bytes > kMaxFileBytes)
            return engine::makeError(file.string() + ": " + std::to_string(bytes) +
                                     " bytes, more than the 64 MiB a replay data set may have");
    }
    engine::Result<std::string> text = engine::readTextFile(file);  // its error names the file
    if (!text) return engine::makeError(text.error());
    return parse(text.value(), file.string(), ids);
}

engine::Result<ReplayWeek> ReplayWeek::parse(std::string_view text, std::string_view name, const KnownIds& ids) {
    try {
        const std::string file(name);
        const std::string notReplay = "; expected a replay data set {\"format\": \"" + std::string(kFormat) +
                                      "\", \"weekStart\": ..., \"events\": [...]}";
        if (text.size() > kMaxFileBytes)
            return engine::makeError(file + ": more than 64 MiB; not a replay data set");
        if (engine::jsonNestingDepth(text) > kMaxNesting)
            return engine::makeError(file + ": brackets nested more than " + std::to_string(kMaxNesting) +
                                     " deep; not a replay data set");
        json doc;
        try {
            doc = json::parse(text);
        } catch (const json::parse_error& e) {
            const size_t byte = std::min<size_t>(e.byte, text.size());
            const auto line = 1 + std::count(text.begin(), text.begin() + std::ptrdiff_t(byte), '\n');
            const std::string what = e.what();
            const size_t colon = what.rfind(": ");
            return engine::makeError(file + ":" + std::to_string(line) + ": not valid JSON: " +
                                     (colon == std::string::npos ? what : what.substr(colon + 2)));
        } catch (const std::exception& e) {
            // A number beyond a double (1e999) or memory exhaustion.
            return engine::makeError(file + ": not usable JSON (" + e.what() + ")");
        }
        if (!doc.is_object()) return engine::makeError(file + ": found " + describe(doc) + notReplay);

        const auto format = doc.find("format");
        if (format == doc.end()) return engine::makeError(file + ": /format is missing" + notReplay);
        if (!format->is_string() || format->get_ref<const std::string&>() != kFormat)
            return engine::makeError(file + ": /format: expected \"" + std::string(kFormat) + "\", found " +
                                     describe(*format));

        ReplayWeek week;
        const auto weekStart = doc.find("weekStart");
        std::optional<TimePoint> start;
        if (weekStart != doc.end() && weekStart->is_string())
            start = parseTimestamp(weekStart->get_ref<const std::string&>());
        if (!start || !isMondayMidnight(*start))
            return engine::makeError(file + ": /weekStart: expected a Monday at 00:00:00 UTC such as "
                                            "\"2026-11-23T00:00:00Z\", found " +
                                     (weekStart == doc.end() ? std::string("nothing") : describe(*weekStart)));
        week.weekStart_ = *start;

        const auto events = doc.find("events");
        if (events == doc.end() || !events->is_array())
            return engine::makeError(file + ": /events: expected an array of events, found " +
                                     (events == doc.end() ? std::string("nothing") : describe(*events)));

        size_t leftOut = 0;
        week.events_.reserve(events->size());
        for (size_t index = 0; index < events->size(); ++index) {
            engine::Result<ReplayEvent> event = readEvent((*events)[index], week.weekStart_, ids);
            if (event) {
                week.events_.push_back(std::move(event.value()));
            } else if (++leftOut <= kMaxProblemsListed) {
                week.problems_.push_back(file + ": /events/" + std::to_string(index) + ": " + event.error());
            }
        }
        if (leftOut > kMaxProblemsListed)
            week.problems_.push_back(file + ": " + std::to_string(leftOut - kMaxProblemsListed) +
                                     " more bad events left out (not listed)");
        // Equal times keep the file's order: the later line is the newer value.
        std::stable_sort(week.events_.begin(), week.events_.end(),
                         [](const ReplayEvent& a, const ReplayEvent& b) { return a.at < b.at; });
        return week;
    } catch (const std::exception& e) {
        // Only memory exhaustion is left to get here; it must not cross the module.
        return engine::makeError(std::string(name) + ": could not be read (" + e.what() + ")");
    }
}

void ReplayWeek::stateAt(TimePoint time, LiveState& state) const {
    if (events_.empty()) return;
    time = clampNear(weekStart_, time);
    const int64_t loop = weekIndex(weekStart_, time);
    const Seconds offset = time - (weekStart_ + kWeek * loop);
    // The previous loop, whole: what every topic held when this loop began
    // (and when each machine's state began). Then this loop up to `time`.
    const Seconds previous = kWeek * (loop - 1);
    for (const ReplayEvent& event : events_) state.apply(shifted(event.update, previous));
    const Seconds current = kWeek * loop;
    for (const ReplayEvent& event : events_) {
        if (event.at > offset) break;
        state.apply(shifted(event.update, current));
    }
}

void ReplayWeek::forEachBetween(TimePoint from, TimePoint to, const std::function<void(const Update&)>& visit) const {
    if (events_.empty() || !visit) return;
    from = clampNear(weekStart_, from);
    to = clampNear(weekStart_, to);
    if (to <= from) return;
    const auto laterThan = [](Seconds at, const ReplayEvent& event) { return at < event.at; };
    for (int64_t loop = weekIndex(weekStart_, from); loop <= weekIndex(weekStart_, to); ++loop) {
        const TimePoint loopStart = weekStart_ + kWeek * loop;
        const Seconds after = from - loopStart;  // from < loopStart + at <= to
        const Seconds until = to - loopStart;
        auto it = std::upper_bound(events_.begin(), events_.end(), after, laterThan);
        for (; it != events_.end() && it->at <= until; ++it) visit(shifted(it->update, kWeek * loop));
    }
}

Update shifted(const Update& update, Seconds shift) {
    Update moved = update;
    if (auto* occupancy = std::get_if<OccupancyUpdate>(&moved)) {
        occupancy->value.ts += shift;
    } else if (auto* activity = std::get_if<ActivityUpdate>(&moved)) {
        ActivityReport& report = activity->value;
        report.ts += shift;
        report.current.start += shift;
        report.current.end += shift;
        if (report.next) {
            report.next->start += shift;
            report.next->end += shift;
        }
    } else if (auto* machine = std::get_if<MachineUpdate>(&moved)) {
        machine->value.ts += shift;
        machine->value.since += shift;
    }
    return moved;
}

}  // namespace twin::feeds
