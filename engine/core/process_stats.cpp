#include "core/process_stats.h"

#include <cstdio>
#include <cstring>

namespace engine {
namespace {
size_t statusField(const char* field) {
    FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    size_t kib = 0;
    size_t length = std::strlen(field);
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, field, length) == 0) {
            std::sscanf(line + length, " %zu", &kib);
            break;
        }
    }
    std::fclose(f);
    return kib * 1024;
}
}  // namespace

size_t residentBytes() { return statusField("VmRSS:"); }
size_t peakResidentBytes() { return statusField("VmHWM:"); }

}  // namespace engine
