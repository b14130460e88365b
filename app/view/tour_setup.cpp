#include "view/tour_setup.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/log.h"
#include "tour/tour_framing.h"

namespace twin {
namespace {
// The clearance test runs over pieces at most this long: the BVH prunes a
// capsule by its bounding box, which a long diagonal move would make huge.
constexpr float kClearancePieceMetres = 2.0f;
}  // namespace

StopFraming makeStopFraming(const SceneDescription& scene, const ModelExtents& models, float aspect) {
    return [&scene, &models, aspect](const TourStop& stop) -> CameraViewpoint {
        if (stop.kind == TourStop::TargetKind::Platform) {
            if (const Platform* platform = scene.platform(stop.targetId)) {
                RoomFramingDesc room;
                room.footprint = platform->footprint;
                if (const Floor* floor = scene.floor(platform->floor)) {
                    room.floorElevation = floor->elevation;
                    room.ceilingHeight = floor->height;
                }
                return frameRoom(room);
            }
        }
        if (stop.kind == TourStop::TargetKind::Machine) {
            const Machine* machine = scene.machine(stop.targetId);
            auto model = machine ? models.find(machine->model.file) : models.end();
            if (model != models.end()) {
                const glm::mat4& t = machine->model.transform;
                engine::Aabb bounds = model->second.bounds.transformed(t);
                MachineFramingDesc frame;
                frame.boundsMin = bounds.min;
                frame.boundsMax = bounds.max;
                // The machine's front (+Z) after its placement.
                frame.yawDegrees = float(std::atan2(t[2][0], t[2][2]) * 180.0 / M_PI);
                frame.aspect = aspect;
                // The floor of its platform: a printer on a table must not
                // lift the eye by the table's height.
                if (const Platform* platform = scene.platform(machine->platform))
                    if (const Floor* floor = scene.floor(platform->floor)) frame.floorElevation = floor->elevation;
                return frameMachine(frame);
            }
        }
        CameraViewpoint view;
        view.target = stop.point;
        view.eye = stop.point + glm::vec3(0.0f, 1.5f, 5.0f);
        return view;
    };
}

std::optional<CameraViewpoint> machineViewpoint(const SceneDescription& scene, const ModelExtents& models,
                                                const std::string& id, float aspect) {
    if (!scene.machine(id)) return std::nullopt;
    TourStop stop;
    stop.kind = TourStop::TargetKind::Machine;
    stop.targetId = id;
    return makeStopFraming(scene, models, aspect)(stop);
}

std::function<bool(glm::vec3, glm::vec3)> tourSegmentTest(std::shared_ptr<const engine::TriangleBvh> obstacles,
                                                          float clearance) {
    return [obstacles = std::move(obstacles), clearance](glm::vec3 from, glm::vec3 to) {
        if (!obstacles) return false;
        if (obstacles->occluded(from, to)) return true;
        float length = glm::length(to - from);
        if (!(clearance > 0.0f) || !(length > 2.0f * clearance)) return false;
        // The capsule's ends reach `from` and `to` exactly: clearance is
        // asked for along the move, not around the stops themselves.
        glm::vec3 direction = (to - from) / length;
        glm::vec3 start = from + direction * clearance;
        float inner = length - 2.0f * clearance;
        int pieces = std::max(1, int(std::ceil(inner / kClearancePieceMetres)));
        std::vector<engine::CapsuleContact> contacts;
        for (int i = 0; i < pieces; ++i) {
            glm::vec3 a = start + direction * (inner * float(i) / float(pieces));
            glm::vec3 b = start + direction * (inner * float(i + 1) / float(pieces));
            if (obstacles->capsuleContacts(a, b, clearance, contacts) > 0) return true;
        }
        return false;
    };
}

std::optional<TourPlayer> makeTourPlayer(const SceneDescription& scene, const std::string& id,
                                         const StopFraming& framing, bool reducedMotion,
                                         std::optional<CameraViewpoint> startFrom,
                                         std::shared_ptr<const engine::TriangleBvh> obstacles) {
    const Tour* tour = scene.tour(id);
    if (!tour) return std::nullopt;
    TourPlayerDesc desc;
    desc.reducedMotion = reducedMotion;
    desc.startFrom = startFrom;
    if (obstacles) {
        desc.path.segmentBlocked = tourSegmentTest(std::move(obstacles));
        desc.path.detourWaypoints = scene.building.waypoints;
    }
    TourPlayer player(*tour, framing, desc);
    // The tour's own moves are checked when it is built without a start
    // (at load); a glide from wherever the visitor left the camera may have
    // no route, and that is not the scene's fault.
    if (int unresolved = player.path().unresolvedLegs(); unresolved > 0 && !startFrom)
        engine::log::warning("tour \"" + id + "\": " + std::to_string(unresolved) +
                             " camera move(s) go through the building; add building.waypoints along the way (" +
                             scene.file.filename().string() + ")");
    return player;
}

StopPanels stopPanels(const SceneDescription& scene, const std::vector<std::string>& panels) {
    StopPanels open;
    for (const std::string& panel : panels) {
        const size_t colon = panel.find(':');
        if (colon == std::string::npos) continue;
        const std::string kind = panel.substr(0, colon), id = panel.substr(colon + 1);
        if (kind == "platform") {
            for (size_t i = 0; i < scene.platforms.size(); ++i)
                if (scene.platforms[i].id == id) open.platform = i;
        } else if (kind == "machine") {
            for (size_t i = 0; i < scene.machines.size(); ++i)
                if (scene.machines[i].id == id) open.machine = i;
        }
    }
    return open;
}

}  // namespace twin
