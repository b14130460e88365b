#pragma once
// A kiosk's status on the broker (DESIGN.md section 4): a retained message
// on PREFIX/kiosks/{id}/status, published on every (re)connection and then
// every minute, with a Last Will on the same topic that says it went
// offline; a clean exit says so itself. No GL.
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.h"
#include "feeds/live_types.h"
#include "feeds/mqtt_client.h"

namespace twin::kiosk {

struct KioskStatus {
    bool online = true;
    double uptimeSeconds = 0;
    std::optional<double> frameMs;              // median of the last minute's frames; none drawn: null
    double memoryMib = 0;                       // resident set
    std::optional<feeds::TimePoint> lastInput;  // the last touch; none since start: null
    std::string source;                         // "replay" or "mqtt": where the shown values come from
    std::string version;
    feeds::TimePoint ts{};
};

// {"online": true, "uptime_s": 3600, "frame_ms": 21.5, "memory_mib": 180,
//  "last_input": "2026-12-04T10:00:00Z" or null, "source": "mqtt",
//  "version": "0.1.0", "ts": "..."}: whole seconds and MiB, frame time to
// 0.1 ms. Pure.
std::string statusPayload(const KioskStatus& status);

// "twin/v1/kiosks/hall-1/status" (a trailing '/' of the prefix is dropped).
std::string statusTopic(std::string_view topicPrefix, std::string_view kioskId);

// A kiosk id made from a host name: lower case, what is not a letter, digit,
// '_' or '-' becomes '-', at most 64; "kiosk" if nothing is left.
std::string kioskIdFromHostName(std::string_view host);

// The frames drawn during the last `windowSeconds`, for their median. Times
// are seconds on any steady clock.
class FrameTimeWindow {
public:
    explicit FrameTimeWindow(double windowSeconds = 60.0) : window_(windowSeconds) {}
    void add(double now, double frameMs);
    std::optional<double> median(double now);  // none drawn in the window: nullopt

private:
    void prune(double now);
    double window_;
    std::deque<std::pair<double, double>> frames_;  // (time, ms), oldest first
};

struct StatusPublisherDesc {
    feeds::MqttSettings broker;  // where, and who (credentials, TLS); its Last Will is set here
    std::string topic;
    double intervalSeconds = 60.0;
};

class KioskStatusPublisher {
public:
    // Starts connecting in the background (and keeps reconnecting), with
    // `lastWill` (online false) as the Last Will: the broker publishes it,
    // retained, when it stops hearing from the kiosk (keep-alive: the
    // interval, 5 to 30 s). Errors only for settings retrying cannot fix.
    static engine::Result<std::unique_ptr<KioskStatusPublisher>> start(StatusPublisherDesc desc,
                                                                        const KioskStatus& lastWill);
    // True when connected and either just (re)connected or the interval has
    // passed since the last status. `now`: seconds on a steady clock.
    bool due(double now) const;
    void publish(double now, const KioskStatus& status);
    // Until due() may turn true: at most 1 s, so a reconnection is seen soon.
    double secondsUntilDue(double now) const;
    // A clean exit: publishes `offline` and waits, at most `timeoutSeconds`,
    // for the broker to take it (a clean disconnection sends no Last Will).
    void finish(const KioskStatus& offline, double timeoutSeconds = 2.0);
    feeds::Connection connection() const { return publisher_->connection(); }

private:
    KioskStatusPublisher(StatusPublisherDesc desc, std::unique_ptr<feeds::MqttPublisher> publisher)
        : desc_(std::move(desc)), publisher_(std::move(publisher)) {}
    StatusPublisherDesc desc_;
    std::unique_ptr<feeds::MqttPublisher> publisher_;
    uint64_t publishedForConnection_ = 0;  // the connection count at the last status
    double nextAt_ = 0.0;
    bool published_ = false;
};

}  // namespace twin::kiosk
