// A test-only import worker that misbehaves on purpose, to check how
// IsolatedImporter survives it. It speaks the real protocol and applies the
// real limits, then does what the input file says:
//   "crash"    raise SIGSEGV while "inside Assimp"
//   "abort"    abort()
//   "hang"     sleep forever (wall-clock timeout)
//   "spin"     burn CPU forever (RLIMIT_CPU)
//   "allocate" allocate memory without bound (RLIMIT_AS)
//   "garbage"  write a corrupt model file and report success
//   "error"    report an import error
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "assets/import_worker_protocol.h"

int main(int argc, char** argv) {
    engine::Result<engine::ImportWorkerRequest> request = engine::parseWorkerArguments(argc, argv);
    if (!request) {
        engine::reportWorkerError(request.error());
        return int(engine::ImportWorkerExit::BadUsage);
    }
    if (engine::Status limits = engine::applyWorkerLimits(*request); !limits) {
        engine::reportWorkerError(limits.error());
        return int(engine::ImportWorkerExit::BadUsage);
    }
    std::ifstream in(request->input);
    std::stringstream text;
    text << in.rdbuf();
    std::string mode = text.str();
    while (!mode.empty() && (mode.back() == '\n' || mode.back() == ' ')) mode.pop_back();

    engine::reportWorkerStage("assimp");
    if (mode == "crash") {
        std::raise(SIGSEGV);
    } else if (mode == "abort") {
        std::abort();
    } else if (mode == "hang") {
        for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    } else if (mode == "spin") {
        volatile uint64_t counter = 0;
        for (;;) counter = counter + 1;
    } else if (mode == "allocate") {
        std::vector<char*> blocks;
        for (;;) {
            // Address space is what RLIMIT_AS counts; touching one byte
            // keeps the test light on real memory.
            char* block = new char[64 << 20];
            block[0] = 1;
            blocks.push_back(block);
        }
    } else if (mode == "garbage") {
        std::ofstream(request->output) << "this is not a model file";
        return 0;
    } else if (mode == "error") {
        engine::reportWorkerError("the test worker refuses this file");
        return int(engine::ImportWorkerExit::ImportFailed);
    }
    engine::reportWorkerError("unknown test mode \"" + mode + "\"");
    return int(engine::ImportWorkerExit::ImportFailed);
}
