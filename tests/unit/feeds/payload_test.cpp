// parseMessage, rejection by rejection: each case breaks one thing in an
// otherwise valid message and expects its own reason; then the edge values
// that must pass, and the round trip through topicSuffixOf/payloadOf.
#include "feeds/payload.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "feeds/timestamp.h"

namespace twin::feeds {
namespace {

using nlohmann::json;
using namespace std::chrono;

const std::string kPrefix = "twin/v1";
const std::string kOccupancy = kPrefix + "/platforms/additive/occupancy";
const std::string kActivity = kPrefix + "/platforms/additive/activity";
const std::string kMachine = kPrefix + "/machines/cnc-1/state";

TimePoint at(const char* text) { return *parseTimestamp(text); }

const TimePoint kNow = at("2026-11-25T12:00:00Z");

KnownIds knownIds() { return {{"additive", "machining"}, {"cnc-1", "fdm-1"}}; }

engine::Result<Update> parse(const std::string& topic, std::string_view payload, const PayloadLimits& limits = {}) {
    return parseMessage(kPrefix, topic, payload, knownIds(), kNow, limits);
}

// Valid payloads; each case patches one member (json null in a patch
// removes the member, RFC 7386).
json occupancyDoc() { return {{"count", 12}, {"capacity", 20}, {"ts", "2026-11-25T11:59:00Z"}}; }

json activityDoc() {
    return {{"title", {{"fr", "Formation impression 3D"}, {"en", "3D printing course"}}},
            {"kind", "training"},
            {"start", "2026-11-25T09:00:00Z"},
            {"end", "2026-11-25T17:00:00Z"},
            {"headcount", 12},
            {"next",
             {{"title", {{"fr", "Laboratoire ouvert"}, {"en", "Open lab"}}},
              {"kind", "open-lab"},
              {"start", "2026-11-26T09:00:00Z"},
              {"end", "2026-11-26T12:00:00Z"}}},
            {"ts", "2026-11-25T11:00:00Z"}};
}

json machineDoc() { return {{"state", "running"}, {"job", "bracket-v2"}, {"progress", 0.42}, {"ts", "2026-11-25T11:58:00Z"}}; }

std::string patched(json doc, const json& patch) {
    doc.merge_patch(patch);
    return doc.dump();
}

struct RejectCase {
    const char* name;
    std::string topic;
    std::string payload;
    std::string reason;  // a substring of the error
};

void expectRejected(const RejectCase& c, const PayloadLimits& limits = {}) {
    engine::Result<Update> result = parse(c.topic, c.payload, limits);
    ASSERT_FALSE(result.ok()) << c.name << ": accepted " << c.topic << " " << c.payload;
    EXPECT_NE(result.error().find(c.reason), std::string::npos)
        << c.name << ": expected a reason with [" << c.reason << "], got [" << result.error() << "]";
}

TEST(PayloadTest, ValidMessagesOfEachKindParse) {
    engine::Result<Update> occupancy = parse(kOccupancy, occupancyDoc().dump());
    ASSERT_TRUE(occupancy.ok()) << occupancy.error();
    const auto& o = std::get<OccupancyUpdate>(occupancy.value());
    EXPECT_EQ(o.platform, "additive");
    EXPECT_EQ(o.value.count, 12);
    EXPECT_EQ(o.value.capacity, 20);
    EXPECT_EQ(o.value.ts, at("2026-11-25T11:59:00Z"));

    engine::Result<Update> activity = parse(kActivity, activityDoc().dump());
    ASSERT_TRUE(activity.ok()) << activity.error();
    const auto& a = std::get<ActivityUpdate>(activity.value());
    EXPECT_EQ(a.platform, "additive");
    EXPECT_EQ(a.value.current.title.fr, "Formation impression 3D");
    EXPECT_EQ(a.value.current.title.en, "3D printing course");
    EXPECT_EQ(a.value.current.kind, ActivityKind::Training);
    EXPECT_EQ(a.value.current.start, at("2026-11-25T09:00:00Z"));
    EXPECT_EQ(a.value.current.end, at("2026-11-25T17:00:00Z"));
    EXPECT_EQ(a.value.current.headcount, 12);
    ASSERT_TRUE(a.value.next);
    EXPECT_EQ(a.value.next->kind, ActivityKind::OpenLab);
    EXPECT_EQ(a.value.next->title.en, "Open lab");
    EXPECT_EQ(a.value.next->headcount, std::nullopt);
    EXPECT_EQ(a.value.ts, at("2026-11-25T11:00:00Z"));

    engine::Result<Update> machine = parse(kMachine, machineDoc().dump());
    ASSERT_TRUE(machine.ok()) << machine.error();
    const auto& m = std::get<MachineUpdate>(machine.value());
    EXPECT_EQ(m.machine, "cnc-1");
    EXPECT_EQ(m.value.state, MachineState::Running);
    EXPECT_EQ(m.value.job.fr, "bracket-v2");  // a plain string names the job in both languages
    EXPECT_EQ(m.value.job.en, "bracket-v2");
    EXPECT_EQ(m.value.progress, 0.42);
    EXPECT_EQ(m.value.ts, at("2026-11-25T11:58:00Z"));
    EXPECT_EQ(timestampOf(machine.value()), m.value.ts);
}

TEST(PayloadTest, RejectsBadTopics) {
    const std::string ok = occupancyDoc().dump();
    const std::string okMachine = machineDoc().dump();
    const RejectCase cases[] = {
        {"other prefix", "site/v1/platforms/additive/occupancy", ok, "topic: expected it to start with \"twin/v1/\""},
        {"prefix glued", "twin/v1x/platforms/additive/occupancy", ok, "expected it to start with \"twin/v1/\""},
        {"prefix only", "twin/v1", ok, "expected it to start with \"twin/v1/\""},
        {"empty topic", "", ok, "expected it to start with"},
        {"nothing after prefix", "twin/v1/", ok, "after the prefix, found \"\""},
        {"extra level", kOccupancy + "/extra", ok, "\"platforms/{id}/occupancy\", \"platforms/{id}/activity\" or"},
        {"missing level", "twin/v1/platforms/additive", ok, "after the prefix, found \"platforms/additive\""},
        {"double slash", "twin/v1//platforms/additive/occupancy", ok, "after the prefix"},
        {"other category", "twin/v1/robots/cnc-1/state", okMachine, "after the prefix, found \"robots/cnc-1/state\""},
        {"capitalised", "twin/v1/Platforms/additive/occupancy", ok, "after the prefix"},
        {"single-level wildcard", "twin/v1/platforms/+/occupancy", ok, "wildcards (+, #)"},
        {"multi-level wildcard", "twin/v1/platforms/additive/#", ok, "wildcards (+, #)"},
        {"empty platform id", "twin/v1/platforms//occupancy", ok, "topic: the platform id is empty"},
        {"empty machine id", "twin/v1/machines//state", okMachine, "topic: the machine id is empty"},
        {"unknown platform", "twin/v1/platforms/kitchen/occupancy", ok, "unknown platform \"kitchen\""},
        {"unknown machine", "twin/v1/machines/toaster/state", okMachine, "unknown machine \"toaster\""},
        {"machine id as platform", "twin/v1/platforms/cnc-1/occupancy", ok, "unknown platform \"cnc-1\""},
        {"unknown platform measure", "twin/v1/platforms/additive/temperature", ok,
         "expected \"occupancy\" or \"activity\" after \"platforms/{id}/\", found \"temperature\""},
        {"unknown machine measure", "twin/v1/machines/cnc-1/occupancy", ok,
         "expected \"state\" after \"machines/{id}/\", found \"occupancy\""},
    };
    for (const RejectCase& c : cases) expectRejected(c);
}

TEST(PayloadTest, RejectsPayloadsThatAreNotAJsonObject) {
    std::string deep = "{\"count\": 1, \"ts\": \"2026-11-25T11:59:00Z\", \"x\": ";
    deep += std::string(200, '[') + std::string(200, ']') + "}";
    const RejectCase cases[] = {
        {"empty", kOccupancy, "", "payload: empty; expected a JSON object"},
        {"blank", kOccupancy, " \n", "payload: empty"},
        {"bare words", kOccupancy, "{count: 1}", "payload: not JSON (syntax error at byte"},
        {"trailing garbage", kOccupancy, occupancyDoc().dump() + " x", "not JSON"},
        {"cut short", kOccupancy, "{\"count\": 1, \"ts\": \"2026-11", "not JSON"},
        {"array", kOccupancy, "[1, 2]", "payload: expected a JSON object, found an array"},
        {"number", kOccupancy, "12", "expected a JSON object, found 12"},
        {"string", kOccupancy, "\"12\"", "expected a JSON object, found \"12\""},
        {"null", kOccupancy, "null", "expected a JSON object, found null"},
        {"invalid byte", kOccupancy, "{\"count\": 1, \"ts\": \"2026-11-25T11:59:00Z\", \"x\": \"\xff\"}",
         "payload: not valid UTF-8 (byte 49)"},
        {"overlong", kOccupancy, "{\"x\": \"\xC0\xAF\"}", "not valid UTF-8"},
        {"surrogate", kOccupancy, "{\"x\": \"\xED\xA0\x80\"}", "not valid UTF-8"},
        {"above U+10FFFF", kOccupancy, "{\"x\": \"\xF4\x90\x80\x80\"}", "not valid UTF-8"},
        {"truncated sequence", kOccupancy, "{\"x\": \"\xE2\x82\"}", "not valid UTF-8"},
        {"escaped lone surrogate", kOccupancy, "{\"x\": \"\\ud800\"}", "not JSON"},
        {"deep nesting", kOccupancy, deep, "payload: nested more than 32 deep"},
        {"number overflow", kOccupancy, "{\"count\": 1e999, \"ts\": \"2026-11-25T11:59:00Z\"}",
         "payload: not usable JSON (a number too large)"},
    };
    for (const RejectCase& c : cases) expectRejected(c);
}

TEST(PayloadTest, RejectsOversizePayloadsBeforeParsing) {
    PayloadLimits limits;
    std::string payload = occupancyDoc().dump();
    payload.resize(limits.maxBytes + 1, ' ');  // valid JSON, only too long
    expectRejected({"oversize", kOccupancy, payload, "payload: 16385 bytes, more than the 16384 allowed"}, limits);
    // Even garbage is refused for its size, not for its content.
    expectRejected({"oversize garbage", kOccupancy, std::string(20000, '\xff'), "20000 bytes, more than"}, limits);
    payload.resize(limits.maxBytes);
    EXPECT_TRUE(parse(kOccupancy, payload, limits).ok());

    limits.maxBytes = 10;
    expectRejected({"smaller limit", kOccupancy, occupancyDoc().dump(), "more than the 10 allowed"}, limits);
}

TEST(PayloadTest, RejectsBadTimestamps) {
    const RejectCase cases[] = {
        {"missing ts", kOccupancy, patched(occupancyDoc(), {{"ts", nullptr}}),
         "\"ts\" is missing: expected an ISO 8601 timestamp"},
        {"ts null", kOccupancy, R"({"count": 1, "ts": null})", "\"ts\": expected an ISO 8601 timestamp"},
        {"ts number", kOccupancy, patched(occupancyDoc(), {{"ts", 1764064800}}),
         "\"ts\": expected an ISO 8601 timestamp such as \"2026-11-25T10:00:00Z\", found 1764064800"},
        {"ts garbage", kOccupancy, patched(occupancyDoc(), {{"ts", "yesterday"}}), "found \"yesterday\""},
        {"ts impossible", kOccupancy, patched(occupancyDoc(), {{"ts", "2026-02-30T10:00:00Z"}}),
         "found \"2026-02-30T10:00:00Z\""},
        {"ts too far ahead", kOccupancy, patched(occupancyDoc(), {{"ts", "2026-11-25T12:05:01Z"}}),
         "\"ts\": 2026-11-25T12:05:01Z is more than 300 s ahead of the receiver's clock (2026-11-25T12:00:00Z)"},
        {"ts before 2000", kOccupancy, patched(occupancyDoc(), {{"ts", "1999-12-31T23:59:59Z"}}),
         "\"ts\": expected 2000-01-01 or later, found 1999-12-31T23:59:59Z"},
        {"ts at the epoch", kMachine, patched(machineDoc(), {{"ts", "1970-01-01T00:00:00Z"}}),
         "expected 2000-01-01 or later"},
    };
    for (const RejectCase& c : cases) expectRejected(c);
}

TEST(PayloadTest, RejectsBadOccupancy) {
    const RejectCase cases[] = {
        {"count missing", kOccupancy, patched(occupancyDoc(), {{"count", nullptr}}),
         "\"count\" is missing: expected an integer 0-10000"},
        {"count negative", kOccupancy, patched(occupancyDoc(), {{"count", -3}}),
         "\"count\": expected an integer 0-10000, found -3"},
        {"count too large", kOccupancy, patched(occupancyDoc(), {{"count", 10001}, {"capacity", nullptr}}),
         "\"count\": expected an integer 0-10000, found 10001"},
        {"count fraction", kOccupancy, patched(occupancyDoc(), {{"count", 12.5}}), "found 12.5"},
        {"count string", kOccupancy, patched(occupancyDoc(), {{"count", "12"}}), "found \"12\""},
        {"count boolean", kOccupancy, patched(occupancyDoc(), {{"count", true}}), "\"count\": expected an integer 0-10000, found true"},
        {"count null", kOccupancy, R"({"count": null, "ts": "2026-11-25T11:59:00Z"})", "found null"},
        {"count array", kOccupancy, patched(occupancyDoc(), {{"count", {1}}}), "found an array"},
        {"count object", kOccupancy, patched(occupancyDoc(), {{"count", {{"n", 1}}}}), "found an object"},
        {"count huge", kOccupancy, R"({"count": 1e300, "ts": "2026-11-25T11:59:00Z"})", "found 1e+300"},
        {"count above 64 bits", kOccupancy, R"({"count": 18446744073709551616, "ts": "2026-11-25T11:59:00Z"})",
         "\"count\": expected an integer 0-10000"},
        {"count max unsigned", kOccupancy, R"({"count": 18446744073709551615, "ts": "2026-11-25T11:59:00Z"})",
         "found 18446744073709551615"},
        {"count min signed", kOccupancy, R"({"count": -9223372036854775808, "ts": "2026-11-25T11:59:00Z"})",
         "found -9223372036854775808"},
        {"capacity zero", kOccupancy, patched(occupancyDoc(), {{"capacity", 0}}),
         "\"capacity\": expected an integer 1-10000, found 0"},
        {"capacity too large", kOccupancy, patched(occupancyDoc(), {{"capacity", 10001}}), "found 10001"},
        {"capacity string", kOccupancy, patched(occupancyDoc(), {{"capacity", "20"}}),
         "\"capacity\": expected an integer 1-10000, found \"20\""},
        {"count absurd", kOccupancy, patched(occupancyDoc(), {{"count", 81}, {"capacity", 20}}),
         "\"count\": 81 is more than 4 times the capacity (20)"},
    };
    for (const RejectCase& c : cases) expectRejected(c);
}

TEST(PayloadTest, RejectsBadActivity) {
    const std::string long401(401, 'a');
    const RejectCase cases[] = {
        {"title missing", kActivity, patched(activityDoc(), {{"title", nullptr}}), "\"title\" is missing"},
        {"title string", kActivity, patched(activityDoc(), {{"title", "Course"}}),
         "\"title\": expected {\"fr\": \"...\", \"en\": \"...\"}, found \"Course\""},
        {"title fr missing", kActivity, patched(activityDoc(), {{"title", {{"fr", nullptr}}}}),
         "\"title.fr\" is missing: expected a non-empty string"},
        {"title en empty", kActivity, patched(activityDoc(), {{"title", {{"en", ""}}}}),
         "\"title.en\": expected a non-empty string, found \"\""},
        {"title fr blank", kActivity, patched(activityDoc(), {{"title", {{"fr", "  \t"}}}}),
         "\"title.fr\": expected a non-empty string, found \"  \\u0009\""},
        {"title fr number", kActivity, patched(activityDoc(), {{"title", {{"fr", 3}}}}),
         "\"title.fr\": expected a non-empty string, found 3"},
        {"title fr too long", kActivity, patched(activityDoc(), {{"title", {{"fr", long401}}}}),
         "\"title.fr\": expected at most 400 bytes of text, found 401"},
        {"kind missing", kActivity, patched(activityDoc(), {{"kind", nullptr}}), "\"kind\" is missing"},
        {"kind unknown", kActivity, patched(activityDoc(), {{"kind", "party"}}),
         "\"kind\": expected one of training, company-project, demo, open-lab, closed, found \"party\""},
        {"kind capitalised", kActivity, patched(activityDoc(), {{"kind", "Training"}}), "found \"Training\""},
        {"kind number", kActivity, patched(activityDoc(), {{"kind", 1}}), "\"kind\": expected one of"},
        {"start missing", kActivity, patched(activityDoc(), {{"start", nullptr}}), "\"start\" is missing"},
        {"start garbage", kActivity, patched(activityDoc(), {{"start", "9h"}}),
         "\"start\": expected an ISO 8601 timestamp"},
        {"end missing", kActivity, patched(activityDoc(), {{"end", nullptr}}), "\"end\" is missing"},
        {"end before start", kActivity, patched(activityDoc(), {{"end", "2026-11-25T08:59:59Z"}}),
         "\"end\": expected at or after \"start\" (2026-11-25T09:00:00Z), found 2026-11-25T08:59:59Z"},
        {"longer than 14 days", kActivity,
         patched(activityDoc(), {{"end", "2026-12-09T09:00:01Z"}, {"next", nullptr}}),
         "\"end\": expected at most 14 days after \"start\""},
        {"headcount negative", kActivity, patched(activityDoc(), {{"headcount", -1}}),
         "\"headcount\": expected an integer 0-10000, found -1"},
        {"headcount fraction", kActivity, patched(activityDoc(), {{"headcount", 2.5}}), "found 2.5"},
        {"next string", kActivity, patched(activityDoc(), {{"next", "lunch"}}),
         "\"next\": expected an object with title, kind, start and end, found \"lunch\""},
        {"next without title", kActivity, patched(activityDoc(), {{"next", {{"title", nullptr}}}}),
         "\"next.title\" is missing"},
        {"next title empty", kActivity, patched(activityDoc(), {{"next", {{"title", {{"fr", ""}}}}}}),
         "\"next.title.fr\": expected a non-empty string"},
        {"next kind unknown", kActivity, patched(activityDoc(), {{"next", {{"kind", "lunch"}}}}),
         "\"next.kind\": expected one of"},
        {"next end before its start", kActivity, patched(activityDoc(), {{"next", {{"end", "2026-11-26T08:00:00Z"}}}}),
         "\"next.end\": expected at or after \"next.start\""},
        {"next longer than 14 days", kActivity,
         patched(activityDoc(), {{"next", {{"end", "2026-12-11T09:00:00Z"}}}}),
         "\"next.end\": expected at most 14 days after \"next.start\""},
        {"next before current", kActivity,
         patched(activityDoc(), {{"next", {{"start", "2026-11-25T08:00:00Z"}, {"end", "2026-11-25T08:30:00Z"}}}}),
         "\"next.start\": expected at or after \"start\" (2026-11-25T09:00:00Z), found 2026-11-25T08:00:00Z"},
        {"next headcount", kActivity, patched(activityDoc(), {{"next", {{"headcount", "many"}}}}),
         "\"next.headcount\": expected an integer 0-10000, found \"many\""},
    };
    for (const RejectCase& c : cases) expectRejected(c);
}

TEST(PayloadTest, RejectsBadMachineState) {
    const RejectCase cases[] = {
        {"state missing", kMachine, patched(machineDoc(), {{"state", nullptr}}),
         "\"state\" is missing: expected one of running, idle, setup, maintenance, fault, offline"},
        {"state unknown", kMachine, patched(machineDoc(), {{"state", "broken"}}),
         "\"state\": expected one of running, idle, setup, maintenance, fault, offline, found \"broken\""},
        {"state number", kMachine, patched(machineDoc(), {{"state", 1}}), "\"state\": expected one of"},
        {"job number", kMachine, patched(machineDoc(), {{"job", 5}}),
         "\"job\": expected a string or {\"fr\": \"...\", \"en\": \"...\"}, found 5"},
        {"job array", kMachine, patched(machineDoc(), {{"job", json::array({"Pièce", "Part"})}}), "\"job\": expected a string or"},
        {"job boolean", kMachine, patched(machineDoc(), {{"job", true}}), "\"job\": expected a string or"},
        {"job too long", kMachine, patched(machineDoc(), {{"job", std::string(401, 'j')}}),
         "\"job\": expected at most 400 bytes of text, found 401"},
        // The object form: exactly fr and en, both non-empty strings, each bounded.
        {"job missing en", kMachine, R"({"state": "running", "job": {"fr": "Pièce"}, "ts": "2026-11-25T11:58:00Z"})",
         "\"job.en\" is missing: expected a non-empty string"},
        {"job missing fr", kMachine, R"({"state": "running", "job": {"en": "Part"}, "ts": "2026-11-25T11:58:00Z"})",
         "\"job.fr\" is missing"},
        {"job empty object", kMachine, R"({"state": "running", "job": {}, "ts": "2026-11-25T11:58:00Z"})",
         "\"job.fr\" is missing"},
        {"job fr number", kMachine, patched(machineDoc(), {{"job", {{"fr", 5}, {"en", "Part"}}}}),
         "\"job.fr\": expected a non-empty string, found 5"},
        {"job en null", kMachine, R"({"state": "running", "job": {"fr": "Pièce", "en": null}, "ts": "2026-11-25T11:58:00Z"})",
         "\"job.en\": expected a non-empty string, found null"},
        {"job nested", kMachine, patched(machineDoc(), {{"job", {{"fr", {{"text", "Pièce"}}}, {"en", "Part"}}}}),
         "\"job.fr\": expected a non-empty string, found an object"},
        {"job en blank", kMachine, patched(machineDoc(), {{"job", {{"fr", "Pièce"}, {"en", " "}}}}),
         "\"job.en\": expected a non-empty string, found \" \""},
        {"job other language", kMachine, patched(machineDoc(), {{"job", {{"fr", "Pièce"}, {"en", "Part"}, {"de", "Teil"}}}}),
         "\"job\": expected exactly the members \"fr\" and \"en\", found \"de\""},
        {"job fr too long", kMachine, patched(machineDoc(), {{"job", {{"fr", std::string(401, 'j')}, {"en", "Part"}}}}),
         "\"job.fr\": expected at most 400 bytes of text, found 401"},
        {"job en too long", kMachine, patched(machineDoc(), {{"job", {{"fr", "Pièce"}, {"en", std::string(401, 'j')}}}}),
         "\"job.en\": expected at most 400 bytes of text, found 401"},
        {"progress above 1", kMachine, patched(machineDoc(), {{"progress", 1.5}}),
         "\"progress\": expected a number 0-1, found 1.5"},
        {"progress negative", kMachine, patched(machineDoc(), {{"progress", -0.1}}), "found -0.1"},
        {"progress string", kMachine, patched(machineDoc(), {{"progress", "0.5"}}), "found \"0.5\""},
        {"progress boolean", kMachine, patched(machineDoc(), {{"progress", true}}), "found true"},
    };
    for (const RejectCase& c : cases) expectRejected(c);
}

TEST(PayloadTest, ReasonsQuoteOutsideTextSafely) {
    // A long id is cut, control and invalid bytes are escaped, so the
    // reason is one readable, valid UTF-8 line.
    engine::Result<Update> longId = parse("twin/v1/platforms/" + std::string(5000, 'x') + "/occupancy", "{}");
    ASSERT_FALSE(longId.ok());
    EXPECT_LT(longId.error().size(), 120u) << longId.error();
    EXPECT_NE(longId.error().find("...\""), std::string::npos) << longId.error();

    engine::Result<Update> oddId = parse("twin/v1/platforms/a\nb\xff/occupancy", "{}");
    ASSERT_FALSE(oddId.ok());
    EXPECT_NE(oddId.error().find("unknown platform \"a\\u000Ab\\xFF\""), std::string::npos) << oddId.error();
    EXPECT_NO_THROW((void)json(oddId.error()).dump());
}

TEST(PayloadTest, AcceptsEdgeValues) {
    struct AcceptCase {
        const char* name;
        std::string topic;
        std::string payload;
    };
    const std::string title400(200, 'x');
    std::string accents;
    for (int i = 0; i < 200; ++i) accents += "é";  // 400 bytes
    const AcceptCase cases[] = {
        {"count zero", kOccupancy, patched(occupancyDoc(), {{"count", 0}})},
        {"count max without capacity", kOccupancy, patched(occupancyDoc(), {{"count", 10000}, {"capacity", nullptr}})},
        {"count exactly 4x capacity", kOccupancy, patched(occupancyDoc(), {{"count", 4}, {"capacity", 1}})},
        {"capacity max", kOccupancy, patched(occupancyDoc(), {{"capacity", 10000}})},
        {"capacity null", kOccupancy, patched(occupancyDoc(), {{"capacity", nullptr}})},
        {"ts exactly 300 s ahead", kOccupancy, patched(occupancyDoc(), {{"ts", "2026-11-25T12:05:00Z"}})},
        {"ts exactly 2000", kOccupancy, patched(occupancyDoc(), {{"ts", "2000-01-01T00:00:00Z"}})},
        {"ts with offset and fraction", kOccupancy, patched(occupancyDoc(), {{"ts", "2026-11-25T12:30:00.750+01:00"}})},
        {"unknown members", kOccupancy,
         patched(occupancyDoc(), {{"sensor", {{"model", "ir-9"}, {"channels", {1, 2}}}}, {"note", "ok"}})},
        {"end equals start", kActivity, patched(activityDoc(), {{"end", "2026-11-25T09:00:00Z"}})},
        {"exactly 14 days", kActivity, patched(activityDoc(), {{"end", "2026-12-09T09:00:00Z"}, {"next", nullptr}})},
        {"next starts with current", kActivity,
         patched(activityDoc(), {{"next", {{"start", "2026-11-25T09:00:00Z"}, {"end", "2026-11-25T10:00:00Z"}}}})},
        {"next with ts and extras", kActivity, patched(activityDoc(), {{"next", {{"ts", "junk"}, {"room", 3}}}})},
        {"title 400 bytes", kActivity, patched(activityDoc(), {{"title", {{"fr", accents}, {"en", title400 + title400}}}})},
        {"title other languages", kActivity, patched(activityDoc(), {{"title", {{"de", "Kurs"}}}})},
        {"headcount zero", kActivity, patched(activityDoc(), {{"headcount", 0}})},
        {"kind company-project", kActivity, patched(activityDoc(), {{"kind", "company-project"}})},
        {"kind closed", kActivity, patched(activityDoc(), {{"kind", "closed"}, {"headcount", nullptr}})},
        {"progress zero integer", kMachine, patched(machineDoc(), {{"progress", 0}})},
        {"progress one integer", kMachine, patched(machineDoc(), {{"progress", 1}})},
        {"job empty", kMachine, patched(machineDoc(), {{"job", ""}})},
        {"job 400 bytes", kMachine, patched(machineDoc(), {{"job", title400 + title400}})},
        {"job fr and en", kMachine, patched(machineDoc(), {{"job", {{"fr", "Support de capteur"}, {"en", "Sensor bracket"}}}})},
        {"job fr and en 400 bytes", kMachine,
         patched(machineDoc(), {{"job", {{"fr", accents}, {"en", title400 + title400}}}})},
        {"only state and ts", kMachine, R"({"state": "offline", "ts": "2026-11-25T11:00:00Z"})"},
        {"other machine", kPrefix + "/machines/fdm-1/state", machineDoc().dump()},
        {"other platform", kPrefix + "/platforms/machining/occupancy", occupancyDoc().dump()},
    };
    for (const AcceptCase& c : cases) {
        engine::Result<Update> result = parse(c.topic, c.payload);
        EXPECT_TRUE(result.ok()) << c.name << ": " << (result.ok() ? "" : result.error());
    }
}

TEST(PayloadTest, EdgeValuesReadAsExpected) {
    auto occupancy = [](const std::string& payload) {
        engine::Result<Update> r = parse(kOccupancy, payload);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error());
        return r.ok() ? std::get<OccupancyUpdate>(r.value()).value : Occupancy{};
    };
    EXPECT_EQ(occupancy(patched(occupancyDoc(), {{"count", 12.0}})).count, 12);  // a whole number written as float
    EXPECT_EQ(occupancy(patched(occupancyDoc(), {{"count", -0.0}})).count, 0);
    EXPECT_EQ(occupancy(R"({"count": 1e3, "ts": "2026-11-25T11:59:00Z"})").count, 1000);
    EXPECT_EQ(occupancy(patched(occupancyDoc(), {{"capacity", nullptr}})).capacity, std::nullopt);
    EXPECT_EQ(occupancy(patched(occupancyDoc(), {{"ts", "2026-11-25T12:30:00.750+01:00"}})).ts,
              at("2026-11-25T11:30:00Z"));

    engine::Result<Update> machine = parse(kMachine, R"({"state": "fault", "progress": null, "job": null, "ts": "2026-11-25T11:00:00Z"})");
    ASSERT_TRUE(machine.ok()) << machine.error();
    const MachineStatus& status = std::get<MachineUpdate>(machine.value()).value;
    EXPECT_EQ(status.state, MachineState::Fault);
    EXPECT_EQ(status.progress, std::nullopt);
    EXPECT_TRUE(status.job.empty());

    engine::Result<Update> noNext = parse(kActivity, patched(activityDoc(), {{"next", nullptr}}));
    ASSERT_TRUE(noNext.ok()) << noNext.error();
    EXPECT_FALSE(std::get<ActivityUpdate>(noNext.value()).value.next);
}

TEST(PayloadTest, BilingualJobIsRead) {
    engine::Result<Update> r =
        parse(kMachine, patched(machineDoc(), {{"job", {{"fr", "Insert de moule — op 1"}, {"en", "Mould insert — op 1"}}}}));
    ASSERT_TRUE(r.ok()) << r.error();
    const MachineStatus& status = std::get<MachineUpdate>(r.value()).value;
    EXPECT_EQ(status.job.fr, "Insert de moule — op 1");
    EXPECT_EQ(status.job.en, "Mould insert — op 1");

    engine::Result<Update> plain = parse(kMachine, patched(machineDoc(), {{"job", ""}}));
    ASSERT_TRUE(plain.ok()) << plain.error();
    EXPECT_TRUE(std::get<MachineUpdate>(plain.value()).value.job.empty());  // an empty string: no job
}

TEST(PayloadTest, EveryStateAndKindSpellingIsAccepted) {
    for (MachineState state : kMachineStates) {
        engine::Result<Update> r = parse(kMachine, patched(machineDoc(), {{"state", std::string(toString(state))}}));
        ASSERT_TRUE(r.ok()) << toString(state) << ": " << r.error();
        EXPECT_EQ(std::get<MachineUpdate>(r.value()).value.state, state);
    }
    for (ActivityKind kind : {ActivityKind::Training, ActivityKind::CompanyProject, ActivityKind::Demo,
                              ActivityKind::OpenLab, ActivityKind::Closed}) {
        engine::Result<Update> r = parse(kActivity, patched(activityDoc(), {{"kind", std::string(toString(kind))}}));
        ASSERT_TRUE(r.ok()) << toString(kind) << ": " << r.error();
        EXPECT_EQ(std::get<ActivityUpdate>(r.value()).value.current.kind, kind);
    }
}

TEST(PayloadTest, HonoursPrefixAndLimits) {
    const KnownIds ids = knownIds();
    EXPECT_TRUE(parseMessage("site/a/b", "site/a/b/platforms/additive/occupancy", occupancyDoc().dump(), ids, kNow).ok());
    EXPECT_FALSE(parseMessage("site/a/b", kOccupancy, occupancyDoc().dump(), ids, kNow).ok());

    PayloadLimits limits;
    limits.maxCount = 50;
    limits.maxCapacity = 30;
    limits.maxTextBytes = 8;
    limits.maxAheadOfNow = Seconds{0};
    expectRejected({"small max count", kOccupancy, patched(occupancyDoc(), {{"count", 51}}), "expected an integer 0-50, found 51"},
                   limits);
    expectRejected({"small max capacity", kOccupancy, patched(occupancyDoc(), {{"capacity", 31}}), "an integer 1-30"}, limits);
    expectRejected({"short text", kMachine, patched(machineDoc(), {{"job", "123456789"}}), "at most 8 bytes"}, limits);
    expectRejected({"short job en", kMachine, patched(machineDoc(), {{"job", {{"fr", "12345678"}, {"en", "123456789"}}}}),
                    "\"job.en\": expected at most 8 bytes"},
                   limits);
    expectRejected({"no clock skew", kMachine, patched(machineDoc(), {{"ts", "2026-11-25T12:00:01Z"}}), "0 s ahead"}, limits);
    EXPECT_TRUE(parse(kMachine, patched(machineDoc(), {{"job", "12345678"}, {"ts", "2026-11-25T12:00:00Z"}}), limits).ok());
}

// The round trip: payloadOf and topicSuffixOf give a message that parses
// back into the same update.
Update roundTrip(const Update& update) {
    const std::string topic = kPrefix + "/" + topicSuffixOf(update);
    const std::string payload = payloadOf(update);
    EXPECT_EQ(payload.find_first_of("\n"), std::string::npos) << "not compact: " << payload;
    engine::Result<Update> back = parse(topic, payload);
    EXPECT_TRUE(back.ok()) << topic << " " << payload << ": " << (back.ok() ? "" : back.error());
    return back.ok() ? back.value() : Update{};
}

void expectSameActivity(const Activity& a, const Activity& b) {
    EXPECT_EQ(a.title.fr, b.title.fr);
    EXPECT_EQ(a.title.en, b.title.en);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.start, b.start);
    EXPECT_EQ(a.end, b.end);
    EXPECT_EQ(a.headcount, b.headcount);
}

TEST(PayloadTest, OccupancyRoundTrips) {
    for (std::optional<int> capacity : {std::optional<int>{}, std::optional<int>{20}}) {
        const Update update = OccupancyUpdate{"machining", {17, capacity, at("2026-11-25T11:30:00Z")}};
        EXPECT_EQ(topicSuffixOf(update), "platforms/machining/occupancy");
        const Update back = roundTrip(update);
        ASSERT_TRUE(std::holds_alternative<OccupancyUpdate>(back));
        const auto& o = std::get<OccupancyUpdate>(back);
        EXPECT_EQ(o.platform, "machining");
        EXPECT_EQ(o.value.count, 17);
        EXPECT_EQ(o.value.capacity, capacity);
        EXPECT_EQ(o.value.ts, at("2026-11-25T11:30:00Z"));
    }
    // The contract's own example, member order included.
    EXPECT_EQ(payloadOf(OccupancyUpdate{"additive", {12, 20, at("2026-11-25T10:00:00Z")}}),
              R"({"count":12,"capacity":20,"ts":"2026-11-25T10:00:00Z"})");
}

TEST(PayloadTest, ActivityRoundTrips) {
    ActivityReport report;
    report.current = {{"Démo « cobot »", "Cobot \"demo\"\n"}, ActivityKind::Demo, at("2026-11-25T10:00:00Z"),
                      at("2026-11-25T11:00:00Z"), 25};
    report.ts = at("2026-11-25T10:05:00Z");
    for (bool withNext : {false, true}) {
        if (withNext)
            report.next = Activity{{"Fermé", "Closed"}, ActivityKind::Closed, at("2026-11-25T18:00:00Z"),
                                   at("2026-11-26T08:00:00Z"), std::nullopt};
        const Update update = ActivityUpdate{"additive", report};
        EXPECT_EQ(topicSuffixOf(update), "platforms/additive/activity");
        const Update back = roundTrip(update);
        ASSERT_TRUE(std::holds_alternative<ActivityUpdate>(back));
        const auto& a = std::get<ActivityUpdate>(back);
        EXPECT_EQ(a.platform, "additive");
        EXPECT_EQ(a.value.ts, report.ts);
        expectSameActivity(a.value.current, report.current);
        ASSERT_EQ(a.value.next.has_value(), withNext);
        if (withNext) expectSameActivity(*a.value.next, *report.next);
    }
}

TEST(PayloadTest, MachineRoundTrips) {
    for (std::optional<double> progress : {std::optional<double>{}, std::optional<double>{0.1 + 0.2}}) {
        for (const LocalizedText& job : {LocalizedText{}, LocalizedText{"bracket-v2 / lot 7", "bracket-v2 / lot 7"},
                                         LocalizedText{"Support de capteur — lot 7", "Sensor bracket — batch 7"}}) {
            const TimePoint ts = at("2026-11-25T11:00:00Z");
            const Update update = MachineUpdate{"fdm-1", {MachineState::Setup, job, progress, ts, ts}};
            // One name goes out as a plain string (as older publishers wrote it), two as an object.
            const json written = json::parse(payloadOf(update));
            if (job.empty())
                EXPECT_FALSE(written.contains("job"));
            else if (job.fr == job.en)
                EXPECT_EQ(written["job"], job.fr);
            else
                EXPECT_EQ(written["job"], json({{"fr", job.fr}, {"en", job.en}}));
            EXPECT_EQ(topicSuffixOf(update), "machines/fdm-1/state");
            const Update back = roundTrip(update);
            ASSERT_TRUE(std::holds_alternative<MachineUpdate>(back));
            const auto& m = std::get<MachineUpdate>(back);
            EXPECT_EQ(m.machine, "fdm-1");
            EXPECT_EQ(m.value.state, MachineState::Setup);
            EXPECT_EQ(m.value.job.fr, job.fr);
            EXPECT_EQ(m.value.job.en, job.en);
            EXPECT_EQ(m.value.progress, progress);  // exactly: the shortest round-trip form is written
            EXPECT_EQ(m.value.ts, ts);
            EXPECT_EQ(m.value.since, ts);
        }
    }
}

}  // namespace
}  // namespace twin::feeds
