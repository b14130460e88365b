#pragma once
// Where raw live messages come from, before anything is validated: the seam
// between a transport (libmosquitto's network thread, the browser's MQTT
// over WebSockets) and LiveFeed, which alone validates what arrives
// (payload.h), applies what is valid and judges staleness. No GL, no ImGui.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "feeds/live_state.h"

namespace twin::feeds {

// Longer topics are cut to this and the message marked oversize.
inline constexpr size_t kMaxTopicBytes = 512;

struct MqttMessage {
    std::string topic;
    std::string payload;    // empty when oversize
    bool oversize = false;  // payload over the source's limit (or topic over kMaxTopicBytes), not copied
};

class MessageSource {
public:
    virtual ~MessageSource() = default;
    virtual Connection connection() const = 0;
    virtual std::vector<MqttMessage> takeMessages() = 0;  // oldest first
    virtual uint64_t dropped() const = 0;                 // messages lost because a queue was full
    // The scene's topic prefix ("twin/v1"), told by LiveFeed when it takes
    // this source; a source that subscribes by itself may ignore it.
    virtual void listenTo(std::string_view topicPrefix) { (void)topicPrefix; }
};

// The broker `url` names, as a source that connects (and reconnects) in the
// background; `feeds` gives the credentials' reference, `topicPrefix` what
// to subscribe to. Chosen at link time: natively libmosquitto
// (mqtt_client.cpp: mqtt:// and mqtts://), in the browser the page's MQTT
// over WebSockets client (web_feed_exports.cpp: ws:// and wss://). The
// error names the URL and what is wrong with it.
engine::Result<std::unique_ptr<MessageSource>> openBroker(std::string_view url, const Feeds& feeds,
                                                          std::string_view topicPrefix);

}  // namespace twin::feeds
