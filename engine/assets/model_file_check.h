#pragma once
// The checks made on a model file before any import starts, shared by the
// in-process Assimp import and the isolated importer, so both refuse a
// missing file or a folder with the same words. No Assimp.
#include <filesystem>
#include <string>

#include "core/result.h"

namespace engine {

// `cannot open "<file>": `, the start of every import error about `file`.
std::string cannotOpenPrefix(const std::filesystem::path& file);

// Fails, with the prefix above, unless `file` is an existing regular file
// (symbolic links followed):
//   cannot open "x.glb": no such file
//   cannot open "x": it is a folder, not a model file
//   cannot open "x": not a regular file            (a FIFO, a device, ...)
// Reads nothing from the file: whether Assimp can read it is the import's job.
Status checkModelFile(const std::filesystem::path& file);

}  // namespace engine
