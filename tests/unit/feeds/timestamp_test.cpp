// Timestamps of the live data contract: the ISO 8601 forms accepted, every
// impossible or malformed one rejected, formatting, and ages for people.
#include "feeds/timestamp.h"

#include <gtest/gtest.h>

namespace twin::feeds {
namespace {

using namespace std::chrono;

TimePoint utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
    return TimePoint{sys_days{year{y} / month{mo} / day{d}}} + hours{h} + minutes{mi} + seconds{s};
}

TEST(TimestampTest, ParsesUtcWithZ) {
    EXPECT_EQ(parseTimestamp("2026-11-25T10:00:00Z"), utc(2026, 11, 25, 10));
    EXPECT_EQ(parseTimestamp("2026-11-25T23:59:59Z"), utc(2026, 11, 25, 23, 59, 59));
    EXPECT_EQ(parseTimestamp("2000-01-01T00:00:00Z"), utc(2000, 1, 1));
}

TEST(TimestampTest, CutsFractionsToTheSecond) {
    EXPECT_EQ(parseTimestamp("2026-11-25T10:00:00.250Z"), utc(2026, 11, 25, 10));
    EXPECT_EQ(parseTimestamp("2026-11-25T10:00:00.999999999Z"), utc(2026, 11, 25, 10));
    EXPECT_EQ(parseTimestamp("2026-11-25T10:00:07.5+01:00"), utc(2026, 11, 25, 9, 0, 7));
}

TEST(TimestampTest, AppliesOffsetsWithAndWithoutColon) {
    EXPECT_EQ(parseTimestamp("2026-11-25T10:00:00+01:00"), utc(2026, 11, 25, 9));
    EXPECT_EQ(parseTimestamp("2026-11-25T10:00:00+0100"), utc(2026, 11, 25, 9));
    EXPECT_EQ(parseTimestamp("2026-11-25T10:00:00-0530"), utc(2026, 11, 25, 15, 30));
    EXPECT_EQ(parseTimestamp("2026-11-25T10:00:00-05:30"), utc(2026, 11, 25, 15, 30));
    EXPECT_EQ(parseTimestamp("2026-11-25T10:00:00+00:00"), utc(2026, 11, 25, 10));
    EXPECT_EQ(parseTimestamp("2026-11-25T10:00:00-00:00"), utc(2026, 11, 25, 10));
    // Offsets move across days, months and years.
    EXPECT_EQ(parseTimestamp("2026-01-01T00:30:00+01:00"), utc(2025, 12, 31, 23, 30));
    EXPECT_EQ(parseTimestamp("2026-02-28T22:00:00-03:00"), utc(2026, 3, 1, 1));
}

TEST(TimestampTest, KnowsLeapYears) {
    EXPECT_EQ(parseTimestamp("2024-02-29T12:00:00Z"), utc(2024, 2, 29, 12));
    EXPECT_EQ(parseTimestamp("2000-02-29T12:00:00Z"), utc(2000, 2, 29, 12));
    EXPECT_FALSE(parseTimestamp("2026-02-29T12:00:00Z"));
    EXPECT_FALSE(parseTimestamp("2100-02-29T12:00:00Z"));
}

TEST(TimestampTest, RejectsImpossibleDatesAndTimes) {
    for (const char* text : {"2026-02-30T10:00:00Z", "2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z",
                             "2026-00-10T10:00:00Z", "2026-11-00T10:00:00Z", "2026-11-32T10:00:00Z",
                             "2026-11-25T24:00:00Z", "2026-11-25T10:60:00Z", "2026-11-25T10:00:60Z",
                             "2026-11-25T10:00:00+24:00", "2026-11-25T10:00:00+01:60"})
        EXPECT_FALSE(parseTimestamp(text)) << text;
}

TEST(TimestampTest, RejectsGarbageAndOtherForms) {
    using namespace std::string_view_literals;
    for (std::string_view text :
         {""sv, "now"sv, "2026-11-25"sv, "2026-11-25T10:00:00"sv /* no zone */, "2026-11-25 10:00:00Z"sv,
          "2026-11-25t10:00:00z"sv, "2026-11-25T10:00Z"sv, "2026-11-25T10:00:00.Z"sv, "2026-11-25T10:00:00Zjunk"sv,
          " 2026-11-25T10:00:00Z"sv, "2026-11-25T10:00:00Z "sv, "+2026-11-25T10:00:00Z"sv, "2026-1-25T10:00:00Z"sv,
          "2026-11-25T10:00:00+01"sv, "2026-11-25T10:00:00+1:00"sv, "2026-11-25T10:00:00+01:0"sv,
          "2026/11/25T10:00:00Z"sv, "2026-11-25T1a:00:00Z"sv, "２026-11-25T10:00:00Z"sv, "1764064800"sv,
          "2026-11-25T10:00:00\0Z"sv, "2026-11-25T10:00:00+01:00:00"sv})
        EXPECT_FALSE(parseTimestamp(text)) << text;
}

TEST(TimestampTest, FormatsUtcAndParsesBack) {
    EXPECT_EQ(formatTimestamp(utc(2026, 11, 25, 10)), "2026-11-25T10:00:00Z");
    EXPECT_EQ(formatTimestamp(TimePoint{}), "1970-01-01T00:00:00Z");
    EXPECT_EQ(formatTimestamp(utc(9999, 12, 31, 23, 59, 59)), "9999-12-31T23:59:59Z");
    for (TimePoint t : {utc(2000, 1, 1), utc(2024, 2, 29, 13, 7, 9), utc(2026, 12, 31, 23, 59, 59)})
        EXPECT_EQ(parseTimestamp(formatTimestamp(t)), t) << formatTimestamp(t);
}

TEST(TimestampTest, FormatsAgesRoundedDown) {
    EXPECT_EQ(formatAge(Seconds{0}), "0 s");
    EXPECT_EQ(formatAge(Seconds{12}), "12 s");
    EXPECT_EQ(formatAge(Seconds{59}), "59 s");
    EXPECT_EQ(formatAge(Seconds{60}), "1 min");
    EXPECT_EQ(formatAge(Seconds{5 * 60 + 59}), "5 min");
    EXPECT_EQ(formatAge(Seconds{3599}), "59 min");
    EXPECT_EQ(formatAge(Seconds{3600}), "1 h");
    EXPECT_EQ(formatAge(Seconds{3 * 3600 + 3599}), "3 h");
    EXPECT_EQ(formatAge(Seconds{86399}), "23 h");
    EXPECT_EQ(formatAge(Seconds{86400}), "1 d");
    EXPECT_EQ(formatAge(Seconds{2 * 86400 + 86399}), "2 d");
    // Clocks a little apart: a value from the future is "just now".
    EXPECT_EQ(formatAge(Seconds{-5}), "0 s");
}

}  // namespace
}  // namespace twin::feeds
