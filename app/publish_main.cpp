// twin-tour-publish: plays the replay week of the Twin building to an MQTT
// broker, for demos and the integration tests.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/publish_command_line.h"
#include "publish/replay_publisher.h"

int main(int argc, char** argv) {
    twin::PublishParseResult parsed = twin::parsePublishCommandLine(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.error.empty()) {
        std::fprintf(stderr, "twin-tour-publish: %s\n", parsed.error.c_str());
        return 2;
    }
    if (parsed.options.showHelp) {
        std::fputs(twin::publishHelpText().c_str(), stdout);
        return 0;
    }
    return twin::runReplayPublisher(parsed.options);
}
