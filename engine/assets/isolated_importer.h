#pragma once
// IsolatedImporter: opens model files in a separate worker process with
// memory and time limits, so that a file that crashes Assimp, hangs it or
// makes it allocate without bound costs an error message, never the
// application. The worker writes the engine's model file, which doubles as
// a cache: opening the same file again reads that file and starts nothing.
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "assets/import_settings.h"
#include "core/result.h"
#include "scene/model.h"

namespace engine {

struct IsolatedImportDesc {
    std::filesystem::path workerExecutable;  // program whose main calls runImportWorker
    std::filesystem::path cacheDirectory;    // empty: no cache, import into a temp file
    ImportSettings settings;
    double timeoutSeconds = 60.0;            // wall clock, then the worker is killed
    uint64_t memoryLimitBytes = 2ull << 30;  // the worker's address space beyond its start (RLIMIT_AS)
};

struct ImportOutcome {
    ModelData model;
    bool fromCache = false;  // true: read from the cache, no worker started
    double seconds = 0;      // wall clock of the whole import() call
};

class IsolatedImporter {
public:
    explicit IsolatedImporter(IsolatedImportDesc desc);

    // Imports `file`. With a cache directory, a cache entry whose
    // dependencies (the files the import read, and those it looked for and
    // missed) are unchanged is used as is; a stale or corrupt one is
    // deleted and the file imported again. Otherwise the worker is spawned
    // (posix_spawn: safe from a multi-threaded process holding a GL
    // context), waited for with the wall-clock timeout and killed past it.
    // Errors are one line naming the file, e.g.
    //   cannot open "x.ply": the importer crashed (signal 11, Segmentation fault) inside Assimp
    //   cannot open "x.off": the importer ran out of memory (limit 2.0 GiB)
    //   cannot open "x.obj": the importer took longer than 60 s and was stopped
    //   cannot open "x.obj": Assimp: OBJ-file is too small.
    // A missing file or a folder is reported without starting a worker.
    // Thread-safe: several imports may run at once.
    Result<ImportOutcome> import(const std::filesystem::path& file) const;

    const IsolatedImportDesc& desc() const { return desc_; }

private:
    IsolatedImportDesc desc_;
};

// $XDG_CACHE_HOME/<appName>/models, or ~/.cache/<appName>/models, or (no
// home at all) <temp>/<appName>-cache/models. Does not create it.
std::filesystem::path defaultCacheDirectory(std::string_view appName);

}  // namespace engine
