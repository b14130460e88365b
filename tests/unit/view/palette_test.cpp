// The words of the data bar: where the values come from, and since when a
// lost broker is away (local time, both languages).
#include "view/palette.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "feeds/timestamp.h"

namespace twin {
namespace {

using feeds::Connection;

// Local time as the kiosk shows it: Saint-Étienne's, as a POSIX rule.
struct ParisTime {
    ParisTime() {
        const char* old = std::getenv("TZ");
        saved = old ? old : "";
        hadTz = old != nullptr;
        setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
        tzset();
    }
    ~ParisTime() {
        if (hadTz)
            setenv("TZ", saved.c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }
    std::string saved;
    bool hadTz = false;
};

TEST(DataStatusText, LostBrokerSaysSinceWhenInLocalTime) {
    ParisTime paris;
    const auto lost = *feeds::parseTimestamp("2026-12-04T13:32:10Z");  // 14:32 in Saint-Étienne
    EXPECT_EQ(dataStatusText(Connection::Offline, false, lost, Language::French),
              "Hors ligne depuis 14:32 : dernières valeurs connues");
    EXPECT_EQ(dataStatusText(Connection::Offline, false, lost, Language::English),
              "Offline since 14:32: last known values");
    // Retries flip the connection to "connecting": the loss is still what counts.
    EXPECT_EQ(dataStatusText(Connection::Connecting, false, lost, Language::English),
              "Offline since 14:32: last known values");
}

TEST(DataStatusText, NeverReachedSaysTheTypicalWeekPlays) {
    for (Connection c : {Connection::Connecting, Connection::Offline}) {
        EXPECT_EQ(dataStatusText(c, true, std::nullopt, Language::French), "Semaine type (en attendant le direct)");
        EXPECT_EQ(dataStatusText(c, true, std::nullopt, Language::English), "Typical week (until live data arrives)");
    }
}

TEST(DataStatusText, OtherwiseTheConnectionItself) {
    EXPECT_EQ(dataStatusText(Connection::Replay, false, std::nullopt, Language::French), "Semaine type");
    EXPECT_EQ(dataStatusText(Connection::Connected, false, std::nullopt, Language::English), "Live · connected");
    EXPECT_EQ(dataStatusText(Connection::Offline, false, std::nullopt, Language::French),
              "Hors ligne : dernières valeurs connues");
}

}  // namespace
}  // namespace twin
