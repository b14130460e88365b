#include "feeds/web_feed.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace twin::feeds {

WebFeed::WebFeed(const WebFeedLimits& limits) : limits_(limits) {}

void WebFeed::pushMessage(std::string_view topic, std::string_view payload) {
    if (queue_.size() >= limits_.maxQueued) {
        ++dropped_;  // the newest goes, as in the native client: the main loop is behind
        return;
    }
    MqttMessage message;
    message.topic.assign(topic.substr(0, kMaxTopicBytes));
    message.oversize = topic.size() > kMaxTopicBytes || payload.size() > limits_.maxPayloadBytes;
    if (!message.oversize) message.payload.assign(payload);
    queue_.push_back(std::move(message));
}

void WebFeed::setConnection(Connection connection) {
    if (connection != Connection::Replay) connection_ = connection;
}

std::vector<MqttMessage> WebFeed::takeMessages() { return std::exchange(queue_, {}); }

void WebFeed::listenTo(std::string_view topicPrefix) {
    std::string prefix(topicPrefix);
    while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
    const std::string root = prefix.empty() ? "" : prefix + "/";
    filters_ = {root + "platforms/+/occupancy", root + "platforms/+/activity", root + "machines/+/state"};
}

std::string WebFeed::topicFiltersJson() const { return nlohmann::json(filters_).dump(); }

WebFeed& pageWebFeed() {
    static WebFeed feed;
    return feed;
}

}  // namespace twin::feeds
