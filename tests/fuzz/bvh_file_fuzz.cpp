// libFuzzer target: the picking BVH kept in the cache folder is untrusted.
// The reader must refuse what is not a tree the queries can walk, and every
// query on what it accepts must stay within its arrays (ASan watches). The
// checksum and the key are off so the fuzzer reaches the tree's checks.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "scene/bvh_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // readBvhFile reads a file: the input goes to one of this process's own.
    static const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("bvh-file-fuzz-" + std::to_string(::getpid()) + ".bvh");
    std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), std::streamsize(size));
    engine::Result<engine::TriangleBvh> bvh = engine::readBvhFile(file, {.checksum = false});
    if (!bvh) return 0;
    const glm::vec3 points[] = {{0, 0, 0}, {1, 2, 3}, {-5, 1, 4}, {100, -3, 0.5f}};
    const glm::vec3 directions[] = {{0, 0, -1}, {1, 1, 1}, {-1, 0.2f, 0}};
    std::vector<engine::CapsuleContact> contacts;
    for (const glm::vec3& p : points) {
        for (const glm::vec3& d : directions) {
            (void)bvh->raycast({p, d}, 1e6f);
            (void)bvh->occluded(p, p + d * 10.0f);
        }
        (void)bvh->closestPoint(p, 50.0f);
        (void)bvh->sphereOverlaps(p, 2.0f);
        bvh->capsuleContacts(p, p + glm::vec3(0, 1.8f, 0), 0.3f, contacts);
    }
    return 0;
}
