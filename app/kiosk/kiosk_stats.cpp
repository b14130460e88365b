#include "kiosk/kiosk_stats.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>

#include "core/file_util.h"
#include "core/log.h"
#include "feeds/timestamp.h"

namespace twin::kiosk {
namespace {
constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS kiosk_events ("
    " time INTEGER NOT NULL,"        // seconds since 1970, UTC
    " kind TEXT NOT NULL,"           // session, tour_started, tour_finished, card
    " detail TEXT NOT NULL DEFAULT '',"  // session: its language; tour: its id; card: platform:ID or machine:ID
    " seconds REAL NOT NULL DEFAULT 0);"  // session: its length
    "CREATE INDEX IF NOT EXISTS kiosk_events_time ON kiosk_events(time);";

std::string hourText(UnixSeconds hour) {
    std::time_t t = std::time_t(hour);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:00:00Z", &utc);
    return text;
}
}  // namespace

std::filesystem::path defaultStatsFile() {
    return engine::userStateDirectory() / "twin-tour" / "kiosk-stats.sqlite";
}

engine::Result<std::unique_ptr<KioskStats>> KioskStats::open(const std::filesystem::path& file) {
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string why = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        return engine::makeError("cannot open the kiosk statistics \"" + file.string() + "\": " + why);
    }
    sqlite3_busy_timeout(db, 2000);
    char* message = nullptr;
    if (sqlite3_exec(db, kSchema, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string why = message ? message : "unknown error";
        sqlite3_free(message);
        sqlite3_close_v2(db);
        return engine::makeError("the kiosk statistics \"" + file.string() + "\" are not usable: " + why);
    }
    return std::unique_ptr<KioskStats>(new KioskStats(db));
}

KioskStats::~KioskStats() { sqlite3_close_v2(db_); }

void KioskStats::insert(UnixSeconds at, const char* kind, const std::string& detail, double seconds) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, "INSERT INTO kiosk_events(time, kind, detail, seconds) VALUES (?, ?, ?, ?)", -1, &st,
                           nullptr) != SQLITE_OK) {
        ++failed_;
        return;
    }
    sqlite3_bind_int64(st, 1, at);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, detail.c_str(), int(detail.size()), SQLITE_TRANSIENT);
    sqlite3_bind_double(st, 4, seconds);
    if (sqlite3_step(st) != SQLITE_DONE) {
        if (failed_++ == 0) engine::log::warning(std::string("kiosk statistics: cannot write: ") + sqlite3_errmsg(db_));
    }
    sqlite3_finalize(st);
}

void KioskStats::recordSession(UnixSeconds start, UnixSeconds end, const std::string& language) {
    insert(start, "session", language, double(std::max<UnixSeconds>(0, end - start)));
}
void KioskStats::recordTourStarted(UnixSeconds at, const std::string& tour) { insert(at, "tour_started", tour, 0); }
void KioskStats::recordTourFinished(UnixSeconds at, const std::string& tour) { insert(at, "tour_finished", tour, 0); }
void KioskStats::recordCardOpened(UnixSeconds at, const std::string& what) { insert(at, "card", what, 0); }

std::vector<HourFigures> KioskStats::hours(UnixSeconds since) const {
    std::map<UnixSeconds, HourFigures> byHour;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT time, kind, detail, seconds FROM kiosk_events WHERE time >= ? ORDER BY time",
                           -1, &st, nullptr) != SQLITE_OK)
        return {};
    sqlite3_bind_int64(st, 1, since);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const UnixSeconds time = sqlite3_column_int64(st, 0);
        const std::string kind = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
        const unsigned char* detailText = sqlite3_column_text(st, 2);
        const std::string detail = detailText ? reinterpret_cast<const char*>(detailText) : "";
        const UnixSeconds hour = time - ((time % 3600) + 3600) % 3600;
        HourFigures& h = byHour[hour];
        h.hour = hour;
        if (kind == "session") {
            ++h.sessions;
            h.sessionSeconds += sqlite3_column_double(st, 3);
            if (detail == "en")
                ++h.english;
            else
                ++h.french;
        } else if (kind == "tour_started") {
            ++h.toursStarted;
        } else if (kind == "tour_finished") {
            ++h.toursFinished;
        } else if (kind == "card") {
            ++h.cardsOpened;
        }
    }
    sqlite3_finalize(st);
    std::vector<HourFigures> out;
    for (auto& [hour, figures] : byHour) out.push_back(figures);
    return out;
}

Totals KioskStats::totals(UnixSeconds since) const {
    Totals t;
    for (const HourFigures& h : hours(since)) {
        t.sessions += h.sessions;
        t.sessionSeconds += h.sessionSeconds;
        t.toursStarted += h.toursStarted;
        t.toursFinished += h.toursFinished;
        t.cardsOpened += h.cardsOpened;
        t.french += h.french;
        t.english += h.english;
    }
    return t;
}

std::string reportCsv(const std::vector<HourFigures>& hours) {
    std::string csv =
        "hour_utc,sessions,session_seconds_total,session_seconds_mean,tours_started,tours_finished,cards_opened,"
        "sessions_fr,sessions_en\n";
    char line[256];
    for (const HourFigures& h : hours) {
        std::snprintf(line, sizeof line, "%s,%d,%.0f,%.1f,%d,%d,%d,%d,%d\n", hourText(h.hour).c_str(), h.sessions,
                      h.sessionSeconds, h.sessions ? h.sessionSeconds / h.sessions : 0.0, h.toursStarted,
                      h.toursFinished, h.cardsOpened, h.french, h.english);
        csv += line;
    }
    return csv;
}

std::optional<UnixSeconds> parseSince(const std::string& text) {
    std::string iso = text;
    if (text.size() == 10) iso += "T00:00:00Z";
    auto time = feeds::parseTimestamp(iso);
    if (!time) return std::nullopt;
    return UnixSeconds(time->time_since_epoch().count());
}

int runKioskReport(const std::filesystem::path& file, const std::string& since, std::FILE* out, std::FILE* err) {
    UnixSeconds from = 0;
    if (!since.empty()) {
        auto parsed = parseSince(since);
        if (!parsed) {
            std::fprintf(err, "twin-tour: --since expects a date such as 2026-12-04 or an ISO 8601 time, got \"%s\"\n",
                         since.c_str());
            return 2;
        }
        from = *parsed;
    }
    if (!std::filesystem::exists(file)) {
        std::fprintf(err, "twin-tour: no kiosk statistics at \"%s\" (a kiosk writes them as it runs)\n",
                     file.c_str());
        return 1;
    }
    auto stats = KioskStats::open(file);
    if (!stats) {
        std::fprintf(err, "twin-tour: %s\n", stats.error().c_str());
        return 1;
    }
    std::fputs(reportCsv((*stats)->hours(from)).c_str(), out);
    return 0;
}

}  // namespace twin::kiosk
