#include "core/stop_signal.h"

#include <csignal>

namespace engine {
namespace {

volatile std::sig_atomic_t gStopSignal = 0;

extern "C" void noteStopSignal(int signal) { gStopSignal = signal; }

}  // namespace

void catchStopSignals() {
    struct sigaction action {};
    action.sa_handler = noteStopSignal;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a wait the signal interrupts returns, and the loop sees it.
    for (int signal : {SIGTERM, SIGINT, SIGHUP}) sigaction(signal, &action, nullptr);
}

int stopSignal() { return gStopSignal; }

std::string stopSignalName(int signal) {
    switch (signal) {
        case SIGTERM: return "SIGTERM";
        case SIGINT: return "SIGINT";
        case SIGHUP: return "SIGHUP";
        default: return "signal " + std::to_string(signal);
    }
}

}  // namespace engine
