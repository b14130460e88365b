#pragma once
// Command line of twin-tour: parsing and help text. No GL, no window.
#include <string>
#include <vector>

#include "cli/app_options.h"

namespace twin {

struct ParseResult {
    AppOptions options;
    std::string error;  // non-empty: one line saying what is wrong
};

// Reads the arguments after the program name: at most one scene file or model
// (any argument after "--" is one, even if it starts with "-") and the options
// that helpText() lists. A mistake gives `error` (the first one met) and the
// options read so far. Never throws.
ParseResult parseCommandLine(const std::vector<std::string>& arguments);

// What --help prints.
std::string helpText();

}  // namespace twin
