#pragma once
// Live data in the browser: the page's JavaScript (web/live/live_bridge.js)
// speaks MQTT over WebSockets and hands each message here; LiveFeed takes
// them as it takes the native MQTT client's (both are MessageSources), so
// the same validation, staleness and replay stand-in apply. Single-threaded:
// the page calls in between frames, on the thread that runs the main loop.
// No Emscripten in here, so it is tested natively: web_feed_exports.cpp
// holds the page's entry points and openBroker for ws:// URLs. No GL, no ImGui.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/message_source.h"

namespace twin::feeds {

struct WebFeedLimits {
    size_t maxPayloadBytes = 16 * 1024;  // as the native client (MqttSettings)
    size_t maxQueued = 4096;             // messages waiting for the main loop
};

class WebFeed final : public MessageSource {
public:
    explicit WebFeed(const WebFeedLimits& limits = {});

    // One message as the broker sent it. An oversize one is queued marked
    // oversize, without its payload, for LiveFeed to reject with its topic;
    // past maxQueued, it is dropped and counted.
    void pushMessage(std::string_view topic, std::string_view payload);
    // What the page's MQTT client says: connecting (the start), connected,
    // offline. Replay is not a state of a broker and is ignored.
    void setConnection(Connection connection);
    // The topic filters the page subscribes to, as a JSON array
    // (["twin/v1/platforms/+/occupancy", ...]): the contract's three topics
    // under the scene's prefix, not kiosks' statuses. "[]" until LiveFeed
    // has told the prefix.
    std::string topicFiltersJson() const;

    Connection connection() const override { return connection_; }
    std::vector<MqttMessage> takeMessages() override;
    uint64_t dropped() const override { return dropped_; }
    void listenTo(std::string_view topicPrefix) override;

private:
    WebFeedLimits limits_;
    Connection connection_ = Connection::Connecting;
    std::vector<MqttMessage> queue_;
    uint64_t dropped_ = 0;
    std::vector<std::string> filters_;
};

// The page's one WebFeed, which the exported entry points fill; LiveFeed
// reaches it through openBroker("ws://...") in the web build.
WebFeed& pageWebFeed();

}  // namespace twin::feeds
