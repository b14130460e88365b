#pragma once
// Talks to the service manager (systemd) when it started the process with a
// notification socket (NOTIFY_SOCKET, Type=notify): readiness, status lines
// and watchdog pings (WatchdogSec=). Without one, every call does nothing.
#include <chrono>
#include <string_view>

namespace engine {

class ServiceNotifier {
public:
    ServiceNotifier();  // reads NOTIFY_SOCKET and WATCHDOG_USEC

    bool active() const { return active_; }
    void ready(std::string_view status);  // READY=1 and a status line
    void status(std::string_view status);
    void stopping(std::string_view status);
    // Called on every turn of a frame loop: a watchdog ping, at most once per
    // quarter of the watchdog's period; with waits of maxWaitSeconds() at
    // most, pings are under half a period apart while the loop turns. A loop
    // that stops turning stops the pings.
    void alive();
    // The longest a loop may sleep between two calls to alive(): at most
    // 1 s, and an eighth of the watchdog's period when that is shorter.
    double maxWaitSeconds() const;

private:
    bool active_ = false;
    std::chrono::steady_clock::duration pingEvery_{};  // zero: no watchdog
    std::chrono::steady_clock::time_point lastPing_{};
};

}  // namespace engine
