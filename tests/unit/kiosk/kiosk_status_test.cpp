// The kiosk's status message (DESIGN.md section 4) as a pure function, its
// topic, the kiosk id rules and the last minute's median frame time.
#include "kiosk/kiosk_status.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "content/scene_file.h"
#include "feeds/timestamp.h"

namespace twin::kiosk {
namespace {

using nlohmann::json;

KioskStatus sample() {
    KioskStatus s;
    s.online = true;
    s.uptimeSeconds = 3600.7;
    s.frameMs = 21.46;
    s.memoryMib = 180.4;
    s.lastInput = *feeds::parseTimestamp("2026-12-04T13:31:05Z");
    s.source = "mqtt";
    s.version = "0.1.0";
    s.ts = *feeds::parseTimestamp("2026-12-04T14:00:00Z");
    return s;
}

TEST(KioskStatusPayload, HasEveryFieldOfTheContract) {
    const json doc = json::parse(statusPayload(sample()));
    EXPECT_EQ(doc["online"], true);
    EXPECT_EQ(doc["uptime_s"], 3600);  // whole seconds, not rounded up
    EXPECT_DOUBLE_EQ(doc["frame_ms"].get<double>(), 21.5);
    EXPECT_EQ(doc["memory_mib"], 180);
    EXPECT_EQ(doc["last_input"], "2026-12-04T13:31:05Z");
    EXPECT_EQ(doc["source"], "mqtt");
    EXPECT_EQ(doc["version"], "0.1.0");
    EXPECT_EQ(doc["ts"], "2026-12-04T14:00:00Z");
    EXPECT_EQ(doc.size(), 8u);
    // The contract's order, for people reading the broker.
    EXPECT_EQ(statusPayload(sample()).rfind("{\"online\":true,\"uptime_s\":3600,", 0), 0u) << statusPayload(sample());
}

TEST(KioskStatusPayload, NothingDrawnAndNoTouchAreNull) {
    KioskStatus s = sample();
    s.online = false;
    s.frameMs.reset();
    s.lastInput.reset();
    s.uptimeSeconds = -3;  // a clock that stepped back is never a negative uptime
    const json doc = json::parse(statusPayload(s));
    EXPECT_EQ(doc["online"], false);
    EXPECT_TRUE(doc["frame_ms"].is_null());
    EXPECT_TRUE(doc["last_input"].is_null());
    EXPECT_EQ(doc["uptime_s"], 0);
}

TEST(KioskStatusPayload, OddTextStaysValidJson) {
    KioskStatus s = sample();
    s.version = "1.0 \"beta\"\n\xff";
    const json doc = json::parse(statusPayload(s), nullptr, false);
    ASSERT_FALSE(doc.is_discarded());
    EXPECT_EQ(doc["version"].get<std::string>().substr(0, 11), "1.0 \"beta\"\n");
}

TEST(KioskStatusTopic, UnderThePrefix) {
    EXPECT_EQ(statusTopic("twin/v1", "hall-1"), "twin/v1/kiosks/hall-1/status");
    EXPECT_EQ(statusTopic("twin/v1/", "hall-1"), "twin/v1/kiosks/hall-1/status");
    EXPECT_EQ(statusTopic("", "k"), "kiosks/k/status");
}

TEST(KioskId, IsOneTopicLevel) {
    EXPECT_TRUE(isKioskId("hall-1"));
    EXPECT_TRUE(isKioskId("Kiosk_2"));
    EXPECT_TRUE(isKioskId(std::string(64, 'a')));
    EXPECT_FALSE(isKioskId(""));
    EXPECT_FALSE(isKioskId(std::string(65, 'a')));
    for (const char* bad : {"hall/1", "hall+", "#", "hall 1", "-hall", "_x", "hall\n", "salle-é"})
        EXPECT_FALSE(isKioskId(bad)) << bad;
}

TEST(KioskId, FromTheHostName) {
    EXPECT_EQ(kioskIdFromHostName("Twin-Hall.local"), "twin-hall-local");
    EXPECT_EQ(kioskIdFromHostName("--"), "kiosk");
    EXPECT_EQ(kioskIdFromHostName(""), "kiosk");
    EXPECT_TRUE(isKioskId(kioskIdFromHostName("_x y/z#" + std::string(100, 'q'))));
}

TEST(FrameTimeWindow, MedianOfTheLastMinuteOnly) {
    FrameTimeWindow window(60.0);
    EXPECT_FALSE(window.median(0.0));
    window.add(0.0, 500.0);  // a slow first frame (shaders), a minute ago
    for (int i = 0; i < 5; ++i) window.add(30.0 + i, 20.0 + i);  // 20 21 22 23 24
    EXPECT_DOUBLE_EQ(*window.median(40.0), 22.5);  // six frames: between the 3rd and 4th
    EXPECT_DOUBLE_EQ(*window.median(61.0), 22.0);  // the 500 has left the window
    EXPECT_FALSE(window.median(200.0)) << "nothing drawn for a minute: no frame time";
}

}  // namespace
}  // namespace twin::kiosk
