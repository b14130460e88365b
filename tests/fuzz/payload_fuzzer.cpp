// libFuzzer target: the live-data payload parser must end cleanly on any
// topic and payload (no crash, no hang, bounded memory), and whatever it
// accepts must survive the round trip through topicSuffixOf/payloadOf, the
// live state and the state dump.
// Input: the topic, a newline, then the payload (corpus/payload/ has seeds).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "feeds/payload.h"
#include "feeds/state_dump.h"
#include "feeds/timestamp.h"

namespace {

using namespace twin::feeds;

const std::string kPrefix = "twin/v1";

const KnownIds& knownIds() {
    static const KnownIds ids{{"additive", "machining"}, {"cnc-1", "fdm-1"}};
    return ids;
}

const twin::SceneDescription& scene() {
    static const twin::SceneDescription description = [] {
        twin::SceneDescription s;
        s.platforms.resize(2);
        s.platforms[0].id = "additive";
        s.platforms[0].capacity = 20;
        s.platforms[1].id = "machining";
        s.machines.resize(2);
        s.machines[0].id = "cnc-1";
        s.machines[1].id = "fdm-1";
        return s;
    }();
    return description;
}

// The formats parseTimestamp writes back are four-digit years only.
bool formattable(TimePoint time) {
    using namespace std::chrono;
    return time >= sys_days{year{0} / 1 / 1} && time < sys_days{year{10000} / 1 / 1};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const size_t newline = input.find('\n');
    const std::string_view topic = newline == std::string_view::npos ? std::string_view{} : input.substr(0, newline);
    const std::string_view payload = newline == std::string_view::npos ? input : input.substr(newline + 1);
    const TimePoint now = *parseTimestamp("2026-11-25T12:00:00Z");

    if (std::optional<TimePoint> time = parseTimestamp(payload); time && formattable(*time))
        if (parseTimestamp(formatTimestamp(*time)) != time) std::abort();

    engine::Result<Update> update = parseMessage(kPrefix, topic, payload, knownIds(), now);
    if (!update) {
        if (update.error().empty()) std::abort();  // every rejection says why
        return 0;
    }
    const std::string written = payloadOf(update.value());
    engine::Result<Update> back =
        parseMessage(kPrefix, kPrefix + "/" + topicSuffixOf(update.value()), written, knownIds(), now);
    if (!back || payloadOf(back.value()) != written) std::abort();

    LiveState state;
    state.apply(update.value());
    state.apply(back.value());
    DumpContext context;
    context.clock = now;
    if (dumpState(state, scene(), context).empty()) std::abort();
    return 0;
}
