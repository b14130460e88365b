#include "platform/service_notifier.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include <systemd/sd-daemon.h>

namespace engine {
namespace {

void send(const std::string& message) { sd_notify(0, message.c_str()); }

// One line: a newline would start another assignment.
std::string oneLine(std::string_view text) {
    std::string line(text);
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    return line;
}

}  // namespace

ServiceNotifier::ServiceNotifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    active_ = socket && *socket;
    if (!active_) return;
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
        pingEvery_ = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::microseconds(usec / 4));
}

void ServiceNotifier::ready(std::string_view text) {
    if (active_) send("READY=1\nSTATUS=" + oneLine(text));
}

void ServiceNotifier::status(std::string_view text) {
    if (active_) send("STATUS=" + oneLine(text));
}

void ServiceNotifier::stopping(std::string_view text) {
    if (active_) send("STOPPING=1\nSTATUS=" + oneLine(text));
}

void ServiceNotifier::alive() {
    if (!active_ || pingEvery_.count() == 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - lastPing_ < pingEvery_) return;
    lastPing_ = now;
    send("WATCHDOG=1");
}

double ServiceNotifier::maxWaitSeconds() const {
    if (!active_ || pingEvery_.count() == 0) return 1e9;
    // Half the ping interval: a ping is then never more than 1.5 intervals
    // (3/8 of the watchdog's period) after the last.
    return std::min(1.0, 0.5 * std::chrono::duration<double>(pingEvery_).count());
}

}  // namespace engine
