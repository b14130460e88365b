// The browser's live data: messages the page hands to WebFeed reach the
// state through LiveFeed, with the native path's validation and staleness.
#include "feeds/web_feed.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "feeds/live_feed.h"
#include "feeds/state_dump.h"
#include "feeds/timestamp.h"

namespace twin::feeds {
namespace {

SceneDescription sceneWithoutReplay() {
    SceneDescription scene;
    scene.file = "web-scene.json";
    Platform platform;
    platform.id = "additive";
    platform.floor = "f0";
    platform.capacity = 20;
    scene.platforms.push_back(platform);
    Machine machine;
    machine.id = "fdm-1";
    machine.platform = "additive";
    scene.machines.push_back(machine);
    scene.feeds.topicPrefix = "twin/v1";
    scene.feeds.staleAfterSeconds = 600;
    return scene;
}

std::string timestampAgo(int seconds) {
    return formatTimestamp(std::chrono::time_point_cast<Seconds>(std::chrono::system_clock::now()) - Seconds(seconds));
}

LiveFeedDesc descFor(WebFeed& web) {
    LiveFeedDesc desc;
    desc.messageSource = &web;
    return desc;
}

TEST(WebFeed, AValidMessageUpdatesTheState) {
    const SceneDescription scene = sceneWithoutReplay();
    WebFeed web;
    LiveFeed feed(scene, descFor(web));
    EXPECT_FALSE(feed.isReplay());
    EXPECT_EQ(feed.connection(), Connection::Connecting);
    web.setConnection(Connection::Connected);
    web.pushMessage("twin/v1/platforms/additive/occupancy", R"({"count": 7, "ts": ")" + timestampAgo(5) + "\"}");
    web.pushMessage("twin/v1/machines/fdm-1/state", R"({"state": "fault", "ts": ")" + timestampAgo(5) + "\"}");
    EXPECT_TRUE(feed.update());
    EXPECT_EQ(feed.connection(), Connection::Connected);
    const PlatformLive* additive = feed.state().platform("additive");
    ASSERT_TRUE(additive && additive->occupancy);
    EXPECT_EQ(additive->occupancy->count, 7);
    ASSERT_TRUE(feed.state().machine("fdm-1") && feed.state().machine("fdm-1")->status);
    EXPECT_EQ(feed.state().machine("fdm-1")->status->state, MachineState::Fault);
    EXPECT_EQ(feed.rejected(), 0u);
    EXPECT_TRUE(web.takeMessages().empty()) << "LiveFeed took them";
}

TEST(WebFeed, BadMessagesAreRejectedNamingTheTopic) {
    const SceneDescription scene = sceneWithoutReplay();
    WebFeed web;
    LiveFeed feed(scene, descFor(web));
    web.setConnection(Connection::Connected);
    feed.update();
    const uint64_t revision = feed.state().revision();
    web.pushMessage("twin/v1/platforms/additive/occupancy", R"({"count": "many", "ts": ")" + timestampAgo(5) + "\"}");
    web.pushMessage("twin/v1/machines/unknown-9/state", R"({"state": "running"})");
    web.pushMessage("twin/v1/machines/fdm-1/state", "{not json");
    web.pushMessage("twin/v1/machines/fdm-1/state", std::string(16 * 1024 + 1, ' '));
    feed.update();
    EXPECT_EQ(feed.rejected(), 4u);
    EXPECT_EQ(feed.state().revision(), revision) << "a rejected message never changes the state";
    const auto& rejections = feed.recentRejections();
    ASSERT_EQ(rejections.size(), 4u);
    EXPECT_EQ(rejections[0].rfind("twin/v1/platforms/additive/occupancy: ", 0), 0u) << rejections[0];
    EXPECT_NE(rejections[0].find("count"), std::string::npos) << rejections[0];
    EXPECT_NE(rejections[1].find("unknown-9"), std::string::npos) << rejections[1];
    EXPECT_EQ(rejections[2].rfind("twin/v1/machines/fdm-1/state: ", 0), 0u) << rejections[2];
    EXPECT_NE(rejections[3].find("too large"), std::string::npos) << rejections[3];
}

TEST(WebFeed, OldValuesAreStaleAndALostBrokerMakesEverythingStale) {
    const SceneDescription scene = sceneWithoutReplay();
    WebFeed web;
    LiveFeed feed(scene, descFor(web));
    web.setConnection(Connection::Connected);
    web.pushMessage("twin/v1/platforms/additive/occupancy", R"({"count": 3, "ts": ")" + timestampAgo(3600) + "\"}");
    web.pushMessage("twin/v1/machines/fdm-1/state", R"({"state": "idle", "ts": ")" + timestampAgo(10) + "\"}");
    feed.update();
    EXPECT_EQ(feed.staleAfter(), Seconds(600));
    auto dump = [&] {
        return nlohmann::json::parse(
            dumpState(feed.state(), scene, {feed.clock(), feed.connection(), feed.rejected(), feed.staleAfter()}));
    };
    nlohmann::json state = dump();
    EXPECT_EQ(state["platforms"]["additive"]["occupancy"]["stale"], true) << state.dump();
    EXPECT_EQ(state["machines"]["fdm-1"]["stale"], false) << state.dump();
    EXPECT_FALSE(feed.offlineSince());

    web.setConnection(Connection::Offline);
    feed.update();
    EXPECT_TRUE(feed.offlineSince());
    EXPECT_EQ(feed.staleAfter(), Seconds(0));
    state = dump();
    EXPECT_EQ(state["connection"], "offline");
    EXPECT_EQ(state["machines"]["fdm-1"]["stale"], true) << "the last values stay, stale";
    EXPECT_EQ(state["machines"]["fdm-1"]["state"], "idle");
}

TEST(WebFeed, TopicFiltersFollowTheScenesPrefix) {
    WebFeed web;
    EXPECT_EQ(web.topicFiltersJson(), "[]");
    SceneDescription scene = sceneWithoutReplay();
    scene.feeds.topicPrefix = "site/twin/";
    LiveFeed feed(scene, descFor(web));
    EXPECT_EQ(web.topicFiltersJson(),
              R"(["site/twin/platforms/+/occupancy","site/twin/platforms/+/activity","site/twin/machines/+/state"])");
}

TEST(WebFeed, AFullQueueDropsAndCounts) {
    WebFeed web({.maxPayloadBytes = 64, .maxQueued = 2});
    for (int i = 0; i < 5; ++i) web.pushMessage("twin/v1/machines/fdm-1/state", R"({"state": "idle"})");
    EXPECT_EQ(web.dropped(), 3u);
    EXPECT_EQ(web.takeMessages().size(), 2u);
    web.pushMessage(std::string(600, 't'), "{}");
    const auto messages = web.takeMessages();
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_TRUE(messages[0].oversize);
    EXPECT_EQ(messages[0].topic.size(), kMaxTopicBytes);
}

}  // namespace
}  // namespace twin::feeds
