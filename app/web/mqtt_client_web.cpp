// Stand-in for the browser's live data until app/feeds/web_feed.cpp (the
// page's MQTT over WebSockets client hands messages in) is there: the same
// MqttClient seam the live feed reads natively, so every message goes
// through the same validation and staleness. web/CMakeLists.txt compiles
// this only when web_feed.cpp is absent.
#include <deque>

#include <emscripten.h>

#include "feeds/mqtt_client.h"

namespace twin::feeds {

// One queue for the page: the page's client may receive retained messages
// before the visit (and its feed) has started.
struct MqttClient::Impl {
    std::deque<MqttMessage> queue;
    size_t maxQueued = 4096;
    size_t maxPayload = 16 * 1024;
    uint64_t dropped = 0;
    bool reached = false;
    std::string prefix = "twin/v1";
};

namespace {
MqttClient::Impl gPage;
MqttClient::Impl* gClient = &gPage;
}

engine::Result<MqttSettings> parseBrokerUrl(std::string_view url) {
    if (!url.starts_with("ws://") && !url.starts_with("wss://"))
        return engine::makeError("expected ws://HOST[:PORT][/PATH] or wss://... (MQTT over WebSockets), found \"" +
                                 std::string(url) + "\"");
    MqttSettings settings;
    settings.tls = url.starts_with("wss://");
    return settings;
}

engine::Status readCredentials(const Feeds&, MqttSettings&) { return {}; }

engine::Result<std::unique_ptr<MqttClient>> MqttClient::start(const MqttSettings& settings) {
    gPage.maxQueued = settings.maxQueued;
    gPage.maxPayload = settings.maxPayloadBytes;
    gPage.prefix = settings.topicPrefix;
    return std::unique_ptr<MqttClient>(new MqttClient(nullptr));
}

// impl_ stays null: the state is the page's (gPage).
MqttClient::MqttClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MqttClient::~MqttClient() = default;
Connection MqttClient::connection() const { return gPage.reached ? Connection::Connected : Connection::Connecting; }
std::vector<MqttMessage> MqttClient::takeMessages() {
    std::vector<MqttMessage> out(std::make_move_iterator(gPage.queue.begin()), std::make_move_iterator(gPage.queue.end()));
    gPage.queue.clear();
    return out;
}
uint64_t MqttClient::dropped() const { return gPage.dropped; }
std::string MqttClient::lastError() const { return ""; }

}  // namespace twin::feeds

using twin::feeds::gClient;

extern "C" {

// A message the page's MQTT client received.
EMSCRIPTEN_KEEPALIVE void twin_web_live_message(const char* topic, const char* payload) {
    if (!topic || !payload) return;
    gClient->reached = true;
    if (gClient->queue.size() >= gClient->maxQueued) {
        ++gClient->dropped;
        return;
    }
    twin::feeds::MqttMessage message;
    message.topic = topic;
    std::string_view text(payload);
    message.oversize = text.size() > gClient->maxPayload;
    if (!message.oversize) message.payload = text;
    gClient->queue.push_back(std::move(message));
}

// The topic filters the page subscribes to (JSON array).
EMSCRIPTEN_KEEPALIVE const char* twin_web_live_topics() {
    static std::string topics;
    topics = "[\"" + gClient->prefix + "/#\"]";
    return topics.c_str();
}
}
