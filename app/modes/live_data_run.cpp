#include "modes/live_data_run.h"

#include <cstdio>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "modes/app_setup.h"
#include "core/log.h"
#include "core/process_stats.h"
#include "feeds/state_dump.h"
#include "feeds/timestamp.h"

namespace twin {

feeds::LiveFeedDesc liveFeedDescFor(const AppOptions& options) {
    feeds::LiveFeedDesc desc;
    desc.mqttUrl = options.mqttUrl;
    desc.historyFile = options.historyFile.empty() ? feeds::defaultHistoryFile() : std::filesystem::path(options.historyFile);
    if (options.dataTime) desc.replayStart = feeds::TimePoint(feeds::Seconds(*options.dataTime));
    desc.replaySpeed = options.replaySpeed;
    return desc;
}

int runHeadlessLiveData(const AppOptions& options) {
    const std::filesystem::path input = inputFor(options, findDataDirectory());
    if (input.extension() != ".json")
        return fail("--headless runs the live data of a scene file (.json), got \"" + input.string() + "\"");
    SceneDescription scene = loadSceneFile(input);
    for (const SceneIssue& issue : scene.issues) engine::log::warning(issue.text());
    if (scene.platforms.empty() && scene.machines.empty() && !scene.issues.empty())
        return fail(firstLine(scene.issues.front().text()));

    feeds::LiveFeed feed(scene, liveFeedDescFor(options));
    for (const std::string& problem : feed.takeProblems()) engine::log::warning(problem);

    // Wall-clock time, polled often enough that values reach the state well
    // within the contract's 200 ms.
    const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(options.runForSeconds));
    do {
        feed.update();
        for (const std::string& problem : feed.takeProblems()) engine::log::warning(problem);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (Clock::now() < end);
    feed.update();

    if (!options.dumpState.empty()) {
        feeds::DumpContext context{feed.clock(), feed.connection(), feed.rejected(), feed.staleAfter()};
        // The process's memory too: scripts and tests watch it under floods.
        nlohmann::json dump = nlohmann::json::parse(feeds::dumpState(feed.state(), scene, context));
        // Where the values come from ("replay" also while it stands in for a
        // broker never reached) and since when a lost broker is away.
        dump["source"] = feed.isReplay() ? "replay" : "mqtt";
        dump["offline_since"] = feed.offlineSince() ? nlohmann::json(feeds::formatTimestamp(*feed.offlineSince()))
                                                    : nlohmann::json(nullptr);
        dump["process"] = {{"peakResidentKiB", engine::peakResidentBytes() / 1024},
                           {"residentKiB", engine::residentBytes() / 1024}};
        std::ofstream out(options.dumpState, std::ios::binary | std::ios::trunc);
        out << dump.dump(1) << '\n';
        out.close();
        if (!out) return fail("cannot write the state to \"" + options.dumpState + "\"");
    }
    return 0;
}

}  // namespace twin
