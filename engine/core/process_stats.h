#pragma once
// Memory use of this process, for the stats panel and benchmarks.
#include <cstddef>

namespace engine {

size_t residentBytes();      // current resident set size
size_t peakResidentBytes();  // high-water mark of the resident set

}  // namespace engine
