#include "publish/replay_publisher.h"
#include <variant>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include "modes/app_setup.h"
#include "core/log.h"
#include "feeds/live_feed.h"
#include "feeds/mqtt_client.h"
#include "feeds/replay_clock.h"
#include "feeds/replay_week.h"
#include "feeds/timestamp.h"

namespace twin {
namespace {

using Steady = std::chrono::steady_clock;

constexpr const char* kDefaultBroker = "mqtt://127.0.0.1:1883";
constexpr double kConnectTimeoutSeconds = 5;
constexpr double kFlushTimeoutSeconds = 10;
// How often the clock is looked at. Replay events are a minute or more apart
// in data time, so at demo speeds this is finer than any of them.
constexpr std::chrono::milliseconds kTick{50};

volatile std::sig_atomic_t gStopRequested = 0;
extern "C" void requestStop(int) { gStopRequested = 1; }

int failWith(const std::string& reason) {
    std::fprintf(stderr, "twin-tour-publish: %s\n", firstLine(reason).c_str());
    return 1;
}

feeds::TimePoint systemNow() {
    return std::chrono::time_point_cast<feeds::Seconds>(std::chrono::system_clock::now());
}

// Every value held in `state`, as the updates that would make it.
std::vector<feeds::Update> updatesOf(const feeds::LiveState& state) {
    std::vector<feeds::Update> updates;
    for (const auto& [id, platform] : state.platforms()) {
        if (platform.occupancy) updates.emplace_back(feeds::OccupancyUpdate{id, *platform.occupancy});
        if (platform.activity) updates.emplace_back(feeds::ActivityUpdate{id, *platform.activity});
    }
    for (const auto& [id, machine] : state.machines())
        if (machine.status) updates.emplace_back(feeds::MachineUpdate{id, *machine.status});
    return updates;
}

class Sender {
public:
    // `stampWhenSent`: faster than real time, the data's own times run ahead
    // of the receivers' clocks, which rightly refuse timestamps from the
    // future; each message is then stamped with the time it is sent.
    Sender(feeds::MqttPublisher& publisher, std::string prefix, bool stampWhenSent)
        : publisher_(publisher), prefix_(std::move(prefix)), stampWhenSent_(stampWhenSent) {}

    engine::Status send(feeds::Update update) {
        if (stampWhenSent_) std::visit([](auto& u) { u.value.ts = systemNow(); }, update);
        const std::string topic = prefix_ + "/" + feeds::topicSuffixOf(update);
        if (auto sent = publisher_.publish(topic, feeds::payloadOf(update), true); !sent) return sent;
        ++sinceLine_;
        ++total_;
        return {};
    }

    // At most one line a second, and only when something was sent.
    void report(feeds::TimePoint dataTime, bool force = false) {
        const auto now = Steady::now();
        if (!force && (sinceLine_ == 0 || now - lastLine_ < std::chrono::seconds(1))) return;
        std::printf("twin-tour-publish: data time %s: sent %zu (%zu in all)\n",
                    feeds::formatTimestamp(dataTime).c_str(), sinceLine_, total_);
        std::fflush(stdout);
        sinceLine_ = 0;
        lastLine_ = now;
    }

    size_t total() const { return total_; }

private:
    feeds::MqttPublisher& publisher_;
    std::string prefix_;
    bool stampWhenSent_;
    size_t sinceLine_ = 0;
    size_t total_ = 0;
    Steady::time_point lastLine_{};
};

}  // namespace

int runReplayPublisher(const PublishOptions& options) {
    engine::log::setProgramName("twin-tour-publish");
    const std::filesystem::path data = findDataDirectory();
    const std::filesystem::path sceneFile =
        options.scene.empty() ? data / "scenes" / "twin.json" : std::filesystem::path(options.scene);
    SceneDescription scene = loadSceneFile(sceneFile);
    if (scene.platforms.empty() && scene.machines.empty())
        return failWith(scene.issues.empty() ? sceneFile.string() + ": the scene has no platform and no machine"
                                             : scene.issues.front().text());
    if (!scene.issues.empty())
        engine::log::warning(std::to_string(scene.issues.size()) + " problem(s) in the scene, the first: " +
                             scene.issues.front().text());

    const std::filesystem::path replayFile =
        scene.feeds.replay.empty() ? data / "assets" / "data" / "twin_week.json" : scene.feeds.replay;
    auto week = feeds::ReplayWeek::load(replayFile, feeds::knownIdsOf(scene));
    if (!week) return failWith(week.error());
    if (!week->problems().empty())
        engine::log::warning(std::to_string(week->problems().size()) + " event(s) left out of the replay, the first: " +
                             week->problems().front());

    const std::string url =
        !options.mqttUrl.empty() ? options.mqttUrl : !scene.feeds.mqttUrl.empty() ? scene.feeds.mqttUrl : kDefaultBroker;
    auto settings = feeds::parseBrokerUrl(url);
    if (!settings) return failWith("broker: " + settings.error());
    settings->topicPrefix = options.topicPrefix.value_or(scene.feeds.topicPrefix);
    if (auto credentials = feeds::readCredentials(scene.feeds, *settings); !credentials)
        return failWith(credentials.error());

    auto publisher = feeds::MqttPublisher::connect(*settings, kConnectTimeoutSeconds);
    if (!publisher) return failWith(publisher.error());
    Sender sender(**publisher, settings->topicPrefix, options.speed > 1.0);

    // The state at the start, so a kiosk that subscribes now sees every value.
    const feeds::TimePoint start = options.start.value_or(systemNow());
    feeds::LiveState state;
    week->stateAt(start, state);
    for (const feeds::Update& update : updatesOf(state))
        if (auto sent = sender.send(update); !sent) return failWith(sent.error());
    if (options.snapshot) {
        if (auto flushed = (*publisher)->flush(kFlushTimeoutSeconds); !flushed) return failWith(flushed.error());
        std::printf("twin-tour-publish: published %zu retained values at data time %s to %s\n", sender.total(),
                    feeds::formatTimestamp(start).c_str(), url.c_str());
        return 0;
    }
    sender.report(start, true);

    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    const auto began = Steady::now();
    const auto end = began + std::chrono::duration_cast<Steady::duration>(
                                 std::chrono::duration<double>(options.runForSeconds));
    feeds::ReplayClock clock(start, began, options.speed);
    feeds::TimePoint published = start;
    // Sensors repeat their value while nothing changes (a closed building
    // sends nothing new all night): without it, kiosks would show every value
    // stale. Each value is sent again, stamped with the data time, every
    // kHeartbeat of data time.
    constexpr feeds::Seconds kHeartbeat{300};
    feeds::TimePoint lastHeartbeat = start;
    while (!gStopRequested) {
        const auto wall = Steady::now();
        const feeds::TimePoint now = clock.now(std::min(wall, options.runForSeconds > 0 ? end : wall));
        if (now > published) {
            engine::Status status;
            week->forEachBetween(published, now, [&](const feeds::Update& update) {
                state.apply(update);
                if (status) status = sender.send(update);
            });
            if (now - lastHeartbeat >= kHeartbeat) {
                for (feeds::Update update : updatesOf(state)) {
                    std::visit([&](auto& u) { u.value.ts = now; }, update);
                    if (status) status = sender.send(update);
                }
                lastHeartbeat = now;
            }
            if (!status) return failWith(status.error());
            published = now;
        }
        sender.report(published);
        if (options.runForSeconds > 0 && wall >= end) break;
        std::this_thread::sleep_for(options.runForSeconds > 0 ? std::min<Steady::duration>(kTick, end - wall) : kTick);
    }
    if (auto flushed = (*publisher)->flush(kFlushTimeoutSeconds); !flushed) return failWith(flushed.error());
    sender.report(published, true);
    return 0;
}

}  // namespace twin
