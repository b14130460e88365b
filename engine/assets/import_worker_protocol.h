#pragma once
// The contract between IsolatedImporter (parent) and an import worker
// process: the command line, the exit codes, the lines on stderr, and the
// limits the worker puts on itself. Kept apart from Assimp so that test
// workers (which crash, hang or allocate on purpose) speak it too.
//
// Command line (argv[1..]):
//   --input FILE --output FILE.tmdl --max-texture-size N --max-triangles N
//   --max-vertices N --max-nodes N --max-textures N
//   --memory-limit BYTES --cpu-limit SECONDS
// stderr: any text; lines "stage: NAME" say what the worker is doing (so a
// crash can be attributed) and a final "error: MESSAGE" says why it failed.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "assets/import_settings.h"
#include "core/result.h"

namespace engine {

struct ImportWorkerRequest {
    std::filesystem::path input;   // the model file, as the caller named it
    std::filesystem::path output;  // where the model file goes (atomically)
    ImportSettings settings;
    uint64_t memoryLimitBytes = 0;  // RLIMIT_AS beyond the worker's start; 0: none
    uint32_t cpuLimitSeconds = 0;   // RLIMIT_CPU; 0: none
};

// Worker exit codes.
enum class ImportWorkerExit : int {
    Success = 0,       // the output file is written
    ImportFailed = 1,  // the model cannot be imported; "error: ..." says why
    BadUsage = 2,      // bad command line or limits could not be set
    OutOfMemory = 3,   // an allocation failed under the memory limit
};

// argv[1..] for a request (argv[0], the program, is not included).
std::vector<std::string> toWorkerArguments(const ImportWorkerRequest& request);

// Parses argv as written by toWorkerArguments; errors say which argument.
Result<ImportWorkerRequest> parseWorkerArguments(int argc, char** argv);

// Called first thing by a worker, before the model file is touched: sets
// RLIMIT_AS (the worker's address space at start plus memoryLimitBytes),
// RLIMIT_CPU (SIGXCPU past it) and RLIMIT_CORE = 0, and makes a
// failed allocation print "error: out of memory" and exit with
// ImportWorkerExit::OutOfMemory (Assimp does not survive bad_alloc
// everywhere). Returns an error if a limit cannot be set.
Status applyWorkerLimits(const ImportWorkerRequest& request);

// Writes "stage: NAME" to stderr (unbuffered).
void reportWorkerStage(std::string_view stage);

// Writes "error: MESSAGE" to stderr as one line (newlines become spaces).
void reportWorkerError(std::string_view message);

}  // namespace engine
