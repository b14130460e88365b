#pragma once
// Command line of twin-tour-publish, the demo/test publisher that plays the
// replay week to an MQTT broker. No GL, no network here: parsing only.
#include <string>
#include <vector>

#include "publish/publish_options.h"

namespace twin {

struct PublishParseResult {
    PublishOptions options;
    std::string error;  // non-empty: one line saying what is wrong (a usage error)
};

// Parses the arguments after the program name: at most one scene file (any
// argument after "--" is one) and the options publishHelpText() lists.
// Never throws.
PublishParseResult parsePublishCommandLine(const std::vector<std::string>& arguments);

// What --help prints.
std::string publishHelpText();

}  // namespace twin
