// The browser's side of the live data (web build only): the page's entry
// points, which its MQTT over WebSockets client (web/live/live_bridge.js)
// calls through Module.ccall, and openBroker for ws:// URLs, which LiveFeed
// calls where natively it would start libmosquitto (mqtt_client.cpp, not
// compiled for the browser). EMSCRIPTEN_KEEPALIVE keeps and exports the
// entry points whatever the link's EXPORTED_FUNCTIONS list says.
#include <emscripten/emscripten.h>

#include <string>
#include <string_view>

#include "feeds/web_feed.h"

namespace twin::feeds {
namespace {

// LiveFeed owns the source it opens; the page's WebFeed lives as long as the
// page, so LiveFeed gets this handle on it.
class PageBroker final : public MessageSource {
public:
    Connection connection() const override { return pageWebFeed().connection(); }
    std::vector<MqttMessage> takeMessages() override { return pageWebFeed().takeMessages(); }
    uint64_t dropped() const override { return pageWebFeed().dropped(); }
    void listenTo(std::string_view topicPrefix) override { pageWebFeed().listenTo(topicPrefix); }
};

}  // namespace

engine::Result<std::unique_ptr<MessageSource>> openBroker(std::string_view url, const Feeds&, std::string_view) {
    if (!url.starts_with("ws://") && !url.starts_with("wss://"))
        return engine::makeError("MQTT broker \"" + std::string(url) +
                                 "\": expected ws://HOST:PORT or wss://HOST:PORT (MQTT over WebSockets) in the browser");
    return std::unique_ptr<MessageSource>(new PageBroker);
}

}  // namespace twin::feeds

using twin::feeds::Connection;
using twin::feeds::pageWebFeed;

extern "C" {

// One message, topic and payload as UTF-8 text (the page drops the rest).
EMSCRIPTEN_KEEPALIVE void twin_web_live_message(const char* topic, const char* payload) {
    if (!topic || !payload) return;
    pageWebFeed().pushMessage(topic, payload);
}

// The topic filters to subscribe to, a JSON array; valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* twin_web_live_topics() {
    static std::string filters;
    filters = pageWebFeed().topicFiltersJson();
    return filters.c_str();
}

// The page's client: "connecting", "connected" or "offline" (anything else
// is ignored), so the replay gives way and stale values show as natively.
EMSCRIPTEN_KEEPALIVE void twin_web_live_connection(const char* state) {
    const std::string_view text = state ? state : "";
    if (text == "connected") pageWebFeed().setConnection(Connection::Connected);
    else if (text == "connecting") pageWebFeed().setConnection(Connection::Connecting);
    else if (text == "offline") pageWebFeed().setConnection(Connection::Offline);
}

}  // extern "C"
