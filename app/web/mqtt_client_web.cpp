// Stand-in for the browser's live data until app/feeds/web_feed.cpp (the
// page's MQTT over WebSockets client hands messages in) is there: the same
// MqttClient seam the live feed reads natively, so every message goes
// through the same validation and staleness. web/CMakeLists.txt compiles
// this only when web_feed.cpp is absent.
#include <deque>

#include <emscripten.h>

#include "feeds/mqtt_client.h"

namespace twin::feeds {

struct MqttClient::Impl {
    std::deque<MqttMessage> queue;
    size_t maxQueued = 4096;
    size_t maxPayload = 16 * 1024;
    uint64_t dropped = 0;
    bool reached = false;
    std::string prefix;
};

namespace {
MqttClient::Impl* gClient = nullptr;  // the one client of the page
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
    auto impl = std::make_unique<Impl>();
    impl->maxQueued = settings.maxQueued;
    impl->maxPayload = settings.maxPayloadBytes;
    impl->prefix = settings.topicPrefix;
    gClient = impl.get();
    return std::unique_ptr<MqttClient>(new MqttClient(std::move(impl)));
}

MqttClient::MqttClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MqttClient::~MqttClient() {
    if (gClient == impl_.get()) gClient = nullptr;
}
Connection MqttClient::connection() const { return impl_->reached ? Connection::Connected : Connection::Connecting; }
std::vector<MqttMessage> MqttClient::takeMessages() {
    std::vector<MqttMessage> out(std::make_move_iterator(impl_->queue.begin()), std::make_move_iterator(impl_->queue.end()));
    impl_->queue.clear();
    return out;
}
uint64_t MqttClient::dropped() const { return impl_->dropped; }
std::string MqttClient::lastError() const { return ""; }

}  // namespace twin::feeds

using twin::feeds::gClient;

extern "C" {

// A message the page's MQTT client received.
EMSCRIPTEN_KEEPALIVE void twin_web_live_message(const char* topic, const char* payload) {
    if (!gClient || !topic || !payload) return;
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
    topics = "[\"" + (gClient ? gClient->prefix : std::string("twin/v1")) + "/#\"]";
    return topics.c_str();
}
}
