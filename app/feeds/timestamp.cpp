#include "feeds/timestamp.h"

#include <ctime>

#include <cstdio>

namespace twin::feeds {
namespace {

using namespace std::chrono;

// Reads exactly `count` ASCII digits at `pos`; false on anything else.
bool readDigits(std::string_view text, size_t pos, size_t count, int& value) {
    if (pos + count > text.size()) return false;
    value = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        char c = text[i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

bool expectChar(std::string_view text, size_t pos, char c) { return pos < text.size() && text[pos] == c; }

}  // namespace

std::optional<TimePoint> parseTimestamp(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SS, fixed positions.
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!readDigits(text, 0, 4, y) || !expectChar(text, 4, '-') || !readDigits(text, 5, 2, mo) ||
        !expectChar(text, 7, '-') || !readDigits(text, 8, 2, d) || !expectChar(text, 10, 'T') ||
        !readDigits(text, 11, 2, h) || !expectChar(text, 13, ':') || !readDigits(text, 14, 2, mi) ||
        !expectChar(text, 16, ':') || !readDigits(text, 17, 2, s))
        return std::nullopt;
    // No leap second: sys_seconds cannot hold 23:59:60.
    if (h > 23 || mi > 59 || s > 59) return std::nullopt;
    year_month_day date{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!date.ok()) return std::nullopt;  // 2026-02-30, month 13, day 0

    size_t pos = 19;
    if (expectChar(text, pos, '.')) {
        // Fractions are cut: the data model holds whole seconds.
        size_t first = ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (pos == first) return std::nullopt;
    }

    minutes offset{0};
    if (expectChar(text, pos, 'Z')) {
        ++pos;
    } else if (expectChar(text, pos, '+') || expectChar(text, pos, '-')) {
        const bool west = text[pos] == '-';
        int oh = 0, om = 0;
        if (!readDigits(text, pos + 1, 2, oh)) return std::nullopt;
        pos += 3;
        if (expectChar(text, pos, ':')) ++pos;  // "+01:00" and "+0100" are both ISO 8601
        if (!readDigits(text, pos, 2, om)) return std::nullopt;
        pos += 2;
        if (oh > 23 || om > 59) return std::nullopt;
        offset = hours{oh} + minutes{om};
        if (west) offset = -offset;
    } else {
        return std::nullopt;  // a time without a zone is ambiguous
    }
    if (pos != text.size()) return std::nullopt;

    // Local time minus its offset is UTC.
    return TimePoint{sys_days{date}} + hours{h} + minutes{mi} + seconds{s} - offset;
}

std::string formatTimestamp(TimePoint time) {
    const sys_days day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss<seconds> clock{time - day};
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(date.year()), unsigned(date.month()),
                  unsigned(date.day()), int(clock.hours().count()), int(clock.minutes().count()),
                  int(clock.seconds().count()));
    return text;
}

std::string formatAge(Seconds age) {
    // A value from the future (clocks a little apart) reads as just now.
    const long long s = age.count() < 0 ? 0 : age.count();
    if (s < 60) return std::to_string(s) + " s";
    if (s < 3600) return std::to_string(s / 60) + " min";
    if (s < 86400) return std::to_string(s / 3600) + " h";
    return std::to_string(s / 86400) + " d";
}

TimePoint startOfLocalDay(TimePoint time) {
    std::time_t t = std::time_t(time.time_since_epoch().count());
    std::tm tm{};
    localtime_r(&t, &tm);
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    tm.tm_isdst = -1;
    return TimePoint(Seconds(int64_t(std::mktime(&tm))));
}

}  // namespace twin::feeds
