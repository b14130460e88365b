#include "assets/model_file_check.h"

#include <system_error>

namespace engine {

namespace fs = std::filesystem;

std::string cannotOpenPrefix(const fs::path& file) { return "cannot open \"" + file.string() + "\": "; }

Status checkModelFile(const fs::path& file) {
    std::error_code ec;
    const fs::file_status status = fs::status(file, ec);
    if (ec || !fs::exists(status)) return makeError(cannotOpenPrefix(file) + "no such file");
    if (fs::is_directory(status)) return makeError(cannotOpenPrefix(file) + "it is a folder, not a model file");
    if (!fs::is_regular_file(status)) return makeError(cannotOpenPrefix(file) + "not a regular file");
    return {};
}

}  // namespace engine
