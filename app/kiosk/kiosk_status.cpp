#include "kiosk/kiosk_status.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/log.h"
#include "feeds/timestamp.h"

namespace twin::kiosk {

std::string statusPayload(const KioskStatus& status) {
    using Json = nlohmann::ordered_json;  // the contract's order, for people reading it
    Json doc;
    doc["online"] = status.online;
    doc["uptime_s"] = int64_t(std::max(0.0, std::floor(status.uptimeSeconds)));
    doc["frame_ms"] = status.frameMs ? Json(std::round(*status.frameMs * 10.0) / 10.0) : Json(nullptr);
    doc["memory_mib"] = int64_t(std::llround(std::max(0.0, status.memoryMib)));
    doc["last_input"] = status.lastInput ? Json(feeds::formatTimestamp(*status.lastInput)) : Json(nullptr);
    doc["source"] = status.source;
    doc["version"] = status.version;
    doc["ts"] = feeds::formatTimestamp(status.ts);
    return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string statusTopic(std::string_view topicPrefix, std::string_view kioskId) {
    while (!topicPrefix.empty() && topicPrefix.back() == '/') topicPrefix.remove_suffix(1);
    std::string topic(topicPrefix);
    if (!topic.empty()) topic += '/';
    return topic + "kiosks/" + std::string(kioskId) + "/status";
}

std::string kioskIdFromHostName(std::string_view host) {
    std::string id;
    for (char c : host) {
        if (id.size() == 64) break;
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        id += keep ? c : '-';
    }
    // It must begin with a letter or digit.
    const size_t first = id.find_first_not_of("-_");
    id = first == std::string::npos ? std::string() : id.substr(first);
    return id.empty() ? "kiosk" : id;
}

void FrameTimeWindow::add(double now, double frameMs) {
    frames_.emplace_back(now, frameMs);
    prune(now);
}

void FrameTimeWindow::prune(double now) {
    while (!frames_.empty() && now - frames_.front().first > window_) frames_.pop_front();
}

std::optional<double> FrameTimeWindow::median(double now) {
    prune(now);
    if (frames_.empty()) return std::nullopt;
    std::vector<double> ms;
    ms.reserve(frames_.size());
    for (const auto& frame : frames_) ms.push_back(frame.second);
    const size_t middle = ms.size() / 2;
    std::nth_element(ms.begin(), ms.begin() + middle, ms.end());
    if (ms.size() % 2 == 1) return ms[middle];
    const double upper = ms[middle];
    return (*std::max_element(ms.begin(), ms.begin() + middle) + upper) / 2.0;
}

engine::Result<std::unique_ptr<KioskStatusPublisher>> KioskStatusPublisher::start(StatusPublisherDesc desc,
                                                                                  const KioskStatus& lastWill) {
    desc.intervalSeconds = std::max(0.1, desc.intervalSeconds);
    desc.broker.keepAliveSeconds = int(std::clamp(std::lround(desc.intervalSeconds), 5L, 30L));
    desc.broker.willTopic = desc.topic;
    desc.broker.willPayload = statusPayload(lastWill);
    // Its own client id, so it never takes over the live feed's session.
    desc.broker.clientId.clear();
    auto publisher = feeds::MqttPublisher::start(desc.broker);
    if (!publisher) return engine::makeError("kiosk status on " + desc.topic + ": " + publisher.error());
    return std::unique_ptr<KioskStatusPublisher>(new KioskStatusPublisher(std::move(desc), std::move(publisher).value()));
}

bool KioskStatusPublisher::due(double now) const {
    if (publisher_->connection() != feeds::Connection::Connected) return false;
    return !published_ || publisher_->connections() != publishedForConnection_ || now >= nextAt_;
}

void KioskStatusPublisher::publish(double now, const KioskStatus& status) {
    publishedForConnection_ = publisher_->connections();
    nextAt_ = now + desc_.intervalSeconds;
    published_ = true;
    if (auto sent = publisher_->publish(desc_.topic, statusPayload(status), true); !sent)
        engine::log::warning("kiosk status: " + sent.error());
}

double KioskStatusPublisher::secondsUntilDue(double now) const {
    if (!published_ || publisher_->connection() != feeds::Connection::Connected) return 1.0;
    return std::clamp(nextAt_ - now, 0.0, 1.0);
}

void KioskStatusPublisher::finish(const KioskStatus& offline, double timeoutSeconds) {
    // Still connecting (a short run): give it the same time to get there.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutSeconds);
    while (publisher_->connection() == feeds::Connection::Connecting && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (publisher_->connection() != feeds::Connection::Connected) return;  // unreachable: nothing to tell
    if (auto sent = publisher_->publish(desc_.topic, statusPayload(offline), true); !sent) {
        engine::log::warning("kiosk status: " + sent.error());
        return;
    }
    if (auto flushed = publisher_->flush(timeoutSeconds); !flushed) engine::log::warning("kiosk status: " + flushed.error());
}

}  // namespace twin::kiosk
