#pragma once
// Parses and validates one live-data message (DESIGN.md section 4): the
// topic says what it is about, the JSON payload what it says. Anything
// doubtful is rejected with a reason; a rejected message never changes the
// state. Used for MQTT messages, the replay data set and the history store.
#include <set>
#include <string>
#include <string_view>

#include "core/result.h"
#include "feeds/live_types.h"

namespace twin::feeds {

struct KnownIds {
    std::set<std::string, std::less<>> platforms;
    std::set<std::string, std::less<>> machines;
};

struct PayloadLimits {
    size_t maxBytes = 16 * 1024;
    Seconds maxAheadOfNow{300};  // timestamps further in the future are rejected
    int maxCount = 10000;        // people on one platform
    int maxCapacity = 10000;
    size_t maxTextBytes = 400;   // a title, a job name
};

// `topic` is the full topic; it must be `prefix` + "/platforms/{id}/occupancy",
// "/platforms/{id}/activity" or "/machines/{id}/state" with a known id.
// `now` is the receiver's clock, for the future-timestamp check. The error
// says why, without the topic (the caller adds it).
engine::Result<Update> parseMessage(std::string_view prefix, std::string_view topic, std::string_view payload,
                                    const KnownIds& ids, TimePoint now, const PayloadLimits& limits = {});

// The topic (without prefix: "platforms/additive/occupancy") an update is
// published on, and its payload as compact JSON: parseMessage of the two
// gives the update back. Used by the publisher and the history store.
std::string topicSuffixOf(const Update& update);
std::string payloadOf(const Update& update);

}  // namespace twin::feeds
