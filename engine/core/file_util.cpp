#include "core/file_util.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace engine {

Result<std::string> readTextFile(const std::filesystem::path& file) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec))
        return makeError("cannot read \"" + file.string() + "\": it is a folder, not a file");
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError("cannot read \"" + file.string() + "\": " + std::strerror(errno));
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

Status writeFileAtomically(const std::filesystem::path& file, std::span<const uint8_t> bytes) {
    const std::span<const uint8_t> one[] = {bytes};
    return writeFileAtomically(file, std::span<const std::span<const uint8_t>>(one));
}

Status writeFileAtomically(const std::filesystem::path& file, std::span<const std::span<const uint8_t>> pieces) {
    const std::string quoted = "\"" + file.string() + "\"";
    // A unique sibling name, so concurrent writers never share a temp file.
    std::filesystem::path temp = file;
    static std::atomic<uint32_t> counter{0};
    temp += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1));
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return makeError("cannot write " + quoted + ": " + std::strerror(errno));
    auto fail = [&](const std::string& reason) {
        ::close(fd);
        ::unlink(temp.c_str());
        return makeError("cannot write " + quoted + ": " + reason);
    };
    for (std::span<const uint8_t> bytes : pieces) {
        size_t done = 0;
        while (done < bytes.size()) {
            ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return fail(n == 0 ? "nothing written" : std::strerror(errno));
            done += size_t(n);
        }
    }
    if (::close(fd) != 0) {
        std::string reason = std::strerror(errno);
        ::unlink(temp.c_str());
        return makeError("cannot write " + quoted + ": " + reason);
    }
    if (::rename(temp.c_str(), file.c_str()) != 0) {
        std::string reason = std::strerror(errno);
        ::unlink(temp.c_str());
        return makeError("cannot write " + quoted + ": " + reason);
    }
    return {};
}

void keepNewestFiles(const std::filesystem::path& directory, const std::string& prefix, const std::string& suffix,
                     size_t keep) {
    std::error_code ec;
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(prefix) && name.ends_with(suffix)) files.push_back({entry.last_write_time(ec), entry.path()});
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t k = keep; k < files.size(); ++k) std::filesystem::remove(files[k].second, ec);
}

std::filesystem::path executablePath() {
    std::error_code ec;
    std::filesystem::path path = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : path;
}

std::filesystem::path userStateDirectory() {
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) return state;
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".local" / "state";
    return std::filesystem::temp_directory_path();
}

}  // namespace engine
