#pragma once
// The engine's binary model file (".tmdl"): a ModelData stored so that it
// loads with one read and a few large copies. It is also the import cache,
// so it records the files the import read (FileDependency) to tell when an
// entry is stale.
//
// Layout (little-endian, see model_file.cpp for the field order):
//   header  : magic "TWTMODEL", u32 version, u32 header size, u64 payload
//             size, u64 XXH3-64 of the payload, u32 section count, u32 0
//   payload : sections INFO, DEPS, TEXS, MATS, MESH, NODE, ANIM, each
//             {u32 tag, u32 item count, u64 byte size} then its items;
//             vertex, index and mip arrays are raw blobs.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "scene/model.h"

namespace engine {

// Bumped whenever the layout or the meaning of a field changes; a file with
// another version is rejected (and, in the cache, re-imported).
constexpr uint32_t kModelFileVersion = 2;  // 2: node animations (ANIM)
constexpr size_t kModelFileHeaderSize = 40;

// One file an import read, or looked for and did not find.
struct FileDependency {
    std::string path;      // absolute and lexically normal
    bool exists = true;    // false: the import looked for it and it was missing
    uint64_t size = 0;     // bytes, when it exists
    int64_t mtimeNs = 0;   // modification time in ns since the epoch, when it exists

    bool operator==(const FileDependency&) const = default;
};

// The file's state on disk now (exists == false when it cannot be stat'ed
// or is not a regular file). The path is made absolute and normal.
FileDependency describeFile(const std::filesystem::path& file);

// True when every dependency still matches the disk (same existence, size
// and mtime). On false, `reason` (if given) says which file changed and how.
bool dependenciesUnchanged(const std::vector<FileDependency>& dependencies, std::string* reason = nullptr);

struct ModelFileContents {
    ModelData model;
    std::vector<FileDependency> dependencies;
};

// Serialises a model to bytes. Never fails on a valid ModelData; the reader
// would reject an invalid one (e.g. a material index out of range).
std::vector<uint8_t> encodeModelFile(const ModelData& model, const std::vector<FileDependency>& dependencies = {});

// Writes a model file atomically: to a temporary sibling, then rename(), so
// a reader never sees a half-written file. Errors name the file and the
// system's reason.
Status writeModelFile(const ModelData& model, const std::filesystem::path& file,
                      const std::vector<FileDependency>& dependencies = {});

struct ModelFileParseOptions {
    // Off only for fuzzing the structural checks (a flipped byte then
    // reaches the field validation instead of failing the hash).
    bool verifyChecksum = true;
};

// Decodes a model file held in memory. The bytes are untrusted: every
// count, size and index is checked before use, nothing is allocated beyond
// what the bytes can hold, and any problem gives an error naming
// `fileName` and the field. Never crashes on any input.
Result<ModelFileContents> parseModelFile(std::span<const uint8_t> bytes, std::string_view fileName,
                                         ModelFileParseOptions options = {});

// Reads a whole model file (one read) and parses it; see parseModelFile.
Result<ModelFileContents> readModelFileContents(const std::filesystem::path& file);

// Same as readModelFileContents, without the dependency list.
Result<ModelData> readModelFile(const std::filesystem::path& file);

}  // namespace engine
