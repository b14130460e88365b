#pragma once
// Memory use of this process, for the stats panel and benchmarks.
#include <cstddef>

namespace engine {

size_t residentBytes();      // current resident set size
size_t peakResidentBytes();  // high-water mark of the resident set
// CPU time used so far by all the process's threads (user + system), in
// seconds: steadier than wall-clock time on a shared machine, and it counts
// llvmpipe's rasteriser threads.
double cpuSeconds();

}  // namespace engine
