#pragma once
// What twin-tour-publish, the demo/test publisher that plays the replay week
// to an MQTT broker, was asked to do (cli/publish_command_line.h reads it).
#include <optional>
#include <string>

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

}  // namespace twin
