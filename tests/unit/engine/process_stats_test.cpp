// releaseFreeMemory: pages freed in the middle of the heap go back to the
// system, as llvmpipe's binned frames do in a kiosk's long run.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <vector>

#include "core/process_stats.h"

namespace engine {
namespace {

TEST(ProcessStats, FreedPagesGoBackToTheSystem) {
#if !defined(__GLIBC__)
    GTEST_SKIP() << "only glibc has malloc_trim";
#endif
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "AddressSanitizer's allocator keeps freed blocks in quarantine, not glibc's heap";
#endif
    // 64 MiB in 64 KiB blocks (llvmpipe's block size), each touched, then
    // all but every 16th freed: the survivors pin the heap, so without a
    // trim the freed pages stay resident.
    std::vector<std::unique_ptr<char[]>> blocks(1024);
    for (auto& block : blocks) {
        block.reset(new char[64 * 1024]);
        std::memset(block.get(), 1, 64 * 1024);
    }
    for (size_t i = 0; i < blocks.size(); ++i)
        if (i % 16 != 15) blocks[i].reset();
    const size_t before = residentBytes();
    releaseFreeMemory();
    const size_t after = residentBytes();
    EXPECT_LT(after + 32 * 1024 * 1024, before) << before / 1024 << " KiB before, " << after / 1024 << " KiB after";
}

}  // namespace
}  // namespace engine
