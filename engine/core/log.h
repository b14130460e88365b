#pragma once
// Minimal levelled logging to stderr. Thread-safe; a sink can be added so
// the UI can show recent warnings and errors.
#include <functional>
#include <string>
#include <string_view>

namespace engine::log {

enum class Level { Debug, Info, Warning, Error };

void setMinimumLevel(Level level);
// Prefix of every line, e.g. the executable's name.
void setProgramName(std::string_view name);
void write(Level level, std::string_view message);

inline void debug(std::string_view m) { write(Level::Debug, m); }
inline void info(std::string_view m) { write(Level::Info, m); }
inline void warning(std::string_view m) { write(Level::Warning, m); }
inline void error(std::string_view m) { write(Level::Error, m); }

// Called for every message at or above the minimum level (e.g. a UI console).
using Sink = std::function<void(Level, std::string_view)>;
void setSink(Sink sink);

}  // namespace engine::log
