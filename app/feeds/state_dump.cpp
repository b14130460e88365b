#include "feeds/state_dump.h"

#include <nlohmann/json.hpp>

#include "feeds/timestamp.h"

namespace twin::feeds {
namespace {

// Ordered, so that the dump reads in the order of the header's sketch and
// of the scene.
using Json = nlohmann::ordered_json;

Json orNull(const std::optional<int>& value) { return value ? Json(*value) : Json(nullptr); }

Json activityJson(const Activity& activity) {
    return Json{{"title", {{"fr", activity.title.fr}, {"en", activity.title.en}}},
                {"kind", std::string(toString(activity.kind))},
                {"start", formatTimestamp(activity.start)},
                {"end", formatTimestamp(activity.end)},
                {"headcount", orNull(activity.headcount)}};
}

Json platformJson(const PlatformLive* live, int sceneCapacity, const DumpContext& context) {
    Json out{{"occupancy", nullptr}, {"activity", nullptr}};
    if (!live) return out;
    if (const auto& occupancy = live->occupancy) {
        // The payload's capacity wins; without one the scene's applies.
        std::optional<int> capacity = occupancy->capacity;
        if (!capacity && sceneCapacity > 0) capacity = sceneCapacity;
        out["occupancy"] = Json{{"count", occupancy->count},
                                {"capacity", orNull(capacity)},
                                {"stale", isStale(occupancy->ts, context.clock, context.staleAfter)},
                                {"ts", formatTimestamp(occupancy->ts)}};
    }
    if (const auto& report = live->activity) {
        Json activity = activityJson(report->current);
        activity["stale"] = isStale(report->ts, context.clock, context.staleAfter);
        activity["ts"] = formatTimestamp(report->ts);
        activity["next"] = report->next ? activityJson(*report->next) : Json(nullptr);
        out["activity"] = std::move(activity);
    }
    return out;
}

Json machineJson(const MachineLive* live, const DumpContext& context) {
    if (!live || !live->status)
        return Json{{"state", nullptr}, {"job", nullptr}, {"progress", nullptr},
                    {"since", nullptr}, {"stale", nullptr}, {"ts", nullptr}};
    const MachineStatus& status = *live->status;
    return Json{{"state", std::string(toString(status.state))},
                {"job", status.job.fr == status.job.en ? Json(status.job.fr)
                                                       : Json{{"fr", status.job.fr}, {"en", status.job.en}}},
                {"progress", status.progress ? Json(*status.progress) : Json(nullptr)},
                {"since", formatTimestamp(status.since)},
                {"stale", isStale(status.ts, context.clock, context.staleAfter)},
                {"ts", formatTimestamp(status.ts)}};
}

}  // namespace

std::string dumpState(const LiveState& state, const SceneDescription& scene, const DumpContext& context) {
    Json platforms = Json::object();
    for (const Platform& platform : scene.platforms)
        platforms[platform.id] = platformJson(state.platform(platform.id), platform.capacity, context);
    // Values for ids the scene does not know are listed too, so a dump never
    // hides what the state holds.
    for (const auto& [id, live] : state.platforms())
        if (!platforms.contains(id)) platforms[id] = platformJson(&live, 0, context);

    Json machines = Json::object();
    for (const Machine& machine : scene.machines) machines[machine.id] = machineJson(state.machine(machine.id), context);
    for (const auto& [id, live] : state.machines())
        if (!machines.contains(id)) machines[id] = machineJson(&live, context);

    Json doc{{"clock", formatTimestamp(context.clock)},
             {"connection", std::string(toString(context.connection))},
             {"rejected", context.rejected},
             {"platforms", std::move(platforms)},
             {"machines", std::move(machines)}};
    // Text from the scene or a payload could be invalid UTF-8 only if built
    // by code; it becomes U+FFFD instead of an exception.
    return doc.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace twin::feeds
