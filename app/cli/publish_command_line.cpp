#include "cli/publish_command_line.h"

#include <charconv>
#include <cmath>

#include "cli/command_line_parser.h"
#include "feeds/timestamp.h"

namespace twin {
namespace {

// A finite decimal number, all of the text; no exceptions, no locale.
bool parseNumber(const std::string& text, double& out) {
    const char* end = text.data() + text.size();
    auto [stop, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && stop == end && std::isfinite(out);
}

// Every option of twin-tour-publish, in the order of the help, storing into `o`.
void describeOptions(cli::CommandLineParser& p, PublishOptions& o) {
    p.group("Options");
    p.value("--mqtt", "URL",
            "broker (mqtt://HOST[:PORT], mqtts://HOST[:PORT]); default: the\n"
            "scene's feeds.mqtt.url, else mqtt://127.0.0.1:1883",
            "--mqtt needs a broker URL, e.g. mqtt://127.0.0.1:1883", [&o](const std::string& v) -> std::string {
                if (v.empty()) return "--mqtt needs a broker URL, e.g. mqtt://127.0.0.1:1883";
                o.mqttUrl = v;
                return {};
            });
    p.value("--prefix", "P", "topic prefix (default: the scene's, else twin/v1)",
            "--prefix needs a topic prefix, e.g. twin/v1", [&o](const std::string& v) -> std::string {
                if (v.empty() || v.find_first_of("+#") != std::string::npos || v.front() == '/' || v.back() == '/')
                    return "--prefix expects topic levels without wildcards or outer slashes, e.g. twin/v1, got \"" +
                           v + "\"";
                o.topicPrefix = v;
                return {};
            });
    p.value("--speed", "X",
            "data seconds per real second (default 1); above 1, messages are\n"
            "stamped with the time they are sent, so receivers do not see\n"
            "timestamps from the future",
            "--speed needs a number of data seconds per real second, e.g. 60",
            [&o](const std::string& v) -> std::string {
                double speed = 0;
                if (!parseNumber(v, speed) || speed <= 0 || speed > 1e7)
                    return "--speed expects a number above 0 and at most 10000000, got \"" + v + "\"";
                o.speed = speed;
                return {};
            });
    p.value("--start", "TIME", "data time to start at, ISO 8601 (2026-11-25T10:00:00Z) or now (default)",
            "--start needs an ISO 8601 time (2026-11-25T10:00:00Z) or \"now\"",
            [&o](const std::string& v) -> std::string {
                if (v == "now") {
                    o.start.reset();
                } else if (auto time = feeds::parseTimestamp(v)) {
                    o.start = *time;
                } else {
                    return "--start expects an ISO 8601 time such as 2026-11-25T10:00:00Z, or \"now\", got \"" + v +
                           "\"";
                }
                return {};
            });
    p.flag("--snapshot",
           "publish the state at the start time, wait for the broker's\n"
           "acknowledgements, exit",
           [&o] { o.snapshot = true; });
    p.value("--run-for", "S", "stop after S seconds (default: run until interrupted)",
            "--run-for needs a number of seconds", [&o](const std::string& v) -> std::string {
                double seconds = 0;
                if (!parseNumber(v, seconds) || seconds <= 0 || seconds > 1e7)
                    return "--run-for expects a number of seconds above 0, got \"" + v + "\"";
                o.runForSeconds = seconds;
                return {};
            });
    p.flag("-h,--help", "this text", [&o] { o.showHelp = true; });
}

cli::CommandLineText text() {
    return {
        .usage = "twin-tour-publish [SCENE.json] [options]",
        .description = "Plays the replay week of a scene (its feeds.replay, else assets/data/twin_week.json)\n"
                       "to an MQTT broker, as the building's systems would: first the state at the\n"
                       "start time (retained, QoS 1) for every platform and machine, then each change\n"
                       "as the replay clock passes it. For demos and tests.\n",
        .footer = "The password, if the scene names one, comes from the environment variable or\n"
                  "file named in feeds.mqtt.credentials.\n"
                  "\n"
                  "Exit status: 0 done, 1 runtime error (broker unreachable, bad scene or data\n"
                  "file), 2 usage error.\n",
        .descriptionColumn = 20,
    };
}

}  // namespace

PublishParseResult parsePublishCommandLine(const std::vector<std::string>& arguments) {
    PublishParseResult result;
    cli::CommandLineParser parser(text());
    describeOptions(parser, result.options);
    std::vector<std::string> scenes;
    parser.positionals(scenes);
    result.error = parser.parse(arguments);
    if (result.error.empty() && scenes.size() > 1)
        result.error = "one scene file only, got \"" + scenes[0] + "\" and \"" + scenes[1] + "\"";
    if (result.error.empty() && !scenes.empty()) result.options.scene = scenes[0];
    return result;
}

std::string publishHelpText() {
    PublishOptions unused;
    cli::CommandLineParser parser(text());
    describeOptions(parser, unused);
    return parser.help();
}

}  // namespace twin
