#include "core/file_util.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

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
