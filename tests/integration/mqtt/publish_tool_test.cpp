// twin-tour-publish run as a user would, against a real broker: the values
// it publishes are checked against the replay week and the payload parser.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>

#include "content/scene_file.h"
#include "feeds/live_feed.h"
#include "feeds/mqtt_client.h"
#include "feeds/replay_week.h"
#include "feeds/timestamp.h"
#include "cli/publish_command_line.h"
#include "test_broker.h"

namespace twin {
namespace {

using namespace std::chrono_literals;
using feeds::Connection;
using feeds::MqttMessage;
using testing::ProcessResult;
using testing::TestBroker;
using testing::waitFor;

const std::filesystem::path kSource = TWIN_SOURCE_DIR;
const std::filesystem::path kPublish = TWIN_PUBLISH_EXE;
// A Wednesday morning in the past (parseMessage refuses the future).
constexpr const char* kStart = "2026-11-18T10:00:00Z";

ProcessResult publish(const std::vector<std::string>& arguments, std::chrono::milliseconds timeout = 30s) {
    return testing::runProcess(kPublish, arguments, timeout);
}

size_t lineCount(const std::string& text) {
    size_t lines = 0;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) ++lines;
    return lines;
}

struct DefaultScene {
    SceneDescription scene = loadSceneFile(kSource / "scenes" / "twin.json");
    feeds::KnownIds ids = feeds::knownIdsOf(scene);
};

std::unique_ptr<feeds::MqttClient> subscriber(const TestBroker& broker) {
    auto settings = feeds::parseBrokerUrl(broker.url());
    EXPECT_TRUE(settings.ok());
    auto client = feeds::MqttClient::start(*settings);
    EXPECT_TRUE(client.ok()) << client.error();
    if (!client.ok()) return nullptr;
    EXPECT_TRUE(waitFor([&] { return client.value()->connection() == Connection::Connected; }, 5s));
    return std::move(client.value());
}

// --- the command line ----------------------------------------------------------

TEST(PublishCommandLine, ParsesEveryOption) {
    PublishParseResult parsed = parsePublishCommandLine({"my.json", "--mqtt", "mqtt://b:1", "--prefix", "site/a",
                                                         "--speed", "60", "--start", kStart, "--snapshot",
                                                         "--run-for", "2.5"});
    ASSERT_EQ(parsed.error, "");
    EXPECT_EQ(parsed.options.scene, "my.json");
    EXPECT_EQ(parsed.options.mqttUrl, "mqtt://b:1");
    EXPECT_EQ(parsed.options.topicPrefix, "site/a");
    EXPECT_EQ(parsed.options.speed, 60.0);
    ASSERT_TRUE(parsed.options.start);
    EXPECT_EQ(feeds::formatTimestamp(*parsed.options.start), kStart);
    EXPECT_TRUE(parsed.options.snapshot);
    EXPECT_EQ(parsed.options.runForSeconds, 2.5);

    parsed = parsePublishCommandLine({"--start", "now"});
    ASSERT_EQ(parsed.error, "");
    EXPECT_FALSE(parsed.options.start);
    EXPECT_EQ(parsed.options.scene, "");
}

TEST(PublishCommandLine, UsageErrorsSayWhatIsExpected) {
    const std::pair<std::vector<std::string>, std::string> cases[] = {
        {{"--speed", "0"}, "--speed expects a number above 0"},
        {{"--speed", "fast"}, "--speed expects"},
        {{"--speed"}, "--speed needs"},
        {{"--start", "yesterday"}, "--start expects an ISO 8601 time"},
        {{"--start", "2026-02-30T10:00:00Z"}, "--start expects"},
        {{"--run-for", "-1"}, "--run-for expects"},
        {{"--prefix", "twin/#"}, "--prefix expects"},
        {{"--mqtt"}, "--mqtt needs"},
        {{"--frobnicate"}, "unknown option \"--frobnicate\""},
        {{"a.json", "b.json"}, "one scene file only"},
    };
    for (const auto& [arguments, message] : cases) {
        PublishParseResult parsed = parsePublishCommandLine(arguments);
        EXPECT_NE(parsed.error.find(message), std::string::npos) << arguments[0] << ": \"" << parsed.error << "\"";
    }
}

TEST(PublishCommandLine, EdgesOfTheCommandLine) {
    // A value may follow "="; a repeated option takes its last value.
    PublishParseResult parsed = parsePublishCommandLine({"--speed=30", "--speed", "60", "--prefix=site/b"});
    ASSERT_EQ(parsed.error, "");
    EXPECT_EQ(parsed.options.speed, 60.0);
    EXPECT_EQ(parsed.options.topicPrefix, "site/b");
    // An option's value is the argument after it, whatever it looks like.
    EXPECT_NE(parsePublishCommandLine({"--speed", "--snapshot"}).error.find("--speed expects"), std::string::npos);
    EXPECT_NE(parsePublishCommandLine({"--snapshot", "--speed"}).error.find("--speed needs"), std::string::npos);
    // After "--", an argument that looks like an option is the scene file.
    parsed = parsePublishCommandLine({"--snapshot", "--", "--odd.json"});
    ASSERT_EQ(parsed.error, "");
    EXPECT_EQ(parsed.options.scene, "--odd.json");
    EXPECT_TRUE(parsed.options.snapshot);
    EXPECT_TRUE(parsePublishCommandLine({"-h"}).options.showHelp);
    EXPECT_FALSE(parsePublishCommandLine({"--help", "--frobnicate"}).error.empty());
    EXPECT_NE(parsePublishCommandLine({"--run-for", "1e400"}).error.find("--run-for expects"), std::string::npos);

    const std::string help = publishHelpText();
    EXPECT_EQ(help.rfind("Usage: twin-tour-publish [SCENE.json] [options]\n", 0), 0u) << help;
    for (const char* text : {"--mqtt URL", "--prefix P", "--speed X", "--start TIME", "--snapshot", "--run-for S",
                             "--help", "feeds.mqtt.credentials", "2 usage error"})
        EXPECT_NE(help.find(text), std::string::npos) << text;
}

TEST(PublishTool, HelpAndUsageErrorExitCodes) {
    ProcessResult help = publish({"--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("Usage: twin-tour-publish"), std::string::npos) << help.out;

    ProcessResult usage = publish({"--speed", "-3"});
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_EQ(lineCount(usage.err), 1u) << usage.err;
    EXPECT_NE(usage.err.find("twin-tour-publish: --speed expects"), std::string::npos) << usage.err;

    ProcessResult badUrl = publish({"--mqtt", "http://nowhere", "--snapshot"});
    EXPECT_EQ(badUrl.exitCode, 1);
    EXPECT_EQ(lineCount(badUrl.err), 1u) << badUrl.err;
    EXPECT_NE(badUrl.err.find("expected mqtt://HOST[:PORT]"), std::string::npos) << badUrl.err;
}

TEST(PublishTool, WithoutBrokerExitsOneQuicklyWithOneLine) {
    const int port = testing::freeLocalPort();
    ProcessResult run = publish({"--mqtt", "mqtt://127.0.0.1:" + std::to_string(port), "--snapshot"}, 20s);
    EXPECT_EQ(run.exitCode, 1) << run.out << run.err;
    EXPECT_EQ(lineCount(run.err), 1u) << run.err;
    EXPECT_NE(run.err.find("127.0.0.1:" + std::to_string(port)), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("connection refused"), std::string::npos) << run.err;
    EXPECT_LT(run.seconds, 3.0);
}

TEST(PublishTool, ABadSceneFileExitsOneNamingIt) {
    const std::string missing = (std::filesystem::temp_directory_path() / "no_such_scene.json").string();
    ProcessResult run = publish({missing, "--snapshot", "--mqtt", "mqtt://127.0.0.1:1"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(lineCount(run.err), 1u) << run.err;
    EXPECT_NE(run.err.find("no_such_scene.json"), std::string::npos) << run.err;
}

// --- against a broker ----------------------------------------------------------

TEST(PublishTool, SnapshotPublishesOneRetainedValuePerTopicOfTheScene) {
    DefaultScene d;
    ASSERT_FALSE(d.scene.platforms.empty());
    TestBroker broker;
    ASSERT_TRUE(broker.running()) << broker.error();

    ProcessResult run = publish({"--mqtt", broker.url(), "--snapshot", "--start", kStart});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_LE(lineCount(run.out), 1u) << run.out;

    // What the state at that time is, by the replay week itself.
    auto week = feeds::ReplayWeek::load(kSource / "assets" / "data" / "twin_week.json", d.ids);
    ASSERT_TRUE(week.ok()) << week.error();
    const feeds::TimePoint start = *feeds::parseTimestamp(kStart);
    feeds::LiveState state;
    week->stateAt(start, state);

    std::set<std::string> expected;
    for (const Platform& p : d.scene.platforms) {
        expected.insert("twin/v1/platforms/" + p.id + "/occupancy");
        expected.insert("twin/v1/platforms/" + p.id + "/activity");
    }
    for (const Machine& m : d.scene.machines) expected.insert("twin/v1/machines/" + m.id + "/state");

    // The publisher is gone: what arrives now was retained by the broker.
    auto client = subscriber(broker);
    ASSERT_TRUE(client);
    std::map<std::string, std::vector<std::string>> received;
    auto collect = [&] {
        for (MqttMessage& m : client->takeMessages()) received[m.topic].push_back(m.payload);
    };
    waitFor(
        [&] {
            collect();
            return received.size() >= expected.size();
        },
        5s);
    // Anything extra comes in the same burst: give it a moment to show up.
    waitFor([&] { collect(); return false; }, 300ms);

    std::set<std::string> topics;
    for (const auto& [topic, payloads] : received) topics.insert(topic);
    EXPECT_EQ(topics, expected);
    const feeds::TimePoint now = std::chrono::time_point_cast<feeds::Seconds>(std::chrono::system_clock::now());
    for (const auto& [topic, payloads] : received) {
        ASSERT_EQ(payloads.size(), 1u) << topic;
        auto parsed = feeds::parseMessage("twin/v1", topic, payloads[0], d.ids, now);
        ASSERT_TRUE(parsed.ok()) << topic << ": " << parsed.error() << "\n" << payloads[0];
        EXPECT_LE(feeds::timestampOf(*parsed), start) << topic;
        // The very value the replay week holds at that time.
        if (const auto* p = std::get_if<feeds::OccupancyUpdate>(&*parsed)) {
            ASSERT_TRUE(state.platform(p->platform) && state.platform(p->platform)->occupancy) << topic;
            EXPECT_EQ(payloads[0], feeds::payloadOf(feeds::OccupancyUpdate{p->platform, *state.platform(p->platform)->occupancy}));
        } else if (const auto* a = std::get_if<feeds::ActivityUpdate>(&*parsed)) {
            ASSERT_TRUE(state.platform(a->platform) && state.platform(a->platform)->activity) << topic;
            EXPECT_EQ(payloads[0], feeds::payloadOf(feeds::ActivityUpdate{a->platform, *state.platform(a->platform)->activity}));
        } else if (const auto* m = std::get_if<feeds::MachineUpdate>(&*parsed)) {
            ASSERT_TRUE(state.machine(m->machine) && state.machine(m->machine)->status) << topic;
            EXPECT_EQ(payloads[0], feeds::payloadOf(feeds::MachineUpdate{m->machine, *state.machine(m->machine)->status}));
        }
    }
}

TEST(PublishTool, PlaysTheWeeksEventsAsTheReplayClockPassesThem) {
    DefaultScene d;
    TestBroker broker;
    ASSERT_TRUE(broker.running()) << broker.error();
    auto client = subscriber(broker);
    ASSERT_TRUE(client);
    {
        // Subscribed only once a message comes through: probe until one does.
        auto settings = feeds::parseBrokerUrl(broker.url());
        auto prober = feeds::MqttPublisher::connect(*settings, 5);
        ASSERT_TRUE(prober.ok()) << prober.error();
        ASSERT_TRUE(waitFor(
            [&] {
                (*prober)->publish("twin/v1/probe", "probe", false);
                return waitFor([&] { return !client->takeMessages().empty(); }, 50ms);
            },
            5s));
    }

    // One data hour a second: two seconds cover at least the first hour.
    const feeds::TimePoint start = *feeds::parseTimestamp("2026-11-18T08:00:00Z");
    ProcessResult run = publish({"--mqtt", broker.url(), "--start", feeds::formatTimestamp(start), "--speed", "3600",
                                 "--run-for", "2"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    // One line a second at most, plus the first and the last.
    EXPECT_LE(lineCount(run.out), 4u) << run.out;
    EXPECT_GE(lineCount(run.out), 1u);

    auto week = feeds::ReplayWeek::load(kSource / "assets" / "data" / "twin_week.json", d.ids);
    ASSERT_TRUE(week.ok()) << week.error();
    // Faster than real time, messages are stamped when sent (receivers refuse
    // timestamps from the future): compare them without "ts", and check it.
    auto withoutTs = [](const std::string& payload) {
        nlohmann::json j = nlohmann::json::parse(payload, nullptr, false);
        if (j.is_object()) j.erase("ts");
        return j.dump();
    };
    std::multiset<std::pair<std::string, std::string>> expected;
    week->forEachBetween(start, start + feeds::Seconds(3600), [&](const feeds::Update& u) {
        expected.insert({"twin/v1/" + feeds::topicSuffixOf(u), withoutTs(feeds::payloadOf(u))});
    });
    ASSERT_FALSE(expected.empty()) << "the replay week has no event on Wednesday 08:00-09:00";

    std::multiset<std::pair<std::string, std::string>> received;
    auto allArrived = [&] {
        for (MqttMessage& m : client->takeMessages()) {
            received.insert({m.topic, withoutTs(m.payload)});
            nlohmann::json j = nlohmann::json::parse(m.payload, nullptr, false);
            if (!j.is_object() || !j["ts"].is_string()) continue;  // a late probe
            auto stamped = feeds::parseTimestamp(j["ts"].get<std::string>());
            EXPECT_TRUE(stamped && *stamped <= std::chrono::time_point_cast<feeds::Seconds>(std::chrono::system_clock::now()))
                << m.payload;
        }
        return std::includes(received.begin(), received.end(), expected.begin(), expected.end());
    };
    EXPECT_TRUE(waitFor(allArrived, 5s)) << received.size() << " received, " << expected.size()
                                         << " events expected in the first data hour";
}

}  // namespace
}  // namespace twin
