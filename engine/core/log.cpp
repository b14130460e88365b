#include "core/log.h"

#include <cstdio>
#include <mutex>
#include <string>

namespace engine::log {
namespace {
std::mutex gMutex;
Level gMinimum = Level::Info;
Sink gSink;
std::string gProgram = "engine";

const char* levelName(Level level) {
    switch (level) {
        case Level::Debug: return "debug";
        case Level::Info: return "info";
        case Level::Warning: return "warning";
        case Level::Error: return "error";
    }
    return "?";
}
}  // namespace

void setMinimumLevel(Level level) {
    std::lock_guard lock(gMutex);
    gMinimum = level;
}

void setProgramName(std::string_view name) {
    std::lock_guard lock(gMutex);
    gProgram = std::string(name);
}

void setSink(Sink sink) {
    std::lock_guard lock(gMutex);
    gSink = std::move(sink);
}

void write(Level level, std::string_view message) {
    std::lock_guard lock(gMutex);
    if (level < gMinimum) return;
    std::fprintf(stderr, "%s: %s: %.*s\n", gProgram.c_str(), levelName(level), int(message.size()), message.data());
    if (gSink) gSink(level, message);
}

}  // namespace engine::log
