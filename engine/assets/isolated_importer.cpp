#include "assets/isolated_importer.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xxhash.h>

#include "assets/import_worker_protocol.h"
#include "assets/model_file.h"
#include "assets/model_file_check.h"
#include "core/log.h"

#ifndef ENGINE_ASSIMP_VERSION
#define ENGINE_ASSIMP_VERSION "unknown"
#endif

extern char** environ;

namespace engine {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr size_t kStderrTailBytes = 4096;

std::string inQuotes(const fs::path& p) { return "\"" + p.string() + "\""; }

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string formatBytes(uint64_t bytes) {
    char text[64];
    if (bytes >= (uint64_t(1) << 30))
        std::snprintf(text, sizeof(text), "%.1f GiB", double(bytes) / double(uint64_t(1) << 30));
    else
        std::snprintf(text, sizeof(text), "%.0f MiB", double(bytes) / double(uint64_t(1) << 20));
    return text;
}

std::string formatSeconds(double seconds) {
    char text[32];
    std::snprintf(text, sizeof(text), "%g", seconds);
    return text;
}

// XXH3-128 of the file's bytes and of everything else that changes the
// result, as 32 hex digits. The absolute path is part of it: the same bytes
// elsewhere may sit next to other textures.
std::optional<std::string> cacheKey(const fs::path& absolute, const ImportSettings& settings, std::string& error) {
    std::FILE* in = std::fopen(absolute.c_str(), "rb");
    if (!in) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    XXH3_state_t* state = XXH3_createState();
    if (!state) {
        std::fclose(in);
        error = "out of memory";
        return std::nullopt;
    }
    XXH3_128bits_reset(state);
    std::vector<char> buffer(1 << 20);
    size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), in)) > 0) XXH3_128bits_update(state, buffer.data(), n);
    const bool failed = std::ferror(in) != 0;
    std::fclose(in);
    if (failed) {
        XXH3_freeState(state);
        error = "read error";
        return std::nullopt;
    }
    const std::string extra = std::string("\0settings=", 10) + settings.cacheKey() + "\0format=" +
                              std::to_string(kModelFileVersion) + "\0assimp=" ENGINE_ASSIMP_VERSION "\0path=" +
                              absolute.string();
    XXH3_128bits_update(state, extra.data(), extra.size());
    const XXH128_hash_t hash = XXH3_128bits_digest(state);
    XXH3_freeState(state);
    char hex[33];
    std::snprintf(hex, sizeof(hex), "%016llx%016llx", (unsigned long long)hash.high64,
                  (unsigned long long)hash.low64);
    return std::string(hex);
}

// What the worker did, as seen from outside.
struct WorkerRun {
    std::string startError;  // non-empty: it could not be started
    bool timedOut = false;   // killed by us past the wall-clock limit
    int status = 0;          // waitpid() status
    std::string lastStage;   // last "stage: " line
    std::string lastError;   // last "error: " line
    std::string tail;        // last bytes of stderr
};

// Collects the worker's stderr: the last few KB, and the stage and error
// lines as they pass (they may have scrolled out of the tail).
class StderrCollector {
public:
    explicit StderrCollector(WorkerRun& run) : run_(run) {}

    void add(const char* data, size_t size) {
        run_.tail.append(data, size);
        if (run_.tail.size() > kStderrTailBytes) run_.tail.erase(0, run_.tail.size() - kStderrTailBytes);
        for (size_t i = 0; i < size; ++i) {
            if (data[i] == '\n') {
                line(line_);
                line_.clear();
            } else if (line_.size() < kStderrTailBytes) {
                line_ += data[i];
            }
        }
    }
    void finish() {
        if (!line_.empty()) line(line_);
        line_.clear();
    }

private:
    void line(const std::string& text) {
        if (text.rfind("stage: ", 0) == 0) run_.lastStage = text.substr(7);
        if (text.rfind("error: ", 0) == 0) run_.lastError = text.substr(7);
    }
    WorkerRun& run_;
    std::string line_;
};

void drain(int fd, StderrCollector& collector, bool& open) {
    char buffer[4096];
    while (open) {
        ssize_t n = ::read(fd, buffer, sizeof(buffer));
        if (n > 0) {
            collector.add(buffer, size_t(n));
        } else if (n == 0) {
            open = false;
        } else if (errno == EINTR) {
            continue;
        } else {
            if (errno != EAGAIN && errno != EWOULDBLOCK) open = false;
            return;
        }
    }
}

WorkerRun runWorker(const fs::path& executable, const ImportWorkerRequest& request, double timeoutSeconds) {
    WorkerRun run;
    std::vector<std::string> arguments = toWorkerArguments(request);
    arguments.insert(arguments.begin(), executable.string());
    std::vector<char*> argv;
    for (std::string& a : arguments) argv.push_back(a.data());
    argv.push_back(nullptr);

    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
        run.startError = std::string("cannot create a pipe: ") + std::strerror(errno);
        return run;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDERR_FILENO);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    // Descriptors the application opened without O_CLOEXEC (sockets, files,
    // driver handles) stay out of the worker.
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
#endif
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // The child starts with no blocked signals and default handlers, whatever
    // the application's threads set up.
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, executable.c_str(), &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(pipeFds[1]);
    if (spawned != 0) {
        ::close(pipeFds[0]);
        run.startError = "the import worker " + inQuotes(executable) + " could not be started (" +
                         std::strerror(spawned) + ")";
        return run;
    }

    const int readFd = pipeFds[0];
    ::fcntl(readFd, F_SETFL, ::fcntl(readFd, F_GETFL) | O_NONBLOCK);
    // A pidfd makes the end of the child pollable; without one (old
    // kernels) the loop falls back to short sleeps.
    int pidFd = int(::syscall(SYS_pidfd_open, pid, 0));
    StderrCollector collector(run);
    bool pipeOpen = true;
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(std::max(0.0, timeoutSeconds)));
    for (;;) {
        const pid_t done = ::waitpid(pid, &run.status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) {
            run.startError = std::string("waitpid failed: ") + std::strerror(errno);
            break;
        }
        const auto now = Clock::now();
        if (now >= deadline) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &run.status, 0) < 0 && errno == EINTR) {
            }
            run.timedOut = true;
            break;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
        const int waitMs = int(std::clamp<long long>(left, 1, pidFd >= 0 ? 1000 : 10));
        pollfd fds[2];
        int count = 0;
        if (pipeOpen) fds[count++] = {readFd, POLLIN, 0};
        if (pidFd >= 0) fds[count++] = {pidFd, POLLIN, 0};
        if (count == 0) {
            ::usleep(useconds_t(waitMs) * 1000);
            continue;
        }
        const int ready = ::poll(fds, nfds_t(count), waitMs);
        if (ready > 0 && pipeOpen && fds[0].revents) drain(readFd, collector, pipeOpen);
        if (!pipeOpen && pidFd < 0) ::usleep(1000);  // the child is closing: reap soon
    }
    // What the worker wrote just before it ended.
    drain(readFd, collector, pipeOpen);
    collector.finish();
    ::close(readFd);
    if (pidFd >= 0) ::close(pidFd);
    return run;
}

std::string stageText(const std::string& stage) {
    if (stage == "assimp") return " inside Assimp";
    if (stage == "converting") return " while converting the scene";
    if (stage == "textures") return " while decoding textures";
    if (stage == "writing") return " while writing the model file";
    return "";
}

// One line saying why the worker did not produce a model.
std::string describeFailure(const WorkerRun& run, const IsolatedImportDesc& desc) {
    // Under AddressSanitizer, operator new does not throw past the limit:
    // the sanitizer reports "out-of-memory" (its summary ends the output).
    const bool badAlloc = run.tail.find("bad_alloc") != std::string::npos ||
                          run.tail.find("AddressSanitizer: out of memory") != std::string::npos ||
                          run.tail.find("AddressSanitizer: out-of-memory") != std::string::npos;
    if (run.timedOut)
        return "the importer took longer than " + formatSeconds(desc.timeoutSeconds) + " s and was stopped";
    if (WIFSIGNALED(run.status)) {
        const int sig = WTERMSIG(run.status);
        if (sig == SIGXCPU)
            return "the importer took longer than " + formatSeconds(desc.timeoutSeconds) + " s and was stopped";
        if (badAlloc) return "the importer ran out of memory (limit " + formatBytes(desc.memoryLimitBytes) + ")";
        const char* name = ::strsignal(sig);
        std::string text = "the importer crashed (signal " + std::to_string(sig) + ", " + (name ? name : "?") + ")" +
                           stageText(run.lastStage);
        if (sig == SIGKILL) text += " (killed from outside, perhaps by the system's out-of-memory killer)";
        return text;
    }
    if (WIFEXITED(run.status)) {
        const int code = WEXITSTATUS(run.status);
        if (code == int(ImportWorkerExit::OutOfMemory) || badAlloc)
            return "the importer ran out of memory (limit " + formatBytes(desc.memoryLimitBytes) + ")";
        if (!run.lastError.empty()) return run.lastError;
        std::string last = run.tail;
        while (!last.empty() && (last.back() == '\n' || last.back() == ' ')) last.pop_back();
        if (const size_t nl = last.rfind('\n'); nl != std::string::npos) last.erase(0, nl + 1);
        return "the import worker failed (exit code " + std::to_string(code) + ")" +
               (last.empty() ? std::string() : ": " + last);
    }
    return "the import worker ended in an unknown way";
}

// Removes what a killed worker may have left: "<output>.tmp.<pid>.<n>".
void removeWorkerLeftovers(const fs::path& output) {
    std::error_code ec;
    const std::string prefix = output.filename().string() + ".tmp.";
    for (fs::directory_iterator it(output.parent_path(), ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename().string().rfind(prefix, 0) == 0) fs::remove(it->path(), ec);
}

// A private temporary folder (mkdtemp) removed when this goes out of scope.
class TempFolder {
public:
    TempFolder() {
        std::error_code ec;
        std::string pattern = (fs::temp_directory_path(ec) / "engine-import-XXXXXX").string();
        if (ec) pattern = "/tmp/engine-import-XXXXXX";
        if (::mkdtemp(pattern.data())) path_ = pattern;
    }
    ~TempFolder() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

}  // namespace

IsolatedImporter::IsolatedImporter(IsolatedImportDesc desc) : desc_(std::move(desc)) {}

Result<ImportOutcome> IsolatedImporter::import(const fs::path& file) const {
    const auto start = Clock::now();
    const std::string prefix = cannotOpenPrefix(file);
    try {
        if (Status checked = checkModelFile(file); !checked) return makeError(checked.error());
        std::error_code ec;
        const fs::path absolute = fs::absolute(file, ec).lexically_normal();

        // Cache lookup.
        fs::path cacheFile;
        if (!desc_.cacheDirectory.empty()) {
            fs::create_directories(desc_.cacheDirectory, ec);
            if (ec) {
                log::warning("import cache " + inQuotes(desc_.cacheDirectory) + " cannot be created (" + ec.message() +
                             "); importing without it");
            } else {
                std::string error;
                std::optional<std::string> key = cacheKey(absolute, desc_.settings, error);
                if (!key) return makeError(prefix + error);
                cacheFile = desc_.cacheDirectory / (*key + ".tmdl");
                if (fs::exists(cacheFile, ec)) {
                    Result<ModelFileContents> cached = readModelFileContents(cacheFile);
                    std::string reason;
                    if (cached && dependenciesUnchanged(cached->dependencies, &reason)) {
                        ImportOutcome outcome;
                        outcome.model = std::move(cached.value().model);
                        outcome.fromCache = true;
                        outcome.seconds = secondsSince(start);
                        return outcome;
                    }
                    if (!cached) {
                        log::warning("import cache entry for " + inQuotes(file) + " is unreadable, importing again: " +
                                     cached.error());
                    } else {
                        log::info("import cache entry for " + inQuotes(file) + " is stale (" + reason + ")");
                    }
                    fs::remove(cacheFile, ec);
                }
            }
        }

        // Import in a worker.
        std::optional<TempFolder> temp;
        ImportWorkerRequest request;
        request.input = file;
        request.settings = desc_.settings;
        request.memoryLimitBytes = desc_.memoryLimitBytes;
        // The CPU limit backs up the wall clock in case this process dies
        // and nobody is left to kill the worker.
        request.cpuLimitSeconds = uint32_t(std::clamp(std::ceil(desc_.timeoutSeconds) + 1.0, 1.0, 1e6));
        if (cacheFile.empty()) {
            temp.emplace();
            if (temp->path().empty()) return makeError(prefix + "cannot create a temporary folder");
            request.output = temp->path() / "model.tmdl";
        } else {
            request.output = cacheFile;
        }
        const WorkerRun run = runWorker(desc_.workerExecutable, request, desc_.timeoutSeconds);
        if (!run.startError.empty()) return makeError(prefix + run.startError);
        const bool success = !run.timedOut && WIFEXITED(run.status) && WEXITSTATUS(run.status) == 0;
        if (!success) {
            removeWorkerLeftovers(request.output);
            std::string reason = describeFailure(run, desc_);
            // The worker's own errors already name the file.
            if (reason.rfind("cannot open ", 0) == 0) return makeError(reason);
            return makeError(prefix + reason);
        }
        Result<ModelFileContents> written = readModelFileContents(request.output);
        if (!written) {
            fs::remove(request.output, ec);
            return makeError(prefix + "the import worker wrote an unreadable model file (" + written.error() + ")");
        }
        ImportOutcome outcome;
        outcome.model = std::move(written.value().model);
        outcome.fromCache = false;
        outcome.seconds = secondsSince(start);
        return outcome;
    } catch (const std::bad_alloc&) {
        return makeError(prefix + "ran out of memory while loading the imported model");
    } catch (const std::exception& e) {
        return makeError(prefix + e.what());
    }
}

fs::path defaultCacheDirectory(std::string_view appName) {
    const std::string app(appName);
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && xdg[0] == '/') return fs::path(xdg) / app / "models";
    if (const char* home = std::getenv("HOME"); home && home[0] != '\0')
        return fs::path(home) / ".cache" / app / "models";
    std::error_code ec;
    fs::path temp = fs::temp_directory_path(ec);
    if (ec) temp = "/tmp";
    return temp / (app + "-cache") / "models";
}

}  // namespace engine
