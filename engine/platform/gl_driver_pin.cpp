#include "platform/gl_driver_pin.h"

#include <dlfcn.h>
#include <link.h>

#include <string>
#include <string_view>
#include <vector>

namespace engine {
namespace {
bool isMesaDriver(std::string_view path) {
    const std::string_view file = path.substr(path.find_last_of('/') + 1);
    return file.ends_with("_dri.so") || file.starts_with("libgallium");
}
}  // namespace

void keepGlDriverLoaded() {
    std::vector<std::string> drivers;
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* found) {
            if (info->dlpi_name && isMesaDriver(info->dlpi_name))
                static_cast<std::vector<std::string>*>(found)->push_back(info->dlpi_name);
            return 0;
        },
        &drivers);
    // RTLD_NOLOAD: only an object that is already there; RTLD_NODELETE makes
    // it stay. The extra reference this takes is never released, on purpose.
    for (const std::string& driver : drivers) dlopen(driver.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
}

}  // namespace engine
