#pragma once
// Anonymous statistics of a kiosk, for the staff: visits (start, end,
// length), tours started and finished, cards opened, the languages used.
// Nothing personal is kept: no input, no position, no identifier of a
// visitor; only counts and the ids of the scene's tours, platforms and
// machines. Stored in a local SQLite file; exported as CSV per hour. No GL.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

struct sqlite3;

namespace twin::kiosk {

// Seconds since 1970 (UTC): the statistics' clock, given by the caller.
using UnixSeconds = int64_t;

// $XDG_STATE_HOME/twin-tour/kiosk-stats.sqlite, or ~/.local/state/twin-tour/...
std::filesystem::path defaultStatsFile();

// One hour's figures.
struct HourFigures {
    UnixSeconds hour = 0;  // the hour's start
    int sessions = 0;      // visits that started in this hour
    double sessionSeconds = 0;  // their total length
    int toursStarted = 0;
    int toursFinished = 0;
    int cardsOpened = 0;
    int french = 0;   // visits that ended in French
    int english = 0;  // ... in English
    bool operator==(const HourFigures&) const = default;
};

struct Totals {
    int sessions = 0;
    double sessionSeconds = 0;
    int toursStarted = 0;
    int toursFinished = 0;
    int cardsOpened = 0;
    int french = 0;
    int english = 0;
};

class KioskStats {
public:
    // Opens (creates) the file; an error names it and says why.
    static engine::Result<std::unique_ptr<KioskStats>> open(const std::filesystem::path& file);
    ~KioskStats();
    KioskStats(const KioskStats&) = delete;
    KioskStats& operator=(const KioskStats&) = delete;

    // A visit from `start` to `end`, ended in `language` ("fr" or "en").
    void recordSession(UnixSeconds start, UnixSeconds end, const std::string& language);
    void recordTourStarted(UnixSeconds at, const std::string& tour);
    void recordTourFinished(UnixSeconds at, const std::string& tour);
    // `what`: "platform:ID" or "machine:ID".
    void recordCardOpened(UnixSeconds at, const std::string& what);

    // Per hour, oldest first, from `since` on (hours with nothing left out).
    std::vector<HourFigures> hours(UnixSeconds since = 0) const;
    Totals totals(UnixSeconds since = 0) const;
    // Writes failed so far (a full disk must not stop the kiosk).
    int failedWrites() const { return failed_; }

private:
    explicit KioskStats(sqlite3* db) : db_(db) {}
    void insert(UnixSeconds at, const char* kind, const std::string& detail, double seconds);
    sqlite3* db_;
    int failed_ = 0;
};

// The CSV report: a header line, then one line per hour.
std::string reportCsv(const std::vector<HourFigures>& hours);
// "2026-12-04" or an ISO 8601 time, for --since; nullopt if neither.
std::optional<UnixSeconds> parseSince(const std::string& text);
// `twin-tour --kiosk-report [--since DATE]`: writes the CSV to `out`.
int runKioskReport(const std::filesystem::path& file, const std::string& since, std::FILE* out, std::FILE* err);

}  // namespace twin::kiosk
