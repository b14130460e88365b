// The statistics in a real SQLite file, and their CSV report.
#include <gtest/gtest.h>

#include <filesystem>

#include "kiosk/kiosk_stats.h"

namespace twin::kiosk {
namespace {

std::filesystem::path scratch(const char* name) {
    auto path = std::filesystem::temp_directory_path() / ("twin-kiosk-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove(path);
    return path;
}

constexpr UnixSeconds kTen = 1764842400;  // 2025-12-04T10:00:00Z

TEST(KioskStats, CountsPerHourAndSurvivesReopening) {
    const auto file = scratch("stats.sqlite");
    {
        auto stats = KioskStats::open(file);
        ASSERT_TRUE(stats) << stats.error();
        (*stats)->recordSession(kTen + 60, kTen + 240, "fr");
        (*stats)->recordTourStarted(kTen + 70, "discovery");
        (*stats)->recordTourFinished(kTen + 200, "discovery");
        (*stats)->recordCardOpened(kTen + 100, "machine:lpbf-1");
        (*stats)->recordSession(kTen + 3600 + 5, kTen + 3600 + 65, "en");
        (*stats)->recordCardOpened(kTen + 3600 + 10, "platform:additive");
    }
    auto stats = KioskStats::open(file);
    ASSERT_TRUE(stats);
    auto hours = (*stats)->hours();
    ASSERT_EQ(hours.size(), 2u);
    EXPECT_EQ(hours[0].hour, kTen);
    EXPECT_EQ(hours[0].sessions, 1);
    EXPECT_DOUBLE_EQ(hours[0].sessionSeconds, 180.0);
    EXPECT_EQ(hours[0].toursStarted, 1);
    EXPECT_EQ(hours[0].toursFinished, 1);
    EXPECT_EQ(hours[0].cardsOpened, 1);
    EXPECT_EQ(hours[0].french, 1);
    EXPECT_EQ(hours[1].english, 1);
    EXPECT_EQ((*stats)->hours(kTen + 3600).size(), 1u);
    Totals totals = (*stats)->totals();
    EXPECT_EQ(totals.sessions, 2);
    EXPECT_EQ(totals.cardsOpened, 2);
    std::filesystem::remove(file);
}

TEST(KioskStats, CsvReport) {
    HourFigures h;
    h.hour = kTen;
    h.sessions = 2;
    h.sessionSeconds = 300;
    h.toursStarted = 1;
    h.cardsOpened = 3;
    h.french = 1;
    h.english = 1;
    EXPECT_EQ(reportCsv({h}),
              "hour_utc,sessions,session_seconds_total,session_seconds_mean,tours_started,tours_finished,cards_opened,"
              "sessions_fr,sessions_en\n"
              "2025-12-04T10:00:00Z,2,300,150.0,1,0,3,1,1\n");
}

TEST(KioskStats, SinceAcceptsADateOrATime) {
    EXPECT_EQ(parseSince("2025-12-04"), std::optional<UnixSeconds>(kTen - 10 * 3600));
    EXPECT_EQ(parseSince("2025-12-04T10:00:00Z"), std::optional<UnixSeconds>(kTen));
    EXPECT_FALSE(parseSince("yesterday"));
    EXPECT_FALSE(parseSince("2025-13-01"));
}

TEST(KioskStats, ReportCommand) {
    const auto file = scratch("report.sqlite");
    {
        auto stats = KioskStats::open(file);
        ASSERT_TRUE(stats);
        (*stats)->recordSession(kTen, kTen + 30, "fr");
        (*stats)->recordSession(kTen + 86400, kTen + 86400 + 30, "en");
    }
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    EXPECT_EQ(runKioskReport(file, "2025-12-05", out, err), 0);
    EXPECT_EQ(std::ftell(out) > 0, true);
    std::rewind(out);
    char buffer[1024] = {};
    std::fread(buffer, 1, sizeof buffer - 1, out);
    std::string text(buffer);
    EXPECT_EQ(text.find("2025-12-04T10"), std::string::npos) << text;
    EXPECT_NE(text.find("2025-12-05T10:00:00Z,1,30,30.0,0,0,0,0,1"), std::string::npos) << text;
    EXPECT_EQ(runKioskReport(file, "soon", out, err), 2);
    EXPECT_EQ(runKioskReport(scratch("absent.sqlite"), "", out, err), 1);
    std::fclose(out);
    std::fclose(err);
    std::filesystem::remove(file);
}

TEST(KioskStats, AFileThatIsNotSqliteIsAClearError) {
    const auto file = scratch("bad.sqlite");
    {
        std::FILE* f = std::fopen(file.c_str(), "w");
        std::fputs("not a database, just text that is long enough to have a header of sorts......", f);
        std::fclose(f);
    }
    auto stats = KioskStats::open(file);
    ASSERT_FALSE(stats);
    EXPECT_NE(stats.error().find(file.string()), std::string::npos) << stats.error();
    std::filesystem::remove(file);
}

}  // namespace
}  // namespace twin::kiosk
