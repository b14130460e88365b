#pragma once
// A stop asked of the process from outside: SIGTERM (systemd's stop, a
// shutdown), SIGINT (Ctrl+C) or SIGHUP (its terminal gone). The handler only
// notes the signal; a loop polls stopSignal() and ends the way a close does,
// so what a clean exit does (a kiosk's "offline" status, the history's last
// write) still happens.
#include <string>

namespace engine {

void catchStopSignals();  // installs the handlers; idempotent
int stopSignal();         // the signal received, or 0
std::string stopSignalName(int signal);  // "SIGTERM"

}  // namespace engine
