#include "feeds/payload.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include <nlohmann/json.hpp>

#include "feeds/timestamp.h"

namespace twin::feeds {
namespace {

using nlohmann::json;

// Our payloads nest three deep (activity -> next -> title); unknown members
// may nest a little more. Deeper is not a payload, and stopping it here keeps
// any later recursive walk of the document bounded.
constexpr int kMaxNesting = 32;
// Nothing older is a live value: a clock reset to 1970 or a zero timestamp.
constexpr TimePoint kOldestTimestamp{std::chrono::sys_days{std::chrono::year{2000} / 1 / 1}};
constexpr Seconds kLongestActivity{14 * 24 * 3600};
// Quoted outside text in an error is cut to this, so a log line stays a line.
constexpr size_t kQuoteBytes = 60;

// Length of the valid UTF-8 sequence starting at text[i], 0 if invalid
// (overlong forms, surrogates and code points above U+10FFFF included).
size_t utf8SequenceLength(std::string_view text, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0) low = 0xA0;   // overlong
        if (c == 0xED) high = 0x9F;  // UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0) low = 0x90;   // overlong
        if (c == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (size_t k = 2; k < length; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return length;
}

// Outside text as a JSON-like quoted string that is always valid UTF-8 and
// printable: control and invalid bytes escaped, long text cut with "...".
std::string quotedText(std::string_view text) {
    std::string out = "\"";
    size_t i = 0;
    while (i < text.size()) {
        if (i >= kQuoteBytes) {
            out += "...";
            break;
        }
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const size_t length = utf8SequenceLength(text, i);
        char escape[8];
        if (length == 0) {
            std::snprintf(escape, sizeof escape, "\\x%02X", c);
            out += escape;
            i += 1;
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
            i += 1;
        } else if (c < 0x20 || c == 0x7F) {
            std::snprintf(escape, sizeof escape, "\\u%04X", c);
            out += escape;
            i += 1;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out + "\"";
}

// What a JSON value is, for "found ..." in an error.
std::string describe(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return value.get<bool>() ? "true" : "false";
        case json::value_t::string: return quotedText(value.get_ref<const std::string&>());
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return value.dump();
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        default: return "a value of an unknown kind";
    }
}

// The payload, byte by byte, before any parsing: valid UTF-8 and not nested
// too deep. Brackets inside strings do not count.
engine::Status checkText(std::string_view text) {
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size();) {
        const size_t length = utf8SequenceLength(text, i);
        if (length == 0) return engine::makeError("payload: not valid UTF-8 (byte " + std::to_string(i) + ")");
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                // An escape: skip the escaped character (ASCII in valid JSON;
                // the next loop round checks whatever it is).
                i += 1;
                if (i < text.size() && utf8SequenceLength(text, i) == 1) i += 1;
                continue;
            }
            if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxNesting)
                return engine::makeError("payload: nested more than " + std::to_string(kMaxNesting) +
                                         " deep; expected a flat JSON object");
        } else if (c == ']' || c == '}') {
            --depth;
        }
        i += length;
    }
    return {};
}

// Reads the members of one JSON object, keeping the first problem. Paths
// are dotted member names ("next.title.fr"), as the error shows them.
class Reader {
public:
    explicit Reader(const PayloadLimits& limits) : limits_(limits) {}

    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }

    bool fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
        return false;
    }
    bool wrong(const std::string& path, std::string_view expected, const json& found) {
        return fail("\"" + path + "\": expected " + std::string(expected) + ", found " + describe(found));
    }

    // The member, or nullptr when absent. An optional member that is null
    // counts as absent (producers write None/null for "no value").
    const json* member(const json& object, const std::string& key, const std::string& path, bool required,
                       std::string_view expected) {
        auto it = object.find(key);
        if (it == object.end() || (!required && it->is_null())) {
            if (required) fail("\"" + path + "\" is missing: expected " + std::string(expected));
            return nullptr;
        }
        return &*it;
    }

    // An integer in [min, max]; 12.0 counts as 12, 12.5 or "12" do not.
    bool integer(const json& object, const std::string& key, const std::string& prefix, bool required, int min,
                 int max, std::optional<int>& out) {
        const std::string path = prefix + key;
        const std::string expected = "an integer " + std::to_string(min) + "-" + std::to_string(max);
        const json* value = member(object, key, path, required, expected);
        if (!value) return !failed();
        if (value->is_number_unsigned()) {
            const auto n = value->get<json::number_unsigned_t>();
            if (max >= 0 && n <= json::number_unsigned_t(max) && (min <= 0 || n >= json::number_unsigned_t(min))) {
                out = int(n);
                return true;
            }
        } else if (value->is_number_integer()) {
            const auto n = value->get<json::number_integer_t>();
            if (n >= min && n <= max) {
                out = int(n);
                return true;
            }
        } else if (value->is_number_float()) {
            const double n = value->get<double>();
            if (std::floor(n) == n && n >= min && n <= max) {
                out = int(n);
                return true;
            }
        }
        return wrong(path, expected, *value);
    }

    bool number(const json& object, const std::string& key, const std::string& prefix, double min, double max,
                std::optional<double>& out) {
        const std::string path = prefix + key;
        char expected[64];
        std::snprintf(expected, sizeof expected, "a number %g-%g", min, max);
        const json* value = member(object, key, path, false, expected);
        if (!value) return !failed();
        if (value->is_number()) {
            const double n = value->get<double>();
            if (n >= min && n <= max) {
                out = n;
                return true;
            }
        }
        return wrong(path, expected, *value);
    }

    // A string of at most maxTextBytes; `nonEmpty` also refuses blank text,
    // which would show as nothing on a panel.
    bool text(const json& object, const std::string& key, const std::string& prefix, bool required, bool nonEmpty,
              std::string& out) {
        const std::string path = prefix + key;
        const json* value = member(object, key, path, required, nonEmpty ? "a non-empty string" : "a string");
        if (!value) return !failed();
        if (!value->is_string()) return wrong(path, nonEmpty ? "a non-empty string" : "a string", *value);
        const std::string& s = value->get_ref<const std::string&>();
        if (nonEmpty && s.find_first_not_of(" \t\r\n") == std::string::npos)
            return wrong(path, "a non-empty string", *value);
        if (s.size() > limits_.maxTextBytes)
            return fail("\"" + path + "\": expected at most " + std::to_string(limits_.maxTextBytes) +
                        " bytes of text, found " + std::to_string(s.size()));
        out = s;
        return true;
    }

    bool timestamp(const json& object, const std::string& key, const std::string& prefix, TimePoint& out) {
        const std::string path = prefix + key;
        constexpr std::string_view expected = "an ISO 8601 timestamp such as \"2026-11-25T10:00:00Z\"";
        const json* value = member(object, key, path, true, expected);
        if (!value) return false;
        std::optional<TimePoint> time;
        if (value->is_string()) time = parseTimestamp(value->get_ref<const std::string&>());
        if (!time) return wrong(path, expected, *value);
        out = *time;
        return true;
    }

    bool localized(const json& object, const std::string& key, const std::string& prefix, LocalizedText& out) {
        const std::string path = prefix + key;
        constexpr std::string_view expected = "{\"fr\": \"...\", \"en\": \"...\"}";
        const json* value = member(object, key, path, true, expected);
        if (!value) return false;
        if (!value->is_object()) return wrong(path, expected, *value);
        return text(*value, "fr", path + ".", true, true, out.fr) && text(*value, "en", path + ".", true, true, out.en);
    }

    // A machine's job: absent or null (none), a string (the same name in
    // both languages, possibly empty) or exactly {"fr": "...", "en": "..."},
    // both non-empty. Each name is bounded like any text.
    bool job(const json& object, LocalizedText& out) {
        constexpr std::string_view expected = "a string or {\"fr\": \"...\", \"en\": \"...\"}";
        const json* value = member(object, "job", "job", false, expected);
        if (!value) return !failed();
        if (value->is_string()) {
            if (!text(object, "job", "", false, false, out.fr)) return false;
            out.en = out.fr;
            return true;
        }
        if (!value->is_object()) return wrong("job", expected, *value);
        for (const auto& [key, _] : value->items())
            if (key != "fr" && key != "en")
                return fail("\"job\": expected exactly the members \"fr\" and \"en\", found " + quotedText(key));
        return text(*value, "fr", "job.", true, true, out.fr) && text(*value, "en", "job.", true, true, out.en);
    }

    bool activityKind(const json& object, const std::string& prefix, ActivityKind& out) {
        const std::string path = prefix + "kind";
        constexpr std::string_view expected = "one of training, company-project, demo, open-lab, closed";
        const json* value = member(object, "kind", path, true, expected);
        if (!value) return false;
        std::optional<ActivityKind> kind;
        if (value->is_string()) kind = activityKindFrom(value->get_ref<const std::string&>());
        if (!kind) return wrong(path, expected, *value);
        out = *kind;
        return true;
    }

    // title, kind, start, end, headcount: the shape shared by the current
    // activity and the next one.
    bool activity(const json& object, const std::string& prefix, Activity& out) {
        if (!localized(object, "title", prefix, out.title) || !activityKind(object, prefix, out.kind) ||
            !timestamp(object, "start", prefix, out.start) || !timestamp(object, "end", prefix, out.end))
            return false;
        if (out.end < out.start)
            return fail("\"" + prefix + "end\": expected at or after \"" + prefix + "start\" (" +
                        formatTimestamp(out.start) + "), found " + formatTimestamp(out.end));
        if (out.end - out.start > kLongestActivity)
            return fail("\"" + prefix + "end\": expected at most 14 days after \"" + prefix + "start\" (" +
                        formatTimestamp(out.start) + "), found " + formatTimestamp(out.end));
        return integer(object, "headcount", prefix, false, 0, limits_.maxCount, out.headcount);
    }

    const PayloadLimits& limits() const { return limits_; }

private:
    const PayloadLimits& limits_;
    std::string error_;
};

enum class Subject { Occupancy, Activity, Machine };

struct TopicParts {
    Subject subject;
    std::string id;
};

// prefix + "/platforms/{id}/occupancy" and the other two forms; the id must
// be known.
engine::Result<TopicParts> parseTopic(std::string_view prefix, std::string_view topic, const KnownIds& ids) {
    if (topic.size() <= prefix.size() || topic.substr(0, prefix.size()) != prefix || topic[prefix.size()] != '/')
        return engine::makeError("topic: expected it to start with " + quotedText(std::string(prefix) + "/"));
    const std::string_view rest = topic.substr(prefix.size() + 1);
    if (rest.find_first_of("+#") != std::string_view::npos)
        return engine::makeError("topic: wildcards (+, #) are for subscriptions, not for a message's topic");
    std::vector<std::string_view> levels;
    for (size_t begin = 0;;) {
        const size_t slash = rest.find('/', begin);
        levels.push_back(rest.substr(begin, slash == std::string_view::npos ? std::string_view::npos : slash - begin));
        if (slash == std::string_view::npos || levels.size() > 3) break;
        begin = slash + 1;
    }
    constexpr std::string_view forms =
        "\"platforms/{id}/occupancy\", \"platforms/{id}/activity\" or \"machines/{id}/state\" after the prefix";
    if (levels.size() != 3 || (levels[0] != "platforms" && levels[0] != "machines"))
        return engine::makeError("topic: expected " + std::string(forms) + ", found " + quotedText(rest));
    const bool platform = levels[0] == "platforms";
    if (levels[1].empty())
        return engine::makeError(std::string("topic: the ") + (platform ? "platform" : "machine") + " id is empty");
    TopicParts parts{Subject::Machine, std::string(levels[1])};
    if (platform) {
        if (levels[2] == "occupancy") {
            parts.subject = Subject::Occupancy;
        } else if (levels[2] == "activity") {
            parts.subject = Subject::Activity;
        } else {
            return engine::makeError("topic: expected \"occupancy\" or \"activity\" after \"platforms/{id}/\", found " +
                                     quotedText(levels[2]));
        }
        if (!ids.platforms.contains(parts.id)) return engine::makeError("unknown platform " + quotedText(parts.id));
    } else {
        if (levels[2] != "state")
            return engine::makeError("topic: expected \"state\" after \"machines/{id}/\", found " + quotedText(levels[2]));
        if (!ids.machines.contains(parts.id)) return engine::makeError("unknown machine " + quotedText(parts.id));
    }
    return parts;
}

Update readOccupancy(Reader& r, const json& doc, std::string id, TimePoint ts) {
    OccupancyUpdate update{std::move(id), {}};
    update.value.ts = ts;
    std::optional<int> count;
    if (!r.integer(doc, "count", "", true, 0, r.limits().maxCount, count)) return update;
    update.value.count = *count;
    if (!r.integer(doc, "capacity", "", false, 1, r.limits().maxCapacity, update.value.capacity)) return update;
    // More people than four times the room holds is a broken counter.
    if (update.value.capacity && update.value.count > 4 * *update.value.capacity)
        r.fail("\"count\": " + std::to_string(update.value.count) + " is more than 4 times the capacity (" +
               std::to_string(*update.value.capacity) + "); expected a plausible count");
    return update;
}

Update readActivity(Reader& r, const json& doc, std::string id, TimePoint ts) {
    ActivityUpdate update{std::move(id), {}};
    update.value.ts = ts;
    if (!r.activity(doc, "", update.value.current)) return update;
    const json* next = r.member(doc, "next", "next", false, "an object");
    if (!next) return update;
    if (!next->is_object()) {
        r.wrong("next", "an object with title, kind, start and end", *next);
        return update;
    }
    Activity following;
    if (!r.activity(*next, "next.", following)) return update;
    if (following.start < update.value.current.start) {
        r.fail("\"next.start\": expected at or after \"start\" (" + formatTimestamp(update.value.current.start) +
               "), found " + formatTimestamp(following.start));
        return update;
    }
    update.value.next = std::move(following);
    return update;
}

Update readMachine(Reader& r, const json& doc, std::string id, TimePoint ts) {
    MachineUpdate update{std::move(id), {}};
    update.value.ts = ts;
    update.value.since = ts;  // LiveState moves it back while the state stays the same
    constexpr std::string_view expected = "one of running, idle, setup, maintenance, fault, offline";
    const json* state = r.member(doc, "state", "state", true, expected);
    if (!state) return update;
    std::optional<MachineState> machineState;
    if (state->is_string()) machineState = machineStateFrom(state->get_ref<const std::string&>());
    if (!machineState) {
        r.wrong("state", expected, *state);
        return update;
    }
    update.value.state = *machineState;
    if (!r.job(doc, update.value.job)) return update;
    r.number(doc, "progress", "", 0.0, 1.0, update.value.progress);
    return update;
}

engine::Result<Update> parseChecked(std::string_view prefix, std::string_view topic, std::string_view payload,
                                    const KnownIds& ids, TimePoint now, const PayloadLimits& limits) {
    if (payload.size() > limits.maxBytes)
        return engine::makeError("payload: " + std::to_string(payload.size()) + " bytes, more than the " +
                                 std::to_string(limits.maxBytes) + " allowed");
    engine::Result<TopicParts> parts = parseTopic(prefix, topic, ids);
    if (!parts) return engine::makeError(parts.error());
    if (engine::Status text = checkText(payload); !text) return engine::makeError(text.error());

    json doc;
    try {
        doc = json::parse(payload.begin(), payload.end());
    } catch (const json::parse_error& e) {
        if (payload.find_first_not_of(" \t\r\n") == std::string_view::npos)
            return engine::makeError("payload: empty; expected a JSON object");
        return engine::makeError("payload: not JSON (syntax error at byte " + std::to_string(e.byte) + ")");
    } catch (const json::exception&) {
        // A number beyond the range of a double, e.g. 1e999.
        return engine::makeError("payload: not usable JSON (a number too large)");
    }
    if (!doc.is_object()) return engine::makeError("payload: expected a JSON object, found " + describe(doc));

    Reader r(limits);
    TimePoint ts{};
    if (!r.timestamp(doc, "ts", "", ts)) return engine::makeError(r.error());
    if (ts < kOldestTimestamp)
        return engine::makeError("\"ts\": expected 2000-01-01 or later, found " + formatTimestamp(ts));
    // Not now + ahead, which overflows for a clock far in the future (readers
    // of stored values pass one to turn this check off).
    if (ts > now && ts - now > limits.maxAheadOfNow)
        return engine::makeError("\"ts\": " + formatTimestamp(ts) + " is more than " +
                                 std::to_string(limits.maxAheadOfNow.count()) +
                                 " s ahead of the receiver's clock (" + formatTimestamp(now) + ")");

    std::string id = std::move(parts->id);
    Update update = parts->subject == Subject::Occupancy ? readOccupancy(r, doc, std::move(id), ts)
                    : parts->subject == Subject::Activity ? readActivity(r, doc, std::move(id), ts)
                                                          : readMachine(r, doc, std::move(id), ts);
    if (r.failed()) return engine::makeError(r.error());
    return update;
}

// Output order follows the contract's examples; invalid UTF-8 in a value
// built by code (never one that was parsed) becomes U+FFFD instead of
// throwing.
std::string compact(const nlohmann::ordered_json& doc) {
    return doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

nlohmann::ordered_json activityJson(const Activity& activity) {
    nlohmann::ordered_json doc;
    doc["title"] = {{"fr", activity.title.fr}, {"en", activity.title.en}};
    doc["kind"] = toString(activity.kind);
    doc["start"] = formatTimestamp(activity.start);
    doc["end"] = formatTimestamp(activity.end);
    if (activity.headcount) doc["headcount"] = *activity.headcount;
    return doc;
}

}  // namespace

engine::Result<Update> parseMessage(std::string_view prefix, std::string_view topic, std::string_view payload,
                                    const KnownIds& ids, TimePoint now, const PayloadLimits& limits) {
    try {
        return parseChecked(prefix, topic, payload, ids, now, limits);
    } catch (const std::exception& e) {
        // Only memory exhaustion is left to get here; it must not cross the module.
        return engine::makeError(std::string("payload: could not be read (") + e.what() + ")");
    }
}

std::string topicSuffixOf(const Update& update) {
    struct Visitor {
        std::string operator()(const OccupancyUpdate& u) const { return "platforms/" + u.platform + "/occupancy"; }
        std::string operator()(const ActivityUpdate& u) const { return "platforms/" + u.platform + "/activity"; }
        std::string operator()(const MachineUpdate& u) const { return "machines/" + u.machine + "/state"; }
    };
    return std::visit(Visitor{}, update);
}

std::string payloadOf(const Update& update) {
    struct Visitor {
        nlohmann::ordered_json operator()(const OccupancyUpdate& u) const {
            nlohmann::ordered_json doc;
            doc["count"] = u.value.count;
            if (u.value.capacity) doc["capacity"] = *u.value.capacity;
            doc["ts"] = formatTimestamp(u.value.ts);
            return doc;
        }
        nlohmann::ordered_json operator()(const ActivityUpdate& u) const {
            nlohmann::ordered_json doc = activityJson(u.value.current);
            if (u.value.next) doc["next"] = activityJson(*u.value.next);
            doc["ts"] = formatTimestamp(u.value.ts);
            return doc;
        }
        nlohmann::ordered_json operator()(const MachineUpdate& u) const {
            nlohmann::ordered_json doc;
            doc["state"] = toString(u.value.state);
            // One name for both languages goes out as the plain string it
            // came in as (older rows and publishers), two as an object.
            const LocalizedText& job = u.value.job;
            if (job.fr == job.en) {
                if (!job.fr.empty()) doc["job"] = job.fr;
            } else {
                doc["job"] = {{"fr", job.fr}, {"en", job.en}};
            }
            if (u.value.progress) doc["progress"] = *u.value.progress;
            doc["ts"] = formatTimestamp(u.value.ts);
            return doc;
        }
    };
    try {
        return compact(std::visit(Visitor{}, update));
    } catch (const std::exception&) {
        return "{}";  // memory exhaustion only; parseMessage rejects "{}"
    }
}

}  // namespace twin::feeds
