#include "assets/import_worker_protocol.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <new>

#include <sys/resource.h>
#include <unistd.h>

namespace engine {
namespace {

void writeAll(int fd, std::string_view text) {
    while (!text.empty()) {
        ssize_t n = ::write(fd, text.data(), text.size());
        if (n <= 0) return;
        text.remove_prefix(size_t(n));
    }
}

[[noreturn]] void outOfMemory() {
    // No allocation here: write() and _exit() only.
    static const char message[] = "error: out of memory\n";
    writeAll(STDERR_FILENO, std::string_view(message, sizeof(message) - 1));
    ::_exit(int(ImportWorkerExit::OutOfMemory));
}

// The process's mapped address space now (VmSize), 0 if unknown.
uint64_t addressSpaceBytes() {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    unsigned long long kib = 0;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmSize: %llu kB", &kib) == 1) break;
    std::fclose(f);
    return uint64_t(kib) * 1024;
}

template <typename T>
bool parseNumber(std::string_view text, T& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::vector<std::string> toWorkerArguments(const ImportWorkerRequest& request) {
    return {"--input",        request.input.string(),
            "--output",       request.output.string(),
            "--max-texture-size", std::to_string(request.settings.maxTextureSize),
            "--max-triangles",    std::to_string(request.settings.maxTriangles),
            "--max-vertices",     std::to_string(request.settings.maxVertices),
            "--max-nodes",        std::to_string(request.settings.maxNodes),
            "--max-textures",     std::to_string(request.settings.maxTextures),
            "--memory-limit",     std::to_string(request.memoryLimitBytes),
            "--cpu-limit",        std::to_string(request.cpuLimitSeconds)};
}

Result<ImportWorkerRequest> parseWorkerArguments(int argc, char** argv) {
    ImportWorkerRequest request;
    bool haveInput = false, haveOutput = false;
    for (int i = 1; i < argc; i += 2) {
        const std::string_view name = argv[i] ? argv[i] : "";
        if (i + 1 >= argc || !argv[i + 1]) return makeError("argument " + std::string(name) + " has no value");
        const std::string_view value = argv[i + 1];
        bool ok = true;
        if (name == "--input") {
            request.input = std::string(value);
            haveInput = !value.empty();
        } else if (name == "--output") {
            request.output = std::string(value);
            haveOutput = !value.empty();
        } else if (name == "--max-texture-size") {
            ok = parseNumber(value, request.settings.maxTextureSize);
        } else if (name == "--max-triangles") {
            ok = parseNumber(value, request.settings.maxTriangles);
        } else if (name == "--max-vertices") {
            ok = parseNumber(value, request.settings.maxVertices);
        } else if (name == "--max-nodes") {
            ok = parseNumber(value, request.settings.maxNodes);
        } else if (name == "--max-textures") {
            ok = parseNumber(value, request.settings.maxTextures);
        } else if (name == "--memory-limit") {
            ok = parseNumber(value, request.memoryLimitBytes);
        } else if (name == "--cpu-limit") {
            ok = parseNumber(value, request.cpuLimitSeconds);
        } else {
            return makeError("unknown argument " + std::string(name));
        }
        if (!ok) return makeError("argument " + std::string(name) + " has a bad value \"" + std::string(value) + "\"");
    }
    if (!haveInput || !haveOutput) return makeError("usage: --input MODEL --output FILE.tmdl [options]");
    return request;
}

Status applyWorkerLimits(const ImportWorkerRequest& request) {
    // No core files: a crash on a hostile model must not litter the disk.
    rlimit core{0, 0};
    if (::setrlimit(RLIMIT_CORE, &core) != 0)
        return makeError(std::string("cannot set RLIMIT_CORE: ") + std::strerror(errno));
    if (request.memoryLimitBytes > 0) {
        // The budget counts from what the worker has mapped when it starts
        // (its libraries: a few tens of MiB). Under AddressSanitizer that is
        // terabytes of reserved shadow memory, which a fixed address-space
        // cap would leave no room for; counted this way the same budget
        // holds with and without sanitizers.
        const uint64_t limit = addressSpaceBytes() + request.memoryLimitBytes;
        rlimit memory{rlim_t(limit), rlim_t(limit)};
        if (::setrlimit(RLIMIT_AS, &memory) != 0)
            return makeError(std::string("cannot set RLIMIT_AS: ") + std::strerror(errno));
    }
    if (request.cpuLimitSeconds > 0) {
        // SIGXCPU at the soft limit, SIGKILL one second later.
        rlimit cpu{rlim_t(request.cpuLimitSeconds), rlim_t(request.cpuLimitSeconds) + 1};
        if (::setrlimit(RLIMIT_CPU, &cpu) != 0)
            return makeError(std::string("cannot set RLIMIT_CPU: ") + std::strerror(errno));
    }
    std::set_new_handler(outOfMemory);
    return {};
}

void reportWorkerStage(std::string_view stage) {
    std::string line = "stage: " + std::string(stage) + "\n";
    writeAll(STDERR_FILENO, line);
}

void reportWorkerError(std::string_view message) {
    std::string line = "error: " + std::string(message);
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    line += '\n';
    writeAll(STDERR_FILENO, line);
}

}  // namespace engine
