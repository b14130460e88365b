// How the cards write times: the time alone for a state that began today,
// its day too for one that began before (in UTC here, the kiosk's local time).
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "feeds/timestamp.h"
#include "ui/live_panels.h"

namespace twin {
namespace {

feeds::TimePoint at(const char* text) { return *feeds::parseTimestamp(text); }

class LiveFormat : public ::testing::Test {
protected:
    void SetUp() override {
        ::setenv("TZ", "UTC", 1);
        ::tzset();
    }
};

TEST_F(LiveFormat, ASinceOfTodayIsItsTimeAndOneOfAnotherDayHasItsDay) {
    const feeds::TimePoint now = at("2026-11-23T07:06:00Z");  // a Monday
    EXPECT_EQ(formatSince(at("2026-11-23T06:20:00Z"), now, Language::French), "06:20");
    EXPECT_EQ(formatSince(at("2026-11-23T00:00:00Z"), now, Language::English), "00:00");
    EXPECT_EQ(formatSince(at("2026-11-20T09:42:00Z"), now, Language::French), "vendredi 20 nov. 09:42");
    EXPECT_EQ(formatSince(at("2026-11-20T09:42:00Z"), now, Language::English), "Friday 20 Nov 09:42");
    EXPECT_EQ(formatSince(at("2026-11-22T23:59:00Z"), now, Language::English), "Sunday 22 Nov 23:59");
}

}  // namespace
}  // namespace twin
