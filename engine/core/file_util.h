#pragma once
// Small file-system helpers shared by the engine's modules.
#include <filesystem>
#include <string>

#include "core/result.h"

namespace engine {

// Whole file as bytes in a string; the error names the file and the reason.
Result<std::string> readTextFile(const std::filesystem::path& file);

// Absolute path of the running executable (/proc/self/exe).
std::filesystem::path executablePath();

// Where a program keeps state between runs (XDG Base Directory):
// $XDG_STATE_HOME, else ~/.local/state, else the temporary folder.
std::filesystem::path userStateDirectory();

}  // namespace engine
