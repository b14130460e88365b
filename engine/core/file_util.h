#pragma once
// Small file-system helpers shared by the engine's modules.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "core/result.h"

namespace engine {

// Whole file as bytes in a string; the error names the file and the reason.
Result<std::string> readTextFile(const std::filesystem::path& file);

// Writes `bytes` to `file` through a temporary sibling renamed over it, so
// that a reader never sees half a file; the error names the file and why.
Status writeFileAtomically(const std::filesystem::path& file, std::span<const uint8_t> bytes);
// The same for a file made of these pieces, in order (no copy joins them).
Status writeFileAtomically(const std::filesystem::path& file, std::span<const std::span<const uint8_t>> pieces);

// Removes all but the `keep` newest files of `directory` whose names start
// with `prefix` and end with `suffix` (caches that leave one file per key).
void keepNewestFiles(const std::filesystem::path& directory, const std::string& prefix, const std::string& suffix,
                     size_t keep);

// Absolute path of the running executable (/proc/self/exe).
std::filesystem::path executablePath();

// Where a program keeps state between runs (XDG Base Directory):
// $XDG_STATE_HOME, else ~/.local/state, else the temporary folder.
std::filesystem::path userStateDirectory();

}  // namespace engine
