#include "publish/publish_options.h"

#include <charconv>
#include <cmath>

#include "argument_reader.h"
#include "feeds/timestamp.h"

namespace twin {
namespace {

// A finite decimal number, all of the text; no exceptions, no locale.
bool parseNumber(const std::string& text, double& out) {
    const char* end = text.data() + text.size();
    auto [stop, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && stop == end && std::isfinite(out);
}

}  // namespace

PublishParseResult parsePublishCommandLine(const std::vector<std::string>& args) {
    PublishParseResult result;
    PublishOptions& o = result.options;
    auto fail = [&](const std::string& message) {
        result.error = message;
        return result;
    };
    for (ArgumentReader reader(args); reader.next();) {
        const std::string& a = reader.current();
        auto value = [&](std::string& out) { return reader.value(out); };
        std::string v;
        if (a == "--help" || a == "-h") {
            o.showHelp = true;
        } else if (a == "--mqtt") {
            if (!value(v) || v.empty()) return fail("--mqtt needs a broker URL, e.g. mqtt://127.0.0.1:1883");
            o.mqttUrl = v;
        } else if (a == "--prefix") {
            if (!value(v)) return fail("--prefix needs a topic prefix, e.g. twin/v1");
            if (v.empty() || v.find_first_of("+#") != std::string::npos || v.front() == '/' || v.back() == '/')
                return fail("--prefix expects topic levels without wildcards or outer slashes, e.g. twin/v1, got \"" +
                            v + "\"");
            o.topicPrefix = v;
        } else if (a == "--speed") {
            if (!value(v)) return fail("--speed needs a number of data seconds per real second, e.g. 60");
            double speed = 0;
            if (!parseNumber(v, speed) || speed <= 0 || speed > 1e7)
                return fail("--speed expects a number above 0 and at most 10000000, got \"" + v + "\"");
            o.speed = speed;
        } else if (a == "--start") {
            if (!value(v)) return fail("--start needs an ISO 8601 time (2026-11-25T10:00:00Z) or \"now\"");
            if (v == "now") {
                o.start.reset();
            } else if (auto time = feeds::parseTimestamp(v)) {
                o.start = *time;
            } else {
                return fail("--start expects an ISO 8601 time such as 2026-11-25T10:00:00Z, or \"now\", got \"" + v +
                            "\"");
            }
        } else if (a == "--snapshot") {
            o.snapshot = true;
        } else if (a == "--run-for") {
            if (!value(v)) return fail("--run-for needs a number of seconds");
            double seconds = 0;
            if (!parseNumber(v, seconds) || seconds <= 0 || seconds > 1e7)
                return fail("--run-for expects a number of seconds above 0, got \"" + v + "\"");
            o.runForSeconds = seconds;
        } else if (a.size() > 1 && a[0] == '-') {
            return fail("unknown option \"" + a + "\" (see --help)");
        } else if (o.scene.empty()) {
            o.scene = a;
        } else {
            return fail("one scene file only, got \"" + o.scene + "\" and \"" + a + "\"");
        }
    }
    return result;
}

std::string publishHelpText() {
    return R"(Usage: twin-tour-publish [SCENE.json] [options]

Plays the replay week of a scene (its feeds.replay, else assets/data/twin_week.json)
to an MQTT broker, as the building's systems would: first the state at the
start time (retained, QoS 1) for every platform and machine, then each change
as the replay clock passes it. For demos and tests.

  --mqtt URL        broker (mqtt://HOST[:PORT], mqtts://HOST[:PORT]); default: the
                    scene's feeds.mqtt.url, else mqtt://127.0.0.1:1883
  --prefix P        topic prefix (default: the scene's, else twin/v1)
  --speed X         data seconds per real second (default 1); above 1, messages are
                    stamped with the time they are sent, so receivers do not see
                    timestamps from the future
  --start TIME      data time to start at, ISO 8601 (2026-11-25T10:00:00Z) or now (default)
  --snapshot        publish the state at the start time, wait for the broker's
                    acknowledgements, exit
  --run-for S       stop after S seconds (default: run until interrupted)
  --help            this text

The password, if the scene names one, comes from the environment variable or
file named in feeds.mqtt.credentials.

Exit status: 0 done, 1 runtime error (broker unreachable, bad scene or data
file), 2 usage error.
)";
}

}  // namespace twin
