#pragma once
// Memory use of this process, for the stats panel and benchmarks.
#include <cstddef>

namespace engine {

size_t residentBytes();      // current resident set size
size_t peakResidentBytes();  // high-water mark of the resident set
// Bytes the C library's allocator has handed out and not had back (glibc's
// mallinfo2: ordinary blocks and mmapped ones; 0 elsewhere). Resident memory
// that grows while this stays flat is the allocator's or the driver's, not
// a leak of ours (bench/soak.sh prints both).
size_t heapInUseBytes();
// CPU time used so far by all the process's threads (user + system), in
// seconds: steadier than wall-clock time on a shared machine, and it counts
// llvmpipe's rasteriser threads.
double cpuSeconds();

// Gives the allocator's free pages back to the system (glibc's
// malloc_trim). llvmpipe frees each frame's binned triangles once drawn,
// but their pages stay resident, so without this a kiosk's resident memory
// follows the worst frame it has met (bench/soak.sh). About 2 ms at
// 1920x1080; nothing where the C library has no such call.
void releaseFreeMemory();

}  // namespace engine
