#pragma once
// Command line of twin-tour-publish, the demo/test publisher that plays the
// replay week to an MQTT broker. No GL, no network here: parsing only.
#include <optional>
#include <string>
#include <vector>

#include "feeds/live_types.h"

namespace twin {

struct PublishOptions {
    std::string scene;                     // scene file; empty: scenes/twin.json of the data folder
    std::string mqttUrl;                   // empty: the scene's broker, else mqtt://127.0.0.1:1883
    std::optional<std::string> topicPrefix;  // absent: the scene's (default twin/v1)
    double speed = 1.0;                    // data seconds per real second
    std::optional<feeds::TimePoint> start; // absent: now
    bool snapshot = false;                 // publish the state at the start, then exit
    double runForSeconds = 0;              // > 0: stop after that long; 0: until interrupted
    bool showHelp = false;
};

struct PublishParseResult {
    PublishOptions options;
    std::string error;  // non-empty: one line saying what is wrong (a usage error)
};

// Parses the arguments after the program name. Never throws.
PublishParseResult parsePublishCommandLine(const std::vector<std::string>& arguments);
std::string publishHelpText();

}  // namespace twin
