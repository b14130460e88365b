#include "core/file_util.h"

#include <cerrno>
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

}  // namespace engine
