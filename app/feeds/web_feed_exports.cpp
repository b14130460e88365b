// The page's entry points into the live data (web build only): the page's
// MQTT over WebSockets client (web/live/live_bridge.js) calls them through
// Module.ccall. EMSCRIPTEN_KEEPALIVE keeps and exports them whatever the
// link's EXPORTED_FUNCTIONS list says.
#include <emscripten/emscripten.h>

#include <string>
#include <string_view>

#include "feeds/web_feed.h"

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
// is ignored), so the replay gives way and stale values show as native.
EMSCRIPTEN_KEEPALIVE void twin_web_live_connection(const char* state) {
    const std::string_view text = state ? state : "";
    if (text == "connected") pageWebFeed().setConnection(Connection::Connected);
    else if (text == "connecting") pageWebFeed().setConnection(Connection::Connecting);
    else if (text == "offline") pageWebFeed().setConnection(Connection::Offline);
}

}  // extern "C"
