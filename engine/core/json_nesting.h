#pragma once
// How deep a JSON text nests, found by a plain scan before any parser sees
// it, so that absurdly deep documents are refused before recursive code runs.
#include <string_view>

namespace engine {

// The deepest nesting of [ and { outside strings (0 for a scalar).
int jsonNestingDepth(std::string_view text);

}  // namespace engine
